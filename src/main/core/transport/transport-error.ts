import type { Problem } from '../../../shared/problems/problem';
import { makeProblem } from '../../../shared/problems/make-problem';
import { ProblemError } from '../problem-error';
import type { ClassifiedFailure } from './classify-network-error';
import type { TransportStage } from './connect/connect-failure';
import type { CertificateSummary } from './tls/certificate-summary';

/**
 * A failed send: the Problem (already redacted) plus what the doctor and the UI need beyond
 * it: the stage that failed and, for certificate failures, the server's certificate so the
 * user can compare its fingerprint before choosing "Trust this certificate".
 */
export class TransportError extends ProblemError {
  readonly stage: TransportStage;
  readonly peerCertificate?: CertificateSummary;
  /** "direct" or "proxy http://host:port". */
  readonly route?: string;

  constructor(
    problem: Problem,
    stage: TransportStage,
    extras: { peerCertificate?: CertificateSummary; route?: string } = {},
  ) {
    super(problem);
    this.name = 'TransportError';
    this.stage = stage;
    this.peerCertificate = extras.peerCertificate;
    this.route = extras.route;
  }

  /** Wraps a Problem raised before or around the network (bad CA file, redirect loop...). */
  static fromProblem(error: ProblemError, route?: string): TransportError {
    if (error instanceof TransportError) return error;
    return new TransportError(error.problem, stageOfCode(error.problem.code), { route });
  }

  static from(failure: ClassifiedFailure, route?: string): TransportError {
    return new TransportError(makeProblem(failure.code, failure.detail), failure.stage, {
      peerCertificate: failure.peerCertificate,
      route,
    });
  }
}

function stageOfCode(code: string): TransportStage {
  if (code.startsWith('PROXY_')) return 'proxy';
  if (code.startsWith('DNS_')) return 'dns';
  if (code.startsWith('TCP_') || code === 'NETWORK_UNREACHABLE') return 'tcp';
  if (code.startsWith('TLS_') || code === 'CA_FILE_INVALID') return 'tls';
  return 'http';
}
