import { z } from 'zod';
import { invalidArgument, notFound } from '../http/api-error';
import { list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { Team } from '../model/identity-types';
import { paginate } from '../paging/paginate';

// Teams (developers/api/users-teams): the team object is {id, name, policy_type, providers,
// created_at, updated_at, description, user_count, sso_alias}. PUT replaces the whole team,
// PATCH changes some fields. Guess: only admins change teams, as only they create them.

export function teamWire(state: RouteContext['state'], team: Team): Record<string, unknown> {
  const providers = state.catalog.providers.filter((provider) =>
    team.providerIds.includes(provider.id),
  );
  return {
    id: team.id,
    name: team.name,
    policy_type: team.policyType,
    providers: providers.map((provider) => ({
      id: provider.id,
      name: provider.name,
      type: provider.type,
    })),
    created_at: team.createdAt.toISOString(),
    updated_at: team.updatedAt.toISOString(),
    description: team.description,
    user_count: [...state.identities.users.values()].filter(
      (user) => !user.removedAt && user.teamIds.includes(team.id),
    ).length,
    sso_alias: team.ssoAlias,
  };
}

const teamFields = {
  description: z.string().optional(),
  policy_type: z.enum(['UNBOUND', 'PROVIDER_ID_SET']).optional(),
  providers: z.array(z.object({ id: z.string().min(1, 'provider id is required') })).optional(),
  sso_alias: z.string().optional(),
};
const newTeam = z.object({ name: z.string().trim().min(1, 'name is required'), ...teamFields });
const teamPatch = z.object({
  name: z.string().trim().min(1, 'name must not be empty').optional(),
  ...teamFields,
});

function teamOf({ state, params }: RouteContext): Team {
  const team = state.identities.teams.get(params.id ?? '');
  if (!team) throw notFound('team', params.id ?? '');
  return team;
}

function refuseDuplicate(context: RouteContext, name: string, self?: Team): void {
  const existing = context.state.identities.teamNamed(name);
  if (existing && existing !== self)
    throw invalidArgument([
      { field: 'name', description: 'Team with the same name already exists' },
    ]);
}

function update(replace: boolean) {
  return async (context: RouteContext) => {
    const team = teamOf(context);
    const body = validateBody(replace ? newTeam : teamPatch, await context.readJson());
    if (body.name !== undefined) {
      refuseDuplicate(context, body.name, team);
      team.name = body.name;
    }
    if (replace || body.description !== undefined) team.description = body.description ?? '';
    if (replace || body.sso_alias !== undefined) team.ssoAlias = body.sso_alias ?? '';
    if (body.providers !== undefined || replace)
      team.providerIds = (body.providers ?? []).map((provider) => provider.id);
    if (body.policy_type !== undefined || replace)
      team.policyType =
        body.policy_type ?? (team.providerIds.length ? 'PROVIDER_ID_SET' : 'UNBOUND');
    team.updatedAt = context.state.clock.now();
    return one(teamWire(context.state, team));
  };
}

export const teamRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/teams',
    access: 'read',
    handle: ({ state, query }) =>
      list(
        paginate(
          [...state.identities.teams.values()].map((team) => teamWire(state, team)),
          query,
          state.settings,
        ),
      ),
  },
  {
    method: 'POST',
    pattern: '/api/v1/teams',
    access: 'write',
    writeRoles: ['admin'],
    handle: async (context) => {
      const body = validateBody(newTeam, await context.readJson());
      refuseDuplicate(context, body.name);
      const providerIds = body.providers?.map((provider) => provider.id);
      const team = context.state.identities.createTeam(body.name, body.description, {
        providerIds: body.policy_type === 'UNBOUND' ? undefined : providerIds,
      });
      team.ssoAlias = body.sso_alias ?? '';
      return one(teamWire(context.state, team));
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/teams/{id}',
    access: 'read',
    handle: (context) => one(teamWire(context.state, teamOf(context))),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/teams/{id}',
    access: 'write',
    writeRoles: ['admin'],
    handle: update(true),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/teams/{id}',
    access: 'write',
    writeRoles: ['admin'],
    handle: update(false),
  },
];
