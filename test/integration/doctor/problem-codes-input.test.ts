import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import type { VerificationResult } from '../../../src/shared/doctor/verification';
import { repoRoot, runTsx, withoutKeychain } from '../../support/run-tsx';
import { expectFailedAt, runVerify } from './support/verify-harness';

// The codes about what the user typed or saved: the address, the key, the keychain. Each is
// produced by verify() itself; the network is never reached (the sandbox counts requests).
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('the address', () => {
  it.each([
    ['URL_MISSING', '   '],
    ['URL_INVALID', 'https://acme vezacloud com'],
    ['URL_NOT_HTTPS', 'http://acme.vezacloud.invalid'],
    ['URL_HAS_PATH', 'https://acme.vezacloud.invalid/api/v1/providers'],
    ['URL_HAS_CREDENTIALS', 'https://alice:secret@acme.vezacloud.invalid'],
    ['URL_UNSUPPORTED_SCHEME', 'ftp://acme.vezacloud.invalid'],
  ] as const)('%s fails the url step before the key is even read', async (code, address) => {
    let keyRead = false;
    const result = await runVerify({
      address,
      readKey: async () => {
        keyRead = true;
        return sandbox.keys.admin;
      },
    });
    expectFailedAt(result, 'url', code);
    expect(keyRead).toBe(false);
  });

  it('URL_HAS_PATH on the sandbox itself: the origin works, the same address with a path does not', async () => {
    const withPath = await runVerify({ address: `${sandbox.url}/api/v1`, key: sandbox.keys.admin });
    expectFailedAt(withPath, 'url', 'URL_HAS_PATH');
    const origin = await runVerify({ address: sandbox.url, key: sandbox.keys.admin });
    expect(origin.outcome).toBe('OK_PERSONAL_KEY');
  });
});

describe('the key as pasted', () => {
  const damaged = (key: string): [string, string][] => [
    ['KEY_MISSING', ''],
    ['KEY_MISSING', ' \n '],
    ['KEY_WHITESPACE', `${key}\n`],
    ['KEY_WHITESPACE', `${key.slice(0, 20)} ${key.slice(20)}`],
    ['KEY_BEARER_PREFIX', `Bearer ${key}`],
    ['KEY_QUOTED', `"${key}"`],
    ['KEY_QUOTED', `\u201C${key}\u201D`],
    ['KEY_INVALID_CHARS', `${key.slice(0, 10)}\u200B${key.slice(10)}`],
    ['KEY_INVALID_CHARS', `${key.slice(0, 10)}é${key.slice(11)}`],
    ['KEY_NOT_BASE64', 'my-veza-key!!'],
    ['KEY_NOT_BASE64', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['KEY_TOO_LONG', key.repeat(200)],
  ];

  it('each damage fails the key step and nothing is sent to the server', async () => {
    const before = sandbox.stats.requests;
    for (const [code, key] of damaged(sandbox.keys.admin)) {
      const result = await runVerify({ address: sandbox.url, key });
      expectFailedAt(result, 'key', code as never);
      // The advice never repeats the key, damaged or not.
      expect(JSON.stringify(result)).not.toContain(sandbox.keys.admin.slice(8, 40));
    }
    expect(sandbox.stats.requests).toBe(before);
  });

  it('no key at all (readKey answers undefined) is KEY_MISSING', async () => {
    expectFailedAt(await runVerify({ address: sandbox.url }), 'key', 'KEY_MISSING');
  });
});

describe('the keychain', () => {
  const child = (env: NodeJS.ProcessEnv, profileId: string) =>
    runTsx(
      path.join(repoRoot, 'test/integration/doctor/children/verify-in-child.ts'),
      [sandbox.url, '--keychain', profileId],
      env,
    );

  it('KEYCHAIN_UNAVAILABLE: the real keytar store with no Secret Service to reach', async () => {
    const run = await child(withoutKeychain(), randomUUID());
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as VerificationResult;
    expectFailedAt(result, 'key', 'KEYCHAIN_UNAVAILABLE');
    expect(result.problem?.detail.raw).toMatch(/connect|D-Bus|dbus/i);
    // Only this computer's OS is named (Linux here): no Credential Manager, no Keychain Access.
    const steps = result.problem?.fix.join('\n') ?? '';
    expect(steps).toContain('Secret Service');
    expect(steps).not.toMatch(/Credential Manager|Keychain Access/);
  });

  it('the same child with the keychain reachable reads the saved key and succeeds', async () => {
    const profileId = randomUUID();
    const secrets = createKeytarSecretStore();
    await secrets.set(profileId, sandbox.keys.viewer);
    try {
      const run = await child(process.env, profileId);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, outcome: 'OK_PERSONAL_KEY' });
      expect(run.stdout).not.toContain(sandbox.keys.viewer);
    } finally {
      await secrets.delete(profileId);
    }
  });
});
