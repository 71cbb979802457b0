import type { ClientCertificateSetting } from '../../../shared/profiles/profile';
import type { FileDialogs } from '../file-dialogs';
import { ProblemError } from '../problem-error';
import { usedBySaved } from '../profiles/forget-unused-client-certificate';
import type { ProfileService } from '../profiles/profile-service';
import type { ClientCertificateSecrets } from '../secrets/client-certificate-secrets';
import { describeClientCertificateFile } from '../transport';
import type { CallHandlers } from './dispatcher';

type ClientCertificateCalls =
  | 'profiles.chooseClientCertificate'
  | 'profiles.chooseClientCertificateKey'
  | 'profiles.saveClientCertificatePassphrase'
  | 'profiles.hasClientCertificateSecret'
  | 'profiles.removeClientCertificateSecret';

/** The certificates main's open dialog produced (path → SHA-256): the only ones the window may name. */
export type ChosenCertificates = Map<string, string>;

/** A certificate the window names: one main's dialog chose, or one a saved instance has. */
function known(
  profiles: ProfileService,
  chosen: ChosenCertificates,
  certificate: ClientCertificateSetting,
): boolean {
  if (chosen.get(certificate.certFile) === certificate.certSha256) return true;
  return profiles
    .state()
    .profiles.some(
      (profile) =>
        profile.network?.clientCertificate?.certFile === certificate.certFile &&
        profile.network.clientCertificate.certSha256 === certificate.certSha256,
    );
}

/**
 * The client certificate calls. Paths come from main's own dialogs; the private key's text and
 * the passphrase go into the keychain (checked with the certificate first) and no answer
 * carries either back.
 */
export function createClientCertificateHandlers(
  deps: {
    profiles: ProfileService;
    dialogs: FileDialogs;
    clientCertificates: ClientCertificateSecrets;
  },
  chosen: ChosenCertificates,
): Pick<CallHandlers, ClientCertificateCalls> {
  const { profiles, dialogs, clientCertificates } = deps;
  // PEM keys chosen that wait for their passphrase, by certificate hash (main's memory only).
  const lockedKeys = new Map<string, string>();
  const requireKnown = (certificate: ClientCertificateSetting) => {
    if (!known(profiles, chosen, certificate)) {
      throw ProblemError.of('IPC_INVALID_ARGUMENT', {
        raw: 'Choose the client certificate in Network settings first.',
      });
    }
  };
  return {
    'profiles.chooseClientCertificate': async () => {
      const file = await dialogs.chooseFileToOpen({
        title: 'Choose your client certificate (PEM, .p12 or .pfx)',
        filters: [
          { name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'p12', 'pfx'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!file) return { cancelled: true };
      const described = await describeClientCertificateFile(file);
      chosen.set(file, described.certSha256);
      return {
        cancelled: false,
        certificate: { certFile: file, certSha256: described.certSha256 },
        kind: described.kind,
        ...(described.subject !== undefined && { subject: described.subject.slice(0, 200) }),
        ...(described.validTo !== undefined && { validTo: described.validTo }),
        secretSaved: await clientCertificates.has(described.certSha256),
      };
    },
    'profiles.chooseClientCertificateKey': async (certificate) => {
      requireKnown(certificate);
      const keyFile = await dialogs.chooseFileToOpen({
        title: 'Choose the private key of your client certificate (PEM)',
        filters: [
          { name: 'Private keys', extensions: ['pem', 'key'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!keyFile) return { cancelled: true };
      lockedKeys.delete(certificate.certSha256);
      const result = await clientCertificates.saveKeyFile(certificate, keyFile);
      if (result.saved) return { cancelled: false };
      lockedKeys.set(certificate.certSha256, result.encryptedKey);
      return { cancelled: false, needsPassphrase: true };
    },
    'profiles.saveClientCertificatePassphrase': async ({ passphrase, ...certificate }) => {
      requireKnown(certificate);
      const lockedKey = lockedKeys.get(certificate.certSha256);
      if (lockedKey === undefined) await clientCertificates.savePassphrase(certificate, passphrase);
      else {
        await clientCertificates.saveKeyPassphrase(certificate, lockedKey, passphrase);
        lockedKeys.delete(certificate.certSha256);
      }
      return undefined;
    },
    'profiles.hasClientCertificateSecret': ({ certSha256 }) => clientCertificates.has(certSha256),
    'profiles.removeClientCertificateSecret': async ({ certSha256 }) =>
      !usedBySaved(profiles, certSha256) && clientCertificates.remove(certSha256),
  };
}
