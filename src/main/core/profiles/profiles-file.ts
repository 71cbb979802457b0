import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import { profileSchema, type Profile } from '../../../shared/profiles/profile';
import type { DocumentFormat } from '../persistence/document-file';
import { serializeDocument } from '../persistence/document-file';

export const profilesFileName = 'profiles.json';
export const backupFileName = `${profilesFileName}.bak`;
/** Bump when the shape changes in a way an older Veza Desk could not read safely. */
export const profilesFileVersion = 1;

/** A stored profile must be valid and its address already in the stored (origin) form. */
function readProfile(value: unknown): Profile | undefined {
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const url = normalizeInstanceUrl(parsed.data.baseUrl);
  return url.ok && url.baseUrl === parsed.data.baseUrl ? parsed.data : undefined;
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
    for (const item of data.profiles) {
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
