import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { ProblemError } from '../problem-error';
import { isProcessAlive } from './is-process-alive';

/*
 * One writer at a time per file in the data folder, across processes (the app, any number of
 * CLIs, a second app): the lock is ".<name>.lock" next to the file, created with O_EXCL (only
 * one process can create it) holding who holds it. One create and one unlink per change, so a
 * change costs little more than its write (bench/profile-store.bench.ts); proper-lockfile
 * (mkdir, then a separate owner note) cost twice as much.
 *
 * A lock is taken over when its holder is gone: on this host, its pid no longer runs; anywhere,
 * it has not been touched for `staleMs` (held locks are touched every `staleMs / 4`). Generous,
 * because a holder on a busy disk may wait seconds on fsync and taking a live lock over would
 * lose a change.
 */

const staleMs = 10_000;
/** How long a change waits for another process's lock before it is refused. */
const waitMs = 15_000;

interface Holder {
  pid: number;
  host: string;
  /** Unique to this hold: tells a taken-over lock from a newer one at the same path. */
  token: string;
}

const lockPathOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.lock`);

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(lockPath, 'utf8')) as Holder;
  } catch {
    // Just created and not written yet, or gone: not known to be stale.
    return undefined;
  }
}

/** A lock file is created and written in one go: empty for longer than this, its maker died. */
const unwrittenMs = 1000;

/**
 * The holder is gone: its pid ended on this host, it left the lock untouched too long, or it
 * died between creating the lock and writing its name. Answers what the lock said (if anything).
 */
async function isAbandoned(lockPath: string): Promise<{ holder?: Holder } | undefined> {
  const info = await stat(lockPath).catch(() => undefined);
  if (!info) return undefined;
  const age = Date.now() - info.mtimeMs;
  const holder = await readHolder(lockPath);
  if (!holder?.token) return age > unwrittenMs ? {} : undefined;
  if (holder.host === hostname() && !isProcessAlive(holder.pid)) return { holder };
  return age > staleMs ? { holder } : undefined;
}

/**
 * Moves an abandoned lock out of the way. Renaming is atomic, so of several waiters one moves
 * it; one that moved a newer lock by mistake (taken over meanwhile) puts it back.
 */
async function takeOver(lockPath: string, abandoned: { holder?: Holder }): Promise<void> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  if (moved?.token !== abandoned.holder?.token) await link(aside, lockPath).catch(() => {});
  await unlink(aside).catch(() => {});
}

/**
 * Waits between attempts: until the lock file goes (the folder is watched, so a waiter hears of
 * the release at once instead of polling, which on 2 cores takes the CPU the holder needs), or
 * `ms` at most, in case the watch says nothing (some network drives).
 */
function waitForRelease(lockPath: string) {
  let wake: (() => void) | undefined;
  let watcher: FSWatcher | undefined;
  return {
    next(ms: number): Promise<void> {
      try {
        if (!watcher) {
          watcher = watch(path.dirname(lockPath), { persistent: false }, (_event, name) => {
            if (name === path.basename(lockPath)) wake?.();
          });
          watcher.on('error', () => watcher?.close());
        }
      } catch {
        // No watching here: the timeout alone paces the attempts.
      }
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
    stop: () => watcher?.close(),
  };
}

async function acquire(file: string): Promise<() => Promise<void>> {
  const lockPath = lockPathOf(file);
  const holder: Holder = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + waitMs;
  const waiting = waitForRelease(lockPath);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await writeFile(lockPath, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Any other failure (no folder, no permission) will not pass by waiting.
        if (code !== 'EEXIST') {
          throw ProblemError.of('FILE_UNWRITABLE', {
            errorCode: code,
            facts: { file: path.basename(file) },
          });
        }
        if (Date.now() > deadline) {
          throw ProblemError.of('DATA_FOLDER_BUSY', { facts: { file: path.basename(file) } });
        }
        if (attempt % 10 === 5) {
          const abandoned = await isAbandoned(lockPath);
          if (abandoned) {
            await takeOver(lockPath, abandoned);
            continue;
          }
        }
        await waiting.next(Math.min(50, 2 + attempt * 5));
      }
    }
  } finally {
    waiting.stop();
  }
  const heldSince = Date.now();
  // A long hold (a slow disk) keeps the lock looking alive to other hosts.
  const touch = setInterval(() => {
    const now = new Date();
    void utimes(lockPath, now, now).catch(() => {});
  }, staleMs / 4);
  touch.unref();
  return async () => {
    clearInterval(touch);
    // Only our own lock. It can have been taken over only if this process stalled for long (it
    // is alive, and touched the lock while held): then leave the new holder's lock be.
    const mayBeTakenOver = Date.now() - heldSince > staleMs / 4;
    if (!mayBeTakenOver || (await readHolder(lockPath))?.token === holder.token)
      await unlink(lockPath);
  };
}

/** Runs `work` holding the lock on `file`; waits for another holder up to 15 s. */
export async function withFolderLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const release = await acquire(file);
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}
