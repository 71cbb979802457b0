import type { NetworkSettings, Profile, ProfileDraft } from '../../../shared/profiles/profile';
import { displayOrigin } from '../../../shared/profiles/display-origin';
import { ProblemError } from '../problem-error';
import { normalizeFingerprint } from '../transport/tls/certificate-summary';
import type { ProfileService } from './profile-service';

/** A saved profile as the edit form would send it back, so an update changes nothing else. */
function draftOf(profile: Profile, network: NetworkSettings | undefined): ProfileDraft {
  return {
    name: profile.name,
    address: displayOrigin(profile.baseUrl),
    colour: profile.colour,
    production: profile.production,
    notes: profile.notes,
    ...(network && Object.keys(network).length > 0 ? { network } : {}),
  };
}

/** "AA:BB:…" as browsers print it, whatever separators or case the caller used. */
export function canonicalFingerprint(sha256: string): string {
  const hex = normalizeFingerprint(sha256);
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw ProblemError.of('IPC_INVALID_ARGUMENT', {
      raw: 'a SHA-256 fingerprint has 64 hex digits',
    });
  }
  return (hex.match(/../g) ?? []).join(':');
}

function updateNetwork(
  profiles: ProfileService,
  id: string,
  change: (network: NetworkSettings) => NetworkSettings,
): Promise<Profile> {
  const profile = profiles.require(id);
  // The user compared the fingerprint main showed: the key may follow this pin (and only it).
  return profiles.update(id, draftOf(profile, change({ ...profile.network })), {
    keyFollows: ['pinnedCertificate'],
  });
}

/**
 * Trusts one server certificate for one instance: the transport then accepts exactly this
 * certificate there (and no other), instead of asking a certificate authority. Certificate
 * checks are never turned off.
 */
export function trustCertificate(
  profiles: ProfileService,
  id: string,
  sha256: string,
): Promise<Profile> {
  const pinned = canonicalFingerprint(sha256);
  return updateNetwork(profiles, id, (network) => ({ ...network, pinnedCertSha256: pinned }));
}

export function forgetCertificate(profiles: ProfileService, id: string): Promise<Profile> {
  return updateNetwork(profiles, id, ({ pinnedCertSha256: _forgotten, ...rest }) => rest);
}
