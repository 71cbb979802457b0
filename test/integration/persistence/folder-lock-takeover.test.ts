import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withFolderLock } from '../../../src/main/core/persistence/folder-lock';

// The folder's lock (src/main/core/persistence/folder-lock.ts) left by a killed holder, with
// several waiters that all find it abandoned at the same moment: exactly one of them may take
// it over, and the others must neither take it too nor move the new holder's lock aside.

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'veza-folder-lock-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

it('a dead holder’s lock, found abandoned by eight waiters at once: never two holders', async () => {
  const file = path.join(home, 'doc.json');
  const lockFile = path.join(home, '.doc.json.lock');
  const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
  let inside = 0;
  let most = 0;
  let held = 0;
  const overlapped: number[] = [];
  const work = async () => {
    inside += 1;
    most = Math.max(most, inside);
    held += 1;
    await new Promise((resolve) => setTimeout(resolve, 2));
    inside -= 1;
  };
  for (let round = 0; round < 30; round += 1) {
    const token = randomBytes(8).toString('hex');
    await writeFile(lockFile, JSON.stringify({ pid: dead, host: os.hostname(), token }));
    // Started together, the waiters try the lock in step and judge it at the same attempt.
    await Promise.all(Array.from({ length: 8 }, () => withFolderLock(file, work)));
    if (most > 1) overlapped.push(round);
    most = 0;
  }
  expect(overlapped, 'rounds in which two waiters held the lock at once').toEqual([]);
  expect(held).toBe(240);
  // Nothing left behind but this process's holder file.
  expect(await readdir(home)).toEqual([
    expect.stringMatching(/^\.doc\.json\.lock\.\d+\.[0-9a-f]+\.holder$/),
  ]);
});

it('a waiter killed while taking a dead holder’s lock over: its claim is taken over in turn', async () => {
  const file = path.join(home, 'doc.json');
  const lockFile = path.join(home, '.doc.json.lock');
  const holder = { pid: spawnSync(process.execPath, ['-e', '0']).pid as number, token: 'a1' };
  const claimer = { pid: spawnSync(process.execPath, ['-e', '0']).pid as number, token: 'c1' };
  const host = os.hostname();
  await writeFile(lockFile, JSON.stringify({ ...holder, host }));
  // The claim it made on the dead holder's lock before it was killed.
  const claim = `${lockFile}.${holder.pid}.${holder.token}.claim`;
  await writeFile(claim, JSON.stringify({ ...claimer, host }));
  const started = Date.now();
  await withFolderLock(file, async () => {});
  expect(Date.now() - started).toBeLessThan(5000);
  expect((await readdir(home)).filter((name) => !name.endsWith('.holder'))).toEqual([]);
});
