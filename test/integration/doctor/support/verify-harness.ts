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
import { recordProducedCode } from '../../../support/produced-codes';
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
  ).then((result) => {
    recordProducedCode(result.outcome);
    return result;
  });
}

export const statusOf = (result: VerificationResult) =>
  Object.fromEntries(result.steps.map((step) => [step.id, step.status]));

// Words a fix step would use to send the user around certificate checking.
export const certificateChecksOff = new RegExp(
  [
    String.raw`\b(turn|switch|set)\w*\s+off\b[^.]*\b(certificate|ssl|tls|verif)`,
    String.raw`\b(turn|switch|set)\w*\s+(the\s+)?(certificate|ssl|tls)[^.]*\boff\b`,
    String.raw`\b(disabl|deactivat)\w*\s+[^.]*\b(certificate|ssl|tls|verification)`,
    String.raw`\b(ignor|skip|bypass)\w*\s+(the\s+)?(certificate|ssl|tls)\s+(check|error|verif|warning)`,
    String.raw`--insecure|\bcurl -k\b|VEZA_UNSAFE_HTTPS|NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized|verify\s*=\s*false`,
  ].join('|'),
  'i',
);

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
  // A verdict from a child process is not seen by runVerify().
  recordProducedCode(code);
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
