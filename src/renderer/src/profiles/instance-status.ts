import type { Profile } from '../../../shared/profiles/profile';

export type InstanceStatus = 'no-key' | 'works' | 'problem' | 'unverified';

/** What the sidebar says about an instance, from what main saved about it. */
export function instanceStatus(profile: Profile): { status: InstanceStatus; label: string } {
  if (!profile.key) return { status: 'no-key', label: 'No API key' };
  const last = profile.lastVerification;
  if (!last) return { status: 'unverified', label: 'Not verified yet' };
  return last.ok
    ? { status: 'works', label: 'Works' }
    : { status: 'problem', label: `Problem: ${last.summary || last.code}` };
}
