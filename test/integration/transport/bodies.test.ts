import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../../src/main/core/transport';
import { expectFailure } from './support/expect-failure';
import { fakeLookup } from '../../support/network/lookups';
import { startHttpServer, type Handler, type TestServer } from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';

const MB = 1024 * 1024;
const folder = tempFolder();
const servers: TestServer[] = [];
let transport: Transport;

function freshTransport(): Transport {
  transport = createTransport({ lookup: fakeLookup(), env: {}, tempDir: folder.dir });
  return transport;
}
async function http(handler: Handler): Promise<TestServer> {
  const server = await startHttpServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await transport.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => folder.dispose());

/** Deterministic bytes, generated as the client reads them (nothing big is ever held). */
function streamBytes(
  res: import('node:http').ServerResponse,
  total: number,
  chunkSize = 64 * 1024,
): void {
  const chunk = Buffer.alloc(chunkSize, 'v');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const size = Math.min(chunkSize, total - sent);
      sent += size;
      if (!res.write(size === chunkSize ? chunk : chunk.subarray(0, size)))
        return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => (sent = total));
  pump();
}

describe('content encodings', () => {
  const json = JSON.stringify({
    values: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `item ${i}` })),
  });
  const encoders: Record<string, (input: Buffer) => Buffer> = {
    gzip: zlib.gzipSync,
    br: zlib.brotliCompressSync,
    deflate: zlib.deflateSync,
    'deflate (raw, as some servers send it)': zlib.deflateRawSync,
  };
  it.each(Object.keys(encoders))('%s is decoded, and Accept-Encoding offers it', async (name) => {
    const encoding = name.split(' ')[0] ?? name;
    const server = await http((_req, res) =>
      res.writeHead(200, { 'content-encoding': encoding }).end(encoders[name]?.(Buffer.from(json))),
    );
    const response = await freshTransport().send({
      method: 'GET',
      url: server.url('/', 'veza.test'),
    });
    expect(response.body.kind === 'memory' && response.body.bytes.toString()).toBe(json);
    expect(response.size).toBe(Buffer.byteLength(json));
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('a corrupt gzip body is a failure, not garbage', async () => {
    const server = await http((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end('definitely not gzip'),
    );
    const error = await expectFailure(
      freshTransport().send({ method: 'GET', url: server.url('/', 'veza.test') }),
    );
    expect(error.problem.code).toBe('HTTP_BODY_INCOMPLETE');
  });
});

describe('large bodies', () => {
  it('stay in memory up to the threshold and go to a temp file past it, removed on release', async () => {
    const server = await http((req, res) => streamBytes(res, req.url === '/big' ? 3 * MB : MB));
    freshTransport();
    const limits = { memoryThresholdBytes: 2 * MB };
    const small = await transport.send(
      { method: 'GET', url: server.url('/small', 'veza.test') },
      { limits },
    );
    expect(small.body.kind).toBe('memory');
    const big = await transport.send(
      { method: 'GET', url: server.url('/big', 'veza.test') },
      { limits },
    );
    if (big.body.kind !== 'file') throw new Error('expected a file body');
    const file = big.body.path;
    expect(big.size).toBe(3 * MB);
    expect(statSync(file).size).toBe(3 * MB);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(
      createHash('sha256')
        .update(Buffer.alloc(3 * MB, 'v'))
        .digest('hex'),
    );
    await big.release();
    expect(existsSync(file)).toBe(false);
  });

  it('cleanupAll() removes every body file not yet released (what the app does on quit)', async () => {
    const server = await http((_req, res) => streamBytes(res, MB + 1));
    freshTransport();
    const limits = { memoryThresholdBytes: MB };
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        transport.send({ method: 'GET', url: server.url('/', 'veza.test') }, { limits }),
      ),
    );
    const files = answers.map((answer) => (answer.body.kind === 'file' ? answer.body.path : ''));
    expect(files.every((file) => existsSync(file))).toBe(true);
    transport.cleanupAll();
    expect(files.some((file) => existsSync(file))).toBe(false);
  });

  it('a 1 GB body stops at the size limit without the process growing, and leaves no file behind', async () => {
    let bytesSent = 0;
    const server = await http((_req, res) => {
      res.writeHead(200, { 'content-length': String(1024 * MB) });
      const write = res.write.bind(res);
      res.write = ((chunk: Buffer, ...rest: never[]) => {
        bytesSent += chunk.length;
        return write(chunk, ...rest);
      }) as typeof res.write;
      streamBytes(res, 1024 * MB);
    });
    freshTransport();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 10);
    const error = await expectFailure(
      transport.send(
        { method: 'GET', url: server.url('/', 'veza.test') },
        { limits: { maxBodyBytes: 200 * MB, memoryThresholdBytes: 2 * MB } },
      ),
    );
    clearInterval(sampler);
    expect(error.problem.code).toBe('HTTP_BODY_TOO_LARGE');
    expect(error.problem.explanation).toContain('200 MB');
    expect((rssPeak - rssBefore) / MB).toBeLessThan(100);
    // The connection was closed: the server did not get to push the remaining 800 MB.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bytesSent).toBeLessThan(400 * MB);
    expect(readdirSync(folder.dir).filter((name) => name.startsWith('body-'))).toEqual([]);
  });
});
