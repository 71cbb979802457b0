const day = 86_400_000;

export type ClockVerdict = 'wrong' | 'right' | 'unknown';

/**
 * Firefox's rule for a certificate that looks expired or not yet valid: this computer's clock
 * is wrong when it is more than a day off the server's and the certificate would be valid at
 * the server's time; it is right when it is within a day (the certificate itself is out of
 * date). Anything else (no server time, both off) is unknown.
 */
export function judgeClock(
  local: Date,
  server: Date | undefined,
  validity: { validFrom?: string; validTo?: string },
): ClockVerdict {
  if (!server) return 'unknown';
  const skew = Math.abs(local.getTime() - server.getTime());
  if (skew <= day) return 'right';
  const from = Date.parse(validity.validFrom ?? '');
  const to = Date.parse(validity.validTo ?? '');
  if (Number.isNaN(from) || Number.isNaN(to)) return 'unknown';
  return server.getTime() >= from && server.getTime() <= to ? 'wrong' : 'unknown';
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** How far this computer's clock is off, in words: "about 2 years ahead", "3 days behind". */
export function formatClockDifference(local: Date, server: Date): string {
  const difference = local.getTime() - server.getTime();
  const days = Math.abs(difference) / day;
  const amount =
    days < 2
      ? plural(Math.round(days * 24), 'hour')
      : days < 60
        ? plural(Math.round(days), 'day')
        : days < 335
          ? `about ${plural(Math.round(days / 30.44), 'month')}`
          : `about ${plural(Math.round(days / 365.25), 'year')}`;
  return `${amount} ${difference > 0 ? 'ahead' : 'behind'}`;
}
