import type { ProblemDetail } from '../../../shared/problems/problem';
import type { ProblemCode } from '../../../shared/problems/problem-codes';
import { ConnectFailure, type ProxyResponse, type TransportStage } from './connect/connect-failure';
import { classifyTlsFailure } from './classify-tls-failure';
import { interceptionOf } from './tls/interception';
import { explainProxyStatus } from './proxy/explain-proxy-status';
import type { CertificateSummary } from './tls/certificate-summary';
import { createRedactor, type Redactor } from './redact';
import { attemptsInWords } from './connect/attempts-in-words';
import { isPrivateAddress } from './connect/private-address';

export interface FailureContext {
  /** The URL being requested when it failed. */
  url: string;
  /** The proxy's origin when the request went through one. */
  proxy?: string;
  /** Where that proxy came from, in words (proxySourceWords). */
  proxySource?: string;
  /** The environment variable it came from, when it did (HTTPS_PROXY, https_proxy...). */
  proxyVariable?: string;
  /** Scrubs error texts; secrets-aware redactors come from the caller. */
  redact?: Redactor;
  /** True once response headers arrived: a cut is then an incomplete body, not a reset. */
  responseStarted?: boolean;
  /** For HTTP_BODY_TOO_LARGE, e.g. "50 MB". */
  limit?: string;
}

export interface ClassifiedFailure {
  code: ProblemCode;
  stage: TransportStage;
  detail: ProblemDetail;
  /** The server's leaf certificate, when the failure was a TLS one (to show before pinning). */
  peerCertificate?: CertificateSummary;
}

interface Evidence {
  codes: string[];
  messages: string[];
  failure?: ConnectFailure;
  proxyResponse?: ProxyResponse;
}

/** Collects codes and messages along `cause` (and AggregateError) chains. */
function gather(error: unknown): Evidence {
  const evidence: Evidence = { codes: [], messages: [] };
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 20; i += 1) {
    const item = queue[i];
    if (!item || typeof item !== 'object') {
      if (item !== undefined) evidence.messages.push(String(item));
      continue;
    }
    const { code, message, cause, errors, name } = item as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
      name?: unknown;
    };
    if (item instanceof ConnectFailure) evidence.failure ??= item;
    const response = (item as { proxyResponse?: ProxyResponse }).proxyResponse;
    if (response) evidence.proxyResponse ??= response;
    if (typeof code === 'string') evidence.codes.push(code);
    if (name === 'AbortError') evidence.codes.push('ABORT_ERR');
    if (typeof message === 'string') evidence.messages.push(message);
    if (cause) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return evidence;
}

const DNS_NOT_FOUND = ['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA', 'EAI_FAIL'];
// ETIMEOUT (no D) is c-ares' DNS timeout; ETIMEDOUT is TCP's.
const DNS_UNAVAILABLE = ['EAI_AGAIN', 'ESERVFAIL', 'ETIMEOUT'];
const TIMEOUTS = ['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT'];
const UNREACHABLE = ['ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL'];
const CUT = [
  'UND_ERR_SOCKET',
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'Z_BUF_ERROR',
];

/** zlib (Z_DATA_ERROR...) and brotli (ERR__ERROR_FORMAT_..., ERR_BROTLI...) failures: a damaged body. */
function isDecodeError(code: string): boolean {
  return code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT') || code.includes('BROTLI');
}

function guessStage(codes: readonly string[]): TransportStage {
  if (codes.some((c) => DNS_NOT_FOUND.includes(c) || DNS_UNAVAILABLE.includes(c))) return 'dns';
  if (codes.some((c) => c === 'ECONNREFUSED' || TIMEOUTS.includes(c) || UNREACHABLE.includes(c)))
    return 'tcp';
  if (
    codes.some(
      (c) =>
        /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_|ERR_SSL_|VEZA_PIN)/.test(c) ||
        c === 'EPROTO',
    )
  )
    return 'tls';
  return 'http';
}

