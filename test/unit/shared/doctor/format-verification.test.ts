import { describe, expect, it } from 'vitest';
import {
  formatVerificationText,
  summarizeVerification,
} from '../../../../src/shared/doctor/format-verification';
import type { VerificationResult } from '../../../../src/shared/doctor/verification';
import { makeProblem } from '../../../../src/shared/problems/make-problem';
import { formatProblemForSupport } from '../../../../src/shared/problems/format-for-support';

const base = { url: 'https://acme.vezacloud.com', finishedAt: '2026-11-28T00:00:00.000Z' };

describe('verification text (what the app and the CLI print)', () => {
  it('says who a working key acts as, its kind and reach', () => {
    const result: VerificationResult = {
      ...base,
      ok: true,
      outcome: 'OK_TEAM_KEY',
      keyKind: 'team',
      identity: { name: 'OAA pusher', team: 'Integrations', roles: ['oaa_push'] },
      reach: { customProviderTemplates: 3 },
      latencyMs: 41.6,
      steps: [{ id: 'identity', status: 'passed', ms: 12 }],
    };
    expect(summarizeVerification(result)).toBe('The key works: a team key acting as OAA pusher');
    const text = formatVerificationText(result);
    expect(text).toContain('[ok  ] Who the key acts as (12 ms)');
    expect(text).toContain('Team: Integrations');
    expect(text).toContain('Reaches: 3 customProviderTemplates');
    expect(text).toContain('Response time: 42 ms');
  });

  it('explains a failure with numbered fix steps and Veza’s request_id', () => {
    const problem = makeProblem('AUTH_INVALID_KEY', {
      status: 401,
      requestId: 'abc123',
      serverMessage: 'API key revoked',
    });
    const result: VerificationResult = {
      ...base,
      ok: false,
      outcome: 'AUTH_INVALID_KEY',
      problem,
      steps: [
        { id: 'auth', status: 'failed', ms: 5 },
        { id: 'permission', status: 'skipped' },
      ],
    };
    const text = formatVerificationText(result);
    expect(text).toContain('[FAIL] Key accepted (5 ms)');
    expect(text).toContain('[skip] Permissions');
    expect(text).toContain(`1. ${problem.fix[0]}`);
    expect(text).toContain('Veza request_id (for Veza support): abc123');
    expect(text).toContain('Veza said: API key revoked');
  });

  it('support text keeps the request_id and the facts', () => {
    const text = formatProblemForSupport(
      makeProblem('TLS_UNTRUSTED_ROOT', {
        url: 'https://acme.vezacloud.com',
        requestId: 'r-1',
        facts: { issuer: 'Zscaler Root CA' },
      }),
    );
    expect(text).toContain('Problem: ');
    expect(text).toContain('(TLS_UNTRUSTED_ROOT)');
    expect(text).toContain('Veza request_id: r-1');
    expect(text).toContain('issuer: Zscaler Root CA');
  });
});
