import { list } from '../http/answer';
import type { Route } from '../http/route-table';
import { paginate } from '../paging/paginate';

// Veza's built-in roles as the sandbox models them (the real list is longer).
const roles = [
  {
    id: 'admin',
    name: 'admin',
    description: 'Full access, including users, teams and integrations',
  },
  {
    id: 'operator',
    name: 'operator',
    description: 'Manages integrations and queries; no user management',
  },
  { id: 'viewer', name: 'viewer', description: 'Read-only access' },
  { id: 'access_reviewer', name: 'access_reviewer', description: 'Takes part in access reviews' },
  {
    id: 'oaa_push',
    name: 'oaa_push',
    description: 'Team API keys: OAA data source operations only',
  },
];

export const roleRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/roles',
    access: 'read',
    handle: ({ state, query }) => list(paginate(roles, query, state.settings)),
  },
];
