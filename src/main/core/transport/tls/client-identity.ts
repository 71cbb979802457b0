import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import tls from 'node:tls';
import { ProblemError } from '../../problem-error';
import type { ClientCertificate } from '../transport-types';
import type { TrustStore } from './trusted-cas';

/** A certificate file, a key file or a PKCS#12 file is a few KB: anything larger is not one. */
const maxFileBytes = 1024 * 1024;

function unusable(file: string, raw: string): ProblemError {
  return ProblemError.of('TLS_CLIENT_CERT_INVALID', { raw, facts: { file } });
}

async function readBounded(file: string): Promise<Buffer> {
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
  const cert = await readBounded(certificate.certFile);
  const key = certificate.keyFile ? await readBounded(certificate.keyFile) : undefined;
  const pem = cert.includes('-----BEGIN');
  const identity = createHash('sha256')
    .update(cert)
    .update(key ?? '')
    .update(certificate.passphrase ?? '')
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
      ...(certificate.passphrase !== undefined ? { passphrase: certificate.passphrase } : {}),
    });
  } catch (error) {
    // OpenSSL's words: "bad decrypt", "mac verify failure", "key values mismatch"...
    throw unusable(certificate.certFile, (error as Error).message);
  }
  const store: TrustStore = { key: storeKey, secureContext, ...(trust.ca ? { ca: trust.ca } : {}) };
  contexts.set(storeKey, store);
  return store;
}
