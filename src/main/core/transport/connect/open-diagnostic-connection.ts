import type net from 'node:net';
import { parseTarget } from '../parse-target';
import { chooseRoute } from '../proxy/choose-route';
import { defaultTrustStore } from '../tls/trusted-cas';
import { mergeSettings } from '../transport-defaults';
import type { TransportContext } from '../transport-context';
import type { TransportNetwork, TransportTimeouts } from '../transport-types';
import { openConnection } from './create-connector';

/**
 * A connection of the doctor's own to the target, through the same proxy decision as a
 * request, that nothing of the user's is ever written on (the diagnostics: the server's clock,
 * what TLS it offers). `tls: 'unchecked'` completes the handshake whatever the certificate
 * (https targets); `tls: 'none'` leaves the socket plain (through the proxy's tunnel when there
 * is one) for a handshake of the caller's own.
 */
export async function openDiagnosticConnection(
  context: TransportContext,
  url: string,
  network: TransportNetwork | undefined,
  tls: 'unchecked' | 'none',
): Promise<{ socket: net.Socket; target: URL; timeouts: TransportTimeouts }> {
  const target = parseTarget(url);
  const route = await chooseRoute(target, network, context.routeDeps);
  const timeouts = mergeSettings(context.timeouts, network?.timeouts);
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  const { socket } = await openConnection(
    {
      route,
      proxyMode: 'tunnel',
      lookup: context.lookup,
      trust: defaultTrustStore(),
      connectTimeoutMs: timeouts.connectMs,
      purpose: 'inspect',
    },
    { protocol: tls === 'none' ? 'http:' : target.protocol, hostname: target.hostname, port },
  );
  return { socket, target, timeouts };
}
