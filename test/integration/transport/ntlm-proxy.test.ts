import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type TransportDeps } from '../../../src/main/core/transport';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { expectFailure } from './support/expect-failure';
import { startNtlmProxy, type NtlmProxy } from '../../support/network/forward-proxy';
import { fakeLookup } from '../../support/network/lookups';
import { startHttpServer, startHttpsServer, type TestServer } from '../../support/network/servers';
import { startSquid, type Squid } from '../../support/network/squid';
import { tempFolder } from '../../support/network/temp-folder';

// Windows sign-in proxies: a real squid with its NTLM test helper (a real handshake on one
// connection; the helper accepts any password), and for a wrong password our own NTLM proxy
// that recomputes the NTLMv2 proof.
const folder = tempFolder();
const password = 'Winter-pw-7c1e!';
const key = 'vz-key-5a9d3c1b7e';
let caFile: string;
let target: TestServer;
let plainTarget: TestServer;
let squid: Squid;
const proxies: NtlmProxy[] = [];
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

const keychain = (saved: string | undefined) => {
  const asked: { origin: string; username: string }[] = [];
  const proxyPassword = async (who: { origin: string; username: string }) => {
    asked.push(who);
    return saved;
  };
  return { asked, proxyPassword };
};

const echo: Parameters<typeof startHttpsServer>[1] = (req, res) => {
  res.setHeader('content-type', 'application/json');
  // ?close: the next request needs a new connection (and so a new tunnel and sign-in).
  if (req.url?.includes('close')) res.setHeader('connection', 'close');
  res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
};

beforeAll(async () => {
  const tls = await makeLoopbackTls(['veza.test']);
  caFile = folder.write('ca.pem', tls.ca.cert);
  target = await startHttpsServer(tls.server, echo);
  plainTarget = await startHttpServer(echo);
  squid = await startSquid();
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await Promise.all([target.close(), plainTarget.close(), squid?.close()]);
  folder.dispose();
});

const viaSquid = (user = 'ACME%5Cjdoe') => `http://${user}@127.0.0.1:${squid.port}`;
const request = (url = target.url('/api/v1/users/self', 'veza.test')) => ({ method: 'GET', url });
const options = (proxyUrl: string) => ({
  network: { caFile, proxy: { mode: 'manual' as const, url: proxyUrl } },
  credentials: {
    origin: target.url('', 'veza.test').replace(/\/$/, ''),
    authorization: `Bearer ${key}`,
  },
});

describe('NTLM through a real squid', () => {
  it('signs in as ACME\\jdoe with the keychain password and reaches the https target untouched', async () => {
    const { asked, proxyPassword } = keychain(password);
    const transport = transportWith({ proxyPassword });
    const response = await transport.send(request(), options(viaSquid()));
    expect(response.status).toBe(200);
    const body = response.body.kind === 'memory' ? response.body.bytes.toString() : '';
    // The target sees our key as sent, and nothing of the proxy sign-in.
    expect(JSON.parse(body)).toEqual({ authorization: `Bearer ${key}` });
    expect(target.requests.at(-1)?.headers['proxy-authorization']).toBeUndefined();
    expect(asked).toEqual([{ origin: `http://127.0.0.1:${squid.port}`, username: 'ACME\\jdoe' }]);
    expect(response.route).toBe(
      `proxy http://127.0.0.1:${squid.port} (set in this instance's network settings)`,
    );
    // Another connection (the target closed this one) signs in again.
    const again = await transport.send(
      request(target.url('/api/v1/users/self?close', 'veza.test')),
      options(viaSquid()),
    );
    expect(again.status).toBe(200);
    expect(JSON.stringify([response, again])).not.toContain(password);
    // squid's access log names the signed-in user on the tunnel (its test helper writes the
    // user and domain fields as it reads them).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const tunnels = squid
      .accessLog()
      .split('\n')
      .filter((line) => line.includes(`CONNECT veza.test:${target.port}`));
    expect(
      tunnels.some((line) => /TCP_TUNNEL\/200 \d+ CONNECT \S+ ACME\\{1,2}jdoe /.test(line)),
    ).toBe(true);
  });

  it('a password in HTTPS_PROXY works as for Basic, and a bare user name (no domain) signs in too', async () => {
    const fromEnv = transportWith({
      env: {
        HTTPS_PROXY: `http://ACME%5Cjdoe:${encodeURIComponent(password)}@127.0.0.1:${squid.port}`,
      },
    });
    const response = await fromEnv.send(request(), { network: { caFile } });
    expect(response.status).toBe(200);
    const bare = transportWith(keychain(password));
    expect((await bare.send(request(), options(viaSquid('jdoe')))).status).toBe(200);
  });

  it('no saved password, or no user name in the proxy URL: PROXY_AUTH_REQUIRED, nothing leaked', async () => {
    const { asked, proxyPassword } = keychain(undefined);
    const noPassword = await expectFailure(
      transportWith({ proxyPassword }).send(request(), options(viaSquid())),
    );
    expect(noPassword.problem.code).toBe('PROXY_AUTH_REQUIRED');
    expect(noPassword.stage).toBe('proxy');
    expect(asked).toHaveLength(1);
    const noUser = await expectFailure(
      transportWith(keychain(password)).send(request(), options(`http://127.0.0.1:${squid.port}`)),
    );
    expect(noUser.problem.code).toBe('PROXY_AUTH_REQUIRED');
    expect(noUser.problem.explanation).toContain(`http://127.0.0.1:${squid.port}`);
    expect(JSON.stringify([noPassword.problem, noUser.problem])).not.toContain(password);
  });

  it('plain http is forwarded, not tunnelled: NTLM is not tried there, PROXY_AUTH_REQUIRED', async () => {
    const error = await expectFailure(
      transportWith(keychain(password)).send(
        request(plainTarget.url('/', 'veza.test')),
        options(viaSquid()),
      ),
    );
    expect(error.problem.code).toBe('PROXY_AUTH_REQUIRED');
    expect(JSON.stringify(error.problem)).not.toContain(password);
  });
});

