// A 200 MB body streams with the server's memory flat: the sandbox runs in a child process,
// this process reads GET /api/v1/sandbox/large?bytes=200000000 as fast as it can and samples
// the server's RSS every 25 ms. The figure is the peak RSS growth over the warmed-up,
// garbage-collected baseline.
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { report } from './support/figure';
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process';

const bodyBytes = 200_000_000;

async function readAll(server: SandboxProcess, bytes: number): Promise<number> {
  const response = await request(`${server.url}/api/v1/sandbox/large?bytes=${bytes}`, {
    headers: { authorization: `Bearer ${server.key}` },
  });
  let received = 0;
  for await (const chunk of response.body) received += (chunk as Buffer).length;
  return received;
}

async function main(): Promise<void> {
  const server = await startSandboxProcess();
  try {
    await readAll(server, 5_000_000); // warm-up: the code paths and socket buffers exist
    const baseline = await server.rss({ gc: true });
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await server.rss());
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const start = performance.now();
    const received = await readAll(server, bodyBytes);
    const seconds = (performance.now() - start) / 1000;
    sampling = false;
    await sampler;
    if (received !== bodyBytes) throw new Error(`received ${received} of ${bodyBytes} bytes`);
    console.error(
      `streamed ${bodyBytes / 1e6} MB in ${seconds.toFixed(2)} s (${Math.round(bodyBytes / 1e6 / seconds)} MB/s); server RSS ${Math.round(baseline / 1e6)} MB -> peak ${Math.round(peak / 1e6)} MB`,
    );
    report({
      bench: 'sandbox-large-body',
      figure: 'server RSS growth while streaming 200 MB',
      value: (peak - baseline) / 1024 / 1024,
      unit: 'MB',
      bar: 50,
      lowerIsBetter: true,
    });
  } finally {
    await server.stop();
  }
}

void main();
