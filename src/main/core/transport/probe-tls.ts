import net from 'node:net';
import tls from 'node:tls';
import { openConnection } from './connect/create-connector';
import { parseTarget } from './parse-target';
import { chooseRoute } from './proxy/choose-route';
import { defaultTrustStore } from './tls/trusted-cas';
import { mergeSettings } from './transport-defaults';
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
    const target = parseTarget(url);
    const route = await chooseRoute(target, network, context.routeDeps);
    const { connectMs } = mergeSettings(context.timeouts, network?.timeouts);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const offer: TlsOffer = { versions: [] };
    for (const [version, name] of versions) {
      // A plain connection to the target (through the proxy's tunnel when there is one).
      const { socket } = await openConnection(
        {
          route,
          proxyMode: 'tunnel',
          lookup: context.lookup,
          trust: defaultTrustStore(),
          connectTimeoutMs: connectMs,
        },
        { protocol: 'http:', hostname: target.hostname, port: Number(target.port || 443) },
      );
      const cipher = await new Promise<string | undefined>((resolve) => {
        const secured = tls.connect({
          socket,
          ...(net.isIP(host) ? {} : { servername: host }),
          minVersion: version,
          maxVersion: version,
          ciphers: everyCipher,
          rejectUnauthorized: false,
        });
        const timer = setTimeout(() => finish(undefined), connectMs);
        const finish = (chosen: string | undefined) => {
          clearTimeout(timer);
          secured.destroy();
          socket.destroy();
          resolve(chosen);
        };
        secured.once('secureConnect', () => finish(secured.getCipher().name));
        secured.once('error', () => finish(undefined));
      });
      if (cipher === undefined) continue;
      offer.versions.push(name);
      offer.cipher = cipher;
    }
    return offer;
  } catch {
    return undefined;
  }
}
