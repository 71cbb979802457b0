import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfileStore } from '../../../src/main/core/profiles/profile-store';
import { repoRoot, spawnTsx } from '../../support/run-tsx';

const child = path.join(repoRoot, 'test/integration/profiles/children/write-profiles-forever.ts');
const totalWrites = 500;

/** Runs the writer until it is killed (SIGKILL) after a random delay; answers the acked ids. */
function runUntilKilled(home: string, run: number, remaining: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawnTsx(child, [home, String(run), String(remaining)], process.env);
    const acked: string[] = [];
    // Writes are fast (a few milliseconds), so the kill is aimed by count plus a random delay:
    // it lands anywhere in the write cycle of a write ~15-75 writes in. A killed writer most
    // often holds the data folder's lock: the next run waits for it to go stale (2 s).
    const killAfter = 15 + Math.floor(Math.random() * 60);
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    process_.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        acked.push(line.slice(4));
        if (acked.length === killAfter) {
          timer = setTimeout(() => process_.kill('SIGKILL'), Math.random() * 3);
        }
      }
    });
    process_.on('error', reject);
    process_.on('close', () => {
      clearTimeout(timer);
      resolve(acked);
    });
  });
}

describe('crash safety of profiles.json', () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'veza-crash-'));
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it(`survives SIGKILL at random points during ${totalWrites} writes without losing a committed profile`, async () => {
    const committed = new Set<string>();
    let run = 0;
    let kills = 0;
    while (committed.size < totalWrites) {
      run += 1;
      const acked = await runUntilKilled(home, run, totalWrites - committed.size);
      for (const id of acked) committed.add(id);
      if (committed.size < totalWrites) kills += 1;

      // After every kill: the file parses, nothing is reported damaged, nothing acked is lost.
      const text = await readFile(path.join(home, 'profiles.json'), 'utf8').catch(() => '');
      if (committed.size > 0) expect(() => JSON.parse(text)).not.toThrow();
      const state = (await openProfileStore(home, { inspectOnly: true })).state();
      expect(state.loadProblem).toBeUndefined();
      const present = new Set(state.profiles.map((p) => p.id));
      expect([...committed].filter((id) => !present.has(id))).toEqual([]);
    }
    // The writer really was interrupted, many times.
    expect(kills).toBeGreaterThanOrEqual(3);
    const backup = JSON.parse(await readFile(path.join(home, 'profiles.json.bak'), 'utf8'));
    expect(Array.isArray(backup.profiles)).toBe(true);
  }, 180_000);
});
