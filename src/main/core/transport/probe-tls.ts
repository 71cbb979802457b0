import net from 'node:net';
import tls from 'node:tls';
import { openDiagnosticConnection } from './connect/open-diagnostic-connection';
import { withClientCertificate } from './tls/client-identity';
import { defaultTrustStore } from './tls/trusted-cas';
import type { TransportContext } from './transport-context';
import type { TransportNetwork } from './transport-types';

/** What a server agrees to when asked for each TLS version with every cipher there is. */
export interface TlsOffer {
  /** The versions it accepted, oldest first: "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3". */
  versions: string[];
  /** The cipher it chose at the newest version it accepted. */
  cipher?: string;
}

const versions: readonly [tls.SecureVersion, string][] = [
  ['TLSv1', 'TLS 1.0'],
  ['TLSv1.1', 'TLS 1.1'],
  ['TLSv1.2', 'TLS 1.2'],
  ['TLSv1.3', 'TLS 1.3'],
];
// Every cipher OpenSSL knows, the unsafe ones included: this asks what the server offers.
const everyCipher = 'ALL:COMPLEMENTOFALL:@SECLEVEL=0';

/**
 * Which TLS versions and cipher the server offers, for a handshake that failed: one handshake
 * per version, with every cipher allowed and no certificate checked, through the same proxy
 * decision as a request. Nothing is sent on these connections, the key least of all; they are
 * closed once the handshake ends. Undefined when the server cannot be reached at all.
 */
export async function probeTls(
  context: TransportContext,
  url: string,
  network?: TransportNetwork,
): Promise<TlsOffer | undefined> {
  try {
    const offer: TlsOffer = { versions: [] };
    for (const [version, name] of versions) {
      const outcome = await handshake(context, url, network, {
        minVersion: version,
        maxVersion: version,
        ciphers: everyCipher,
      });
      if (outcome.cipher === undefined) continue;
      offer.versions.push(name);
      offer.cipher = outcome.cipher;
    }
    return offer;
  } catch {
    return undefined;
  }
}

/**
 * What the server says about the client certificate once the handshake is over: TLS 1.3
 * finishes the handshake first and only then says "certificate required" (alert 116) or
 * turns the certificate down (unknown CA, expired...), so a request sees only a closed
 * connection. One handshake with the instance's client certificate, if it has one (no
 * server certificate checked, nothing sent), waits for that alert and returns its code.
 */
export async function probeClientCertificateAnswer(
  context: TransportContext,
  url: string,
  network?: TransportNetwork,
): Promise<string | undefined> {
  try {
    const identity = network?.clientCertificate
      ? await withClientCertificate(defaultTrustStore(), network.clientCertificate)
      : undefined;
    const outcome = await handshake(
      context,
      url,
      network,
      identity?.secureContext ? { secureContext: identity.secureContext } : {},
      1_000,
    );
    return outcome.error?.includes('_ALERT_') ? outcome.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One TLS handshake to the target with these settings over a plain connection (through the
 * proxy's tunnel when there is one), no certificate checked, nothing written; closed after it
 * ends, or `lingerMs` later to hear what the server says after it.
 */
async function handshake(
  context: TransportContext,
  url: string,
  network: TransportNetwork | undefined,
  options: Pick<tls.ConnectionOptions, 'minVersion' | 'maxVersion' | 'ciphers' | 'secureContext'>,
  lingerMs = 0,
): Promise<{ cipher?: string; error?: string }> {
  const { socket, target, timeouts } = await openDiagnosticConnection(
    context,
    url,
    network,
    'none',
  );
  const { connectMs } = timeouts;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const secured = tls.connect({
      socket,
      ...(net.isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ...options,
    });
    let cipher: string | undefined;
    const finish = (error?: string) => {
      clearTimeout(timer);
      secured.destroy();
      socket.destroy();
      resolve({ ...(cipher !== undefined ? { cipher } : {}), ...(error ? { error } : {}) });
    };
    let timer = setTimeout(() => finish(), connectMs);
    secured.once('secureConnect', () => {
      cipher = secured.getCipher().name;
      clearTimeout(timer);
      if (lingerMs === 0) finish();
      else timer = setTimeout(() => finish(), lingerMs);
    });
    secured.once('error', (error: NodeJS.ErrnoException) => finish(error.code ?? 'error'));
  });
}
