import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import type { Transport, TransportNetwork } from '../transport';
import {
  certificateRequiredAlert,
  clientCertificateRefusal,
} from '../transport/tls/client-certificate-alerts';

const modern = ['TLS 1.2', 'TLS 1.3'];

/** "TLS 1.0", "TLS 1.0 and TLS 1.1", "SSL 3.0, TLS 1.0 and TLS 1.1". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

// A secure connection cut right after it opened: what a TLS 1.3 server that wants a client
// certificate looks like to a request.
const cutAfterHandshake = ['TCP_RESET', 'HTTP_BODY_INCOMPLETE', 'TLS_HANDSHAKE_FAILED'];

/**
 * A secure connection that failed without saying why. A server that says "certificate
 * required" once the handshake ends is TLS_CLIENT_CERT_REQUIRED; one that turns the client
 * certificate down then (unknown CA, expired...) is TLS_CLIENT_CERT_REFUSED. Otherwise, for a failed
 * handshake, the server is asked what it offers (transport.probeTls: a handshake per version,
 * every cipher allowed, nothing sent): only old versions is TLS_OLD_PROTOCOL, naming them; a
 * modern version with a cipher Veza Desk does not use is TLS_NO_COMMON_CIPHER, naming it.
 * Anything else stays the problem it was.
 */
export async function explainHandshake(
  problem: Problem,
  context: {
    transport: Pick<Transport, 'probeTls' | 'probeClientCertificateAnswer'>;
    baseUrl: string;
    network?: TransportNetwork;
  },
): Promise<Problem> {
  if (!context.baseUrl.startsWith('https:') || !cutAfterHandshake.includes(problem.code))
    return problem;
  const host = new URL(context.baseUrl).hostname;
  const alert = await context.transport.probeClientCertificateAnswer(
    context.baseUrl,
    context.network,
  );
  if (alert === certificateRequiredAlert) {
    return makeProblem('TLS_CLIENT_CERT_REQUIRED', {
      ...problem.detail,
      facts: { ...problem.detail.facts, host },
    });
  }
  const refusal = alert && clientCertificateRefusal(alert);
  if (refusal) {
    return makeProblem('TLS_CLIENT_CERT_REFUSED', {
      ...problem.detail,
      errorCode: alert,
      facts: { ...problem.detail.facts, host, reason: refusal },
    });
  }
  if (problem.code !== 'TLS_HANDSHAKE_FAILED') return problem;
  const offer = await context.transport.probeTls(context.baseUrl, context.network);
  if (!offer || offer.versions.length === 0) return problem;
  const facts = { ...problem.detail.facts, host };
  const detail = { ...problem.detail, facts };
  if (!offer.versions.some((version) => modern.includes(version))) {
    return makeProblem('TLS_OLD_PROTOCOL', {
      ...detail,
      facts: { ...facts, versions: listInWords(offer.versions) },
    });
  }
  return makeProblem('TLS_NO_COMMON_CIPHER', {
    ...detail,
    facts: { ...facts, versions: listInWords(offer.versions), cipher: offer.cipher ?? 'unknown' },
  });
}
