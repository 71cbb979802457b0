import type { Principal } from '../auth/principal';
import { one } from '../http/answer';
import type { Route } from '../http/route-table';

// GET /api/v1/users/self: who the key acts as. Allowed for both kinds of key ("get user").
// Veza does not document the shape; this is our guess: the user (or, for a team key, the key's
// own identity with role oaa_push), the key's team, and which key was used.
export function selfIdentity(principal: Principal): Record<string, unknown> {
  const team = { id: principal.team.id, name: principal.team.name };
  const apiKey = {
    id: principal.key.id,
    name: principal.key.name,
    type: principal.kind === 'team' ? 'TEAM' : 'PERSONAL',
  };
  if (principal.kind === 'team')
    return {
      id: principal.key.id,
      name: principal.key.name,
      email: '',
      roles: ['oaa_push'],
      team,
      api_key: apiKey,
    };
  const { user } = principal;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: principal.roles,
    team,
    api_key: apiKey,
  };
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/users/self',
    access: 'read',
    teamKey: true,
    handle: ({ principal }) => one(selfIdentity(principal)),
  },
];
