import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FileWritten } from '../../../shared/profiles/profile-transfer';
import { ProblemError } from '../problem-error';
import { writeFileAtomic } from './write-file-atomic';

/** Writes a file the user chose in a save dialog; a failure is FILE_UNWRITABLE, in plain words. */
export async function writeChosenFile(
  file: string,
  data: string | Uint8Array | Readable,
): Promise<FileWritten> {
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    throw ProblemError.of('FILE_UNWRITABLE', {
      errorCode: (error as NodeJS.ErrnoException).code,
      facts: { file: path.basename(file) },
    });
  }
  return { cancelled: false, destination: file };
}
