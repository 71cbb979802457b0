import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { link, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../../../src/main/core/problem-error';
import { openProfileStore, type ProfileStore } from '../../../src/main/core/profiles/profile-store';
import { createBodyFiles } from '../../../src/main/core/requests/body-files';
import { openHistoryStore } from '../../../src/main/core/requests/history-store';
import { openSavedRequestsStore } from '../../../src/main/core/requests/saved-requests-store';
import type { Profile } from '../../../src/shared/profiles/profile';
import type { HistoryEntry } from '../../../src/shared/requests/request-records';
import { makeStoredProfile } from '../../support/profile-fixtures';
import { openProfileHarness } from '../../support/profile-harness';
import { repoRoot, runTsx } from '../../support/run-tsx';
import { writeFileAtomic } from '../../../src/main/core/persistence/write-file-atomic';
import { serializeProfiles } from '../../../src/main/core/profiles/profiles-file';

// The one document store (src/main/core/persistence/document-store.ts) as every file of the
// data folder uses it, on a real folder: several openers at once, a file another process
// changes or leaves damaged or newer, a lock whose owner died or that is held too long.

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'veza-document-store-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const add = (store: ProfileStore, name: string) =>
  store.commit((profiles) => ({
    profiles: [...profiles, makeStoredProfile({ name })],
    value: undefined,
  }));
const names = (store: ProfileStore) => store.state().profiles.map((p) => p.name);
const problemOf = async (work: Promise<unknown>) => {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
};

describe('two openers of one folder (the app and a CLI)', () => {
  it('each change is made on the file as it is: neither drops the other’s', async () => {
    const app = await openProfileStore(home);
    const cli = await openProfileStore(home);
    await add(app, 'A1');
    await add(cli, 'C1');
    await Promise.all([add(app, 'A2'), add(cli, 'C2'), add(app, 'A3'), add(cli, 'C3')]);
    const fresh = await openProfileStore(home, { inspectOnly: true });
    expect(names(fresh).sort()).toEqual(['A1', 'A2', 'A3', 'C1', 'C2', 'C3']);
    // An opener's memory catches up with the other's changes when it next writes.
    await add(cli, 'C4');
    expect(names(cli).sort()).toEqual([...names(fresh), 'C4'].sort());
  });

  it('the app is told about another process’s change without a restart', async () => {
    const seen: string[][] = [];
    const app = await openProfileStore(home, {
      onExternalChange: (state) => seen.push(state.profiles.map((p) => p.name)),
    });
    await add(app, 'Mine');
    const other = await openProfileStore(home);
    await add(other, 'Theirs');
    await expect.poll(() => seen.at(-1), { timeout: 5000 }).toEqual(['Mine', 'Theirs']);
    expect(names(app)).toEqual(['Mine', 'Theirs']);
    app.close();
  });
});

describe('a file another process left damaged or newer', () => {
  it('a newer profiles.json written meanwhile is left untouched and the change refused', async () => {
    const app = await openProfileStore(home);
    await add(app, 'Before');
    const newer = `${JSON.stringify({ version: 99, profiles: [], more: 'from the future' })}\n`;
    await writeFile(path.join(home, 'profiles.json'), newer);
    const problem = await problemOf(add(app, 'After'));
    expect(problem.code).toBe('PROFILES_FILE_TOO_NEW');
    expect(await readFile(path.join(home, 'profiles.json'), 'utf8')).toBe(newer);
    expect(app.state()).toMatchObject({
      readOnly: true,
      loadProblem: { code: 'PROFILES_FILE_TOO_NEW' },
    });
  });
});

describe('history.json and saved-requests.json', () => {
  const entry = (ref?: string): HistoryEntry => ({
    id: randomUUID(),
    at: new Date().toISOString(),
    profileId: randomUUID(),
    instanceName: 'Sandbox',
    method: 'GET',
    target: '/api/v1/roles',
    status: 200,
    size: 3,
    spec: { method: 'GET', path: '/api/v1/roles', query: [], headers: [] },
    ...(ref ? { body: { kind: 'file' as const, ref, size: 3 } } : {}),
  });

  it('from a newer Veza Desk: read-only with a message, no change accepted into memory, the file untouched', async () => {
    const newer = `${JSON.stringify({ version: 7, items: [{ anything: true }] })}\n`;
    await writeFile(path.join(home, 'history.json'), newer);
    const history = await openHistoryStore(home, createBodyFiles(home));
    expect(history.loadProblem?.code).toBe('DATA_FILE_TOO_NEW');
    expect(history.loadProblem?.explanation).toContain('history.json');
    const problem = await problemOf(history.add(entry()));
    expect(problem.code).toBe('DATA_FILE_TOO_NEW');
    expect(history.list()).toEqual([]);
    expect(await readFile(path.join(home, 'history.json'), 'utf8')).toBe(newer);

    await writeFile(path.join(home, 'saved-requests.json'), newer);
    const saved = await openSavedRequestsStore({ folder: home, knownKeys: async () => [] });
    expect(saved.loadProblem?.code).toBe('DATA_FILE_TOO_NEW');
    const refused = await problemOf(saved.save({ name: 'Roles', folder: '', spec: entry().spec }));
    expect(refused.code).toBe('DATA_FILE_TOO_NEW');
    expect(saved.list()).toEqual([]);
  });

  it('the window is told when saved-requests.json was damaged, through saved.list', async () => {
    await writeFile(path.join(home, 'saved-requests.json'), '{"version": 1, "items": [');
    const harness = await openProfileHarness(home);
    try {
      const listed = await harness.call('saved.list');
      expect(listed.value.requests).toEqual([]);
      expect(listed.value.problem.code).toBe('DATA_FILE_DAMAGED');
      expect(listed.value.problem.explanation).toContain('saved-requests.json');
    } finally {
      await harness.close({ keepFolder: true });
    }
  });

  it('entries that fail their schema are set aside with the file, the rest kept', async () => {
    const good = entry();
    const original = `${JSON.stringify({ version: 1, items: [good, { id: 'not an entry' }] })}\n`;
    await writeFile(path.join(home, 'history.json'), original);
    const history = await openHistoryStore(home, createBodyFiles(home));
    expect(history.list().map((e) => e.id)).toEqual([good.id]);
    expect(history.loadProblem?.code).toBe('DATA_FILE_DAMAGED');
    expect(history.loadProblem?.detail.raw).toContain('1 entry could not be read');
    const aside = (await readdir(home)).filter((name) => name.startsWith('history.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(home, aside[0] as string), 'utf8')).toBe(original);
  });

  it('answer bodies are not deleted because history.json could not be read', async () => {
    const bodies = createBodyFiles(home);
    const ref = await bodies.write(Buffer.from('abc'));
    const bodyFiles = () => readdir(path.join(home, 'bodies'));
    expect(await bodyFiles()).toEqual([`${ref}.body`]);
    for (const text of ['{"version": 1, "items": [', `{"version": 9, "items": []}`]) {
      await writeFile(path.join(home, 'history.json'), text);
      await openHistoryStore(home, createBodyFiles(home));
      expect(await bodyFiles(), text).toEqual([`${ref}.body`]);
    }
    // Read whole, a body nobody points at is cleaned up as before.
    await rm(path.join(home, 'history.json'));
    for (const name of await readdir(home))
      if (name.startsWith('history.json.')) await rm(path.join(home, name));
    await openHistoryStore(home, createBodyFiles(home));
    expect(await bodyFiles()).toEqual([]);
  });
});

describe('the folder’s lock', () => {
  const lockFile = () => path.join(home, '.profiles.json.lock');

  const writeLock = async (holder: object, mtime?: Date) => {
    await writeFile(lockFile(), JSON.stringify(holder));
    if (mtime) await utimes(lockFile(), mtime, mtime);
  };

  it('a lock whose holder died (its pid is gone on this host) is taken over at once', async () => {
    const store = await openProfileStore(home);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    // Dated in the future, so the staleness rule alone would never let it go: only the pid can.
    await writeLock(
      { pid: dead, host: os.hostname(), token: 'dead-holder' },
      new Date(Date.now() + 3_600_000),
    );
    await add(store, 'After a crash');
    expect(names(await openProfileStore(home, { inspectOnly: true }))).toEqual(['After a crash']);
    await expect(stat(lockFile())).rejects.toThrow();
  });

  it('a lock left untouched for long, or never written, is taken over', async () => {
    const store = await openProfileStore(home);
    // Another host's (its pid cannot be checked from here), untouched for a minute.
    await writeLock(
      { pid: process.pid, host: 'another-host', token: 'old' },
      new Date(Date.now() - 60_000),
    );
    await add(store, 'One');
    // Created and never written: its maker died in between.
    await writeFile(lockFile(), '');
    const before = new Date(Date.now() - 5000);
    await utimes(lockFile(), before, before);
    await add(store, 'Two');
    expect(names(await openProfileStore(home, { inspectOnly: true }))).toEqual(['One', 'Two']);
  });

  it('a lock held by a live process past 15 s: DATA_FOLDER_BUSY, nothing changed', async () => {
    const store = await openProfileStore(home);
    await add(store, 'First');
    // Held by a live process (this one) that does not let go and keeps it fresh, as a holder
    // does while it waits on a slow disk.
    await writeLock({ pid: process.pid, host: os.hostname(), token: 'busy' });
    const keepFresh = setInterval(() => {
      const now = new Date();
      void utimes(lockFile(), now, now).catch(() => {});
    }, 1000);
    try {
      const problem = await problemOf(add(store, 'Blocked'));
      expect(problem.code).toBe('DATA_FOLDER_BUSY');
      expect(problem.explanation).toContain('profiles.json');
      expect(names(store)).toEqual(['First']);
    } finally {
      clearInterval(keepFresh);
      await rm(lockFile());
    }
    await add(store, 'Later');
    expect(names(store)).toEqual(['First', 'Later']);
  }, 40_000);

  it('a lock given back while it is judged is not taken for the next holder’s', async () => {
    // A live holder whose holder file was written long ago (its lock is a hard link to it):
    // only its pid and its own times count, and it is alive, so nobody takes it over.
    const store = await openProfileStore(home);
    const holderFile = `${lockFile()}.${process.pid}.0123456789abcdef.holder`;
    await writeFile(
      holderFile,
      JSON.stringify({ pid: process.pid, host: os.hostname(), token: 't' }),
    );
    const old = new Date(Date.now() - 5000);
    await utimes(holderFile, old, old);
    await link(holderFile, lockFile());
    const blocked = add(store, 'Waits');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(names(await openProfileStore(home, { inspectOnly: true }))).toEqual([]);
    await rm(lockFile());
    await blocked;
    expect(names(store)).toEqual(['Waits']);
  });

  it('each process’s holder file goes with it; a killed one’s is removed by the next opener', async () => {
    const child = path.join(repoRoot, 'test/integration/persistence/children/add-one-profile.ts');
    const holders = async () => (await readdir(home)).filter((name) => name.endsWith('.holder'));
    const ended = await runTsx(child, [home, 'exit'], process.env);
    expect(ended.code, ended.stderr).toBe(0);
    expect(await holders()).toEqual([]);
    const killed = await runTsx(child, [home, 'kill'], process.env);
    expect(killed.code ?? killed.stderr).not.toBe(0);
    expect(await holders()).toHaveLength(1);
    await openProfileStore(home);
    // Only this process's own holder is left (the opener takes the lock itself).
    expect(await holders()).toEqual([expect.stringContaining(`.lock.${process.pid}.`)]);
    expect(names(await openProfileStore(home, { inspectOnly: true }))).toEqual(['exit', 'kill']);
  });
});

describe('telling cheaply whether another process changed the file', () => {
  it('a file replaced with the same size and the same times is still read again', async () => {
    const store = await openProfileStore(home);
    await add(store, 'Mine');
    const file = path.join(home, 'profiles.json');
    // The store's file, kept under another name: its times, to the nanosecond, for `touch -r`.
    const reference = path.join(home, 'reference');
    await link(file, reference);
    // Another process's replacement of the same length, dated exactly as the store's own write:
    // size and times alone cannot tell them apart, the file's identity can.
    const [mine] = store.state().profiles;
    const theirs = serializeProfiles([{ ...(mine as Profile), name: 'Them' }]);
    expect(theirs.length).toBe((await readFile(file, 'utf8')).length);
    await writeFileAtomic(file, theirs);
    expect(spawnSync('touch', ['-r', reference, file]).status).toBe(0);
    const [before, now] = [
      await stat(reference, { bigint: true }),
      await stat(file, { bigint: true }),
    ];
    expect([now.size, now.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    await add(store, 'Next');
    expect(names(store)).toEqual(['Them', 'Next']);
  });
});
