import { z } from 'zod';
import { failedPrecondition, invalidArgument, notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { RoleName, User } from '../model/identity-types';
import { paginate } from '../paging/paginate';
import { roles } from './role-routes';

// Users and team deletion (developers/api/users-teams: Create User, Update User, Get User,
// Delete User, Delete Team) and access reviews (developers/api/workflows). A user is
// {name, email, team_roles[{team_id, role_id}]} as Create User's example gives it; the sandbox
// keeps one role list per user, so team_roles are the user's teams times its roles (Guess).
// Only admins manage users and delete teams (Guess, as for creating teams).

function userWire(user: User): Record<string, unknown> {
  const roleIds = user.roles.map((name) => roles.find((role) => role.name === name)?.id ?? name);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    team_roles: user.teamIds.flatMap((teamId) =>
      roleIds.map((roleId) => ({ team_id: teamId, role_id: roleId })),
    ),
  };
}

const teamRoles = z
  .array(z.object({ team_id: z.string().min(1), role_id: z.string().min(1) }))
  .optional();
const newUser = z.object({
  name: z.string().trim().min(1, 'name is required'),
  email: z.string().email('email must be an email address'),
  password: z.string().optional(),
  team_roles: teamRoles,
});
const userPatch = z.object({
  name: z.string().trim().min(1, 'name must not be empty').optional(),
  email: z.string().email('email must be an email address').optional(),
  team_roles: teamRoles,
});

/** Role names and teams from team_roles, refusing unknown ones. */
function fromTeamRoles(context: RouteContext, value: { team_id: string; role_id: string }[]) {
  const roleNames = new Set<RoleName>();
  const teamIds = new Set<string>();
  for (const entry of value) {
    const role = roles.find(
      (candidate) => candidate.id === entry.role_id || candidate.name === entry.role_id,
    );
    if (!role)
      throw invalidArgument([
        { field: 'team_roles.role_id', description: `No role ${entry.role_id}` },
      ]);
    if (!context.state.identities.teams.has(entry.team_id))
      throw invalidArgument([
        { field: 'team_roles.team_id', description: `No team ${entry.team_id}` },
      ]);
    roleNames.add(role.name as RoleName);
    teamIds.add(entry.team_id);
  }
  return { roles: [...roleNames], teamIds: [...teamIds] };
}

function userOf({ state, params }: RouteContext): User {
  const user = state.identities.users.get(params.id ?? '');
  if (!user || user.removedAt) throw notFound('user', params.id ?? '');
  return user;
}

// Made-up access reviews (developers/api/workflows: List Workflows, List Certifications with
// {values, has_more, total_result_count}, List Certification Results by offset and size).
const workflows = [
  { id: 'b9dc2586-5f30-4462-b6be-53f62debc40f', name: 'Quarterly Okta access review' },
  { id: '17ce79c7-a2e6-4baf-87ff-f386764c9659', name: 'Snowflake admin review' },
];
const certifications = workflows.map((workflow, index) => ({
  certification_id: `b2562ef3-a4b3-4b30-8a45-1ba36f945d1${index}`,
  workflow_id: workflow.id,
  name: `${workflow.name}, this quarter`,
  state: 'IN_PROGRESS',
}));

export const userAdminRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/v1/users',
    access: 'write',
    writeRoles: ['admin'],
    handle: async (context) => {
      const body = validateBody(newUser, await context.readJson());
      if (
        [...context.state.identities.users.values()].some(
          (user) => !user.removedAt && user.email === body.email,
        )
      )
        throw invalidArgument([
          { field: 'email', description: 'User with the same email already exists' },
        ]);
      const assigned = fromTeamRoles(context, body.team_roles ?? []);
      const user = context.state.identities.createUser({
        name: body.name,
        email: body.email,
        roles: assigned.roles,
        teamIds: assigned.teamIds,
      });
      return one(userWire(user));
    },
  },
  {
    // "Get User" is on Veza's team-key list (developers/api/users-teams/team-api-keys), and
    // Get User is this call ("You can use \"self\" instead of an ID", developers/api/users-teams).
    method: 'GET',
    pattern: '/api/v1/users/{id}',
    access: 'read',
    teamKey: true,
    handle: (context) => one(userWire(userOf(context))),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/users/{id}',
    access: 'write',
    writeRoles: ['admin'],
    handle: async (context) => {
      const user = userOf(context);
      const body = validateBody(userPatch, await context.readJson());
      if (body.name !== undefined) user.name = body.name;
      if (body.email !== undefined) user.email = body.email;
      if (body.team_roles !== undefined) {
        const assigned = fromTeamRoles(context, body.team_roles);
        user.roles = assigned.roles;
        for (const teamId of user.teamIds.filter((id) => !assigned.teamIds.includes(id)))
          context.state.identities.removeUserFromTeam(user.id, teamId);
        for (const teamId of assigned.teamIds)
          context.state.identities.addUserToTeam(user.id, teamId);
      }
      return one(userWire(user));
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/users/{id}',
    access: 'write',
    writeRoles: ['admin'],
    handle: (context) => {
      context.state.identities.removeUserFromPlatform(userOf(context).id);
      return empty();
    },
  },
  {
    // "Deletes a team. Its team API keys stop working." Guess: the root team cannot go.
    method: 'DELETE',
    pattern: '/api/v1/teams/{id}',
    access: 'write',
    writeRoles: ['admin'],
    handle: (context) => {
      const { identities } = context.state;
      const team = identities.teams.get(context.params.id ?? '');
      if (!team) throw notFound('team', context.params.id ?? '');
      if (team.isRoot)
        throw failedPrecondition(
          'The root team cannot be deleted',
          'Delete another team, or keep this one.',
        );
      for (const user of identities.users.values())
        if (user.teamIds.includes(team.id)) identities.removeUserFromTeam(user.id, team.id);
      for (const record of identities.liveKeys())
        if (record.kind === 'team' && record.teamId === team.id) identities.deleteKey(record.id);
      identities.teams.delete(team.id);
      return empty();
    },
  },
  {
    method: 'GET',
    pattern: '/api/preview/awf/workflows',
    access: 'read',
    handle: ({ state, query }) => list(paginate(workflows, query, state.settings)),
  },
  {
    method: 'GET',
    pattern: '/api/preview/awf/certifications',
    access: 'read',
    handle: ({ query }) => {
      const workflowId = query.get('workflow_id');
      if (!workflowId)
        throw invalidArgument([{ field: 'workflow_id', description: 'workflow_id is required' }]);
      const values = certifications.filter(
        (certification) => certification.workflow_id === workflowId,
      );
      return { body: { values, has_more: false, total_result_count: values.length } };
    },
  },
  {
    method: 'GET',
    pattern: '/api/preview/awf/certifications/{id}/results',
    access: 'read',
    handle: (context) => {
      const certification = certifications.find(
        (candidate) => candidate.certification_id === context.params.id,
      );
      if (!certification) throw notFound('certification', context.params.id ?? '');
      const offset = Number(context.query.get('offset') ?? 0);
      const size = Number(context.query.get('size') ?? 30);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(size) || size < 1)
        throw invalidArgument([
          { field: 'offset', description: 'offset and size must be whole numbers' },
        ]);
      const rows = context.state.catalog.nodes.slice(0, 75).map((node, index) => ({
        result_id: index,
        source: { id: node.id, type: node.type, ...node.properties },
        decision: 'RESULT_DECISION_NONE',
        notes: '',
      }));
      const values = rows.slice(offset, offset + size);
      return {
        body: { values, has_more: offset + size < rows.length, total_result_count: rows.length },
      };
    },
  },
];
