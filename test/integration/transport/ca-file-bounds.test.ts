import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '../../../src/main/core/transport';
import { issueCertificate, type Issued } from '../../../src/sandbox/tls/certificates';
import { fakeLookup } from '../../support/network/lookups';
import { ok, startHttpsServer, type TestServer } from '../../support/network/servers';
import { tempFolder } from '../../support/network/temp-folder';
import { expectFailure } from './support/expect-failure';

// A CA file is a regular file of at most 1 MB, read within the connect timeout. Anything else
// (a named pipe, a device, a folder, a huge file) is CA_FILE_INVALID at once: no hang, no
// memory growth. Every case goes through the real transport to a TLS server on 127.0.0.1.
const MB = 1024 * 1024;
const CONNECT_MS = 5_000;
const folder = tempFolder();
let transport: Transport;
let root: Issued;
let server: TestServer;
let fifo: string;

beforeAll(async () => {
  root = await issueCertificate({ commonName: 'Acme Private Root', isCA: true });
  const leaf = await issueCertificate({
    commonName: 'veza.test',
    hosts: ['veza.test'],
    issuer: root,
  });
  server = await startHttpsServer(leaf, ok);
  fifo = path.join(folder.dir, 'root.pem');
  execFileSync('mkfifo', [fifo]);
  transport = createTransport({ lookup: fakeLookup(), env: {}, tempDir: folder.dir });
});
afterEach(() => {
  // If a reader is (wrongly) stuck on the pipe, a writer that opens and closes it ends that
  // read with EOF, so a regression fails its test instead of holding a thread forever.
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is reading the pipe, as it should be.
  }
});
afterAll(async () => {
  await transport.close();
  await server.close();
  folder.dispose();
});

function sendWith(caFile: string) {
  return transport.send(
    { method: 'GET', url: server.url('/api/v1/users/self', 'veza.test') },
    { network: { caFile, timeouts: { connectMs: CONNECT_MS } } },
  );
}

/** A valid PEM padded with text after the certificate up to `size` bytes. */
function paddedPem(name: string, size: number): string {
  const padding = size - Buffer.byteLength(root.cert);
  return folder.write(name, root.cert + '#'.repeat(padding - 1) + '\n');
}

async function expectRefused(caFile: string, rawPattern: RegExp) {
  const started = performance.now();
  const error = await expectFailure(sendWith(caFile));
  const elapsed = performance.now() - started;
  expect(error.problem.code).toBe('CA_FILE_INVALID');
  expect(error.problem.detail.raw).toMatch(rawPattern);
  expect(error.problem.detail.facts).toMatchObject({ file: caFile });
  expect(elapsed).toBeLessThan(CONNECT_MS / 5);
  // Nothing was sent: the trust settings are settled before any connection.
  return error;
}

describe('CA file bounds', () => {
  it('a named pipe (FIFO) is refused at once instead of waiting for a writer', async () => {
    await expectRefused(fifo, /special file \(a named pipe\), not a certificate file/);
  }, 3_000);

  it('a named pipe is refused at once when inspecting a certificate too', async () => {
    const started = performance.now();
    const error = await expectFailure(
      transport.inspectCertificate(server.url('/', 'veza.test'), {
        caFile: fifo,
        timeouts: { connectMs: CONNECT_MS },
      }),
    );
    expect(error.problem.code).toBe('CA_FILE_INVALID');
    expect(performance.now() - started).toBeLessThan(CONNECT_MS / 5);
  }, 3_000);

  it('/dev/zero (a device) is refused without reading it into memory', async () => {
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    try {
      await expectRefused('/dev/zero', /special file \(a device\), not a certificate file/);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(50 * MB);
  }, 3_000);

  it('a folder is refused', async () => {
    const dir = path.join(folder.dir, 'certs');
    mkdirSync(dir);
    await expectRefused(dir, /is a folder, not a certificate file/);
  }, 3_000);

  it('a file over 1 MB is refused even when it starts with a valid certificate', async () => {
    await expectRefused(paddedPem('two-mb.pem', 2 * MB), /larger than 1 MB/);
    await expectRefused(paddedPem('one-mb-and-a-byte.pem', MB + 1), /larger than 1 MB/);
  }, 3_000);

  it('a valid PEM still works, also one of exactly 1 MB', async () => {
    for (const caFile of [folder.write('root.crt', root.cert), paddedPem('one-mb.pem', MB)]) {
      const response = await sendWith(caFile);
      expect(response.status).toBe(200);
      await response.release();
    }
  });
});
