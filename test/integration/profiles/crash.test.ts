import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfileStore } from '../../../src/main/core/profiles/profile-store';
import { repoRoot } from '../../support/run-tsx';
import { runWriterUntilKilled } from '../support-crash/run-writer-until-killed';

const child = path.join(repoRoot, 'test/integration/profiles/children/write-profiles-forever.ts');
const totalWrites = 500;

/** Runs the writer until it is killed (SIGKILL) after a random delay; answers the acked ids. */
const runUntilKilled = (home: string, run: number, remaining: number) =>
  runWriterUntilKilled(child, [home, String(run), String(remaining)]);

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
