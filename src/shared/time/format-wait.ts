const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * A wait a server asked for (Retry-After), as people say it: "7 seconds", "about 2 minutes",
 * "about 3 hours", "about 2 days". Rounded to the nearest unit; exact minutes and hours lose
 * the "about".
 */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  if (whole < 90) return plural(whole, 'second');
  const about = (value: number, unit: string) =>
    `${Number.isInteger(value) ? '' : 'about '}${plural(Math.round(value), unit)}`;
  if (whole < 3600) return about(whole / 60, 'minute');
  if (whole < 36 * 3600) return about(whole / 3600, 'hour');
  return about(whole / 86_400, 'day');
}
