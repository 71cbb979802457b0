import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../../src/main/core/transport';
import { makeLoopbackTls } from '../../../src/sandbox/tls/certificates';
import { expectFailure } from './support/expect-failure';
import { fakeLookup } from '../../support/network/lookups';
import { ok, startHttpsServer, type Handler, type TestServer } from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';

const KEY = 'dmV6YS1wZXJzb25hbC1rZXktZm9yLXRlc3RzLW9ubHk=';
const folder = tempFolder();
let transport: Transport;
let caFile: string;
let veza: TestServer;
let other: TestServer;
/** Where the Veza server sends /away: set per test. */
let awayTarget = '';

const vezaHandler: Handler = (req, res) => {
  const path = req.url ?? '/';
  if (path === '/old') return void res.writeHead(301, { location: '/new' }).end();
  if (path === '/away') return void res.writeHead(302, { location: awayTarget }).end();
  if (path.startsWith('/loop'))
    return void res.writeHead(302, { location: `/loop${path.length}` }).end();
  if (path === '/post-303') return void res.writeHead(303, { location: '/new' }).end();
  if (path === '/post-307') return void res.writeHead(307, { location: '/echo' }).end();
  if (path === '/echo') return void req.pipe(res);
  ok(req, res);
};
const otherHandler: Handler = (req, res) => {
  if (req.url === '/back')
    return void res.writeHead(302, { location: veza.url('/new', 'veza.test') }).end();
  ok(req, res);
};

const credentials = () => ({
  origin: veza.url('/', 'veza.test').slice(0, -1),
  authorization: `Bearer ${KEY}`,
});

beforeAll(async () => {
  const tls = await makeLoopbackTls(['veza.test', 'other.test']);
  caFile = folder.write('ca.pem', tls.ca.cert);
  veza = await startHttpsServer(tls.server, vezaHandler);
  other = await startHttpsServer(tls.server, otherHandler);
  transport = createTransport({ lookup: fakeLookup(), env: {}, tempDir: folder.dir });
});
afterAll(async () => {
  await transport.close();
  await Promise.all([veza.close(), other.close()]);
  folder.dispose();
});

const send = (
  url: string,
  extra: { method?: string; body?: string; headers?: Record<string, string> } = {},
) =>
  transport.send(
    { method: extra.method ?? 'GET', url, body: extra.body, headers: extra.headers },
    { network: { caFile }, credentials: credentials() },
  );

describe('redirects and the key', () => {
  it('a same-origin redirect keeps the key', async () => {
    const response = await send(veza.url('/old', 'veza.test'));
    expect(response.status).toBe(200);
    expect(response.url).toBe(veza.url('/new', 'veza.test'));
    expect(response.authorizationDropped).toBe(false);
    expect(response.redirects).toEqual([
      { url: veza.url('/old', 'veza.test'), status: 301, authorizationSent: true },
    ]);
    expect(veza.requests.slice(-2).map((r) => r.headers.authorization)).toEqual([
      `Bearer ${KEY}`,
      `Bearer ${KEY}`,
    ]);
  });

  it('a cross-origin redirect drops the key and the cookie, and says so', async () => {
    awayTarget = other.url('/landing', 'other.test');
    const before = other.requests.length;
    const response = await send(veza.url('/away', 'veza.test'), {
      headers: { Cookie: 'session=abc123' },
    });
    expect(response.status).toBe(200);
    expect(response.url).toBe(awayTarget);
    expect(response.authorizationDropped).toBe(true);
    expect(response.redirects.map((hop) => hop.authorizationSent)).toEqual([true]);
    const received = other.requests.slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]?.headers.authorization).toBeUndefined();
    expect(received[0]?.headers.cookie).toBeUndefined();
    expect(JSON.stringify(received)).not.toContain(KEY);
    expect(veza.requests.at(-1)?.headers.cookie).toBe('session=abc123');
  });

  it('another port on the same host is another origin too', async () => {
    awayTarget = other.url('/landing', 'veza.test');
    await send(veza.url('/away', 'veza.test'));
    expect(other.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('once dropped the key stays dropped, even when the chain comes back to its origin', async () => {
    awayTarget = other.url('/back', 'other.test');
    const response = await send(veza.url('/away', 'veza.test'));
    expect(response.url).toBe(veza.url('/new', 'veza.test'));
    expect(veza.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(response.authorizationDropped).toBe(true);
  });

  it('the key is never sent to another origin, whatever URL the caller asks for', async () => {
    const response = await send(other.url('/api/v1/users/self', 'other.test'));
    expect(response.status).toBe(200);
    expect(other.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(response.authorizationDropped).toBe(true);
  });

  it('a redirect loop stops at the limit with HTTP_TOO_MANY_REDIRECTS', async () => {
    const before = veza.requests.length;
    const error = await expectFailure(send(veza.url('/loop', 'veza.test')));
    expect(error.problem.code).toBe('HTTP_TOO_MANY_REDIRECTS');
    expect(error.stage).toBe('http');
    expect(veza.requests.length - before).toBe(6); // the request and 5 redirects followed
  });

  it('303 turns POST into GET without a body; 307 repeats POST with its body', async () => {
    const seeOther = await send(veza.url('/post-303', 'veza.test'), {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(veza.requests.at(-1)).toMatchObject({ method: 'GET', url: '/new' });
    expect(veza.requests.at(-1)?.headers['content-type']).toBeUndefined();
    expect(seeOther.status).toBe(200);
    const temporary = await send(veza.url('/post-307', 'veza.test'), {
      method: 'POST',
      body: '{"b":2}',
    });
    expect(veza.requests.at(-1)).toMatchObject({ method: 'POST', url: '/echo' });
    expect(temporary.body.kind === 'memory' && temporary.body.bytes.toString()).toBe('{"b":2}');
  });

  it('followRedirects: false hands back the 3xx as it is', async () => {
    const response = await transport.send(
      { method: 'GET', url: veza.url('/old', 'veza.test') },
      { network: { caFile }, followRedirects: false },
    );
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/new');
  });
});
