import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify, type VerifyTarget } from '../../../src/main/core/doctor/verify';
import { createTransport } from '../../../src/main/core/transport';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import type { VerificationResult } from '../../../src/shared/doctor/verification';
import { fakeLookup } from '../../support/network/lookups';

// The connection doctor against the simulated Veza over real HTTPS on 127.0.0.1, trusted
// through the sandbox's CA file: every key kind and state the seed describes.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ https: true, caFile: true });
});
afterAll(() => sandbox.close());

const openTransport = () => createTransport({ lookup: fakeLookup(), env: {} });

async function check(
  key: string | undefined,
  overrides: Partial<VerifyTarget> = {},
): Promise<VerificationResult> {
  return verify(
    {
      address: sandbox.url,
      readKey: async () => key,
      network: { caFile: sandbox.caFile },
      ...overrides,
    },
    { openTransport },
  );
}

const statusOf = (result: VerificationResult) =>
  Object.fromEntries(result.steps.map((step) => [step.id, step.status]));

describe('verify against the simulated Veza', () => {
  it('a personal key: who it acts as, its kind, what it reaches, every layer passed', async () => {
    const result = await check(sandbox.keys.admin);
    expect(result).toMatchObject({
      ok: true,
      outcome: 'OK_PERSONAL_KEY',
      keyKind: 'personal',
      url: sandbox.url,
      route: 'direct',
    });
    expect(result.identity?.name).toBeTruthy();
    expect(result.identity?.roles).toContain('admin');
    expect(result.reach?.providers).toBeGreaterThan(10);
    expect(statusOf(result)).toEqual({
      url: 'passed',
      key: 'passed',
      proxy: 'skipped',
      dns: 'passed',
      tcp: 'passed',
      tls: 'passed',
      http: 'passed',
      auth: 'passed',
      permission: 'passed',
      identity: 'passed',
    });
    expect(result.steps.find((step) => step.id === 'tls')?.note).toContain(
      'Veza Desk Sandbox Test CA',
    );
  });

  it('counts every provider, through Veza’s paging quirks', async () => {
    const result = await check(sandbox.keys.viewer);
    expect(result.outcome).toBe('OK_PERSONAL_KEY');
    // Count them independently, in small pages, so the quirks (an empty page while has_more
    // is true, a token on the last page) are met on the way.
    const transport = openTransport();
    let count = 0;
    let token = '';
    try {
      for (let page = 0; page < 50; page += 1) {
        const response = await transport.send(
          { method: 'GET', url: `${sandbox.url}/api/v1/providers?page_size=7&page_token=${token}` },
          {
            network: { caFile: sandbox.caFile },
            credentials: { origin: sandbox.url, authorization: `Bearer ${sandbox.keys.admin}` },
          },
        );
        const body = JSON.parse(
          response.body.kind === 'memory' ? response.body.bytes.toString() : '{}',
        ) as { values: unknown[]; has_more: boolean; next_page_token: string };
        count += body.values.length;
        if (!body.has_more) break;
        token = encodeURIComponent(body.next_page_token);
      }
    } finally {
      await transport.close();
    }
    expect(result.reach?.providers).toBe(count);
  });

  it('a team key is told apart by what it may call', async () => {
    const result = await check(sandbox.keys.team);
    expect(result).toMatchObject({ ok: true, outcome: 'OK_TEAM_KEY', keyKind: 'team' });
    expect(result.reach?.customProviderTemplates).toBeGreaterThan(0);
    expect(result.identity?.roles).toContain('oaa_push');
  });

  it.each([
    ['revoked', /revoked/i],
    ['deleted', /deleted|not found|no longer/i],
    ['removedFromTeam', /team/i],
    ['removedFromPlatform', /removed|deleted|no longer/i],
  ] as const)('a %s key is AUTH_INVALID_KEY, with the server’s words', async (name, words) => {
    const result = await check(sandbox.keys[name]);
    expect(result).toMatchObject({ ok: false, outcome: 'AUTH_INVALID_KEY' });
    expect(statusOf(result)).toMatchObject({
      http: 'passed',
      auth: 'failed',
      permission: 'skipped',
      identity: 'skipped',
    });
    expect(result.problem?.detail.status).toBe(401);
    expect(result.problem?.detail.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.problem?.detail.serverMessage).toMatch(words);
  });

  it('a key Veza refuses with 403 instead of 401 is still "the key was refused"', async () => {
    sandbox.configure({ refusedKeyStatus: 403 });
    try {
      const result = await check(sandbox.keys.revoked);
      expect(result.outcome).toBe('AUTH_INVALID_KEY');
      expect(result.problem?.detail.status).toBe(403);
    } finally {
      sandbox.configure({ refusedKeyStatus: 401 });
    }
  });

  it('a key that is well-formed base64 but no key of this instance is refused', async () => {
    const result = await check(
      Buffer.from('veza-sandbox:personal:nobody:0123456789abcdef').toString('base64'),
    );
    expect(result.outcome).toBe('AUTH_INVALID_KEY');
    expect(statusOf(result).auth).toBe('failed');
  });

  it('a user without the roles to read providers: FORBIDDEN_ROLE at the permission step', async () => {
    const user = sandbox.control.createUser({
      name: 'No Roles',
      roles: [],
      teamIds: [sandbox.demo.teams.platform],
    });
    const key = sandbox.control.createPersonalKey({
      userId: user.id,
      teamId: sandbox.demo.teams.platform,
    });
    const result = await check(key.key);
    expect(result.outcome).toBe('FORBIDDEN_ROLE');
    expect(statusOf(result)).toMatchObject({
      auth: 'passed',
      permission: 'failed',
      identity: 'skipped',
    });
  });

  it('the key appears nowhere in the verdict, even when the server quotes it', async () => {
    for (const name of ['admin', 'team', 'revoked'] as const) {
      expect(JSON.stringify(await check(sandbox.keys[name]))).not.toContain(sandbox.keys[name]);
    }
  });
});

describe('verify when the certificate is not trusted', () => {
  it('fails at the TLS step and shows the server’s certificate for "Trust this certificate"', async () => {
    const result = await verify(
      { address: sandbox.url, readKey: async () => sandbox.keys.admin },
      { openTransport },
    );
    expect(result.ok).toBe(false);
    expect(result.problem?.code).toMatch(/^TLS_/);
    expect(statusOf(result)).toMatchObject({ tcp: 'passed', tls: 'failed', http: 'skipped' });
    expect(result.certificate?.issuer).toContain('Veza Desk Sandbox Test CA');
    expect(result.certificate?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
