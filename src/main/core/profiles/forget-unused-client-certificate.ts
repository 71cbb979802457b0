import type { ClientCertificateSetting } from '../../../shared/profiles/profile';
import type { ClientCertificateSecrets } from '../secrets/client-certificate-secrets';
import type { ProfileService } from './profile-service';

/** Whether any saved instance still uses this certificate (its key is shared by them all). */
export const usedBySaved = (profiles: ProfileService, certSha256: string): boolean =>
  profiles
    .state()
    .profiles.some((profile) => profile.network?.clientCertificate?.certSha256 === certSha256);

/**
 * After an instance changed or went (in the window or through `veza-desk profiles remove`):
 * its old certificate's key or passphrase leaves the keychain when no saved instance uses
 * that certificate any more.
 */
export async function forgetUnusedClientCertificate(
  profiles: ProfileService,
  clientCertificates: Pick<ClientCertificateSecrets, 'remove'>,
  previous: ClientCertificateSetting | undefined,
): Promise<void> {
  if (!previous || usedBySaved(profiles, previous.certSha256)) return;
  // The change is made: a keychain that refuses now leaves an entry nothing reads, no failure.
  await clientCertificates.remove(previous.certSha256).catch(() => false);
}
