import type { VerificationResult } from '../../../shared/doctor/verification';
import type { Profile } from '../../../shared/profiles/profile';

/** The roles Veza lets manage team keys. */
const managing = ['admin', 'operator'];

export type KeyPowers =
  { canManage: 'unknown' } | { canManage: true } | { canManage: false; why: string };

/**
 * Whether this instance's key may create, revoke or delete team keys, from what is known
 * before trying: a team key never may; a personal key has its user's roles, known once a
 * Verify in this session said who it acts as.
 */
export function keyPowers(profile: Profile, verdict: VerificationResult | undefined): KeyPowers {
  if (profile.key?.kind === 'team')
    return { canManage: false, why: 'This instance’s key is a team key.' };
  const identity = verdict?.ok ? verdict.identity : undefined;
  if (!identity) return { canManage: 'unknown' };
  const roles = identity.roles.map((role) => role.toLowerCase());
  if (roles.some((role) => managing.includes(role))) return { canManage: true };
  const held = identity.roles.length > 0 ? identity.roles.join(', ') : 'no role';
  return {
    canManage: false,
    why: `This instance’s key acts as ${identity.name}, whose role (${held}) does not allow managing team keys; Veza lets only Admins and Operators do it.`,
  };
}
