import type { ApiKeyRecord, RoleName, Team, User } from '../model/identity-types';

/** Who a request acts as, once its key was accepted. */
export type Principal =
  | { kind: 'personal'; key: ApiKeyRecord; user: User; team: Team; roles: RoleName[] }
  | { kind: 'team'; key: ApiKeyRecord; team: Team };

// administration/administration/users: the root team has administrator, operator and access
// reviewer; other teams only operator or viewer.
const rootTeamRoles: readonly RoleName[] = ['admin', 'operator', 'access_reviewer'];
const otherTeamRoles: readonly RoleName[] = ['operator', 'viewer'];

/**
 * The roles a user acts with in one team. The sandbox keeps one role list per user (its
 * control API predates teams' roles); in a team that does not allow a role, the role is
 * dropped, except that an admin acts as operator in a non-root team. Guess: Veza keeps roles
 * per team (`team_roles` in Create User), which this approximates.
 */
export function rolesInTeam(user: User, team: Team): RoleName[] {
  const allowed = team.isRoot ? rootTeamRoles : otherTeamRoles;
  const mapped = user.roles.map((role) =>
    !team.isRoot && role === 'admin' ? ('operator' as const) : role,
  );
  return [...new Set(mapped.filter((role) => allowed.includes(role)))];
}

/** A root-team admin: the only caller who sees every team's keys (team-api-keys). */
export function isRootAdmin(principal: Principal): boolean {
  return (
    principal.kind === 'personal' && principal.team.isRoot && principal.roles.includes('admin')
  );
}
