import net from 'node:net';
import tls from 'node:tls';
import { codedError } from '../connect/connect-failure';
import {
  chainOf,
  normalizeFingerprint,
  summarizeCertificate,
  type CertificateSummary,
} from './certificate-summary';
import type { TrustStore } from './trusted-cas';

export interface HandshakeOptions {
  hostname: string;
  trust: TrustStore;
  /** Accept exactly this leaf (SHA-256) instead of a chain to a trusted root. */
  pin?: string;
  /**
   * inspect: complete the handshake whatever the certificate, only to read it (nothing is ever
   * sent on such a socket). Never used for requests.
   */
  purpose: 'request' | 'inspect';
}

export interface HandshakeResult {
  socket: tls.TLSSocket;
  peerCertificate: CertificateSummary;
  /** As sent by the server, leaf first. */
  chain: CertificateSummary[];
}

/** A handshake failure with what was seen of the server's chain. */
export type HandshakeError = Error & { code?: string; chain?: CertificateSummary[] };

/**
 * Runs the TLS handshake on an open socket and decides trust before anything is written.
 * Node's own verification runs as usual (chain to the trusted roots, then host name); we read
 * its verdict ourselves instead of letting Node destroy the socket, so a failure can report
 * the chain the server sent. A pin replaces the chain check by an exact match of the leaf.
 */
export function tlsHandshake(
  socket: net.Socket,
  options: HandshakeOptions,
): Promise<HandshakeResult> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      host: options.hostname,
      servername: net.isIP(options.hostname) ? undefined : options.hostname,
      secureContext: options.trust.secureContext,
      ALPNProtocols: ['http/1.1'],
      // Decided below, before the socket is handed to anyone: see verdictOf().
      rejectUnauthorized: false,
    });
    secure.once('error', reject);
    secure.once('secureConnect', () => {
      secure.removeListener('error', reject);
      const peer = secure.getPeerCertificate(true);
      const chain = peer?.fingerprint256 ? chainOf(peer) : [];
      const failure =
        options.purpose === 'inspect' ? undefined : verdictOf(secure, chain, options.pin);
      if (failure || !chain[0]) {
        secure.destroy();
        reject(
          Object.assign(failure ?? codedError('EPROTO', 'The server sent no certificate.'), {
            chain,
          }),
        );
        return;
      }
      resolve({ socket: secure, peerCertificate: summarizeCertificate(peer), chain });
    });
  });
}

function verdictOf(
  secure: tls.TLSSocket,
  chain: CertificateSummary[],
  pin: string | undefined,
): Error | undefined {
  if (pin) {
    const leaf = chain[0]?.sha256 ?? '';
    return normalizeFingerprint(leaf) === normalizeFingerprint(pin)
      ? undefined
      : codedError(
          'VEZA_PIN_MISMATCH',
          `The server's certificate (SHA-256 ${leaf}) is not the trusted one.`,
        );
  }
  if (secure.authorized) return undefined;
  // Node stores the verification error's code (e.g. CERT_HAS_EXPIRED) in authorizationError.
  const reason = secure.authorizationError as unknown as string | Error | undefined;
  const code =
    typeof reason === 'string'
      ? reason
      : ((reason as { code?: string })?.code ?? 'UNABLE_TO_VERIFY');
  const message =
    typeof reason === 'string'
      ? `certificate verification failed: ${reason}`
      : (reason?.message ?? code);
  return codedError(code, message);
}
