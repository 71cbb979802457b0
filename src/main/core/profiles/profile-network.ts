import type { ClientCertificateSetting, NetworkSettings } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import type { TransportNetwork } from '../transport';

/** A saved client certificate's private key or passphrase (the keychain's, in main). */
export type ClientCertificateLookup = (
  certificate: ClientCertificateSetting,
) => Promise<{ keyPem: string } | { passphrase: string }>;

/** Where no keychain is at hand, a saved certificate has no key: choose it again. */
const noLookup: ClientCertificateLookup = (certificate) =>
  Promise.reject(
    ProblemError.of('TLS_CLIENT_CERT_INVALID', {
      raw: 'The private key or passphrase of this certificate is not available here.',
      facts: { file: certificate.certFile, chooseAgain: 'yes' },
    }),
  );

/**
 * A profile's network settings as the transport takes them. The profile's "response" timeout
 * is the wait for the first byte of an answer; the rest keep the transport's defaults. A client
 * certificate goes with the hash its file had when chosen and reads its key or passphrase
 * (`lookup`, the keychain) only when a call makes a connection with it.
 */
export function toTransportNetwork(
  settings: NetworkSettings | undefined,
  lookup: ClientCertificateLookup = noLookup,
): TransportNetwork {
  if (!settings) return {};
  const { timeouts, clientCertificate, ...rest } = settings;
  return {
    ...rest,
    ...(clientCertificate && {
      clientCertificate: { ...clientCertificate, readSecret: () => lookup(clientCertificate) },
    }),
    timeouts: timeouts && {
      ...(timeouts.connectMs !== undefined && { connectMs: timeouts.connectMs }),
      ...(timeouts.responseMs !== undefined && { firstByteMs: timeouts.responseMs }),
    },
  };
}
