import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import { ProblemError } from '../problem-error';

/*
 * One writer at a time per file in the data folder, across processes (the app, any number of
 * CLIs, a second app). proper-lockfile makes "<dir>/.<name>.lock" with mkdir (atomic on every
 * file system, network ones too) and keeps its mtime fresh while held; a lock whose owner died
 * goes stale and is taken over.
 */

// The lock is held for milliseconds (one read and one write), so a lock untouched for 2 s
// (proper-lockfile's minimum) belongs to a process that died or hangs.
const staleMs = 2000;
/** How long a change waits for another process's lock before it is refused. */
const waitMs = 10_000;

async function acquire(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await lock(file, {
        realpath: false,
        lockfilePath: path.join(path.dirname(file), `.${path.basename(file)}.lock`),
        stale: staleMs,
        // Held for milliseconds; if the lock was taken over meanwhile (this process stalled
        // past `staleMs`), the write itself still replaces the file atomically.
        onCompromised: () => {},
      });
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
      // Short waits first (the holder is usually done within a write), then up to 20 ms.
      await sleep(Math.min(20, 1 + attempt));
    }
  }
}

/** Runs `work` holding the lock on `file`; waits for another holder up to 10 s. */
export async function withFolderLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const release = await acquire(file);
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}
