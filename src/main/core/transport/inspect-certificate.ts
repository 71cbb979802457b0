import { ProblemError } from '../problem-error';
import { classifyNetworkError } from './classify-network-error';
import { codedError } from './connect/connect-failure';
import { openConnection } from './connect/create-connector';
import { parseTarget } from './parse-target';
import { chooseRoute, describeRoute, proxyContext, type Route } from './proxy/choose-route';
import { createRedactor } from './redact';
import type { CertificateSummary } from './tls/certificate-summary';
import { defaultTrustStore, loadTrustStore } from './tls/trusted-cas';
import { mergeSettings } from './transport-defaults';
import type { TransportContext } from './transport-context';
import { TransportError } from './transport-error';
import type { TransportNetwork } from './transport-types';

export interface InspectedCertificate {
  /** The server's own certificate: what "Trust this certificate" pins. */
  certificate: CertificateSummary;
  /** As the server sent it, leaf first. */
  chain: CertificateSummary[];
}

/**
 * Opens a TLS connection (through the same proxy decision as a request) only to read the
 * server's certificate, trusted or not, so the UI can show subject, issuer, validity and
 * SHA-256 before the user pins it. Nothing is ever sent on that connection.
 */
export async function inspectCertificate(
  context: TransportContext,
  url: string,
  network?: TransportNetwork,
): Promise<InspectedCertificate> {
  let route: Route = { kind: 'direct' };
  const target = parseTarget(url);
  try {
    if (target.protocol !== 'https:') {
      throw ProblemError.of('URL_NOT_HTTPS', { url: target.origin, facts: { url: target.origin } });
    }
    route = await chooseRoute(target, network, context.routeDeps);
    const { connectMs } = mergeSettings(context.timeouts, network?.timeouts);
    const trust = network?.caFile
      ? await loadTrustStore(network.caFile, connectMs)
      : defaultTrustStore();
    const { socket, chain } = await openConnection(
      {
        route,
        proxyMode: 'tunnel',
        lookup: context.lookup,
        trust,
        connectTimeoutMs: connectMs,
        purpose: 'inspect',
      },
      { protocol: 'https:', hostname: target.hostname, port: Number(target.port || 443) },
    );
    socket.destroy();
    const [certificate] = chain;
    if (!certificate) throw codedError('EPROTO', 'The server sent no certificate.');
    return { certificate, chain };
  } catch (error) {
    if (error instanceof ProblemError)
      throw TransportError.fromProblem(error, describeRoute(route));
    const failure = classifyNetworkError(error, {
      url: target.href,
      ...proxyContext(route),
      redact: createRedactor(route.kind === 'proxy' ? route.secrets : []),
    });
    throw TransportError.from(failure, describeRoute(route));
  }
}
