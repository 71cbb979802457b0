import type { EndpointParam, VezaEndpoint } from './endpoint';

/**
 * Every call of ../shared/veza-api.md as data, checked against Veza's published docs (paths
 * under docs.veza.com/4yItIzMvkpAvMVFAamTf/developers/api/). Team-key permissions follow
 * Veza's documented list exactly (users-teams/team-api-keys): list custom provider templates,
 * list custom providers, create / get / delete / list their data sources, push a data source,
 * push CSV, get user. Everything else is refused for team keys, creating, showing or deleting
 * a custom provider among them. Every example body is sent to the simulated Veza by
 * test/integration/sandbox/catalogue-examples.test.ts, which must accept it.
 */

const pageParams: EndpointParam[] = [
  {
    name: 'page_size',
    description: 'How many items to get in one page, at most 100.',
    required: false,
    example: '100',
  },
  {
    name: 'page_token',
    description:
      'Which page to get next. Copy it from next_page_token of the previous answer, or use "Fetch all pages" instead.',
    required: false,
  },
];

const filterParams: EndpointParam[] = [
  {
    name: 'filter',
    description:
      'Only items that match, for example: name eq "GitHub". Text values go in double quotes.',
    required: false,
    example: 'name eq "GitHub"',
  },
  {
    name: 'order_by',
    description: 'The field to sort by, for example state or name.',
    required: false,
    example: 'name',
  },
];

const listParams = [...pageParams, ...filterParams];

const idParam = (name: string, whose: string): EndpointParam => ({
  name,
  description: `The ID of the ${whose}. Copy it from the "id" field of a list answer.`,
  required: true,
});

const providerId = idParam('id', 'custom provider');
const dataSourceId = idParam('ds', 'data source');
const queryId = idParam('id', 'saved query');

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Fills in the fields most calls leave at their default. */
function endpoint(
  fields: Pick<VezaEndpoint, 'id' | 'method' | 'path' | 'area' | 'title' | 'description'> &
    Partial<VezaEndpoint>,
): VezaEndpoint {
  return {
    pathParams: [],
    queryParams: [],
    pagedList: false,
    writes: fields.method !== 'GET',
    teamKeyAllowed: false,
    preview: fields.path.startsWith('/api/preview/'),
    ...fields,
  };
}

const querySpecExample = json({
  node_relationship_type: 'EFFECTIVE_ACCESS',
  query_type: 'SOURCE_TO_DESTINATION',
  source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
  destination_node_types: { nodes: [{ node_type: 'S3Bucket' }] },
});

