import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBodyFiles } from '../../../src/main/core/requests/body-files';
import { historyMaxEntries, openHistoryStore } from '../../../src/main/core/requests/history-store';
import { openSavedRequestsStore } from '../../../src/main/core/requests/saved-requests-store';
import { openSettingsStore } from '../../../src/main/core/settings/settings-store';
import { repoRoot } from '../../support/run-tsx';
import { runWriterUntilKilled } from '../support-crash/run-writer-until-killed';

// The crash test of crash.test.ts (profiles) for the other stores on the document store: a
// writer killed with SIGKILL at random points during 500 writes; after every kill the file
// is whole, nothing is reported damaged, and every acknowledged entry is there.

const child = path.join(repoRoot, 'test/integration/persistence/children/write-store-forever.ts');
const totalWrites = 500;
const homes: string[] = [];
afterAll(() => Promise.all(homes.map((home) => rm(home, { recursive: true, force: true }))));

/** Runs the writer of store `kind` until it is killed (SIGKILL); answers the acked ids. */
const runUntilKilled = (kind: string, home: string, run: number, remaining: number) =>
  runWriterUntilKilled(child, [kind, home, String(run), String(remaining)]);

const stores = {
  history: {
    file: 'history.json',
    open: async (home: string) => {
      const history = await openHistoryStore(home, createBodyFiles(home));
      return { ids: history.list().map((entry) => entry.id), problem: history.loadProblem };
    },
    // History keeps the newest entries only: older acknowledged ones may be pushed out.
    keeps: historyMaxEntries,
  },
  saved: {
    file: 'saved-requests.json',
    open: async (home: string) => {
      const saved = await openSavedRequestsStore({ folder: home, knownKeys: async () => [] });
      return { ids: saved.list().map((entry) => entry.id), problem: saved.loadProblem };
    },
    keeps: Infinity,
  },
  settings: {
    file: 'settings.json',
    // One value, overwritten each time: the last acknowledged one, or one written after it.
    open: async (home: string) => {
      const settings = await openSettingsStore(home);
      // A damaged settings.json would be set aside: checked by the folder's listing below.
      return { ids: [String(settings.get().keyRotationDays)], problem: undefined };
    },
    keeps: 1,
  },
} as const;

describe.each(Object.entries(stores))('crash safety of %s', (kind, store) => {
  it(`survives SIGKILL at random points during ${totalWrites} writes without losing an acknowledged entry`, async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), `veza-crash-${kind}-`));
    homes.push(home);
    const acknowledged: string[] = [];
    let run = 0;
    let kills = 0;
    while (acknowledged.length < totalWrites) {
      run += 1;
      const acked = await runUntilKilled(kind, home, run, totalWrites - acknowledged.length);
      acknowledged.push(...acked);
      if (acknowledged.length < totalWrites) kills += 1;

      const text = await readFile(path.join(home, store.file), 'utf8').catch(() => '');
      if (acknowledged.length > 0) expect(() => JSON.parse(text)).not.toThrow();
      const { ids, problem } = await store.open(home);
      expect(problem).toBeUndefined();
      if (kind === 'settings') {
        // The value on disk is the last acknowledged one, or the one a kill cut off after it.
        const last = Number(acknowledged.at(-1) ?? 90);
        expect([last, (last % 3650) + 1]).toContain(Number(ids[0]));
        expect((await readdir(home)).filter((name) => name.includes('damaged'))).toEqual([]);
        continue;
      }
      const present = new Set(ids);
      // A kill can land after a write and before its "ack": each kill may have added one entry
      // nobody was told about, which counts against the history's limit like any other.
      const window = Math.max(0, store.keeps - kills);
      const mustBeThere = acknowledged.slice(-Math.min(window, acknowledged.length));
      expect(mustBeThere.filter((id) => !present.has(id))).toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
