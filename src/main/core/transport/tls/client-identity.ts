import { createHash, X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import tls from 'node:tls';
import { ProblemError } from '../../problem-error';
import type { ClientCertificate } from '../transport-types';
import { defaultTrustStore, type TrustStore } from './trusted-cas';

/** A certificate file, a key file or a PKCS#12 file is a few KB: anything larger is not one. */
const maxFileBytes = 1024 * 1024;

function unusable(file: string, raw: string): ProblemError {
  return ProblemError.of('TLS_CLIENT_CERT_INVALID', { raw, facts: { file } });
}

/** A certificate, key or PKCS#12 file's bytes; too large or unreadable is TLS_CLIENT_CERT_INVALID. */
export async function readClientCertificateFile(file: string): Promise<Buffer> {
  try {
    if ((await stat(file)).size > maxFileBytes)
      throw unusable(file, 'The file is larger than any certificate or key.');
    return await readFile(file);
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw unusable(
      file,
      `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}

const contexts = new Map<string, TrustStore>();

/**
 * The trust store with this computer's client certificate added, for servers that ask for
 * one: the same certificate authorities, and the certificate and key (or the PKCS#12 file)
 * read from their files. Its key names the certificate, so connections made with it are never
 * shared with calls without it. A file that cannot be read, a key that does not match or a
 * wrong passphrase is CLIENT_CERT_INVALID, before anything is sent.
 */
export async function withClientCertificate(
  trust: TrustStore,
  certificate: ClientCertificate,
): Promise<TrustStore> {
  const cert = await readClientCertificateFile(certificate.certFile);
  if (
    certificate.certSha256 !== undefined &&
    createHash('sha256').update(cert).digest('hex') !== certificate.certSha256
  ) {
    throw ProblemError.of('TLS_CLIENT_CERT_INVALID', {
      raw: 'The certificate file changed since it was chosen.',
      facts: { file: certificate.certFile, chooseAgain: 'yes' },
    });
  }
  const secret = { ...certificate, ...(await certificate.readSecret?.()) };
  const key = secret.keyFile
    ? await readClientCertificateFile(secret.keyFile)
    : secret.keyPem !== undefined
      ? Buffer.from(secret.keyPem)
      : undefined;
  const passphrase = secret.passphrase;
  const pem = cert.includes('-----BEGIN');
  const identity = createHash('sha256')
    .update(cert)
    .update(key ?? '')
    .update(passphrase ?? '')
    .digest('hex');
  const storeKey = `${trust.key}|client:${identity}`;
  const known = contexts.get(storeKey);
  if (known) return known;
  if (pem && !key)
    throw unusable(certificate.certFile, 'A PEM certificate needs its private key (--client-key).');
  let secureContext: tls.SecureContext;
  try {
    secureContext = tls.createSecureContext({
      ...(trust.ca ? { ca: [...trust.ca] } : {}),
      ...(pem ? { cert, key } : { pfx: cert }),
      ...(passphrase !== undefined ? { passphrase } : {}),
    });
  } catch (error) {
    // OpenSSL's words: "bad decrypt", "mac verify failure", "key values mismatch"...
    throw unusable(certificate.certFile, (error as Error).message);
  }
  const store: TrustStore = { key: storeKey, secureContext, ...(trust.ca ? { ca: trust.ca } : {}) };
  contexts.set(storeKey, store);
  return store;
}

/** What a chosen certificate file is, told from its bytes (no key or passphrase needed). */
export interface ClientCertificateFile {
  certSha256: string;
  kind: 'pem' | 'pkcs12';
  /** The PEM certificate's common name (or whole subject) and last day; a .p12 says after its passphrase. */
  subject?: string;
  validTo?: string;
}

export async function describeClientCertificateFile(file: string): Promise<ClientCertificateFile> {
  const bytes = await readClientCertificateFile(file);
  const certSha256 = createHash('sha256').update(bytes).digest('hex');
  if (!bytes.includes('-----BEGIN')) {
    // PKCS#12 is DER: one ASN.1 SEQUENCE (0x30). Anything else is no certificate at all.
    if (bytes[0] !== 0x30)
      throw unusable(file, 'The file is neither a PEM certificate nor PKCS#12.');
    return { certSha256, kind: 'pkcs12' };
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(bytes);
  } catch {
    throw unusable(file, 'The file holds no PEM certificate.');
  }
  const subject = /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? certificate.subject;
  return {
    certSha256,
    kind: 'pem',
    subject,
    validTo: new Date(certificate.validTo).toISOString(),
  };
}

/** Whether this certificate can be used as given (its key matches, its passphrase opens it). */
export async function checkClientCertificate(certificate: ClientCertificate): Promise<void> {
  await withClientCertificate(defaultTrustStore(), certificate);
}
