import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

/**
 * "A busy laptop": one child process whose threads each spin a fixed CPU-bound loop, one per
 * core, until stopped. No external tool, so every bench can make the same load.
 */
export interface BusyCores {
  threads: number;
  stop(): Promise<void>;
}

// The fixed loop each thread runs; the child runs it on its main thread and N-1 workers.
const spin = 'let x = 0; for (;;) x = (x * 1103515245 + 12345) | 0;';
const child = `
const { Worker } = require('node:worker_threads');
for (let i = 1; i < Number(process.argv[1]); i += 1) new Worker(${JSON.stringify(spin)}, { eval: true });
process.send('spinning');
${spin}`;

export async function startBusyCores(threads = os.availableParallelism()): Promise<BusyCores> {
  const burner: ChildProcess = spawn(process.execPath, ['-e', child, String(threads)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    burner.once('message', () => resolve());
    burner.once('exit', (code) => reject(new Error(`the CPU burner stopped (${code})`)));
  });
  // Let the threads reach full speed before anything is measured.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    threads,
    stop: () =>
      new Promise<void>((resolve) => {
        if (burner.exitCode !== null || burner.signalCode) return resolve();
        burner.once('exit', () => resolve());
        burner.kill('SIGKILL');
      }),
  };
}

/** The two conditions every UI figure is measured in. */
export type Condition = 'quiet' | 'busy';
export const conditions: readonly Condition[] = ['quiet', 'busy'];

/** Runs `measure` once per condition, the busy one with every core spinning. */
export async function inEachCondition<T>(
  measure: (condition: Condition) => Promise<T>,
): Promise<Array<{ condition: Condition; result: T }>> {
  const results: Array<{ condition: Condition; result: T }> = [];
  for (const condition of conditions) {
    const load = condition === 'busy' ? await startBusyCores() : undefined;
    try {
      results.push({ condition, result: await measure(condition) });
    } finally {
      await load?.stop();
    }
  }
  return results;
}
