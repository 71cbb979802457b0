import type { CertificateSummary } from '../tls/certificate-summary';
import type { ConnectAttempt } from './dial';

/** Where a connection attempt was when it failed: the doctor reports the same steps. */
export type TransportStage = 'proxy' | 'dns' | 'tcp' | 'tls' | 'http';

/**
 * A failure while opening a connection, with the stage it happened in and what was seen of
 * the server's certificate. undici hands connector errors to the request unchanged, so this
 * reaches the classifier intact.
 */
export class ConnectFailure extends Error {
  readonly stage: TransportStage;
  /** The server's chain as sent, leaf first (TLS failures). */
  readonly chain: CertificateSummary[];
  /** The proxy's answer to CONNECT, when it refused. */
  readonly proxyResponse?: ProxyResponse;
  /** The server's addresses tried and how each failed (a failed tcp stage of a direct route). */
  readonly attempts: ConnectAttempt[];
  constructor(
    stage: TransportStage,
    cause: unknown,
    extras: {
      chain?: CertificateSummary[];
      proxyResponse?: ProxyResponse;
      attempts?: ConnectAttempt[];
    } = {},
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ConnectFailure';
    this.stage = stage;
    this.chain = extras.chain ?? [];
    this.proxyResponse = extras.proxyResponse;
    this.attempts = extras.attempts ?? [];
  }
}

/** A proxy's non-success answer: its status and the sign-in methods it offers. */
export interface ProxyResponse {
  status: number;
  /** Proxy-Authenticate values, e.g. ["NTLM", "Negotiate"] or ['Basic realm="corp"']. */
  authenticate: string[];
}

/** An error carrying a Node-style code, for the failures the transport itself detects. */
export function codedError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}
