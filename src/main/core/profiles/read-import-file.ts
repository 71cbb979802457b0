import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { makeProblem } from '../../../shared/problems/make-problem';
import {
  exportedProfileSchema,
  profilesExportFileSchema,
  profilesExportVersion,
} from '../../../shared/profiles/profile-transfer';
import { ProblemError } from '../problem-error';
import { findVezaSettings, type ImportCandidate } from './find-veza-settings';
import { parseDotenv } from './parse-dotenv';

/** Far above any profiles export or .env file; anything bigger is the wrong file. */
const maxImportBytes = 5 * 1024 * 1024;

export interface ImportFileContent {
  source: string;
  candidates: ImportCandidate[];
  /** Entries of an exported file that could not be read, by position. */
  invalid: { name: string; reason: string }[];
}

/**
 * Reads a file the user chose to import: a profiles file exported by Veza Desk (JSON) or a
 * .env file with VEZA_URL / VEZA_TOKEN and friends. Only data is read; nothing is evaluated.
 */
export async function readImportFile(file: string): Promise<ImportFileContent> {
  const source = path.basename(file);
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (info.size > maxImportBytes) {
      throw ProblemError.of('IMPORT_INVALID', {
        raw: `${source} is ${info.size} bytes; an import file is at most ${maxImportBytes}`,
      });
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw ProblemError.of('FILE_UNREADABLE', {
      errorCode: (error as NodeJS.ErrnoException).code,
      raw: source,
    });
  }
  if (text.trimStart().startsWith('{')) return readExportedProfiles(source, text);
  const values = parseDotenv(text);
  const found = findVezaSettings((name) => values.get(name));
  if (!found) {
    throw ProblemError.of('IMPORT_NO_VEZA_SETTINGS', { facts: { where: `in ${source}` } });
  }
  return { source, candidates: [found], invalid: [] };
}

function readExportedProfiles(source: string, text: string): ImportFileContent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw ProblemError.of('IMPORT_INVALID', { raw: `${source}: not valid JSON` });
  }
  const file = profilesExportFileSchema.safeParse(data);
  if (!file.success) {
    throw ProblemError.of('IMPORT_INVALID', {
      raw: `${source}: not a Veza Desk profiles export`,
    });
  }
  if (file.data.version > profilesExportVersion) {
    throw new ProblemError(
      makeProblem('PROFILES_FILE_TOO_NEW', {
        raw: `${source} has version ${file.data.version}; this Veza Desk reads up to ${profilesExportVersion}`,
      }),
    );
  }
  const candidates: ImportCandidate[] = [];
  const invalid: ImportFileContent['invalid'] = [];
  file.data.profiles.forEach((entry, index) => {
    const parsed = exportedProfileSchema.safeParse(entry);
    if (parsed.success) {
      const { baseUrl, ...rest } = parsed.data;
      candidates.push({ ...rest, address: baseUrl });
    } else {
      const name = (entry as { name?: unknown } | null)?.name;
      invalid.push({
        name: typeof name === 'string' ? name.slice(0, 100) : `entry ${index + 1}`,
        reason: 'This entry is incomplete or changed by hand, so it was left out.',
      });
    }
  });
  return { source, candidates, invalid };
}
