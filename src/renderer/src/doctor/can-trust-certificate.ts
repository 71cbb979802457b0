import type { VerificationResult } from '../../../shared/doctor/verification';

/** "Trust this certificate" is offered only when the secure connection failed on a certificate. */
export function canTrustCertificate(result: VerificationResult): boolean {
  return (
    !result.ok &&
    result.certificate !== undefined &&
    result.steps.some((step) => step.id === 'tls' && step.status === 'failed')
  );
}
