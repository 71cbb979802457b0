// Small requests per second the simulated Veza answers on one core: GET /api/v1/users/self
// (key check, routing, JSON) with keep-alive, the server alone in its own process and the
// client (undici) in this one. Three timed rounds after a warm-up; the median is reported.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { median, report } from './support/figure';
import { startSandboxProcess } from './support/sandbox-process';

const roundMs = 2_000;
const inFlight = 64;

async function round(pool: Pool, key: string, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const response = await pool.request({
        method: 'GET',
        path: '/api/v1/users/self',
        headers: { authorization: `Bearer ${key}` },
      });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(`unexpected status ${response.statusCode}`);
      done += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const server = await startSandboxProcess();
  const pool = new Pool(server.url, { connections: 16, pipelining: 1 });
  try {
    await round(pool, server.key, 500); // warm-up: JIT, sockets
    const rates: number[] = [];
    for (let i = 0; i < 3; i += 1) rates.push(await round(pool, server.key, roundMs));
    console.error(`rounds: ${rates.map((rate) => Math.round(rate)).join(', ')} req/s`);
    report({
      bench: 'sandbox-throughput',
      figure: 'GET /api/v1/users/self with keep-alive, server on one core',
      value: median(rates),
      unit: 'req/s',
      bar: 2000,
      lowerIsBetter: false,
    });
  } finally {
    await pool.close();
    await server.stop();
  }
}

void main();
