const dayMs = 24 * 60 * 60 * 1000;

/** Whole days since an ISO instant (0 for the future or an unreadable date). */
export function ageInDays(iso: string, now: Date): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((now.getTime() - at) / dayMs));
}

/** Whether a key saved or created at `iso` is older than the user's rotation reminder. */
export function isDueForRotation(
  iso: string | undefined,
  now: Date,
  reminderDays: number,
): boolean {
  return iso !== undefined && ageInDays(iso, now) >= reminderDays;
}

/** "today", "1 day ago", "120 days ago". */
export function describeAge(iso: string, now: Date): string {
  const days = ageInDays(iso, now);
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
