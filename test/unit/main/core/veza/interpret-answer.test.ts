import { describe, expect, it } from 'vitest';
import { interpretAnswer } from '../../../../../src/main/core/veza/interpret-answer';
import type { JsonAnswer } from '../../../../../src/main/core/veza/read-json-answer';

// What an answer stands for when something other than Veza may have written it: a gateway's,
// firewall's or proxy's page is never "the key is wrong".
const url = 'https://acme.vezacloud.com/api/v1/users/self';

function read(
  status: number,
  text: string,
  headers: Record<string, string> = {},
  extra: Partial<JsonAnswer> = {},
) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const contentType = headers['content-type'] ?? '';
  return interpretAnswer(
    { status, contentType, text, json, ...extra },
    { url, redirects: [], headers },
    { keyWellFormed: true },
  );
}

const html = { 'content-type': 'text/html' };
const nginxPage = (status: number, words: string) =>
  `<html>\r\n<head><title>${status} ${words}</title></head>\r\n<body>\r\n<center><h1>${status} ${words}</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>`;
const problemOf = (reading: ReturnType<typeof read>) => (reading.ok ? undefined : reading.problem);

describe('interpretAnswer: who answered', () => {
  it.each([401, 403, 407, 400])(
    'a gateway page with %i is GATEWAY_REFUSED, naming it and its title, never the key',
    (status) => {
      const problem = problemOf(
        read(status, nginxPage(status, 'Denied'), { ...html, server: 'nginx/1.22.1' }),
      );
      expect(problem?.code).toBe('GATEWAY_REFUSED');
      expect(problem?.detail.facts).toMatchObject({ answerer: 'nginx', title: `${status} Denied` });
      expect(problem?.explanation).toContain(
        `nginx answered with a web page of its own, titled “${status} Denied”`,
      );
      expect(`${problem?.title} ${problem?.explanation}`).not.toMatch(
        /refused the API key|not in the right form/,
      );
    },
  );

  it('a block page with 200 is GATEWAY_REFUSED; another web page with 200 is HTTP_NOT_VEZA', () => {
    const blocked = problemOf(
      read(
        200,
        '<!doctype html><title>Request blocked</title><p>Your request was blocked by the security policy.</p>',
        {
          ...html,
          server: 'Zscaler/6.2',
        },
      ),
    );
    expect(blocked?.code).toBe('GATEWAY_REFUSED');
    expect(blocked?.detail.facts?.answerer).toBe('Zscaler');
    expect(
      problemOf(read(200, '<!doctype html><title>Intranet</title><p>Welcome</p>', html))?.code,
    ).toBe('HTTP_NOT_VEZA');
  });

  it('a refusal in plain words that are not JSON is not Veza; Veza JSON and an empty body are', () => {
    expect(
      problemOf(
        read(403, 'Forbidden', { 'content-type': 'text/plain', via: '1.1 proxy.corp (squid/5.7)' }),
      )?.detail.facts,
    ).toMatchObject({
      answerer: 'the proxy proxy.corp (squid/5.7)',
    });
    expect(
      problemOf(
        read(401, '{"code":"Unauthenticated","message":"Invalid API key"}', {
          'content-type': 'application/json',
          server: 'nginx',
        }),
      )?.code,
    ).toBe('AUTH_INVALID_KEY');
    expect(problemOf(read(401, '', { server: 'nginx' }))?.code).toBe('AUTH_INVALID_KEY');
  });

  it.each([500, 502, 503, 504])(
    'a gateway page with %i: Veza cannot be reached behind its gateway',
    (status) => {
      const problem = problemOf(
        read(status, nginxPage(status, 'Oops'), { ...html, server: 'cloudflare', 'cf-ray': '1' }),
      );
      expect(problem?.code).toBe('GATEWAY_UNAVAILABLE');
      expect(problem?.explanation).toMatch(
        /^Cloudflare in front of the instance \(acme\.vezacloud\.com\)/,
      );
    },
  );

  it("Veza's own 502 and 504 (JSON) read as its gateway too, its 503 as Veza unavailable", () => {
    const envelope = '{"code":"Unavailable","message":"temporarily unavailable"}';
    const json = { 'content-type': 'application/json' };
    expect(problemOf(read(502, envelope, json))?.code).toBe('GATEWAY_UNAVAILABLE');
    expect(problemOf(read(504, envelope, json))?.explanation).toMatch(/^A gateway in front/);
    expect(problemOf(read(503, envelope, json))?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('waits in words from Retry-After; a 429 page stays a rate limit; a sign-in page stays one', () => {
    const unavailable = problemOf(
      read(503, nginxPage(503, 'Maintenance'), html, { retryAfter: '120' }),
    );
    expect(unavailable?.explanation).toContain('It asked to be tried again in 2 minutes.');
    expect(unavailable?.fix[0]).toBe('Wait 2 minutes, then try again.');
    const limited = problemOf(
      read(429, nginxPage(429, 'Too Many Requests'), html, { retryAfter: '150' }),
    );
    expect(limited?.code).toBe('RATE_LIMITED');
    expect(limited?.fix[0]).toBe('Wait about 3 minutes, then try again.');
    const signIn = '<html><title>Sign in</title><form><input type="password"></form></html>';
    expect(problemOf(read(401, signIn, html))?.code).toBe('HTTP_LOGIN_REDIRECT');
  });
});
