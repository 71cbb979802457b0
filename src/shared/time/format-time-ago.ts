const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then the date: how the
 * sidebar says when an instance was last verified. A time in the future (a clock that moved
 * back) reads as "just now" rather than as a negative age.
 */
export function formatTimeAgo(iso: string, now: Date): string {
  const at = new Date(iso);
  const age = now.getTime() - at.getTime();
  if (Number.isNaN(age)) return 'at an unknown time';
  if (age < minute) return 'just now';
  if (age < hour) return plural(Math.floor(age / minute), 'minute');
  if (age < day) return plural(Math.floor(age / hour), 'hour');
  if (age < 2 * day) return 'yesterday';
  if (age < 7 * day) return plural(Math.floor(age / day), 'day');
  return `on ${at.toISOString().slice(0, 10)}`;
}
