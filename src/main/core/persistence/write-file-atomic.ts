import { open, readdir, rename, unlink, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { isProcessAlive } from './is-process-alive';

/** A temp file next to `file`, unique to this process and this write. */
export function tempFileFor(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

// Temp files, and the lock's holder files (folder-lock.ts), both named after their process;
// and claims on an abandoned lock, named after its dead holder (left if their maker was killed).
const tempName = /^\..+\.(\d+)\.[0-9a-f]+\.(?:tmp|holder|claim)$/;

/**
 * Temp files whose writer died mid-write (its pid is in the name): harmless, not worth keeping.
 * Another live process's temp file is never touched: it may be about to be renamed.
 */
export async function removeDeadWritersTempFiles(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names.flatMap((name) => {
      const pid = tempName.exec(name)?.[1];
      if (pid === undefined || isProcessAlive(Number(pid))) return [];
      return [unlink(path.join(folder, name)).catch(() => {})];
    }),
  );
}

/**
 * Writes a file so that readers only ever see the old or the new content, even if the process
 * dies mid-way: write a temp file in the same folder, fsync it, rename it over the target, then
 * fsync the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(
  filePath: string,
  /** A stream is copied through without being held in memory (large response bodies). */
  data: string | Uint8Array | Readable,
  mode = 0o600,
): Promise<void> {
  const dir = path.dirname(filePath);
  await mkdir(dir, { recursive: true });
  const temp = tempFileFor(filePath);
  const handle = await open(temp, 'w', mode);
  try {
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else for await (const chunk of data) await handle.write(chunk as Uint8Array);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    // A failed write (disk full, a broken source stream) leaves no half-written temp file.
    await unlink(temp).catch(() => {});
    throw error;
  }
  // Directory fsync is not supported on Windows; the rename is still atomic there.
  if (process.platform !== 'win32') {
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}
