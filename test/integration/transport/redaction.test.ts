import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransport,
  type SendOptions,
  type Transport,
  type TransportRequest,
} from '../../../src/main/core/transport';
import { issueCertificate, makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { startForwardProxy, type TestProxy } from '../../support/network/forward-proxy';
import { failingLookup, fakeLookup } from '../../support/network/lookups';
import {
  ok,
  startHttpServer,
  startHttpsServer,
  type TestServer,
} from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';

// The one rule: the key never leaves the transport except in the Authorization header to its
// own origin. Each failure path below runs with credentials that would be sent, and the whole
// error (message, stack, Problem, every field) is searched for the key and the proxy password.
const KEY = 'c2VjcmV0LWtleS12YWx1ZS10aGF0LW11c3QtbmV2ZXItbGVhaw==';
const PROXY_PASSWORD = 'proxy-pw-never-shown';
const folder = tempFolder();
let transport: Transport;
let servers: TestServer[] = [];
let proxy: TestProxy;
let caFile: string;

beforeAll(async () => {
  const tls = await makeLoopbackTls(['veza.test', 'other.test']);
  caFile = folder.write('ca.pem', tls.ca.cert);
  const selfSigned = await issueCertificate({ commonName: 'veza.test', hosts: ['veza.test'] });
  servers = [
    await startHttpsServer(tls.server, (req, res) => {
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/away')
        return void res.writeHead(302, { location: servers[3]?.url('/', 'other.test') }).end();
      if (req.url === '/silent') return;
      if (req.url === '/cut')
        return void res
          .writeHead(200, { 'content-length': '9999' })
          .write('x', () => res.socket?.destroy());
      if (req.url === '/huge') return void res.writeHead(200).end(Buffer.alloc(64 * 1024));
      ok(req, res);
    }),
    await startHttpsServer(selfSigned, ok),
    await startHttpServer(ok),
    await startHttpsServer(tls.server, ok),
  ];
  proxy = await startForwardProxy({
    auth: { kind: 'basic', username: 'u', password: 'a-different-password' },
  });
  transport = createTransport({
    lookup: fakeLookup(),
    env: {},
    tempDir: folder.dir,
    proxyPassword: async () => PROXY_PASSWORD,
  });
});
afterAll(async () => {
  await transport.close();
  await Promise.all([...servers.map((s) => s.close()), proxy.close()]);
  folder.dispose();
});

function everythingIn(value: unknown): string {
  const error = value as Error;
  return [
    inspect(value, { depth: 20, showHidden: true }),
    JSON.stringify(value),
    error?.message,
    error?.stack,
  ].join('\n');
}

/** Servers and proxy exist only once beforeAll ran, so each case is built lazily. */
function scenario(
  url: () => string,
  options: () => SendOptions = () => ({}),
  request: Partial<TransportRequest> = {},
) {
  return async () => {
    const origin = new URL(url()).origin;
    return transport.send(
      { method: 'POST', url: url(), body: '{}', headers: { 'x-note': 'hello' }, ...request },
      {
        credentials: { origin, authorization: `Bearer ${KEY}` },
        network: { caFile },
        ...options(),
      },
    );
  };
}

const failures: [string, ReturnType<typeof scenario>][] = [
  [
    'DNS failure',
    async () =>
      createTransport({ lookup: failingLookup('ENOTFOUND'), env: {} }).send(
        { method: 'GET', url: 'https://acme.vezacloud.invalid/' },
        {
          credentials: { origin: 'https://acme.vezacloud.invalid', authorization: `Bearer ${KEY}` },
        },
      ),
  ],
  ['refused', scenario(() => 'https://veza.test:1/')],
  ['self-signed', scenario(() => servers[1]?.url('/', 'veza.test') ?? '')],
  [
    'pin mismatch',
    scenario(
      () => servers[0]?.url('/', 'veza.test') ?? '',
      () => ({ network: { caFile, pinnedCertSha256: 'AA:BB' } }),
    ),
  ],
  ['not TLS', scenario(() => `https://veza.test:${servers[2]?.port}/`)],
  [
    'proxy 407 with a wrong password',
    scenario(
      () => servers[0]?.url('/', 'veza.test') ?? '',
      () => ({
        network: { caFile, proxy: { mode: 'manual', url: `http://u@127.0.0.1:${proxy.port}` } },
      }),
    ),
  ],
  [
    'proxy 407 for http',
    scenario(
      () => servers[2]?.url('/', 'veza.test') ?? '',
      () => ({ network: { proxy: { mode: 'manual', url: `http://u@127.0.0.1:${proxy.port}` } } }),
    ),
  ],
  [
    'first-byte timeout',
    scenario(
      () => servers[0]?.url('/silent', 'veza.test') ?? '',
      () => ({ network: { caFile, timeouts: { firstByteMs: 200 } } }),
    ),
  ],
  ['body cut', scenario(() => servers[0]?.url('/cut', 'veza.test') ?? '')],
  [
    'body too large',
    scenario(
      () => servers[0]?.url('/huge', 'veza.test') ?? '',
      () => ({ limits: { maxBodyBytes: 1000 } }),
    ),
  ],
  [
    'redirect loop',
    scenario(() => servers[0]?.url('/loop', 'veza.test') ?? '', undefined, {
      method: 'GET',
      body: undefined,
    }),
  ],
  [
    'cancelled',
    scenario(() => servers[0]?.url('/silent', 'veza.test') ?? '', undefined, {
      signal: AbortSignal.timeout(100),
    }),
  ],
];

describe('redaction', () => {
  it.each(failures)(
    '%s: the key and the proxy password appear nowhere in the error',
    async (_name, run) => {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      const text = everythingIn(error);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(PROXY_PASSWORD);
      expect(text).not.toContain(Buffer.from(`u:${PROXY_PASSWORD}`).toString('base64'));
    },
  );

  it('responses carry no key either, including after a cross-origin redirect', async () => {
    for (const path of ['/', '/away']) {
      const response = await scenario(() => servers[0]?.url(path, 'veza.test') ?? '', undefined, {
        method: 'GET',
        body: undefined,
      })();
      expect(everythingIn(response)).not.toContain(KEY);
    }
  });
});
