import { constants } from 'node:fs';
import { copyFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Moves a damaged file out of the way under a new name; never overwrites anything. */
export async function setAsideFile(file: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let attempt = 1; ; attempt += 1) {
    const target = `${file}.damaged-${stamp}${attempt > 1 ? `-${attempt}` : ''}`;
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
      throw error;
    }
    await unlink(file);
    return path.basename(target);
  }
}
