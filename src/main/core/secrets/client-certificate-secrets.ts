import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';
import type { ClientCertificateSetting } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import { checkClientCertificate, readClientCertificateFile } from '../transport';
import type { SecretStore } from './secret-store';

/** Keychain account of a client certificate's secret; profile ids (UUIDs) never look like this. */
const accountOf = (certSha256: string) => `client-certificate ${certSha256}`;
const partAccountOf = (certSha256: string, part: number) => `${accountOf(certSha256)} part ${part}`;

/**
 * Windows' Credential Manager holds at most 2,560 bytes per entry, less than a 4096-bit RSA key
 * in PEM: the text is kept in parts of 600 characters (at most 2,400 bytes as UTF-8; cut between
 * characters, never inside one), the same way on every OS, and the first entry says what it
 * holds and in how many parts.
 */
const partChars = 600;
const maxParts = 1800; // a 1 MB key file, the most the transport reads
const entrySchema = z.object({
  vezaDesk: z.literal(1),
  kind: z.enum(['keyPem', 'passphrase']),
  parts: z.number().int().min(0).max(maxParts),
});

/** The secret half: a PEM certificate's private key, or a PKCS#12 file's passphrase (may be ""). */
export type ClientCertificateSecret = { keyPem: string } | { passphrase: string };

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

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
    const head = await secrets.get(accountOf(certSha256));
    if (head === undefined) return undefined;
    const entry = entrySchema.safeParse(safeJson(head));
    if (!entry.success) return undefined;
    const parts: string[] = [];
    for (let part = 0; part < entry.data.parts; part++) {
      const text = await secrets.get(partAccountOf(certSha256, part));
      // A part gone missing (a keychain cleaned by hand): as if nothing were saved.
      if (text === undefined) return undefined;
      parts.push(text);
    }
    const text = parts.join('');
    if (entry.data.kind === 'passphrase') return { passphrase: text };
    return text === '' ? undefined : { keyPem: text };
  };
  /** The head first, so a reader never joins parts of two different saves. */
  const remove = async (certSha256: string): Promise<boolean> => {
    const head = await secrets.get(accountOf(certSha256));
    const removed = await secrets.delete(accountOf(certSha256));
    const parts = head === undefined ? undefined : entrySchema.safeParse(safeJson(head));
    for (let part = 0; part < (parts?.success ? parts.data.parts : 0); part++)
      await secrets.delete(partAccountOf(certSha256, part));
    return removed;
  };
  const save = async (
    certificate: ClientCertificateSetting,
    secret: ClientCertificateSecret,
  ): Promise<void> => {
    // Refuses (TLS_CLIENT_CERT_INVALID) a key that is not this certificate's, a wrong passphrase
    // or a certificate file whose bytes are no longer the ones chosen.
    await checkClientCertificate({ ...certificate, ...secret });
    const [kind, text] =
      'keyPem' in secret
        ? (['keyPem', secret.keyPem] as const)
        : (['passphrase', secret.passphrase] as const);
    const characters = Array.from(text);
    const parts = Math.ceil(characters.length / partChars);
    if (parts > maxParts)
      throw ProblemError.of('TLS_CLIENT_CERT_INVALID', {
        raw: 'The private key is larger than any key.',
        facts: { file: certificate.certFile },
      });
    await remove(certificate.certSha256);
    for (let part = 0; part < parts; part++)
      await secrets.set(
        partAccountOf(certificate.certSha256, part),
        characters.slice(part * partChars, (part + 1) * partChars).join(''),
      );
    await secrets.set(
      accountOf(certificate.certSha256),
      JSON.stringify({ vezaDesk: 1, kind, parts }),
    );
  };
  return {
    /** The secret for a saved instance's certificate, or TLS_CLIENT_CERT_INVALID (choose it again). */
    lookup: async (certificate: ClientCertificateSetting): Promise<ClientCertificateSecret> => {
      const secret = await read(certificate.certSha256);
      if (!secret) throw notSaved(certificate.certFile);
      return secret;
    },
    /**
     * Reads the PEM key file the user chose (main's dialog), checks it and keeps its text. A key
     * protected by a passphrase is not kept yet: its text is answered (main holds it) until
     * `saveKeyPassphrase` opens it.
     */
    saveKeyFile: async (
      certificate: ClientCertificateSetting,
      keyFile: string,
    ): Promise<{ saved: true } | { saved: false; encryptedKey: string }> => {
      const keyPem = (await readClientCertificateFile(keyFile)).toString('utf8');
      if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(keyPem))
        return { saved: false, encryptedKey: keyPem };
      await save(certificate, { keyPem });
      return { saved: true };
    },
    /** A passphrase-protected PEM key, opened with its passphrase and kept open in the keychain. */
    saveKeyPassphrase: async (
      certificate: ClientCertificateSetting,
      encryptedKey: string,
      passphrase: string,
    ): Promise<void> => {
      let keyPem: string;
      try {
        keyPem = createPrivateKey({ key: encryptedKey, format: 'pem', passphrase })
          .export({ type: 'pkcs8', format: 'pem' })
          .toString();
      } catch {
        throw ProblemError.of('TLS_CLIENT_CERT_INVALID', {
          raw: 'The passphrase does not open the private key.',
          facts: { file: certificate.certFile },
        });
      }
      await save(certificate, { keyPem });
    },
    savePassphrase: (certificate: ClientCertificateSetting, passphrase: string): Promise<void> =>
      save(certificate, { passphrase }),
    has: async (certSha256: string): Promise<boolean> => (await read(certSha256)) !== undefined,
    remove,
  };
}

export type ClientCertificateSecrets = ReturnType<typeof createClientCertificateSecrets>;
