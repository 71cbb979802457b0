import { z } from 'zod';
import type { ClientCertificateSetting } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import { checkClientCertificate, readClientCertificateFile } from '../transport';
import type { SecretStore } from './secret-store';

/** Keychain account of a client certificate's secret; profile ids (UUIDs) never look like this. */
const accountOf = (certSha256: string) => `client-certificate ${certSha256}`;

/** The secret half: a PEM certificate's private key, or a PKCS#12 file's passphrase (may be ""). */
const entrySchema = z.union([
  z.object({ vezaDesk: z.literal(1), keyPem: z.string().min(1) }),
  z.object({ vezaDesk: z.literal(1), passphrase: z.string() }),
]);
export type ClientCertificateSecret = { keyPem: string } | { passphrase: string };

/** Nothing in the keychain for this certificate (another computer's profile, or removed). */
function notSaved(certFile: string): ProblemError {
  return ProblemError.of('TLS_CLIENT_CERT_INVALID', {
    raw: 'The private key or passphrase of this certificate is not saved on this computer.',
    facts: { file: certFile, chooseAgain: 'yes' },
  });
}

/**
 * Client certificates' private keys (PEM) and passphrases (PKCS#12), kept in the keychain next
 * to the API keys and never in a profile file: a profile keeps the certificate's path and the
 * SHA-256 of its bytes, and the entry is found by that hash, so one certificate in two profiles
 * shares it and a file that changed finds none. Each is checked with its certificate before it
 * is saved (the key must be the certificate's, the passphrase must open the file).
 */
export function createClientCertificateSecrets(secrets: SecretStore) {
  const read = async (certSha256: string): Promise<ClientCertificateSecret | undefined> => {
    const text = await secrets.get(accountOf(certSha256));
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = entrySchema.safeParse(json);
    if (!parsed.success) return undefined;
    return 'keyPem' in parsed.data
      ? { keyPem: parsed.data.keyPem }
      : { passphrase: parsed.data.passphrase };
  };
  const save = async (
    certificate: ClientCertificateSetting,
    secret: ClientCertificateSecret,
  ): Promise<void> => {
    // Refuses (TLS_CLIENT_CERT_INVALID) a key that is not this certificate's, a wrong passphrase
    // or a certificate file whose bytes are no longer the ones chosen.
    await checkClientCertificate({ ...certificate, ...secret });
    await secrets.set(
      accountOf(certificate.certSha256),
      JSON.stringify({ vezaDesk: 1, ...secret }),
    );
  };
  return {
    /** The secret for a saved instance's certificate, or TLS_CLIENT_CERT_INVALID (choose it again). */
    lookup: async (certificate: ClientCertificateSetting): Promise<ClientCertificateSecret> => {
      const secret = await read(certificate.certSha256);
      if (!secret) throw notSaved(certificate.certFile);
      return secret;
    },
    /** Reads the PEM key file the user chose (main's dialog), checks it and keeps its text. */
    saveKeyFile: async (certificate: ClientCertificateSetting, keyFile: string): Promise<void> =>
      save(certificate, { keyPem: (await readClientCertificateFile(keyFile)).toString('utf8') }),
    savePassphrase: (certificate: ClientCertificateSetting, passphrase: string): Promise<void> =>
      save(certificate, { passphrase }),
    has: async (certSha256: string): Promise<boolean> => (await read(certSha256)) !== undefined,
    remove: (certSha256: string): Promise<boolean> => secrets.delete(accountOf(certSha256)),
  };
}

export type ClientCertificateSecrets = ReturnType<typeof createClientCertificateSecrets>;
