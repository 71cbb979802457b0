import { list } from '../http/answer';
import type { Route } from '../http/route-table';
import { paginate } from '../paging/paginate';

// Veza's built-in roles as the sandbox models them (the real list is longer). Role ids are
// UUIDs (developers/api/users-teams: Create User's `team_roles[{team_id, role_id}]`); these are
// fixed, so they are the same on every sandbox. Root team roles: admin, operator,
// access_reviewer; other teams: operator, viewer (administration/administration/users).
export const roles = [
  {
    id: '6f1c2a4e-3b5d-4c7e-9a1b-2c3d4e5f6a01',
    name: 'admin',
    description: 'Full access, including users, teams and integrations',
  },
  {
    id: '6f1c2a4e-3b5d-4c7e-9a1b-2c3d4e5f6a02',
    name: 'operator',
    description: 'Manages integrations and queries; no user management',
  },
  { id: '6f1c2a4e-3b5d-4c7e-9a1b-2c3d4e5f6a03', name: 'viewer', description: 'Read-only access' },
  {
    id: '6f1c2a4e-3b5d-4c7e-9a1b-2c3d4e5f6a04',
    name: 'access_reviewer',
    description: 'Takes part in access reviews',
  },
  {
    id: '6f1c2a4e-3b5d-4c7e-9a1b-2c3d4e5f6a05',
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
