import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ProblemError } from '../problem-error';

export const bodiesFolderName = 'bodies';

/**
 * Large response bodies, one file each under the data folder's `bodies/`, named by a random
 * id (the reference history keeps and the window fetches by, response-body-route.ts). A
 * reference is checked to be an id before it becomes a path, so the window cannot name any
 * other file.
 */
export function createBodyFiles(dataFolder: string) {
  const folder = path.join(dataFolder, bodiesFolderName);
  const pathOf = (ref: string): string => {
    if (!/^[0-9a-f-]{36}$/.test(ref)) throw ProblemError.of('RESPONSE_BODY_GONE');
    return path.join(folder, `${ref}.body`);
  };
  return {
    folder,
    pathOf,
    /** Keeps bytes in memory as a new body file. */
    async write(bytes: Uint8Array): Promise<string> {
      await mkdir(folder, { recursive: true });
      const ref = randomUUID();
      await writeFile(pathOf(ref), bytes, { mode: 0o600 });
      return ref;
    },
    /** Copies the transport's temp file (which may be on another disk) into a body file. */
    async copyIn(file: string): Promise<string> {
      await mkdir(folder, { recursive: true });
      const ref = randomUUID();
      await copyFile(file, pathOf(ref));
      return ref;
    },
    /**
     * A body file as a stream, with its size. Opened here, so a missing body fails now with
     * RESPONSE_BODY_GONE rather than as a stream that breaks later.
     */
    async openStream(ref: string): Promise<{ stream: Readable; size: number }> {
      const handle = await open(pathOf(ref), 'r').catch(() => {
        throw ProblemError.of('RESPONSE_BODY_GONE');
      });
      try {
        return { size: (await handle.stat()).size, stream: handle.createReadStream() };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
    remove: (ref: string): Promise<void> => rm(pathOf(ref), { force: true }),
    /** Removes every body file not in `keep` (leftovers of a crash or a cleared history). */
    async removeAllExcept(keep: ReadonlySet<string>): Promise<void> {
      const names = await readdir(folder).catch(() => [] as string[]);
      await Promise.all(
        names
          .filter((name) => !keep.has(name.replace(/\.body$/, '')))
          .map((name) => rm(path.join(folder, name), { force: true })),
      );
    },
  };
}

export type BodyFiles = ReturnType<typeof createBodyFiles>;
