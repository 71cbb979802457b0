import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type TransportDeps } from '../../../src/main/core/transport';
import { makeLoopbackTls, type Issued } from '../../../src/sandbox/tls/certificates';
import { expectFailure } from './support/expect-failure';
import { startForwardProxy, type TestProxy } from '../../support/network/forward-proxy';
import { fakeLookup } from '../../support/network/lookups';
import {
  ok,
  startHttpServer,
  startHttpsServer,
  type TestServer,
} from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';

const folder = tempFolder();
let ca: Issued;
let caFile: string;
let target: TestServer;
let plainTarget: TestServer;
const proxies: TestProxy[] = [];
const transports: { close(): Promise<void> }[] = [];

function transportWith(deps: TransportDeps = {}) {
  const transport = createTransport({
    lookup: fakeLookup(),
    env: {},
    tempDir: folder.dir,
    ...deps,
  });
  transports.push(transport);
  return transport;
}

async function proxy(options: Parameters<typeof startForwardProxy>[0] = {}): Promise<TestProxy> {
  const started = await startForwardProxy(options);
  proxies.push(started);
  return started;
}

beforeAll(async () => {
  const tls = await makeLoopbackTls(['veza.test', 'acme.vezacloud.invalid', '127.0.0.1']);
  ca = tls.ca;
  caFile = folder.write('ca.pem', ca.cert);
  target = await startHttpsServer(tls.server, ok);
  plainTarget = await startHttpServer(ok);
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await Promise.all([target.close(), plainTarget.close()]);
  folder.dispose();
});

describe('through a forwarding proxy', () => {
  it('tunnels https with CONNECT and reports the route without credentials', async () => {
    const p = await proxy();
    const response = await transportWith().send(
      { method: 'GET', url: target.url('/api', 'veza.test') },
      { network: { caFile, proxy: { mode: 'manual', url: p.url } } },
    );
    expect(response.status).toBe(200);
    expect(response.route).toBe(`proxy ${p.url} (set in this instance's network settings)`);
    expect(p.log).toEqual([`CONNECT veza.test:${target.port}`]);
  });

  it('sends plain http to the proxy in absolute-URI form', async () => {
    const p = await proxy();
    const response = await transportWith().send(
      { method: 'GET', url: plainTarget.url('/x?y=1', 'veza.test') },
      { network: { proxy: { mode: 'manual', url: p.url } } },
    );
    expect(response.status).toBe(200);
    expect(p.log).toEqual([`GET ${plainTarget.url('/x?y=1', 'veza.test')}`]);
  });

  it('Basic authentication: the password comes from the keychain lookup, never from the profile URL', async () => {
    const p = await proxy({
      auth: { kind: 'basic', username: 'jdoe', password: 's3cret-proxy-pw' },
    });
    const asked: unknown[] = [];
    const transport = transportWith({
      proxyPassword: async (who) => {
        asked.push(who);
        return 's3cret-proxy-pw';
      },
    });
    const proxyUrl = `http://jdoe@127.0.0.1:${p.port}`;
    const https = await transport.send(
      { method: 'GET', url: target.url('/', 'veza.test') },
      { network: { caFile, proxy: { mode: 'manual', url: proxyUrl } } },
    );
    const http = await transport.send(
      { method: 'GET', url: plainTarget.url('/', 'veza.test') },
      { network: { proxy: { mode: 'manual', url: proxyUrl } } },
    );
    expect([https.status, http.status]).toEqual([200, 200]);
    expect(https.route).toBe(
      `proxy http://127.0.0.1:${p.port} (set in this instance's network settings)`,
    );
    expect(asked[0]).toEqual({ origin: `http://127.0.0.1:${p.port}`, username: 'jdoe' });
    // The http target must not see the proxy's credentials.
    expect(plainTarget.requests.at(-1)?.headers['proxy-authorization']).toBeUndefined();
  });

  it('without (or with wrong) credentials the proxy answers 407: PROXY_AUTH_REQUIRED', async () => {
    const p = await proxy({ auth: { kind: 'basic', username: 'jdoe', password: 'right' } });
    const noUser = await expectFailure(
      transportWith().send(
        { method: 'GET', url: target.url('/', 'veza.test') },
        { network: { caFile, proxy: { mode: 'manual', url: p.url } } },
      ),
    );
    expect(noUser.problem.code).toBe('PROXY_AUTH_REQUIRED');
    expect(noUser.stage).toBe('proxy');
    expect(noUser.problem.explanation).toContain(p.url);
    const wrong = transportWith({ proxyPassword: async () => 'wrong-password' });
    const proxyUrl = `http://jdoe@127.0.0.1:${p.port}`;
    for (const url of [target.url('/', 'veza.test'), plainTarget.url('/', 'veza.test')]) {
      const error = await expectFailure(
        wrong.send(
          { method: 'GET', url },
          { network: { caFile, proxy: { mode: 'manual', url: proxyUrl } } },
        ),
      );
      expect(error.problem.code).toBe('PROXY_AUTH_REQUIRED');
      expect(JSON.stringify(error.problem)).not.toContain('wrong-password');
    }
  });

  it('a Negotiate/Kerberos-only proxy is PROXY_AUTH_UNSUPPORTED, for https and http', async () => {
    const p = await proxy({ auth: { kind: 'negotiate' } });
    for (const url of [target.url('/', 'veza.test'), plainTarget.url('/', 'veza.test')]) {
      const error = await expectFailure(
        transportWith().send(
          { method: 'GET', url },
          { network: { caFile, proxy: { mode: 'manual', url: p.url } } },
        ),
      );
      expect(error.problem.code).toBe('PROXY_AUTH_UNSUPPORTED');
    }
  });

  it('a proxy refusing CONNECT is PROXY_REFUSED with its status; a dead proxy is PROXY_UNREACHABLE', async () => {
    const p = await proxy({ refuseWith: 403 });
    const refused = await expectFailure(
      transportWith().send(
        { method: 'GET', url: target.url('/', 'veza.test') },
        { network: { caFile, proxy: { mode: 'manual', url: p.url } } },
      ),
    );
    expect(refused.problem.code).toBe('PROXY_REFUSED');
    expect(refused.problem.detail.facts?.status).toBe('403');
    expect(refused.problem.explanation).toContain('veza.test');
    const dead = await proxy();
    await dead.close();
    const unreachable = await expectFailure(
      transportWith().send(
        { method: 'GET', url: target.url('/', 'veza.test') },
        { network: { caFile, proxy: { mode: 'manual', url: dead.url } } },
      ),
    );
    expect(unreachable.problem.code).toBe('PROXY_UNREACHABLE');
    expect(unreachable.stage).toBe('proxy');
  });
});

