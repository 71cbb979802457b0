import { hostname } from 'node:os';
import path from 'node:path';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import { ProblemError } from '../problem-error';

/*
 * One writer at a time per file in the data folder, across processes (the app, any number of
 * CLIs, a second app). proper-lockfile makes "<dir>/.<name>.lock" with mkdir (atomic on every
 * file system, network ones too) and keeps its mtime fresh while held; a lock left untouched
 * for `staleMs` is taken over. Generous, because a holder on a busy disk may wait seconds on
 * fsync, and taking a live lock over would lose a change.
 *
 * A holder that died is recognised sooner: next to the lock it leaves ".<name>.lock-owner"
 * (pid, host, the lock's mtime when taken). A waiter on the same host that finds that pid gone
 * and the lock untouched since marks the lock stale, and proper-lockfile takes it over.
 */

const staleMs = 10_000;
/** How long a change waits for another process's lock before it is refused. */
const waitMs = 15_000;

interface Owner {
  pid: number;
  host: string;
  lockMtimeMs: number;
}

const lockPathOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.lock`);
const ownerPathOf = (file: string) => `${lockPathOf(file)}-owner`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's holder died (same host, pid gone, lock untouched since): let it go stale now. */
async function expireIfOwnerDied(file: string): Promise<void> {
  try {
    const owner = JSON.parse(await readFile(ownerPathOf(file), 'utf8')) as Owner;
    if (owner.host !== hostname() || isAlive(owner.pid)) return;
    const lockInfo = await stat(lockPathOf(file));
    // A newer holder (its mtime differs) has not written its owner note yet: leave it be.
    if (lockInfo.mtimeMs !== owner.lockMtimeMs) return;
    const longAgo = new Date(Date.now() - 10 * staleMs);
    await utimes(lockPathOf(file), longAgo, longAgo);
  } catch {
    // No note, or it changed meanwhile: the plain staleness rule applies.
  }
}

async function acquire(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const release = await lock(file, {
        realpath: false,
        lockfilePath: lockPathOf(file),
        stale: staleMs,
        // Taken over while held (this process stalled for `staleMs`): the write itself still
        // replaces the file atomically; nothing more can be done here.
        onCompromised: () => {},
      });
      // The note is written alongside the work, off the path of the change: it only speeds up
      // recovery should this process die holding the lock. It is overwritten, never removed:
      // a note about an earlier lock names another mtime and is ignored.
      void stat(lockPathOf(file))
        .then(({ mtimeMs }) => {
          const owner: Owner = { pid: process.pid, host: hostname(), lockMtimeMs: mtimeMs };
          return writeFile(ownerPathOf(file), JSON.stringify(owner));
        })
        .catch(() => {});
      return release;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Any other failure (no folder, no permission) will not pass by waiting.
      if (code !== 'ELOCKED') {
        throw ProblemError.of('FILE_UNWRITABLE', {
          errorCode: code,
          facts: { file: path.basename(file) },
        });
      }
      if (Date.now() > deadline) {
        throw ProblemError.of('DATA_FOLDER_BUSY', { facts: { file: path.basename(file) } });
      }
      if (attempt % 10 === 5) await expireIfOwnerDied(file);
      // Short waits first (the holder is usually done within a write), then up to 20 ms.
      await sleep(Math.min(20, 1 + attempt));
    }
  }
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
