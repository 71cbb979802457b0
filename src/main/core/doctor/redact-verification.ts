import type { VerificationResult } from '../../../shared/doctor/verification';
import type { Redactor } from '../transport';

function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]),
    ) as T;
  }
  return value;
}

/**
 * The last line of defence before a verdict leaves main: a server that echoes the request
 * (some gateways quote the Authorization header in their error text) cannot carry the key
 * into the window, the CLI's output or the saved profile.
 */
export function redactVerification(
  result: VerificationResult,
  redact: Redactor,
): VerificationResult {
  return redactDeep(result, redact);
}