export const vezaEndpoints: readonly VezaEndpoint[] = [
  // ---------------------------------------------------------------- identity
  endpoint({
    id: 'users.self',
    method: 'GET',
    path: '/api/v1/users/self',
    area: 'identity',
    title: 'Show who this key acts as',
    description:
      'Answers the user (or team) the API key belongs to. Works with personal and team keys, so it is a good first call to test a key.',
    teamKeyAllowed: true,
  }),

  // ---------------------------------------------------------------- providers
  endpoint({
    id: 'providers.list',
    method: 'GET',
    path: '/api/v1/providers',
    area: 'providers',
    title: 'List providers',
    description:
      'Lists the systems connected to Veza (cloud accounts, identity providers, applications) with their state, 25 to a page unless page_size says otherwise. This is the check Veza documents for a new key.',
    queryParams: [
      ...listParams,
      {
        name: 'include_datasource_status',
        description:
          'true: also says, for each provider, how its data sources are doing (working, waiting or failing).',
        required: false,
        example: 'true',
      },
    ],
    pagedList: true,
  }),
  endpoint({
    id: 'providers.dataSources',
    method: 'GET',
    path: '/api/v1/providers/datasources',
    area: 'providers',
    title: 'List all data sources and how they are doing',
    description:
      'Lists every data source of every provider with its status (SUCCESS, PENDING, ERROR...) and when it last synced and was last read in (synced_at, parsed_at). Filter with status eq "ERROR" to see only the failing ones.',
    queryParams: [
      ...pageParams,
      { ...filterParams[0], example: 'status eq "ERROR"' } as EndpointParam,
      filterParams[1] as EndpointParam,
    ],
    pagedList: true,
  }),
  endpoint({
    id: 'providers.parseStatus',
    method: 'GET',
    path: '/api/v1/providers/datasources/{id}/parse_status',
    area: 'providers',
    title: 'Show how the last data of a data source was read in',
    description:
      'Answers whether Veza could read in (parse) the last data of one data source, and when.',
    pathParams: [idParam('id', 'data source')],
  }),
  endpoint({
    id: 'providers.types',
    method: 'GET',
    path: '/api/v1/providers/types',
    area: 'providers',
    title: 'List provider types',
    description:
      'Lists the kinds of systems Veza can connect to, whether each is switched on, and which providers are of that kind. One answer, not in pages.',
  }),
  endpoint({
    id: 'providers.enable',
    method: 'PUT',
    path: '/api/v1/providers/{id}:enable',
    area: 'providers',
    title: 'Turn a provider on',
    description: 'Starts extracting data from this provider again.',
    pathParams: [idParam('id', 'provider')],
  }),
  endpoint({
    id: 'providers.disable',
    method: 'PUT',
    path: '/api/v1/providers/{id}:disable',
    area: 'providers',
    title: 'Turn a provider off',
    description:
      'Stops extracting data from this provider. The provider and its data stay in Veza.',
    pathParams: [idParam('id', 'provider')],
  }),

  // ---------------------------------------------------------------- custom providers (OAA)
  endpoint({
    id: 'customProviders.list',
    method: 'GET',
    path: '/api/v1/providers/custom',
    area: 'customProviders',
    title: 'List custom providers',
    description:
      'Lists the custom providers: applications whose access data integrations push into Veza, through the Open Authorization API (OAA).',
    queryParams: listParams,
    pagedList: true,
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'customProviders.create',
    method: 'POST',
    path: '/api/v1/providers/custom',
    area: 'customProviders',
    title: 'Create a custom provider',
    description:
      'Creates a custom provider for an application you will import access data for. The template says what kind of application it is.',
    exampleBody: json({ name: 'My application', custom_template: 'application' }),
  }),
  endpoint({
    id: 'customProviders.templates',
    method: 'GET',
    path: '/api/v1/providers/custom/templates',
    area: 'customProviders',
    title: 'List custom provider templates',
    description:
      'Lists the templates a custom provider can be created from. Works with personal and team keys.',
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'customProviders.get',
    method: 'GET',
    path: '/api/v1/providers/custom/{id}',
    area: 'customProviders',
    title: 'Show one custom provider',
    description: 'Answers one custom provider with its settings and state.',
    pathParams: [providerId],
  }),
  endpoint({
    id: 'customProviders.update',
    method: 'PATCH',
    path: '/api/v1/providers/custom/{id}',
    area: 'customProviders',
    title: 'Change a custom provider',
    description:
      'Changes a setting of a custom provider: whether Veza may make changes in the application (provisioning), as Veza documents it.',
    pathParams: [providerId],
    exampleBody: json({ provisioning: true }),
  }),
  endpoint({
    id: 'customProviders.delete',
    method: 'DELETE',
    path: '/api/v1/providers/custom/{id}',
    area: 'customProviders',
    title: 'Delete a custom provider',
    description:
      'Deletes a custom provider and the access data imported for it. This cannot be undone.',
    pathParams: [providerId],
  }),
  endpoint({
    id: 'customProviders.icon',
    method: 'POST',
    path: '/api/v1/providers/custom/{id}:icon',
    area: 'customProviders',
    title: 'Set the icon of a custom provider',
    description:
      'Uploads the small picture Veza shows for this provider (base64-encoded SVG or PNG).',
    pathParams: [providerId],
    exampleBody: json({ icon_base64: 'PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=' }),
  }),

  // ---------------------------------------------------------------- data sources (OAA)
  endpoint({
    id: 'dataSources.list',
    method: 'GET',
    path: '/api/v1/providers/custom/{id}/datasources',
    area: 'dataSources',
    title: 'List data sources of a custom provider',
    description:
      'Lists the data sources of one custom provider: each is one instance of the application whose access data is pushed to Veza.',
    pathParams: [providerId],
    queryParams: listParams,
    pagedList: true,
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'dataSources.create',
    method: 'POST',
    path: '/api/v1/providers/custom/{id}/datasources',
    area: 'dataSources',
    title: 'Create a data source',
    description: 'Adds a data source to a custom provider, before pushing data to it.',
    pathParams: [providerId],
    exampleBody: json({ name: 'Production' }),
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'dataSources.get',
    method: 'GET',
    path: '/api/v1/providers/custom/{id}/datasources/{ds}',
    area: 'dataSources',
    title: 'Show one data source',
    description: 'Answers one data source of a custom provider with its state.',
    pathParams: [providerId, dataSourceId],
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'dataSources.delete',
    method: 'DELETE',
    path: '/api/v1/providers/custom/{id}/datasources/{ds}',
    area: 'dataSources',
    title: 'Delete a data source',
    description: 'Deletes a data source and the access data pushed to it. This cannot be undone.',
    pathParams: [providerId, dataSourceId],
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'dataSources.push',
    method: 'POST',
    path: '/api/v1/providers/custom/{id}/datasources/{ds}:push',
    area: 'dataSources',
    title: 'Push access data to a data source',
    description:
      'Sends the access data of the application to Veza, as gzip-compressed JSON encoded in base64. At most 100 MB.',
    pathParams: [providerId, dataSourceId],
    // As Veza's example (oaa/rest-api/operations): the template as a JSON string, uncompressed.
    exampleBody: json({
      compression_type: 'none',
      json_data: JSON.stringify({
        applications: [],
        permissions: [],
        identity_to_permissions: [],
      }),
    }),
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'dataSources.pushParts',
    method: 'POST',
    path: '/api/v1/providers/custom/{id}/datasources/{ds}:parts',
    area: 'dataSources',
    title: 'Push access data in parts',
    description: 'Sends a large push in several parts; Veza joins them when the last part arrives.',
    pathParams: [providerId, dataSourceId],
  }),
  endpoint({
    id: 'dataSources.pushCsv',
    method: 'POST',
    path: '/api/v1/providers/custom/{id}/datasources/{ds}:push_csv',
    area: 'dataSources',
    title: 'Push access data as CSV',
    description: 'Sends access data as a CSV table (base64-encoded) instead of JSON.',
    pathParams: [providerId, dataSourceId],
    teamKeyAllowed: true,
  }),

  // ---------------------------------------------------------------- queries
  endpoint({
    id: 'queries.list',
    method: 'GET',
    path: '/api/v1/assessments/queries',
    area: 'queries',
    title: 'List saved queries',
    description: 'Lists the saved queries (searches over who can access what) on this instance.',
    queryParams: listParams,
    pagedList: true,
  }),
  endpoint({
    id: 'queries.create',
    method: 'POST',
    path: '/api/v1/assessments/queries',
    area: 'queries',
    title: 'Save a query',
    description: 'Saves a query so it can be run again and shared.',
    // The body is the query itself, flat, as Veza's example shows (query-builder/createassessmentquery).
    exampleBody: json({
      name: 'Okta users with S3 access',
      description: 'Who in Okta can reach S3 buckets',
      ...(JSON.parse(querySpecExample) as object),
    }),
  }),
  endpoint({
    id: 'queries.get',
    method: 'GET',
    path: '/api/v1/assessments/queries/{id}',
    area: 'queries',
    title: 'Show one saved query',
    description: 'Answers the definition of one saved query.',
    pathParams: [queryId],
  }),
  endpoint({
    id: 'queries.delete',
    method: 'DELETE',
    path: '/api/v1/assessments/queries/{id}',
    area: 'queries',
    title: 'Delete a saved query',
    description: 'Deletes a saved query. This cannot be undone.',
    pathParams: [queryId],
  }),
  endpoint({
    id: 'queries.nodes',
    method: 'GET',
    path: '/api/v1/assessments/queries/{id}:nodes',
    area: 'queries',
    title: 'Run a saved query: list the matches',
    description: 'Runs a saved query and lists the items it finds, page by page.',
    pathParams: [queryId],
    queryParams: pageParams,
    pagedList: true,
  }),
  endpoint({
    id: 'queries.result',
    method: 'GET',
    path: '/api/v1/assessments/queries/{id}:result',
    area: 'queries',
    title: 'Run a saved query: count the matches',
    description: 'Runs a saved query and answers how many items it finds.',
    pathParams: [queryId],
  }),
  endpoint({
    id: 'querySpec.nodes',
    method: 'POST',
    path: '/api/v1/assessments/query_spec:nodes',
    area: 'queries',
    title: 'Run a query: list the matches',
    description:
      'Runs the query given in the body without saving it and lists the items it finds. It reads only, even though it is sent as POST.',
    exampleBody: querySpecExample,
    queryParams: pageParams,
    pagedList: true,
    writes: false,
  }),
  endpoint({
    id: 'querySpec.result',
    method: 'POST',
    path: '/api/v1/assessments/query_spec:result',
    area: 'queries',
    title: 'Run a query: count the matches',
    description:
      'Runs the query given in the body without saving it and answers how many items it finds. It reads only.',
    exampleBody: querySpecExample,
    writes: false,
  }),
  endpoint({
    id: 'vql.nodes',
    method: 'POST',
    path: '/api/v1/assessments/vql:nodes',
    area: 'queries',
    title: 'Run a VQL query',
    description:
      'Runs a query written in VQL (Veza Query Language) and lists the items it finds. It reads only.',
    // As Veza's example (features/search/vql/vql-api): a statement with its own LIMIT.
    exampleBody: json({ query: 'SHOW OktaUser LIMIT 50;' }),
    queryParams: pageParams,
    pagedList: true,
    writes: false,
  }),

  // ---------------------------------------------------------------- teams, users, roles
  endpoint({
    id: 'teams.list',
    method: 'GET',
    path: '/api/v1/teams',
    area: 'teamsUsersRoles',
    title: 'List teams',
    description: 'Lists the teams on this instance. A team groups users, keys and integrations.',
    queryParams: listParams,
    pagedList: true,
  }),
  endpoint({
    id: 'teams.create',
    method: 'POST',
    path: '/api/v1/teams',
    area: 'teamsUsersRoles',
    title: 'Create a team',
    description: 'Creates a new team.',
    exampleBody: json({ name: 'Identity team', description: '' }),
  }),
  ...(['GET', 'PUT', 'PATCH', 'DELETE'] as const).map((method) =>
    endpoint({
      id: `teams.${method.toLowerCase()}`,
      method,
      path: '/api/v1/teams/{id}',
      area: 'teamsUsersRoles',
      title: {
        GET: 'Show one team',
        PUT: 'Replace a team',
        PATCH: 'Change a team',
        DELETE: 'Delete a team',
      }[method],
      description: {
        GET: 'Answers one team with its settings.',
        PUT: 'Replaces all settings of a team with the ones in the body.',
        PATCH: 'Changes some settings of a team, such as its name.',
        DELETE: 'Deletes a team. Its team API keys stop working.',
      }[method],
      pathParams: [idParam('id', 'team')],
      // A team's new name (not the one teams.create's example gives a new team: names are unique).
      ...(method === 'PUT'
        ? { exampleBody: json({ name: 'Identity team (renamed)', description: '' }) }
        : method === 'PATCH'
          ? { exampleBody: json({ description: 'Runs sign-in and access for the company' }) }
          : {}),
    }),
  ),
  endpoint({
    id: 'users.create',
    method: 'POST',
    path: '/api/v1/users',
    area: 'teamsUsersRoles',
    title: 'Create a user',
    description: 'Creates a Veza user who can then sign in.',
    exampleBody: json({ email: 'someone@example.com', name: 'Someone' }),
  }),
  endpoint({
    id: 'users.get',
    method: 'GET',
    path: '/api/v1/users/{id}',
    area: 'teamsUsersRoles',
    title: 'Show one user',
    description: 'Answers one Veza user with their roles.',
    pathParams: [idParam('id', 'user')],
    // "Get User" is on Veza's team-key list; users/self is this call with the id "self".
    teamKeyAllowed: true,
  }),
  endpoint({
    id: 'users.update',
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    area: 'teamsUsersRoles',
    title: 'Change a user',
    description: 'Changes details of a Veza user, such as their name.',
    pathParams: [idParam('id', 'user')],
    exampleBody: json({ name: 'Someone Else' }),
  }),
  endpoint({
    id: 'users.delete',
    method: 'DELETE',
    path: '/api/v1/users/{id}',
    area: 'teamsUsersRoles',
    title: 'Delete a user',
    description: 'Removes a user from Veza. Their personal API keys are deleted with them.',
    pathParams: [idParam('id', 'user')],
  }),
  endpoint({
    id: 'roles.list',
    method: 'GET',
    path: '/api/v1/roles',
    area: 'teamsUsersRoles',
    title: 'List roles',
    description: 'Lists the roles a user can have, such as admin or operator.',
    pagedList: true,
    queryParams: pageParams,
  }),

  // ---------------------------------------------------------------- team API keys (preview)
  endpoint({
    id: 'teamKeys.list',
    method: 'GET',
    path: '/api/preview/teamkeys',
    area: 'teamKeys',
    title: 'List team API keys',
    description: 'Lists the team API keys with their names, teams and state. Never the key values.',
    pagedList: true,
    queryParams: pageParams,
  }),
  endpoint({
    id: 'teamKeys.create',
    method: 'POST',
    path: '/api/preview/teamkeys',
    area: 'teamKeys',
    title: 'Create a team API key',
    description:
      'Creates a key for a team. The answer holds the key value (access_key) once: it cannot be shown again.',
    exampleBody: json({ name: 'HR app integration', team_id: '' }),
  }),
  endpoint({
    id: 'teamKeys.rename',
    method: 'PATCH',
    path: '/api/preview/teamkeys/{id}',
    area: 'teamKeys',
    title: 'Rename a team API key',
    description: 'Changes the name of a team API key. The key value stays the same.',
    pathParams: [idParam('id', 'team API key')],
    exampleBody: json({ name: 'HR app integration (renamed)' }),
  }),
  endpoint({
    id: 'teamKeys.delete',
    method: 'DELETE',
    path: '/api/preview/teamkeys/{id}',
    area: 'teamKeys',
    title: 'Delete a team API key',
    description: 'Deletes a team API key for good. Scripts using it stop working at once.',
    pathParams: [idParam('id', 'team API key')],
  }),
  endpoint({
    id: 'teamKeys.revoke',
    method: 'POST',
    path: '/api/preview/teamkeys/{id}:revoke',
    area: 'teamKeys',
    title: 'Switch a team API key off',
    description: 'Revokes a team API key: it stops working until it is reinstated.',
    pathParams: [idParam('id', 'team API key')],
  }),
  endpoint({
    id: 'teamKeys.reinstate',
    method: 'POST',
    path: '/api/preview/teamkeys/{id}:reinstate',
    area: 'teamKeys',
    title: 'Switch a team API key back on',
    description: 'Reinstates a revoked team API key: it works again with the same value.',
    pathParams: [idParam('id', 'team API key')],
  }),

  // ---------------------------------------------------------------- access reviews (preview)
  endpoint({
    id: 'reviews.workflows',
    method: 'GET',
    path: '/api/preview/awf/workflows',
    area: 'accessReviews',
    title: 'List access review workflows',
    description: 'Lists the access review workflows: the recurring reviews of who can access what.',
  }),
  endpoint({
    id: 'reviews.certifications',
    method: 'GET',
    path: '/api/preview/awf/certifications',
    area: 'accessReviews',
    title: 'List access reviews of a workflow',
    description: 'Lists the reviews (certifications) run for one workflow.',
    queryParams: [
      {
        name: 'workflow_id',
        description: 'The ID of the workflow, from "List access review workflows".',
        required: true,
      },
    ],
  }),
  endpoint({
    id: 'reviews.results',
    method: 'GET',
    path: '/api/preview/awf/certifications/{id}/results',
    area: 'accessReviews',
    title: 'List the items of an access review',
    description: 'Lists the items of one review with the reviewers’ decisions, a page at a time.',
    pathParams: [idParam('id', 'access review')],
    queryParams: [
      { name: 'offset', description: 'How many items to skip.', required: false, example: '0' },
      {
        name: 'size',
        description: 'How many items to get at once.',
        required: false,
        example: '30',
      },
    ],
  }),

  // ---------------------------------------------------------------- events and audit log (preview)
  endpoint({
    id: 'events.list',
    method: 'GET',
    path: '/api/preview/events',
    area: 'activity',
    title: 'List events',
    description:
      'Lists what happened on this instance, newest first, such as an integration that failed, with Veza\'s reason, message and advice. Filter with category eq "INTEGRATIONS" for integrations only. Answers "events" and pages by next_page_token.',
    queryParams: [
      ...pageParams,
      {
        name: 'filter',
        description:
          'Only events that match, for example: category eq "INTEGRATIONS" and timestamp ge "2026-12-01T00:00:00Z". Text values go in double quotes.',
        required: false,
        example: 'category eq "INTEGRATIONS"',
      },
    ],
    pagedList: true,
  }),
  endpoint({
    id: 'audit.list',
    method: 'GET',
    path: '/api/preview/system/audit',
    area: 'activity',
    title: 'List the audit log',
    description:
      'Lists who did what on this instance, with the API key used and the answer it got. A time filter within the last 90 days and a page size are required. Every call Veza Desk makes shows up here too.',
    queryParams: [
      {
        name: 'filter',
        description:
          'Which time to look at, within the last 90 days, for example: ended_at ge "2026-12-01T00:00:00Z".',
        required: true,
        example: 'ended_at ge "2026-12-01T00:00:00Z"',
      },
      {
        name: 'page_size',
        description: 'How many entries to get in one page (required here).',
        required: true,
        example: '100',
      },
      pageParams[1] as EndpointParam,
    ],
    pagedList: true,
  }),
];
