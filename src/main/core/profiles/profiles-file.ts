import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import { profileSchema, type Profile } from '../../../shared/profiles/profile';
import { setAsideFile } from '../persistence/set-aside-file';
import { writeFileAtomic } from '../persistence/write-file-atomic';

export const profilesFileName = 'profiles.json';
export const backupFileName = `${profilesFileName}.bak`;
/** Bump when the shape changes in a way an older Veza Desk could not read safely. */
export const profilesFileVersion = 1;

export interface LoadedProfiles {
  profiles: Profile[];
  /** The file must not be written: it is too new or cannot be read. */
  readOnly: boolean;
  problem?: Problem;
}

type FileState =
  | { kind: 'missing' }
  | { kind: 'unreadable'; error: string }
  | { kind: 'too-new'; version: number }
  | { kind: 'damaged'; reason: string }
  | { kind: 'ok'; profiles: Profile[]; dropped: number };

/** A stored profile must be valid and its address already in the stored (origin) form. */
function readProfile(value: unknown): Profile | undefined {
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const url = normalizeInstanceUrl(parsed.data.baseUrl);
  return url.ok && url.baseUrl === parsed.data.baseUrl ? parsed.data : undefined;
}

async function readState(file: string): Promise<FileState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', error: code ?? 'unknown error' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: `not valid JSON (${text.length} bytes)` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'damaged', reason: 'not a profiles file' };
  }
  const { version, profiles } = data as { version?: unknown; profiles?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'damaged', reason: 'no valid version' };
  }
  if (version > profilesFileVersion) return { kind: 'too-new', version };
  if (!Array.isArray(profiles)) return { kind: 'damaged', reason: 'no list of profiles' };
  const kept: Profile[] = [];
  const ids = new Set<string>();
  for (const item of profiles) {
    const profile = readProfile(item);
    if (profile && !ids.has(profile.id)) {
      ids.add(profile.id);
      kept.push(profile);
    }
  }
  return { kind: 'ok', profiles: kept, dropped: profiles.length - kept.length };
}

/**
 * Reads profiles.json. A damaged file (truncated, not JSON, invalid entries) is set aside under
 * a timestamped name and the best copy is used: the valid entries of the file itself, or the
 * backup. A file from a newer version is left untouched and the list is read-only. With
 * `inspectOnly` (the CLI) nothing on disk is moved: the problem is only reported.
 */
export async function loadProfilesFile(
  folder: string,
  options: { inspectOnly?: boolean } = {},
): Promise<LoadedProfiles> {
  const file = path.join(folder, profilesFileName);
  const main = await readState(file);
  switch (main.kind) {
    case 'missing':
      return { profiles: [], readOnly: false };
    case 'unreadable':
      return {
        profiles: [],
        readOnly: true,
        problem: makeProblem('FILE_UNREADABLE', { raw: `${profilesFileName}: ${main.error}` }),
      };
    case 'too-new':
      return {
        profiles: [],
        readOnly: true,
        problem: makeProblem('PROFILES_FILE_TOO_NEW', {
          raw: `${profilesFileName} has version ${main.version}; this Veza Desk reads up to ${profilesFileVersion}`,
        }),
      };
    case 'ok':
      if (main.dropped === 0) return { profiles: main.profiles, readOnly: false };
  }
  // Damaged, or some entries invalid: keep what can be kept, set the original aside.
  const reason = main.kind === 'ok' ? `${main.dropped} invalid instance(s) left out` : main.reason;
  let recovered = main.kind === 'ok' ? main.profiles : [];
  let from = main.kind === 'ok' ? 'its valid entries' : 'nothing';
  if (main.kind === 'damaged') {
    const backup = await readState(path.join(folder, backupFileName));
    if (backup.kind === 'ok') {
      recovered = backup.profiles;
      from = `${backupFileName} (${backup.profiles.length} instance(s))`;
    }
  }
  let where = 'left in place (read-only check)';
  let readOnly = options.inspectOnly === true;
  if (!options.inspectOnly) {
    try {
      where = `set aside as ${await setAsideFile(file)}`;
      await writeFileAtomic(file, serializeProfiles(recovered));
    } catch (error) {
      // Could not move it: keep it untouched and change nothing rather than overwrite it.
      where = `could not be set aside (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      readOnly = true;
    }
  }
  return {
    profiles: recovered,
    readOnly,
    problem: makeProblem('PROFILES_FILE_DAMAGED', {
      raw: `${profilesFileName}: ${reason}; ${where}; recovered from ${from}`,
    }),
  };
}

export function serializeProfiles(profiles: readonly Profile[]): string {
  return `${JSON.stringify({ version: profilesFileVersion, profiles }, null, 2)}\n`;
}

/**
 * Saves the list atomically, keeping the previous (good) file as profiles.json.bak. The backup
 * is a hard link to the old file, so it costs no copy: the atomic rename of the new file
 * leaves the old content reachable under the backup name only.
 */
export async function writeProfilesFile(
  folder: string,
  profiles: readonly Profile[],
): Promise<void> {
  const file = path.join(folder, profilesFileName);
  const backup = path.join(folder, backupFileName);
  const temp = `${path.join(folder, `.${backupFileName}`)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await link(file, temp);
    await rename(temp, backup);
  } catch (error) {
    await unlink(temp).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    // No hard links on this file system (some network or FAT drives): copy instead.
    if (code !== 'ENOENT') {
      const previous = await readFile(file).catch(() => undefined);
      if (previous) await writeFileAtomic(backup, previous);
    }
  }
  await writeFileAtomic(file, serializeProfiles(profiles));
}

/** Temp files left by a writer that was killed mid-write; harmless, but not worth keeping. */
export async function removeStaleTempFiles(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(`.${profilesFileName}`) && name.endsWith('.tmp'))
      .map((name) => unlink(path.join(folder, name)).catch(() => {})),
  );
}
