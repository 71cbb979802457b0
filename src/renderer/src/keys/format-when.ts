import { describeAge } from '../../../shared/keys/key-age';

/** "4 Mar 2025 (120 days ago)": the date people read, and the age the reminder is about. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return `${date} (${describeAge(iso, now)})`;
}
