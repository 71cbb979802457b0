import type { ConnectAttempt } from './dial';

const outcomes: Record<string, string> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'cut the connection',
  ETIMEDOUT: 'did not answer',
  ENETUNREACH: 'could not be reached from this network',
  EHOSTUNREACH: 'could not be reached from this network',
  ENETDOWN: 'could not be reached from this network',
  EADDRNOTAVAIL: 'could not be reached from this network',
};

const kindOf = (attempt: ConnectAttempt) => (attempt.family === 6 ? 'IPv6' : 'IPv4');

/**
 * "It tried both of the name's addresses: 2001:db8::5 (IPv6) could not be reached from this
 * network; 192.0.2.10 (IPv4) did not answer." For a name with more than one address, so a failure says
 * which were tried and how each failed; nothing for a single address.
 */
export function attemptsInWords(attempts: readonly ConnectAttempt[]): string | undefined {
  if (attempts.length < 2) return undefined;
  const each = attempts
    .map(
      (a) =>
        `${a.address} (${kindOf(a)}) ${outcomes[a.error ?? 'ETIMEDOUT'] ?? `failed (${a.error})`}`,
    )
    .join('; ');
  const count = attempts.length === 2 ? 'both' : `all ${attempts.length}`;
  return `It tried ${count} of the name's addresses: ${each}.`;
}
