// A simulated Veza in its own process for the sandbox benchmarks, so the server has its own
// core and its own RSS. Talks to the parent over the IPC channel: 'ready' with the URL and a
// key, then answers { type: 'rss', gc } requests with its resident memory.
import { startSandbox } from '../../src/sandbox/start-sandbox';

async function main(): Promise<void> {
  // Options from the parent (startSandboxProcess), e.g. {"latencyMs": 200}.
  const options = JSON.parse(process.argv[2] ?? '{}') as { latencyMs?: number };
  const sandbox = await startSandbox(options);
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type !== 'rss') return;
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'rss', rss: process.memoryUsage().rss });
  });
  process.on('disconnect', () => {
    void sandbox.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: sandbox.url, key: sandbox.keys.admin });
}

void main();
