// Several processes on one data folder (issue 14): 10 writer processes committing 50 new
// profiles each at once, against 1 writer process committing 500, in fresh folders. Timed
// from "go" (every writer has started and opened the store) to the last acknowledgement, so
// Node's start-up is not counted; afterwards every acknowledged profile must be in the file.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProfileStore } from '../src/main/core/profiles/profile-store';
import { median, report } from './support/figure';

const writer = path.join(__dirname, 'support/profile-writer.ts');

function startWriter(folder: string, tag: number, count: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', writer, folder, String(tag), String(count)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const acked: string[] = [];
  let buffer = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const done = new Promise<string[]>((resolve) => child.on('close', () => resolve(acked)));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line.startsWith('ack ')) acked.push(line.slice(4));
    }
  });
  return { ready, done, go: () => child.stdin.write('go\n') };
}

/** Wall time of `writers` processes × `each` commits, and how many acknowledged ones are lost. */
async function run(writers: number, each: number): Promise<{ ms: number; lost: number }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-writers-'));
  const all = Array.from({ length: writers }, (_, i) => startWriter(folder, i, each));
  await Promise.all(all.map((w) => w.ready));
  const start = performance.now();
  for (const w of all) w.go();
  const acked = (await Promise.all(all.map((w) => w.done))).flat();
  const ms = performance.now() - start;
  const present = new Set(
    (await openProfileStore(folder, { inspectOnly: true })).state().profiles.map((p) => p.id),
  );
  const lost = acked.filter((id) => !present.has(id)).length + (writers * each - acked.length);
  await rm(folder, { recursive: true, force: true });
  return { ms, lost };
}

async function main(): Promise<void> {
  const ratios: number[] = [];
  let lost = 0;
  for (let round = 0; round < 3; round += 1) {
    // Alternate which goes first, so a warming disk cache favours neither.
    const [many, one] =
      round % 2 === 0
        ? [await run(10, 50), await run(1, 500)]
        : ((await Promise.all([run(1, 500)]).then(async ([o]) => [await run(10, 50), o])) as [
            { ms: number; lost: number },
            { ms: number; lost: number },
          ]);
    lost += many.lost + one.lost;
    ratios.push(many.ms / one.ms);
    console.error(`round ${round}: 10x50 ${many.ms.toFixed(0)} ms, 1x500 ${one.ms.toFixed(0)} ms`);
  }
  report({
    bench: 'many-writers',
    figure: 'changes lost (10 processes x 50 and 1 x 500, 3 rounds)',
    value: lost,
    unit: 'changes',
    bar: 0,
    lowerIsBetter: true,
  });
  report({
    bench: 'many-writers',
    figure: '10 processes x 50 changes / 1 process x 500',
    value: median(ratios),
    unit: 'ratio',
    bar: 3,
    lowerIsBetter: true,
  });
}

void main();
