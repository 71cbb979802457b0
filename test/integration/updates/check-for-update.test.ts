import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFunction, TransportDeps } from '../../../src/main/core/transport';
import type { UpdateCheckResult } from '../../../src/main/core/updates/check-for-update';
import { createUpdateChecker } from '../../../src/main/core/updates/update-checker';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { startForwardProxy, type TestProxy } from '../../support/network/forward-proxy';
import { mappedLookup } from '../../support/network/lookups';
import { startHttpsServer, type TestServer } from '../../support/network/servers';
import { startSquid, type Squid } from '../../support/network/squid';
import { tempFolder } from '../../support/network/temp-folder';

// Help > Check for updates… (issue 19) against a local HTTPS server standing in for
// api.github.com: the checker is the app's (createUpdateChecker: the one transport, this
// computer's proxy and trust), only the address differs. Names resolve to 127.0.0.1 through
// an injected lookup (the proxy's own too); nothing goes outside this machine.
const folder = tempFolder();
const host = 'api.github.test';
const repository = { owner: 'veza-desk', repo: 'veza-desk' };
const path = `/repos/${repository.owner}/${repository.repo}/releases/latest`;
// A key that sits in this process's environment, as the CLI's VEZA_TOKEN may: it must never
// be sent with an update check.
const key = 'vz-update-check-key-7f3a91c2d4';
let caFile: string;
let github: TestServer;
let squid: Squid | undefined;
const proxies: TestProxy[] = [];

const release = (fields: Record<string, unknown> = {}) => ({
  url: `https://api.github.com${path.replace('latest', '1')}`,
  html_url: 'https://github.com/veza-desk/veza-desk/releases/tag/v1.4.0',
  id: 1,
  tag_name: 'v1.4.0',
  name: 'Veza Desk 1.4.0',
  draft: false,
  prerelease: false,
  created_at: '2026-12-01T09:00:00Z',
  published_at: '2026-12-01T10:00:00Z',
  assets: [],
  body: 'Faster checks.\r\n\r\n\r\n\r\n- Plain words everywhere.',
  ...fields,
});

/** What the stand-in answers, by the first part of the path (/<case>/repos/...). */
const answers: Record<string, (res: http.ServerResponse) => void> = {
  newer: (res) => json(res, 200, release()),
  prerelease: (res) =>
    json(
      res,
      200,
      release({ tag_name: 'v1.5.0-beta.1', prerelease: true, html_url: page('v1.5.0-beta.1') }),
    ),
  draft: (res) => json(res, 200, release({ draft: true })),
  'no-draft-field': (res) => json(res, 200, release({ draft: undefined })),
  'other-repo': (res) =>
    json(
      res,
      200,
      release({ html_url: 'https://github.com/someone/veza-desk/releases/tag/v1.4.0' }),
    ),
  'not-a-version': (res) => json(res, 200, release({ tag_name: 'latest-build' })),
  'not-a-release': (res) => json(res, 200, [release()]),
  'no-releases': (res) =>
    json(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/releases/releases#get-the-latest-release',
      status: '404',
    }),
  'rate-limited': (res) => {
    res.setHeader('x-ratelimit-limit', '60');
    res.setHeader('x-ratelimit-remaining', '0');
    res.setHeader('x-ratelimit-used', '60');
    res.setHeader('x-ratelimit-resource', 'core');
    res.setHeader('x-ratelimit-reset', String(Math.floor(Date.now() / 1000) + 30 * 60));
    json(res, 403, {
      message:
        "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit.)",
      documentation_url:
        'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
    });
  },
  'secondary-limit': (res) => {
    res.setHeader('retry-after', '120');
    json(res, 429, { message: 'You have exceeded a secondary rate limit.' });
  },
  gateway: (res) => {
    res.writeHead(502, { 'content-type': 'text/html', server: 'nginx' });
    res.end(
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    );
  },
  'sign-in-page': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<html><head><title>Guest Wi-Fi: sign in</title></head><body>Accept the terms</body></html>',
    );
  },
  'not-json': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"tag_name": "v1.4.0", ');
  },
  // Takes the request and never answers.
  silent: () => {},
};

function page(tag: string): string {
  return `https://github.com/veza-desk/veza-desk/releases/tag/${tag}`;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  const tls = await makeLoopbackTls([host]);
  caFile = folder.write('company-root.pem', tls.ca.cert);
  github = await startHttpsServer(tls.server, (req, res) => {
    const which = /^\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '';
    (answers[which] ?? answers.newer)?.(res);
  });
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});
afterAll(async () => {
  await Promise.all([github.close(), squid?.close()]);
  folder.dispose();
});

