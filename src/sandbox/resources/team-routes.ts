import { z } from 'zod';
import { invalidArgument, notFound } from '../http/api-error';
import { list, one } from '../http/answer';
import type { Route } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { Team } from '../model/identity-types';
import { paginate } from '../paging/paginate';

export function teamWire(team: Team): Record<string, unknown> {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    created_at: team.createdAt.toISOString(),
  };
}

const newTeam = z.object({
  name: z.string().trim().min(1, 'name is required'),
  description: z.string().optional(),
});

export const teamRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/teams',
    access: 'read',
    handle: ({ state, query }) =>
      list(paginate([...state.identities.teams.values()].map(teamWire), query, state.settings)),
  },
  {
    method: 'POST',
    pattern: '/api/v1/teams',
    access: 'write',
    writeRoles: ['admin'],
    handle: async ({ state, readJson }) => {
      const body = validateBody(newTeam, await readJson());
      if (state.identities.teamNamed(body.name))
        throw invalidArgument([
          { field: 'name', description: 'Team with the same name already exists' },
        ]);
      return one(teamWire(state.identities.createTeam(body.name, body.description)));
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/teams/{id}',
    access: 'read',
    handle: ({ state, params }) => {
      const team = state.identities.teams.get(params.id ?? '');
      if (!team) throw notFound('team', params.id ?? '');
      return one(teamWire(team));
    },
  },
];