describe('NTLM with a proxy that checks the password', () => {
  async function ntlmProxy(closeFirst = false) {
    const p = await startNtlmProxy({ username: 'jdoe', domain: 'ACME', password, closeFirst });
    proxies.push(p);
    return p;
  }

  it('the right password signs in (NTLMv2), also when the proxy closed its first 407', async () => {
    for (const closeFirst of [false, true]) {
      const p = await ntlmProxy(closeFirst);
      const response = await transportWith(keychain(password)).send(
        request(),
        options(`http://ACME%5Cjdoe@127.0.0.1:${p.port}`),
      );
      expect(response.status).toBe(200);
      expect(p.signedIn).toEqual(['ACME\\jdoe']);
      // Asked without credentials first: the password never went as Basic.
      expect(p.credentialsSeen.some((value) => /^Basic/i.test(value))).toBe(false);
      expect(p.log).toHaveLength(3);
    }
  });

  it('the next connection to the same proxy starts with NTLM: no round trip to find out', async () => {
    const p = await ntlmProxy();
    const transport = transportWith(keychain(password));
    const proxyUrl = `http://ACME%5Cjdoe@127.0.0.1:${p.port}`;
    for (let round = 0; round < 2; round += 1) {
      const url = target.url('/?close', 'veza.test');
      expect((await transport.send(request(url), options(proxyUrl))).status).toBe(200);
    }
    // Asked bare, Type 1, Type 3; then Type 1, Type 3 on the new connection.
    expect(p.log).toHaveLength(5);
    expect(p.signedIn).toEqual(['ACME\\jdoe', 'ACME\\jdoe']);
  });

  it('a wrong password is PROXY_AUTH_REQUIRED; neither it nor the NTLM messages appear anywhere', async () => {
    const p = await ntlmProxy();
    const wrong = 'Wrong-pw-3b8f0a';
    const error = await expectFailure(
      transportWith(keychain(wrong)).send(
        request(),
        options(`http://ACME%5Cjdoe@127.0.0.1:${p.port}`),
      ),
    );
    expect(error.problem.code).toBe('PROXY_AUTH_REQUIRED');
    expect(error.stage).toBe('proxy');
    expect(p.signedIn).toEqual([]);
    const seen = JSON.stringify({
      problem: error.problem,
      message: error.message,
      stack: error.stack,
    });
    expect(seen).not.toContain(wrong);
    for (const sent of p.credentialsSeen) expect(seen).not.toContain(sent.split(' ')[1]);
  });
});