interface CheckOptions {
  currentVersion?: string;
  env?: Record<string, string | undefined>;
  transportDeps?: TransportDeps;
  timeouts?: Parameters<typeof createUpdateChecker>[0]['timeouts'];
}

/** Checks against the stand-in, the computer trusting its CA through NODE_EXTRA_CA_CERTS. */
function check(which: string, options: CheckOptions = {}): Promise<UpdateCheckResult> {
  return createUpdateChecker({
    currentVersion: options.currentVersion ?? '1.3.2',
    releasesUrl: github.url(`/${which}${path}`, host),
    repository,
    env: options.env ?? { NODE_EXTRA_CA_CERTS: caFile, VEZA_TOKEN: key },
    transportDeps: {
      lookup: mappedLookup({ [host]: ['127.0.0.1'] }),
      tempDir: folder.dir,
      ...options.transportDeps,
    },
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  }).check();
}

function problemOf(result: UpdateCheckResult) {
  if (result.kind !== 'problem')
    throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  return result.problem;
}

/** Every header the stand-in received, names and values, as one text to search. */
const lastRequest = () => github.requests.at(-1);
const headersText = (headers: http.IncomingHttpHeaders | undefined) =>
  JSON.stringify(headers ?? {}).toLowerCase();

describe('comparing with the latest release', () => {
  it('offers a newer release with its page, date and clipped notes', async () => {
    const result = await check('newer');
    expect(result).toEqual({
      kind: 'newer',
      version: '1.4.0',
      currentVersion: '1.3.2',
      pageUrl: 'https://github.com/veza-desk/veza-desk/releases/tag/v1.4.0',
      publishedAt: '2026-12-01T10:00:00.000Z',
      notes: 'Faster checks.\n\n- Plain words everywhere.',
    });
  });

  it('sends one GET with Accept and a User-Agent, and no key, Authorization or cookie', async () => {
    const before = github.requests.length;
    await check('newer');
    expect(github.requests.length).toBe(before + 1);
    const request = lastRequest();
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`/newer${path}`);
    expect(request?.headers.accept).toBe('application/vnd.github+json');
    expect(request?.headers['user-agent']).toBe('Veza-Desk/1.3.2');
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual(
      ['accept', 'accept-encoding', 'connection', 'host', 'user-agent'].filter(
        (name) => name in (request?.headers ?? {}),
      ),
    );
    expect(request?.headers).not.toHaveProperty('authorization');
    expect(request?.headers).not.toHaveProperty('cookie');
    expect(request?.headers).not.toHaveProperty('proxy-authorization');
    expect(headersText(request?.headers)).not.toContain(key.toLowerCase());
  });

  it('is up to date on the same version', async () => {
    expect(await check('newer', { currentVersion: '1.4.0' })).toEqual({
      kind: 'up-to-date',
      version: '1.4.0',
      latestVersion: '1.4.0',
    });
  });

  it('is up to date on a newer version than the latest release', async () => {
    expect(await check('newer', { currentVersion: '1.5.0' })).toEqual({
      kind: 'up-to-date',
      version: '1.5.0',
      latestVersion: '1.4.0',
    });
  });

  it('does not offer a prerelease to someone on a release', async () => {
    expect(await check('prerelease', { currentVersion: '1.4.0' })).toEqual({
      kind: 'up-to-date',
      version: '1.4.0',
      latestVersion: '1.5.0-beta.1',
    });
  });

  it('offers a newer prerelease to someone on a prerelease', async () => {
    const result = await check('prerelease', { currentVersion: '1.5.0-alpha.2' });
    expect(result).toMatchObject({ kind: 'newer', version: '1.5.0-beta.1' });
  });
});