describe('the proxy decision', () => {
  it('the system proxy (PAC answer) is used when no manual proxy is set, skipping SOCKS entries', async () => {
    const p = await proxy();
    const asked: string[] = [];
    const transport = transportWith({
      resolveSystemProxy: async (url) => {
        asked.push(url);
        return `SOCKS5 127.0.0.1:1; PROXY 127.0.0.1:${p.port}; DIRECT`;
      },
    });
    const response = await transport.send(
      { method: 'GET', url: target.url('/a', 'veza.test') },
      { network: { caFile } },
    );
    expect(response.route).toBe(
      `proxy http://127.0.0.1:${p.port} (from this computer's proxy settings (system, PAC or WPAD))`,
    );
    expect(asked).toEqual([target.url('/a', 'veza.test')]);
    expect(p.log).toEqual([`CONNECT veza.test:${target.port}`]);
  });

  it('a manual proxy wins over the system one; mode none goes direct even with HTTPS_PROXY set', async () => {
    const manual = await proxy();
    const system = await proxy();
    const transport = transportWith({
      resolveSystemProxy: async () => `PROXY 127.0.0.1:${system.port}`,
      env: { HTTPS_PROXY: system.url },
    });
    await transport.send(
      { method: 'GET', url: target.url('/', 'veza.test') },
      { network: { caFile, proxy: { mode: 'manual', url: manual.url } } },
    );
    const direct = await transport.send(
      { method: 'GET', url: target.url('/', 'veza.test') },
      { network: { caFile, proxy: { mode: 'none' } } },
    );
    expect(manual.log).toHaveLength(1);
    expect(system.log).toHaveLength(0);
    expect(direct.route).toBe('direct');
  });

  it('HTTPS_PROXY / http_proxy from the environment when the system says DIRECT', async () => {
    const p = await proxy();
    const transport = transportWith({
      resolveSystemProxy: async () => 'DIRECT',
      env: { https_proxy: p.url, HTTP_PROXY: `127.0.0.1:${p.port}` },
    });
    const https = await transport.send(
      { method: 'GET', url: target.url('/', 'veza.test') },
      { network: { caFile } },
    );
    const http = await transport.send({ method: 'GET', url: plainTarget.url('/', 'veza.test') });
    // Each names the variable it came from, spelled as it was set.
    expect([https.route, http.route]).toEqual([
      `proxy ${p.url} (from the https_proxy environment variable)`,
      `proxy ${p.url} (from the HTTP_PROXY environment variable)`,
    ]);
    expect(p.log).toHaveLength(2);
  });

  it('NO_PROXY is honoured: the exempt host gets the connection directly, the proxy sees nothing', async () => {
    const p = await proxy();
    const transport = transportWith({
      env: { HTTPS_PROXY: p.url, NO_PROXY: 'example.com, .test' },
    });
    const before = target.connections;
    const exempt = await transport.send(
      { method: 'GET', url: target.url('/', 'veza.test') },
      { network: { caFile } },
    );
    expect(exempt.route).toBe('direct');
    expect(p.log).toEqual([]);
    expect(target.connections).toBe(before + 1);
    // A name outside .test is not exempt: that one goes through the proxy (which then connects
    // itself, with the same test resolver).
    const proxied = await transport.send(
      { method: 'GET', url: target.url('/', 'acme.vezacloud.invalid') },
      { network: { caFile } },
    );
    expect(proxied.route).toBe(`proxy ${p.url} (from the HTTPS_PROXY environment variable)`);
    expect(p.log).toEqual([`CONNECT acme.vezacloud.invalid:${target.port}`]);
  });

  it('an environment proxy with a password in its URL works and never shows the password', async () => {
    const p = await proxy({ auth: { kind: 'basic', username: 'env', password: 'env-pass-123' } });
    const transport = transportWith({
      env: { HTTPS_PROXY: `http://env:env-pass-123@127.0.0.1:${p.port}` },
    });
    const response = await transport.send(
      { method: 'GET', url: target.url('/', 'veza.test') },
      { network: { caFile } },
    );
    expect(response.route).toBe(
      `proxy http://127.0.0.1:${p.port} (from the HTTPS_PROXY environment variable)`,
    );
    expect(JSON.stringify(response)).not.toContain('env-pass-123');
  });
});
