import { z } from 'zod';
import { isRootAdmin, type Principal } from '../auth/principal';
import { invalidArgument, notFound, permissionDenied } from '../http/api-error';
import { empty, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { ApiKeyRecord } from '../model/identity-types';
import { parseFilter } from '../paging/list-filter';
import { tokenOnlyPage } from '../paging/paginate';
import type { SandboxSettings } from '../sandbox-settings';

// Team API keys (developers/api/users-teams/team-api-keys). Created only by admins and
// operators (seed); the key text shown once, on create. The list has no has_more (its schema
// and example: {values, next_page_token}) and takes `filter=team_id eq "..."`; with a key of
// a non-root team the team_id filter is applied automatically, and only root-team admins see
// every team's keys. DELETE answers the key as {"value": ...}; revoke and reinstate answer {}.
// There is no documented GET by id: it exists only with settings.teamKeyGetById.

type State = RouteContext['state'];

function statusOf(record: ApiKeyRecord, settings: SandboxSettings): string | number {
  if (settings.teamKeyStatusFormat === 'string') return record.status;
  // The OpenAPI rendering's enum numbers. Guess: 1 = ACTIVE, 2 = INACTIVE.
  return record.status === 'ACTIVE' ? 1 : 2;
}

/** Creator fields: none are documented (see settings.teamKeyCreator for the guesses). */
function creatorOf(state: State, record: ApiKeyRecord): Record<string, unknown> {
  switch (state.settings.teamKeyCreator) {
    case 'none':
      return {};
    case 'id':
      return { created_by: record.userId };
    case 'named': {
      const user = state.identities.users.get(record.userId);
      return {
        created_by_name: user?.name ?? '',
        created_by_email: user?.email ?? '',
        user_id: record.userId,
      };
    }
  }
}

/** A key as Veza's list item shows it: the documented fields, access_key always "". */
export function teamKeyWire(state: State, record: ApiKeyRecord): Record<string, unknown> {
  return {
    id: record.id,
    access_key: '',
    name: record.name,
    created_at: record.createdAt.toISOString(),
    last_access_at: (record.lastAccessAt ?? record.createdAt).toISOString(),
    status: statusOf(record, state.settings),
    team_id: record.teamId,
    team_name: state.identities.teams.get(record.teamId)?.name ?? '',
    ...creatorOf(state, record),
  };
}

const newKey = z.object({
  name: z.string().trim().min(1, 'name is required'),
  team_id: z.string().min(1, 'team_id is required'),
});
const rename = z.object({ name: z.string().trim().min(1, 'name must not be empty') });

function visibleTeamKeys(principal: Principal, keys: ApiKeyRecord[]): ApiKeyRecord[] {
  return keys.filter(
    (record) =>
      record.kind === 'team' && (isRootAdmin(principal) || record.teamId === principal.team.id),
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
    handle: ({ state, query, principal }) => {
      let keys = visibleTeamKeys(principal, state.identities.liveKeys());
      const filter = query.get('filter')?.trim();
      if (filter)
        for (const clause of parseFilter(filter, ['team_id']))
          keys = keys.filter((record) =>
            clause.operator === 'eq'
              ? record.teamId === clause.value
              : record.teamId !== clause.value,
          );
      return {
        body: tokenOnlyPage(
          keys.map((record) => teamKeyWire(state, record)),
          query,
          state.settings,
        ),
      };
    },
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
      if (!isRootAdmin(principal) && !principal.user.teamIds.includes(team.id))
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
      return one({ ...teamKeyWire(state, record), access_key: created.key });
    },
  },
  {
    method: 'GET',
    pattern: '/api/preview/teamkeys/{id}',
    access: 'read',
    enabled: (state) => state.settings.teamKeyGetById,
    handle: (context) => one(teamKeyWire(context.state, teamKeyOf(context))),
  },
  {
    method: 'PATCH',
    pattern: '/api/preview/teamkeys/{id}',
    access: 'write',
    handle: async (context) => {
      const record = teamKeyOf(context);
      const body = validateBody(rename, await context.readJson());
      return one(
        teamKeyWire(context.state, context.state.identities.renameKey(record.id, body.name)),
      );
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/preview/teamkeys/{id}',
    access: 'write',
    handle: (context) => {
      const record = teamKeyOf(context);
      const wire = teamKeyWire(context.state, record);
      context.state.identities.deleteKey(record.id);
      return one(wire);
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
