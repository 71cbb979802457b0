import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTransport,
  type TransportDeps,
  type TransportNetwork,
  type TransportResponse,
} from '../../../src/main/core/transport';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { startForwardProxy, type TestProxy } from '../../support/network/forward-proxy';
import { fakeLookup } from '../../support/network/lookups';
import { tempFolder } from '../../support/network/temp-folder';

// Loopback is never proxied, as curl and Chromium do: the demo instance is plain http on
// 127.0.0.1, and through a proxy its key would travel to the proxy in clear. A real logging
// proxy is set in every way the transport knows (environment and manual ones with a Basic
// sign-in, the system resolver's PAC answer); the key must reach the simulated Veza directly
// and the proxy must see nothing, not even the sign-in.
const folder = tempFolder();
const proxyPassword = 'proxy-pw-loopback-7c1e';
let sandbox: Sandbox;
let v6: Sandbox;
let proxy: TestProxy;
const transports: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  v6 = await startSandbox({ host: '::1' });
});
beforeEach(async () => {
  // It takes anyone, and records every Proxy-Authorization it is sent.
  proxy = await startForwardProxy();
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await proxy.close();
});
afterAll(async () => {
  await Promise.all([sandbox.close(), v6.close()]);
  folder.dispose();
});

function transportWith(deps: TransportDeps = {}) {
  const transport = createTransport({
    // Test names only: nothing here is ever looked up by the system resolver.
    lookup: fakeLookup(['veza.test', 'localhost']),
    env: {},
    tempDir: folder.dir,
    proxyPassword: async () => proxyPassword,
    ...deps,
  });
  transports.push(transport);
  return transport;
}

const proxyUser = () => `http://alice@127.0.0.1:${proxy.port}`;
const proxyEnv = () => {
  const withPassword = `http://alice:${proxyPassword}@127.0.0.1:${proxy.port}`;
  return { HTTP_PROXY: withPassword, HTTPS_PROXY: withPassword, ALL_PROXY: withPassword };
};
const systemProxy = () => async () => `PROXY 127.0.0.1:${proxy.port}`;

/** GET /api/v1/users/self at `base` with the admin key, as the doctor's key step does. */
function whoAmI(
  transport: ReturnType<typeof transportWith>,
  base: string,
  network?: TransportNetwork,
  key = sandbox.keys.admin,
): Promise<TransportResponse> {
  return transport.send(
    { method: 'GET', url: `${base}/api/v1/users/self` },
    { credentials: { origin: base, authorization: `Bearer ${key}` }, network },
  );
}

function expectDirect(response: TransportResponse, to: Sandbox = sandbox): void {
  expect(response.status).toBe(200);
  expect(response.route).toBe('direct');
  expect(to.requests.at(-1)).toMatchObject({
    path: '/api/v1/users/self',
    hadAuthorization: true,
    status: 200,
  });
  expect(proxy.log).toEqual([]);
  expect(proxy.credentialsSeen).toEqual([]);
}

const port = () => sandbox.port;

describe('loopback is never proxied', () => {
  it('HTTP_PROXY / HTTPS_PROXY / ALL_PROXY (with a password) are not used for 127.0.0.1 or localhost', async () => {
    const transport = transportWith({ env: { ...proxyEnv(), NO_PROXY: 'other.test' } });
    expectDirect(await whoAmI(transport, sandbox.url));
    expectDirect(await whoAmI(transport, `http://localhost:${port()}`));
  });

  it("the profile's manual proxy is not used for 127.0.0.1 or localhost", async () => {
    const transport = transportWith();
    const network = { proxy: { mode: 'manual' as const, url: proxyUser() } };
    expectDirect(await whoAmI(transport, sandbox.url, network));
    expectDirect(await whoAmI(transport, `http://localhost:${port()}`, network));
  });

  it('a system proxy (PAC answer) naming the proxy is not used for 127.0.0.1 or localhost', async () => {
    const transport = transportWith({ resolveSystemProxy: systemProxy(), env: proxyEnv() });
    expectDirect(await whoAmI(transport, sandbox.url));
    expectDirect(await whoAmI(transport, `http://localhost:${port()}`));
  });

  it('[::1] goes direct under every proxy source', async () => {
    const fromEnv = transportWith({ env: proxyEnv() });
    expectDirect(await whoAmI(fromEnv, v6.url, undefined, v6.keys.admin), v6);
    const manual = { proxy: { mode: 'manual' as const, url: proxyUser() } };
    expectDirect(await whoAmI(transportWith(), v6.url, manual, v6.keys.admin), v6);
    const system = transportWith({ resolveSystemProxy: systemProxy() });
    expectDirect(await whoAmI(system, v6.url, undefined, v6.keys.admin), v6);
  });

  it('the same settings still take a test name (veza.test) through the proxy', async () => {
    // The baseline that makes the empty proxy log above mean something: this proxy works, and
    // every one of those settings would have used it.
    const target = `http://veza.test:${port()}`;
    const fromEnv = await whoAmI(transportWith({ env: proxyEnv() }), target);
    const manual = await whoAmI(transportWith(), target, {
      proxy: { mode: 'manual', url: proxyUser() },
    });
    const system = await whoAmI(transportWith({ resolveSystemProxy: systemProxy() }), target);
    const origin = `http://127.0.0.1:${proxy.port}`;
    for (const response of [fromEnv, manual, system]) expect(response.status).toBe(200);
    expect([fromEnv.route, manual.route, system.route]).toEqual([
      `proxy ${origin} (from the HTTP_PROXY environment variable)`,
      `proxy ${origin} (set in this instance's network settings)`,
      `proxy ${origin} (from this computer's proxy settings (system, PAC or WPAD))`,
    ]);
    expect(proxy.log).toEqual(Array(3).fill(`GET ${target}/api/v1/users/self`));
    // The environment's and the manual proxy's sign-in (a PAC answer names no user).
    const basic = `Basic ${Buffer.from(`alice:${proxyPassword}`).toString('base64')}`;
    expect(proxy.credentialsSeen).toEqual([basic, basic]);
  });
});
