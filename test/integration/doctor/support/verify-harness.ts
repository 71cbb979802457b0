import { expect } from 'vitest';
import {
  verify,
  type VerifyDeps,
  type VerifyTarget,
} from '../../../../src/main/core/doctor/verify';
import {
  verificationStepIds,
  type VerificationResult,
  type VerificationStepId,
} from '../../../../src/shared/doctor/verification';
import type { ProblemCode } from '../../../../src/shared/problems/problem-codes';
import { loopbackTransport } from './loopback-transport';

export { loopbackTransport };

/** verify() with a fixed key and the loopback transport unless the test says otherwise. */
export function runVerify(
  target: Partial<VerifyTarget> & { address: string; key?: string },
  deps: Partial<VerifyDeps> = {},
): Promise<VerificationResult> {
  const { key, ...rest } = target;
  return verify(
    { readKey: async () => key, ...rest },
    { openTransport: loopbackTransport(), ...deps },
  );
}

export const statusOf = (result: VerificationResult) =>
  Object.fromEntries(result.steps.map((step) => [step.id, step.status]));

// Words a fix step would use to send the user around certificate checking.
const certificateChecksOff =
  /(turn|switch|set)\w*\s+(certificate|ssl|tls)[^.]*\boff\b|disabl\w*\s+(certificate|ssl|tls|verification)|(ignore|skip|bypass)\w*\s+(the\s+)?(certificate|ssl|tls)|--insecure|\bcurl -k\b|VEZA_UNSAFE_HTTPS|NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized|verify\s*=\s*false/i;

/** No step of this advice tells the user to stop checking certificates. */
export function expectNoCertificateBypass(result: VerificationResult): void {
  const texts = [result.problem?.explanation ?? '', ...(result.problem?.fix ?? [])];
  for (const text of texts) expect(text).not.toMatch(certificateChecksOff);
}

/**
 * The verdict failed with `code` at `step`: every step before it passed (or was not needed,
 * like the proxy on a direct route), every step after it was skipped, and no advice turns
 * certificate checks off.
 */
export function expectFailedAt(
  result: VerificationResult,
  step: VerificationStepId,
  code: ProblemCode,
): void {
  expect(result.ok, JSON.stringify(result.problem)).toBe(false);
  expect(result.problem?.code, JSON.stringify(result.problem?.detail)).toBe(code);
  expect(result.outcome).toBe(code);
  const index = verificationStepIds.indexOf(step);
  const statuses = statusOf(result);
  const expected = verificationStepIds.map((id, position) => {
    if (position > index) return [id, 'skipped'];
    if (position === index) return [id, 'failed'];
    // Before the failure everything passed, except a proxy on a direct route and TLS on a
    // plain-http loopback address, which were not needed.
    if ((id === 'proxy' || id === 'tls') && statuses[id] === 'skipped') return [id, 'skipped'];
    return [id, 'passed'];
  });
  expect(verificationStepIds.map((id) => [id, statuses[id]])).toEqual(expected);
  expectNoCertificateBypass(result);
}
