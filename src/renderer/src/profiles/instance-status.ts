import type { Profile } from '../../../shared/profiles/profile';
import { formatTimeAgo } from '../../../shared/time/format-time-ago';

export type InstanceStatus = 'no-key' | 'works' | 'problem' | 'unverified' | 'checking';

/**
 * What the sidebar says about an instance, from what main saved about it (the doctor's last
 * verdict survives restarts) and whether a check is running now.
 */
export function instanceStatus(
  profile: Profile,
  now: Date,
  checking = false,
): { status: InstanceStatus; label: string } {
  if (checking) return { status: 'checking', label: 'Checking…' };
  if (!profile.key) return { status: 'no-key', label: 'No API key' };
  const last = profile.lastVerification;
  if (!last) return { status: 'unverified', label: 'Not verified yet' };
  const when = `verified ${formatTimeAgo(last.at, now)}`;
  return last.ok
    ? { status: 'works', label: `Works · ${when}` }
    : { status: 'problem', label: `Problem: ${last.summary || last.code} · ${when}` };
}