function decide(
  evidence: Evidence,
  stage: TransportStage,
  context: FailureContext,
): { code: ProblemCode; facts?: Record<string, string> } {
  const { codes, messages, failure } = evidence;
  const has = (list: readonly string[]) => codes.some((code) => list.includes(code));

  if (has(['VEZA_CANCELLED', 'ABORT_ERR', 'UND_ERR_ABORTED'])) return { code: 'REQUEST_CANCELLED' };
  if (has(['VEZA_TOTAL_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']))
    return { code: 'HTTP_TIMEOUT' };
  if (has(['VEZA_BODY_TOO_LARGE'])) return { code: 'HTTP_BODY_TOO_LARGE' };
  if (evidence.proxyResponse) {
    return {
      code: explainProxyStatus(evidence.proxyResponse),
      facts: { status: String(evidence.proxyResponse.status) },
    };
  }
  if (stage === 'proxy') return { code: 'PROXY_UNREACHABLE' };
  if (stage === 'tls' || stage === 'http' || !failure) {
    const host = new URL(context.url).hostname;
    const tls = classifyTlsFailure(codes, messages, failure?.chain ?? [], host);
    if (tls) return interceptionOf(tls, !!context.proxy) ?? tls;
  }
  if (has(DNS_NOT_FOUND)) return { code: 'DNS_NOT_FOUND' };
  if (has(DNS_UNAVAILABLE) || (stage === 'dns' && has(TIMEOUTS)))
    return { code: 'DNS_UNAVAILABLE' };
  if (has(['ECONNREFUSED'])) return { code: 'TCP_REFUSED' };
  if (has(TIMEOUTS) || has(UNREACHABLE)) {
    // Silence from a private address: most likely a company network this computer is not on.
    const inside = failure?.attempts.find((attempt) => isPrivateAddress(attempt.address));
    if (inside) return { code: 'COMPANY_NETWORK_ONLY', facts: { address: inside.address } };
    return { code: has(TIMEOUTS) ? 'TCP_TIMEOUT' : 'NETWORK_UNREACHABLE' };
  }
  if (context.responseStarted && (has(CUT) || codes.some(isDecodeError)))
    return { code: 'HTTP_BODY_INCOMPLETE' };
  if (has(['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ERR_STREAM_PREMATURE_CLOSE']))
    return { code: 'HTTP_BODY_INCOMPLETE' };
  if (has(CUT)) return { code: 'TCP_RESET' };
  if (stage === 'tls') return { code: 'TLS_HANDSHAKE_FAILED' };
  return { code: 'INTERNAL_ERROR' };
}

/**
 * Turns any error met while sending a request (Node, undici, or the transport's own) into one
 * of the stable problem codes, with the stage it happened in and a redacted technical detail.
 * The connection doctor calls this too, so every path names failures the same way.
 */
export function classifyNetworkError(error: unknown, context: FailureContext): ClassifiedFailure {
  const evidence = gather(error);
  const stage = evidence.failure?.stage ?? guessStage(evidence.codes);
  const { code, facts: extraFacts } = decide(evidence, stage, context);
  const redact = context.redact ?? createRedactor();
  const url = new URL(context.url);
  const tried = attemptsInWords(evidence.failure?.attempts ?? []);
  const facts: Record<string, string> = {
    host: url.host,
    url: `${url.origin}${url.pathname}`,
    ...(context.proxy && { proxy: context.proxy }),
    ...(context.proxySource && { proxySource: context.proxySource }),
    ...(context.proxyVariable && { variable: context.proxyVariable }),
    ...(context.limit && { limit: context.limit }),
    ...(tried && { tried }),
    ...extraFacts,
  };
  const raw = [...new Set(evidence.messages)].slice(0, 3).join(' <- ');
  // A transport-made code (VEZA_*) is an implementation detail; show the Node/undici one.
  const errorCode = evidence.codes.find((c) => !c.startsWith('VEZA_')) ?? evidence.codes[0];
  const chain = evidence.failure?.chain ?? [];
  return {
    code,
    stage,
    detail: {
      raw: redact(raw),
      ...(errorCode && { errorCode }),
      url: redact(facts.url ?? context.url),
      facts: Object.fromEntries(
        Object.entries(facts).map(([name, value]) => [name, redact(value)]),
      ),
    },
    ...(chain[0] && { peerCertificate: chain[0] }),
  };
}
