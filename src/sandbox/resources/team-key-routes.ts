import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { invalidArgument, notFound, permissionDenied } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { ApiKeyRecord } from '../model/identity-types';
import { paginate } from '../paging/paginate';

// Team API keys (preview API). Per Veza's docs (seed): visible to all team members, created
// only by Admins and Operators, the key text shown once on create and never again. Which keys
// a non-admin sees is our guess: those of the team their personal key is scoped to.

// The fields follow Veza's documented list item (docs.veza.com, developers/api/users-teams/
// team-api-keys): id, name, created_at, status, team_id, team_name (and access_key "" and
// last_access_at, left out here). `created_by` is NOT in Veza's docs: a guess at a field a Veza
// version might send, kept so the app's "Created by" path runs end to end; the app copes
// without it, as the documented answer has none.
export function teamKeyWire(record: ApiKeyRecord, teamName?: string): Record<string, unknown> {
  return {
    id: record.id,
    name: record.name,
    team_id: record.teamId,
    ...(teamName !== undefined ? { team_name: teamName } : {}),
    status: record.status,
    created_at: record.createdAt.toISOString(),
    created_by: record.userId,
  };
}

/** A key as the list shows it, with its team's name (as Veza's list items carry it). */
const wireOf = (state: RouteContext['state'], record: ApiKeyRecord) =>
  teamKeyWire(record, state.identities.teams.get(record.teamId)?.name);

const newKey = z.object({
  name: z.string().trim().min(1, 'name is required'),
  team_id: z.string().min(1, 'team_id is required'),
});
const rename = z.object({ name: z.string().trim().min(1, 'name must not be empty') });

function isAdmin(principal: Principal): boolean {
  return principal.kind === 'personal' && principal.user.roles.includes('admin');
}

function visibleTeamKeys(principal: Principal, keys: ApiKeyRecord[]): ApiKeyRecord[] {
  return keys.filter(
    (record) =>
      record.kind === 'team' && (isAdmin(principal) || record.teamId === principal.team.id),
  );
}

/** A live team key the caller may see; others are NotFound, so ids do not leak. */
function teamKeyOf({ state, params, principal }: RouteContext): ApiKeyRecord {
  const found = visibleTeamKeys(principal, state.identities.liveKeys()).find(
    (record) => record.id === params.id,
  );
  if (!found) throw notFound('team API key', params.id ?? '');
  return found;
}

function setStatus(status: 'ACTIVE' | 'INACTIVE') {
  return (context: RouteContext) => {
    context.state.identities.setKeyStatus(teamKeyOf(context).id, status);
    return empty();
  };
}

export const teamKeyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/preview/teamkeys',
    access: 'read',
    handle: ({ state, query, principal }) =>
      list(
        paginate(
          visibleTeamKeys(principal, state.identities.liveKeys()).map((record) =>
            wireOf(state, record),
          ),
          query,
          state.settings,
        ),
      ),
  },
  {
    method: 'POST',
    pattern: '/api/preview/teamkeys',
    access: 'write',
    handle: async ({ state, principal, readJson }) => {
      const body = validateBody(newKey, await readJson());
      const team = state.identities.teams.get(body.team_id);
      if (!team) throw invalidArgument([{ field: 'team_id', description: 'No team with this id' }]);
      if (principal.kind !== 'personal')
        throw new Error('unreachable: team keys cannot create keys');
      if (!isAdmin(principal) && !principal.user.teamIds.includes(team.id))
        throw permissionDenied(
          403,
          'NOT_A_TEAM_MEMBER',
          `You are not a member of the team "${team.name}".`,
          'Ask an administrator to add you to the team, or create the key for one of your teams.',
        );
      const created = state.identities.createKey('team', {
        userId: principal.user.id,
        teamId: team.id,
        name: body.name,
      });
      const record = state.identities.liveKey(created.id);
      return one({ ...wireOf(state, record), access_key: created.key });
    },
  },
  {
    method: 'GET',
    pattern: '/api/preview/teamkeys/{id}',
    access: 'read',
    handle: (context) => one(wireOf(context.state, teamKeyOf(context))),
  },
  {
    method: 'PATCH',
    pattern: '/api/preview/teamkeys/{id}',
    access: 'write',
    handle: async (context) => {
      const record = teamKeyOf(context);
      const body = validateBody(rename, await context.readJson());
      return one(wireOf(context.state, context.state.identities.renameKey(record.id, body.name)));
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/preview/teamkeys/{id}',
    access: 'write',
    handle: (context) => {
      context.state.identities.deleteKey(teamKeyOf(context).id);
      return empty();
    },
  },
  {
    method: 'POST',
    pattern: '/api/preview/teamkeys/{id}:revoke',
    access: 'write',
    handle: setStatus('INACTIVE'),
  },
  {
    method: 'POST',
    pattern: '/api/preview/teamkeys/{id}:reinstate',
    access: 'write',
    handle: setStatus('ACTIVE'),
  },
];
