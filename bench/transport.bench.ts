// The transport against bare undici on the same local server (interleaved, one run), many
// requests at once, and memory while a large body streams to disk. 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createTransport } from '../src/main/core/transport';
import { median, report } from './support/figure';

const MB = 1024 * 1024;
const json = JSON.stringify({
  value: { id: 'u-1', name: 'Ada Admin', email: 'ada@example.com', roles: ['admin'] },
});

async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end(json), 20);
    if (req.url === '/stream') {
      // 500 MB generated as it is read: the server holds one chunk, never the body.
      const chunk = Buffer.alloc(256 * 1024, 'v');
      let left = 500 * MB;
      res.writeHead(200, { 'content-length': String(left) });
      const pump = () => {
        while (left > 0) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    res.setHeader('content-type', 'application/json');
    res.end(json);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const server = await startServer();
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'veza-transport-bench-'));
  const transport = createTransport({ env: {}, tempDir });
  const bare = new Agent();
  try {
    // Overhead: this machine is shared and noisy, so the two sides alternate request by
    // request (order flipped every pair) and each round compares sums over the same seconds.
    const pairsPerRound = 200;
    const bareOnce = async () => {
      const { body } = await request(`${server.url}/fast`, { dispatcher: bare });
      await body.arrayBuffer();
    };
    const transportOnce = () => transport.send({ method: 'GET', url: `${server.url}/fast` });
    const timed = async (run: () => Promise<unknown>) => {
      const start = performance.now();
      await run();
      return performance.now() - start;
    };
    for (let i = 0; i < 2_000; i += 1) await Promise.all([bareOnce(), transportOnce()]); // warm-up
    const ratios: number[] = [];
    const bareUs: number[] = [];
    const transportUs: number[] = [];
    for (let round = 0; round < 31; round += 1) {
      let bareSum = 0;
      let transportSum = 0;
      for (let i = 0; i < pairsPerRound; i += 1) {
        if (i % 2 === 0) {
          bareSum += await timed(bareOnce);
          transportSum += await timed(transportOnce);
        } else {
          transportSum += await timed(transportOnce);
          bareSum += await timed(bareOnce);
        }
      }
      bareUs.push((bareSum / pairsPerRound) * 1000);
      transportUs.push((transportSum / pairsPerRound) * 1000);
      ratios.push(transportSum / bareSum);
    }
    console.error(
      `per request (median of rounds): bare undici ${median(bareUs).toFixed(1)} µs, transport ${median(transportUs).toFixed(1)} µs`,
    );
    report({
      bench: 'transport',
      figure: 'time vs bare undici (median ratio)',
      value: median(ratios),
      unit: 'x',
      bar: 1.1,
      lowerIsBetter: true,
    });

    // 200 at once against a server that takes 20 ms per answer.
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        transport.send({ method: 'GET', url: `${server.url}/slow` }),
      ),
    );
    const elapsed = performance.now() - started;
    const completed = results.filter(
      (r) => r.status === 'fulfilled' && r.value.status === 200,
    ).length;
    report({
      bench: 'transport',
      figure: '200 concurrent requests completed',
      value: completed,
      unit: 'requests',
      bar: 200,
      lowerIsBetter: false,
    });
    report({
      bench: 'transport',
      figure: '200 concurrent requests, wall time',
      value: elapsed,
      unit: 'ms',
      bar: 2000,
      lowerIsBetter: true,
    });

    // 500 MB to a temp file: RSS must stay flat (the body never sits in memory).
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const streamStart = performance.now();
    const response = await transport.send(
      { method: 'GET', url: `${server.url}/stream` },
      { limits: { maxBodyBytes: 600 * MB, memoryThresholdBytes: 2 * MB } },
    );
    const streamMs = performance.now() - streamStart;
    clearInterval(sampler);
    if (response.body.kind !== 'file' || response.size !== 500 * MB)
      throw new Error('the body did not go to disk whole');
    await response.release();
    console.error(
      `500 MB to disk in ${streamMs.toFixed(0)} ms (${((500 / streamMs) * 1000).toFixed(0)} MB/s)`,
    );
    report({
      bench: 'transport',
      figure: 'RSS growth while 500 MB stream to disk',
      value: (rssPeak - rssBefore) / MB,
      unit: 'MB',
      bar: 100,
      lowerIsBetter: true,
    });
  } finally {
    await transport.close();
    await bare.close();
    await server.close();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

void main();
