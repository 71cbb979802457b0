import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { startForwardProxy, type TestProxy } from '../../support/network/forward-proxy';

// A corporate proxy with Basic sign-in: the password is saved through IPC into the real
// keychain, never into the profile, and the doctor reaches Veza through the proxy with it.
let sandbox: Sandbox;
let proxy: TestProxy;
let harness: ProfileHarness;
const password = 'proxy-secret-9f2c';

beforeAll(async () => {
  // Loopback is never proxied, so the instance is reached by a test name (veza.test, which the
  // proxy resolves to 127.0.0.1 with the test resolver), over https as any such name must be.
  const { ca, server } = await makeLoopbackTls(['veza.test']);
  sandbox = await startSandbox({
    https: true,
    caFile: true,
    tls: { cert: server.cert, key: server.key, caPem: ca.cert },
  });
  proxy = await startForwardProxy({ auth: { kind: 'basic', username: 'alice', password } });
  harness = await openProfileHarness();
});
afterAll(async () => {
  await harness.close();
  await proxy.close();
  await sandbox.close();
});

describe('verify through an authenticating proxy', () => {
  it('asks for the proxy password until one is saved, then passes through the proxy', async () => {
    const proxyUrl = `http://alice@127.0.0.1:${proxy.port}`;
    // The sandbox's CA, taken as the user would: through main's open dialog.
    harness.dialogs.nextOpen = sandbox.caFile;
    expect((await harness.call('profiles.chooseCaFile')).value).toEqual({
      cancelled: false,
      path: sandbox.caFile,
    });
    const created = await harness.call('profiles.create', {
      draft: {
        name: 'Behind the proxy',
        address: `https://veza.test:${sandbox.port}`,
        colour: '#2457c5',
        production: false,
        notes: '',
        network: { caFile: sandbox.caFile, proxy: { mode: 'manual', url: proxyUrl } },
      },
      key: { apiKey: sandbox.keys.admin, acceptAsIs: false },
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const id = created.value.id as string;

    const before = await harness.call('doctor.verify', { id });
    expect(before.value).toMatchObject({ ok: false, outcome: 'PROXY_AUTH_REQUIRED' });

    expect(await harness.call('network.hasProxyPassword', { proxyUrl })).toEqual({
      ok: true,
      value: false,
    });
    expect((await harness.call('network.saveProxyPassword', { proxyUrl, password })).ok).toBe(true);
    expect(await harness.call('network.hasProxyPassword', { proxyUrl })).toEqual({
      ok: true,
      value: true,
    });

    const after = await harness.call('doctor.verify', { id });
    expect(after.value).toMatchObject({
      ok: true,
      outcome: 'OK_PERSONAL_KEY',
      route: `proxy http://127.0.0.1:${proxy.port} (set in this instance's network settings)`,
    });
    expect(proxy.log).toContain(`CONNECT veza.test:${sandbox.port}`);
    expect(sandbox.requests.some((request) => request.path === '/api/v1/users/self')).toBe(true);
    expect(JSON.stringify([before, after, harness.profiles.state()])).not.toContain(password);
  });

  it('refuses a proxy address with a password in it, so none ends up in a profile', async () => {
    const result = await harness.call('network.saveProxyPassword', {
      proxyUrl: `http://alice:${password}@127.0.0.1:1`,
      password,
    });
    expect(result).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
  });
});
