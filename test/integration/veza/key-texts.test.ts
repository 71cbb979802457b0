import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../../src/main/core/problem-error';
import { problemOf } from '../../../src/main/core/requests/request-service';
import { createInstanceSession } from '../../../src/main/core/veza/instance-client';
import { makeStoredProfile } from '../../support/profile-fixtures';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { loopbackTransport } from '../doctor/support/loopback-transport';

// Veza's documented key texts ("Invalid API key: ... not base64", "Malformed API key: ...")
// read with what Veza Desk knows about the key it sent: a key that passed our own format
// check cannot be wrong in form, so Veza refusing it means the key is unknown to this
// instance (made elsewhere, revoked, deleted), and the user is told so, with Veza's words.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const refusal = async (key: string) => {
  const session = createInstanceSession(loopbackTransport()(), { baseUrl: sandbox.url, key });
  const error = await session.call('GET', '/api/v1/users/self').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return { session, problem: (error as ProblemError).problem };
};

describe('Veza refusing a key, read with what Veza Desk knows about it', () => {
  it('a well-formed key Veza calls "Invalid API key" is refused, not malformed, quoting Veza', async () => {
    // URL-safe base64: our check takes it, this Veza does not.
    const { session, problem } = await refusal('dmV6YS1zYW5kYm94_personal-key_abcdef');
    expect(session.keyWellFormed).toBe(true);
    expect(problem.code).toBe('AUTH_INVALID_KEY');
    expect(problem.detail.serverMessage).toMatch(/^(Invalid|Malformed) API key: /);
    expect(problem.explanation).toContain('does not know this key');
  });

  it('a key saved as it was, that fails our check, is "not in the right form" as Veza says', async () => {
    const { session, problem } = await refusal('not a key, "quoted" and with spaces');
    expect(session.keyWellFormed).toBe(false);
    expect(problem.code).toBe('AUTH_MALFORMED_KEY');
  });

  it('a well-formed key this instance never made is refused', async () => {
    const unknown = Buffer.from('veza-sandbox:personal:nobody:0123456789abcdef').toString('base64');
    const { problem } = await refusal(unknown);
    expect(problem.code).toBe('AUTH_INVALID_KEY');
  });

  it('the request workspace and veza-desk api read a refusal the same way', async () => {
    for (const [key, code] of [
      ['dmV6YS1zYW5kYm94_personal-key_abcdef', 'AUTH_INVALID_KEY'],
      ['not a key, "quoted" and with spaces', 'AUTH_MALFORMED_KEY'],
    ] as const) {
      const session = createInstanceSession(loopbackTransport()(), { baseUrl: sandbox.url, key });
      const response = await session.send({
        method: 'GET',
        url: `${sandbox.url}/api/v1/providers`,
        headers: { accept: 'application/json' },
      });
      try {
        const profile = makeStoredProfile({ baseUrl: sandbox.url });
        expect((await problemOf(response, profile, session))?.code, key).toBe(code);
      } finally {
        await response.release();
      }
    }
  });
});
