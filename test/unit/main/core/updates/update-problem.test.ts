import { describe, expect, it } from 'vitest';
import { makeProblem } from '../../../../../src/shared/problems/make-problem';
import { problemCodes } from '../../../../../src/shared/problems/problem-codes';
import { asUpdateProblem } from '../../../../../src/main/core/updates/update-problem';

// What the transport may answer on the way to GitHub. Not here: what needs an instance's own
// settings (a pin, a client certificate) or the doctor (the clock check).
const onTheWay = problemCodes.filter(
  (code) =>
    /^(PROXY_|TLS_|TCP_|DNS_|NETWORK_|COMPANY_NETWORK_ONLY|CA_FILE_INVALID|HTTP_TIMEOUT|HTTP_BODY_|HTTP_TOO_MANY_REDIRECTS|REQUEST_CANCELLED)/.test(
      code,
    ) && !/^TLS_(PIN_MISMATCH|CLIENT_CERT_)/.test(code),
);
const facts = {
  host: 'api.github.com',
  proxy: 'http://proxy.example.com:8080',
  proxySource: "from this computer's proxy settings (system, PAC or WPAD)",
  variable: 'HTTPS_PROXY',
  issuer: 'Example Corp Root CA',
  subject: 'www.example.net',
};

describe('a problem on the way to GitHub, as the update check shows it', () => {
  it.each(onTheWay)('%s speaks of GitHub and this computer, never of an instance', (code) => {
    const problem = asUpdateProblem(makeProblem(code, { facts }));
    expect(problem.code).toBe(code);
    expect(`${problem.title}\n${problem.explanation}`).not.toMatch(/instance/i);
    // The steps may say the check does not use "the proxy set for an instance"; they never
    // send the user to an instance's controls.
    expect(problem.fix.join('\n')).not.toMatch(/this instance|the instance|Edit\b|Verify/i);
    expect(problem.fix.length).toBeGreaterThan(0);
  });

  it('leaves its own problems as the catalog wrote them', () => {
    const problem = makeProblem('UPDATE_NO_RELEASES', { facts: { status: 'HTTP 404' } });
    expect(asUpdateProblem(problem)).toEqual(problem);
  });
});
