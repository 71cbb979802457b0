import type { Profile } from '../../../shared/profiles/profile';
import {
  profilesExportFormat,
  profilesExportVersion,
  type ExportedProfile,
} from '../../../shared/profiles/profile-transfer';

/**
 * The profiles as a file to move to another machine or share with a colleague: settings only.
 * Built field by field (not by deleting from a copy) so nothing new in Profile can slip in;
 * no ids, keys, key fingerprints or verification results.
 */
export function buildProfilesExport(profiles: readonly Profile[], now: Date): string {
  const exported: ExportedProfile[] = profiles.map((profile) => ({
    name: profile.name,
    baseUrl: profile.baseUrl,
    colour: profile.colour,
    production: profile.production,
    notes: profile.notes,
    ...(profile.network ? { network: profile.network } : {}),
  }));
  return `${JSON.stringify(
    {
      format: profilesExportFormat,
      version: profilesExportVersion,
      exportedAt: now.toISOString(),
      profiles: exported,
    },
    null,
    2,
  )}\n`;
}
