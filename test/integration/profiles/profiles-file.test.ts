import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProfileStore } from '../../../src/main/core/profiles/profile-store';
import { ProblemError } from '../../../src/main/core/problem-error';
import {
  profilesFileVersion,
  serializeProfiles,
} from '../../../src/main/core/profiles/profiles-file';
import { makeStoredProfile } from '../../support/profile-fixtures';
import { openProfileHarness } from '../../support/profile-harness';

describe('profiles.json on disk', () => {
  let home: string;
  const file = () => path.join(home, 'profiles.json');
  const add = (store: Awaited<ReturnType<typeof openProfileStore>>, name: string) =>
    store.commit((profiles) => ({
      profiles: [...profiles, makeStoredProfile({ name })],
      value: undefined,
    }));
  const setAsideFiles = async () =>
    (await readdir(home)).filter((name) => name.startsWith('profiles.json.damaged-'));

  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'veza-profiles-file-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('changes made at the same time are saved together, each acknowledged or refused alone', async () => {
    const store = await openProfileStore(home);
    const names = Array.from({ length: 50 }, (_, i) => `Instance ${i}`);
    const refused = store.commit(() => {
      throw ProblemError.of('PROFILE_NOT_FOUND');
    });
    const results = await Promise.allSettled([...names.map((name) => add(store, name)), refused]);
    expect(results.slice(0, 50).every((result) => result.status === 'fulfilled')).toBe(true);
    expect(results[50]).toMatchObject({
      status: 'rejected',
      reason: { problem: { code: 'PROFILE_NOT_FOUND' } },
    });
    const saved = JSON.parse(await readFile(file(), 'utf8'));
    expect(saved.profiles.map((p: { name: string }) => p.name)).toEqual(names);
    expect(store.state().profiles).toHaveLength(50);
  });

  it('starts empty, writes a versioned file, and reads it back', async () => {
    const store = await openProfileStore(home);
    expect(store.state()).toEqual({ profiles: [], readOnly: false });
    await add(store, 'One');
    const saved = JSON.parse(await readFile(file(), 'utf8'));
    expect(saved.version).toBe(profilesFileVersion);
    expect(saved.profiles.map((p: { name: string }) => p.name)).toEqual(['One']);
    const again = await openProfileStore(home);
    expect(again.state().profiles.map((p) => p.name)).toEqual(['One']);
    expect(again.state().loadProblem).toBeUndefined();
  });

  it('keeps the previous good file as profiles.json.bak', async () => {
    const store = await openProfileStore(home);
    await add(store, 'One');
    await add(store, 'Two');
    const backup = JSON.parse(await readFile(`${file()}.bak`, 'utf8'));
    expect(backup.profiles.map((p: { name: string }) => p.name)).toEqual(['One']);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'this is not json at all'],
    ['empty', () => ''],
    ['JSON but not a profiles file', () => '[1,2,3]'],
    ['without a version', () => '{"profiles": []}'],
  ])('sets a %s file aside, recovers from the backup, and reports it', async (_, damage) => {
    const store = await openProfileStore(home);
    await add(store, 'One');
    await add(store, 'Two');
    const good = await readFile(file(), 'utf8');
    await writeFile(file(), damage(good));
    const damagedBytes = await readFile(file());

    const reopened = await openProfileStore(home);
    const state = reopened.state();
    expect(state.loadProblem?.code).toBe('PROFILES_FILE_DAMAGED');
    expect(state.loadProblem?.detail.raw).toContain('set aside as profiles.json.damaged-');
    // The user is told, in words, where the file went and what the list is now.
    expect(state.loadProblem?.explanation).toMatch(/as profiles\.json\.damaged-\S+ in/);
    expect(state.loadProblem?.explanation).toContain('the copy saved before its last change');
    // The backup held the list before the last change: nothing older is lost.
    expect(state.profiles.map((p) => p.name)).toEqual(['One']);
    // The damaged file is kept byte for byte, under a new name.
    const [aside] = await setAsideFiles();
    expect(aside).toBeDefined();
    expect(await readFile(path.join(home, aside as string))).toEqual(damagedBytes);
    // And the recovered list is written back, so the next start is clean.
    expect((await openProfileStore(home)).state().loadProblem).toBeUndefined();
  });

  it('keeps the valid entries of a file with some invalid ones, and sets the original aside', async () => {
    const good = makeStoredProfile({ name: 'Good' });
    const bad = { ...makeStoredProfile({ name: 'Bad' }), baseUrl: 'javascript:alert(1)' };
    await writeFile(file(), JSON.stringify({ version: 1, profiles: [good, bad, { name: 3 }] }));
    const state = (await openProfileStore(home)).state();
    expect(state.profiles.map((p) => p.name)).toEqual(['Good']);
    expect(state.loadProblem?.code).toBe('PROFILES_FILE_DAMAGED');
    expect(state.loadProblem?.detail.raw).toContain('2 entries could not be read');
    expect(state.loadProblem?.explanation).toContain(
      'everything in it that could still be read (2 entries could not)',
    );
    expect(await setAsideFiles()).toHaveLength(1);
  });

  it('a file with more instances than the window can be sent keeps the first 10,000 and says so', async () => {
    const many = Array.from({ length: 10_002 }, (_, i) =>
      makeStoredProfile({ name: `I ${i}`, baseUrl: `https://i${i}.example` }),
    );
    await writeFile(file(), JSON.stringify({ version: 1, profiles: many }));
    const harness = await openProfileHarness(home);
    const listed = await harness.call('profiles.list');
    expect(listed.ok).toBe(true);
    expect(listed.value.profiles).toHaveLength(10_000);
    expect(listed.value.loadProblem.code).toBe('PROFILES_FILE_DAMAGED');
    expect(listed.value.loadProblem.explanation).toContain('(2 entries could not)');
    // The whole file is kept aside, byte for byte.
    const [aside] = await setAsideFiles();
    const kept = JSON.parse(await readFile(path.join(home, aside as string), 'utf8'));
    expect(kept.profiles).toHaveLength(10_002);
  });

  it('leaves a file from a newer version untouched and refuses to change it', async () => {
    const newer = JSON.stringify({ version: profilesFileVersion + 1, profiles: [], extra: 'x' });
    await writeFile(file(), newer);
    const store = await openProfileStore(home);
    expect(store.state()).toMatchObject({
      profiles: [],
      readOnly: true,
      loadProblem: { code: 'PROFILES_FILE_TOO_NEW' },
    });
    await expect(add(store, 'One')).rejects.toMatchObject({
      problem: { code: 'PROFILES_FILE_TOO_NEW' },
    });
    expect(await readFile(file(), 'utf8')).toBe(newer);
    expect(await setAsideFiles()).toEqual([]);
  });

  it('only inspects when asked to (the CLI): nothing on disk moves', async () => {
    await writeFile(file(), '{"version": 1, "profiles": [');
    const state = (await openProfileStore(home, { inspectOnly: true })).state();
    expect(state.loadProblem?.code).toBe('PROFILES_FILE_DAMAGED');
    expect(state.loadProblem?.explanation).toContain('as profiles.json (it was only looked at)');
    expect(await readFile(file(), 'utf8')).toBe('{"version": 1, "profiles": [');
    expect(await setAsideFiles()).toEqual([]);
  });

  it('reports FILE_UNWRITABLE when the data folder cannot be written, and changes nothing', async () => {
    const store = await openProfileStore(home);
    await add(store, 'One');
    // Replace the folder by a file: every write into it now fails for real (ENOTDIR/EEXIST).
    await rm(home, { recursive: true });
    await writeFile(home, 'not a folder');
    const error = await add(store, 'Two').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem.code).toBe('FILE_UNWRITABLE');
    expect((error as ProblemError).problem.explanation).toContain('profiles.json');
    expect(store.state().profiles.map((p) => p.name)).toEqual(['One']);
    // Opening a store there reports the same problem instead of crashing the app.
    const blocked = await openProfileStore(path.join(home, 'sub'));
    expect(blocked.state()).toMatchObject({
      readOnly: true,
      loadProblem: { code: 'FILE_UNWRITABLE' },
    });
    await rm(home);
    await mkdir(home);
  });

  it('removes temp files a killed writer left behind, never a live writer’s', async () => {
    // A pid that surely belongs to no one: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    const stale = `.profiles.json.${dead}.abc123.tmp`;
    const live = `.profiles.json.${process.ppid}.def456.tmp`;
    await writeFile(path.join(home, stale), 'half');
    await writeFile(path.join(home, live), 'being written');
    await writeFile(file(), serializeProfiles([makeStoredProfile()]));
    await openProfileStore(home);
    expect((await readdir(home)).filter((name) => name.endsWith('.tmp'))).toEqual([live]);
  });
});
