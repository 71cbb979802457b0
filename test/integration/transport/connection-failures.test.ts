import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransport,
  type Transport,
  type TransportDeps,
} from '../../../src/main/core/transport';
import { expectFailure } from './support/expect-failure';
import {
  canListenWithFullBacklog,
  startFullBacklogListener,
} from '../../support/network/full-backlog';
import { failingLookup, fakeLookup } from '../../support/network/lookups';
import {
  startHttpServer,
  startTcpServer,
  type Handler,
  type TestServer,
} from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';

const folder = tempFolder();
const servers: TestServer[] = [];
const transports: Transport[] = [];

function transportWith(deps: TransportDeps = {}): Transport {
  const transport = createTransport({
    lookup: fakeLookup(),
    env: {},
    tempDir: folder.dir,
    ...deps,
  });
  transports.push(transport);
  return transport;
}
async function http(handler: Handler): Promise<TestServer> {
  const server = await startHttpServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => folder.dispose());

describe('DNS (through the injected resolver, on the real connect path)', () => {
  it.each([
    ['ENOTFOUND', 'DNS_NOT_FOUND'],
    ['EAI_AGAIN', 'DNS_UNAVAILABLE'],
  ] as const)('%s is %s, at the dns stage, naming the host', async (code, problem) => {
    const transport = transportWith({ lookup: failingLookup(code) });
    const error = await expectFailure(
      transport.send({ method: 'GET', url: 'https://acme.vezacloud.invalid/api/v1/providers' }),
    );
    expect(error.problem.code).toBe(problem);
    expect(error.stage).toBe('dns');
    expect(error.problem.detail.errorCode).toBe(code);
    expect(error.problem.explanation).toContain('acme.vezacloud.invalid');
  });
});

describe('TCP', () => {
  it('a closed port is TCP_REFUSED', async () => {
    const server = await http(() => {});
    const port = server.port;
    await server.close();
    servers.pop();
    const error = await expectFailure(
      transportWith().send({ method: 'GET', url: `http://veza.test:${port}/` }),
    );
    expect(error.problem.code).toBe('TCP_REFUSED');
    expect(error.stage).toBe('tcp');
  });

  it('a connection reset before any answer is TCP_RESET', async () => {
    const server = await startTcpServer((socket) =>
      socket.once('data', () => socket.resetAndDestroy()),
    );
    servers.push(server);
    const error = await expectFailure(
      transportWith().send({ method: 'GET', url: `http://veza.test:${server.port}/` }),
    );
    expect(error.problem.code).toBe('TCP_RESET');
  });

  // A port where connect() hangs, as behind a firewall that drops packets (full backlog).
  describe.skipIf(!canListenWithFullBacklog)('connect timeout (full backlog)', () => {
    let listener: Awaited<ReturnType<typeof startFullBacklogListener>>;
    let port = 0;
    beforeAll(async () => {
      listener = await startFullBacklogListener();
      port = listener.port;
    });
    afterAll(() => listener.close());

    it('a server that never accepts is TCP_TIMEOUT at the tcp stage', async () => {
      const transport = transportWith({ defaults: { timeouts: { connectMs: 400 } } });
      const started = Date.now();
      const error = await expectFailure(
        transport.send({ method: 'GET', url: `https://veza.test:${port}/` }),
      );
      expect(error.problem.code).toBe('TCP_TIMEOUT');
      expect(error.stage).toBe('tcp');
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  it('a server that accepts but never completes the TLS handshake is TCP_TIMEOUT at the tls stage', async () => {
    const server = await startTcpServer(() => {});
    servers.push(server);
    const transport = transportWith();
    const error = await expectFailure(
      transport.send(
        { method: 'GET', url: `https://veza.test:${server.port}/` },
        { network: { timeouts: { connectMs: 300 } } },
      ),
    );
    expect(error.problem.code).toBe('TCP_TIMEOUT');
    expect(error.stage).toBe('tls');
  });
});

describe('HTTP timeouts and cancel', () => {
  it('a server that never answers is HTTP_TIMEOUT after the first-byte timeout', async () => {
    const server = await http(() => {});
    const started = Date.now();
    const error = await expectFailure(
      transportWith().send(
        { method: 'GET', url: server.url('/', 'veza.test') },
        { network: { timeouts: { firstByteMs: 300 } } },
      ),
    );
    expect(error.problem.code).toBe('HTTP_TIMEOUT');
    expect(error.problem.detail.errorCode).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a body that stalls is HTTP_TIMEOUT after the idle timeout', async () => {
    const server = await http((_req, res) =>
      res.writeHead(200, { 'content-length': '100' }).write('x'.repeat(10)),
    );
    const error = await expectFailure(
      transportWith().send(
        { method: 'GET', url: server.url('/', 'veza.test') },
        { network: { timeouts: { idleMs: 300 } } },
      ),
    );
    expect(error.problem.code).toBe('HTTP_TIMEOUT');
    expect(error.problem.detail.errorCode).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('a body that trickles forever is stopped by the total timeout', async () => {
    const server = await http((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const error = await expectFailure(
      transportWith().send(
        { method: 'GET', url: server.url('/', 'veza.test') },
        { network: { timeouts: { totalMs: 400 } } },
      ),
    );
    expect(error.problem.code).toBe('HTTP_TIMEOUT');
  });

  it('cancel mid-body is REQUEST_CANCELLED and closes the connection', async () => {
    const controller = new AbortController();
    let serverSawClose = false;
    const server = await http((_req, res) => {
      res.writeHead(200, { 'content-length': String(10_000_000) });
      res.write(Buffer.alloc(64 * 1024));
      res.on('close', () => (serverSawClose = true));
      setTimeout(() => controller.abort(), 50);
    });
    const error = await expectFailure(
      transportWith().send({
        method: 'GET',
        url: server.url('/', 'veza.test'),
        signal: controller.signal,
      }),
    );
    expect(error.problem.code).toBe('REQUEST_CANCELLED');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(serverSawClose).toBe(true);
  });

  it('an already cancelled signal sends nothing', async () => {
    const server = await http(() => {});
    const error = await expectFailure(
      transportWith().send({
        method: 'GET',
        url: server.url('/', 'veza.test'),
        signal: AbortSignal.abort(),
      }),
    );
    expect(error.problem.code).toBe('REQUEST_CANCELLED');
    expect(server.requests).toHaveLength(0);
  });
});

describe('bodies cut mid-way', () => {
  it.each([
    ['content-length', { 'content-length': '100000' }],
    ['chunked', {}],
  ])('a %s body cut by the server is HTTP_BODY_INCOMPLETE', async (_name, headers) => {
    const server = await http((_req, res) => {
      res.writeHead(200, headers);
      res.write(Buffer.alloc(30_000), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const error = await expectFailure(
      transportWith().send({ method: 'GET', url: server.url('/', 'veza.test') }),
    );
    expect(error.problem.code).toBe('HTTP_BODY_INCOMPLETE');
    expect(error.stage).toBe('http');
  });
});