describe('answers that are not a release to offer', () => {
  it.each([
    ['draft', 'draft'],
    ['no-draft-field', 'draft'],
    ['other-repo', 'github.com/veza-desk/veza-desk'],
    ['not-a-version', 'not a version'],
    ['not-a-release', 'not a release object'],
    ['not-json', 'not valid JSON'],
  ])('%s: UPDATE_ANSWER_UNREADABLE, nothing offered', async (which, why) => {
    const problem = problemOf(await check(which));
    expect(problem.code).toBe('UPDATE_ANSWER_UNREADABLE');
    expect(problem.detail.raw).toContain(why);
    expect(problem.explanation).toContain(host);
  });

  it('an HTML page from a gateway: UPDATE_ANSWER_UNREADABLE naming what answered', async () => {
    const problem = problemOf(await check('gateway'));
    expect(problem.code).toBe('UPDATE_ANSWER_UNREADABLE');
    expect(problem.explanation).toContain('HTTP 502');
    expect(problem.detail.raw).toContain('nginx');
    expect(problem.detail.raw).toContain('502 Bad Gateway');
  });

  it('a Wi-Fi sign-in page answering 200: UPDATE_ANSWER_UNREADABLE', async () => {
    const problem = problemOf(await check('sign-in-page'));
    expect(problem.code).toBe('UPDATE_ANSWER_UNREADABLE');
    expect(problem.detail.raw).toContain('text/html');
  });

  it('404, no release published yet: UPDATE_NO_RELEASES', async () => {
    const problem = problemOf(await check('no-releases'));
    expect(problem.code).toBe('UPDATE_NO_RELEASES');
    expect(problem.explanation).toContain('HTTP 404');
  });

  it("GitHub's rate limit (403, x-ratelimit-remaining: 0): UPDATE_RATE_LIMITED with the wait", async () => {
    const problem = problemOf(await check('rate-limited'));
    expect(problem.code).toBe('UPDATE_RATE_LIMITED');
    expect(problem.detail.facts?.wait).toMatch(/^(about )?30 minutes$/);
    expect(problem.fix[0]).toMatch(
      /^Wait (about )?30 minutes, then choose Help > Check for updates… again\.$/,
    );
  });

  it("GitHub's secondary limit (429, retry-after): UPDATE_RATE_LIMITED", async () => {
    const problem = problemOf(await check('secondary-limit'));
    expect(problem.code).toBe('UPDATE_RATE_LIMITED');
    expect(problem.detail.facts?.wait).toBe('2 minutes');
  });
});

/** The fix steps of a problem on the way there: the update check's, never an instance's. */
function expectUpdateSteps(problem: ReturnType<typeof problemOf>): void {
  expectNoInstanceWords(problem);
  const steps = problem.fix.join('\n');
  expect(steps).not.toMatch(/Edit|this instance|verify the instance/i);
  expect(steps).toContain('Check for updates…');
}

describe('the way to GitHub', () => {
  it('a server that takes the request and never answers: HTTP_TIMEOUT, within the time limit', async () => {
    const problem = problemOf(
      await check('silent', { timeouts: { firstByteMs: 300, totalMs: 5_000 } }),
    );
    expect(problem.code).toBe('HTTP_TIMEOUT');
    expect(problem.explanation).toContain(`GitHub (${host}:${github.port})`);
    expectUpdateSteps(problem);
  });

  it('offline (the name does not resolve): DNS_NOT_FOUND with the check’s steps', async () => {
    const problem = problemOf(
      await check('newer', { transportDeps: { lookup: mappedLookup({}) } }),
    );
    expect(problem.code).toBe('DNS_NOT_FOUND');
    expectUpdateSteps(problem);
  });

  it('a certificate this computer does not trust, then trusted through NODE_EXTRA_CA_CERTS', async () => {
    const untrusted = problemOf(await check('newer', { env: {} }));
    expect(untrusted.code).toMatch(/^TLS_/);
    expect(untrusted.fix.join('\n')).toContain("this computer's certificate store");
    expect(untrusted.fix.join('\n')).toContain('NODE_EXTRA_CA_CERTS');
    expectNoInstanceWords(untrusted);

    const trusted = await check('newer', { env: { NODE_EXTRA_CA_CERTS: caFile } });
    expect(trusted).toMatchObject({ kind: 'newer', version: '1.4.0' });
  });

  it('a NODE_EXTRA_CA_CERTS that names no certificate file: CA_FILE_INVALID with the check’s steps', async () => {
    const problem = problemOf(
      await check('newer', {
        env: { NODE_EXTRA_CA_CERTS: folder.write('empty.pem', 'no PEM here') },
      }),
    );
    expect(problem.code).toBe('CA_FILE_INVALID');
    expectNoInstanceWords(problem);
  });
});

/** Nothing in what the check shows speaks of an instance: it is about GitHub. */
function expectNoInstanceWords(problem: ReturnType<typeof problemOf>): void {
  expect(problem.fix.join('\n')).not.toMatch(/Edit|this instance|verify the instance/i);
  expect(`${problem.title}\n${problem.explanation}`).not.toMatch(/instance/i);
}

