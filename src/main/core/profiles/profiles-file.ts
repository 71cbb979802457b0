import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import { bounds } from '../../../shared/ipc/bounds';
import { profileSchema, type Profile } from '../../../shared/profiles/profile';
import type { DocumentFormat } from '../persistence/document-file';
import { serializeDocument } from '../persistence/document-file';

export const profilesFileName = 'profiles.json';
export const backupFileName = `${profilesFileName}.bak`;
/** Bump when the shape changes in a way an older Veza Desk could not read safely. */
export const profilesFileVersion = 1;

/**
 * Addresses already found in their stored form. The file is read again whenever another
 * process changed it (before each change, under the lock), and checking every address anew was
 * most of that read's cost (bench/many-writers.bench.ts).
 */
const storedForms = new Set<string>();

function isStoredForm(baseUrl: string): boolean {
  if (storedForms.has(baseUrl)) return true;
  const url = normalizeInstanceUrl(baseUrl);
  if (!url.ok || url.baseUrl !== baseUrl) return false;
  if (storedForms.size >= 10_000) storedForms.clear();
  storedForms.add(baseUrl);
  return true;
}

/** A stored profile must be valid and its address already in the stored (origin) form. */
function readProfile(value: unknown): Profile | undefined {
  const parsed = profileSchema.safeParse(value);
  return parsed.success && isStoredForm(parsed.data.baseUrl) ? parsed.data : undefined;
}

/**
 * profiles.json: `{ version, profiles: [...] }`, pretty-printed (people open it), with a
 * backup of the previous version to recover from. An entry that is invalid or repeats an id is
 * left out (and the file set aside by the store).
 */
export const profilesFormat: DocumentFormat<Profile[]> = {
  fileName: profilesFileName,
  version: profilesFileVersion,
  empty: () => [],
  backup: true,
  read: (data) => {
    if (!Array.isArray(data.profiles)) return undefined;
    const kept: Profile[] = [];
    const ids = new Set<string>();
    // More than the window may be sent (the contract's bound) were never written by Veza Desk.
    for (const item of data.profiles.slice(0, bounds.profiles)) {
      const profile = readProfile(item);
      if (profile && !ids.has(profile.id)) {
        ids.add(profile.id);
        kept.push(profile);
      }
    }
    return { document: kept, leftOut: data.profiles.length - kept.length };
  },
  write: (profiles) => ({ profiles }),
};

export const serializeProfiles = (profiles: readonly Profile[]): string =>
  serializeDocument(profilesFormat, [...profiles]);