describe("through this computer's proxy", () => {
  /** A lookup that records and resolves nothing: the checker itself must not look up GitHub. */
  function refusingLookup(): LookupFunction & { asked: string[] } {
    return mappedLookup({});
  }

  async function proxy(options: Parameters<typeof startForwardProxy>[0] = {}) {
    const started = await startForwardProxy({ names: [host], ...options });
    proxies.push(started);
    return started;
  }

  it('goes through the system proxy and nowhere else, with no key and no Authorization', async () => {
    const p = await proxy();
    const lookup = refusingLookup();
    const asked: string[] = [];
    const before = github.requests.length;
    const result = await check('newer', {
      transportDeps: {
        lookup,
        resolveSystemProxy: async (url) => {
          asked.push(url);
          return `PROXY 127.0.0.1:${p.port}; DIRECT`;
        },
      },
    });
    expect(result).toMatchObject({ kind: 'newer', version: '1.4.0' });
    // Electron's resolver was asked about GitHub's address; the proxy tunnelled to it.
    expect(asked).toEqual([github.url(`/newer${path}`, host)]);
    expect(p.log).toEqual([`CONNECT ${host}:${github.port}`]);
    // The checker never looked the name up itself: only the proxy did.
    expect(lookup.asked).toEqual([]);
    expect(github.requests.length).toBe(before + 1);
    const request = lastRequest();
    expect(request?.headers).not.toHaveProperty('authorization');
    expect(request?.headers).not.toHaveProperty('proxy-authorization');
    expect(headersText(request?.headers)).not.toContain(key.toLowerCase());
    expect(p.credentialsSeen).toEqual([]);
  });

  it('goes through the proxy HTTPS_PROXY names', async () => {
    const p = await proxy();
    const result = await check('newer', {
      env: { NODE_EXTRA_CA_CERTS: caFile, HTTPS_PROXY: p.url, VEZA_TOKEN: key },
      transportDeps: { lookup: refusingLookup() },
    });
    expect(result).toMatchObject({ kind: 'newer' });
    expect(p.log).toEqual([`CONNECT ${host}:${github.port}`]);
  });

  it('a proxy that refuses the way: PROXY_REFUSED, saying where the proxy came from', async () => {
    const p = await proxy({ refuseWith: 403 });
    const problem = problemOf(
      await check('newer', {
        transportDeps: {
          lookup: refusingLookup(),
          resolveSystemProxy: async () => `PROXY 127.0.0.1:${p.port}`,
        },
      }),
    );
    expect(problem.code).toBe('PROXY_REFUSED');
    expect(problem.title).toBe('The proxy server would not let Veza Desk reach GitHub');
    expect(problem.explanation).toContain("this computer's proxy settings");
    expectUpdateSteps(problem);
    expect(problem.fix.join('\n')).toContain("this computer's proxy");
  });

  it('a proxy that is not there: PROXY_UNREACHABLE, naming the variable', async () => {
    const p = await proxy();
    const gone = p.url;
    await p.close();
    proxies.splice(proxies.indexOf(p), 1);
    const problem = problemOf(
      await check('newer', {
        env: { NODE_EXTRA_CA_CERTS: caFile, HTTPS_PROXY: gone },
        transportDeps: { lookup: refusingLookup() },
      }),
    );
    expect(problem.code).toBe('PROXY_UNREACHABLE');
    expect(problem.fix.join('\n')).toContain('HTTPS_PROXY');
    expectUpdateSteps(problem);
  });

  it('signs in to a real squid (NTLM) with the password kept for that proxy, sending no key', async () => {
    squid ??= await startSquid({ names: [host] });
    const asked: { origin: string; username: string }[] = [];
    const result = await check('newer', {
      env: {
        NODE_EXTRA_CA_CERTS: caFile,
        HTTPS_PROXY: `http://ACME%5Cjdoe@127.0.0.1:${squid.port}`,
        VEZA_TOKEN: key,
      },
      transportDeps: {
        lookup: refusingLookup(),
        proxyPassword: async (who) => {
          asked.push(who);
          return 'Winter-pw-7c1e!';
        },
      },
    });
    expect(result).toMatchObject({ kind: 'newer', version: '1.4.0' });
    expect(asked).toContainEqual({
      origin: `http://127.0.0.1:${squid.port}`,
      username: 'ACME\\jdoe',
    });
    const tunnels = squid
      .accessLog()
      .split('\n')
      .filter((line) => line.includes(`CONNECT ${host}:${github.port}`));
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.join('\n').toLowerCase()).toContain('jdoe');
    expect(squid.accessLog()).not.toContain(key);
    expect(headersText(lastRequest()?.headers)).not.toContain(key.toLowerCase());
  });
});
