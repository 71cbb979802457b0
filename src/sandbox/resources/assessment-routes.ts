import { z } from 'zod';
import { failedPrecondition, invalidArgument, notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { GraphNode, SavedQuery } from '../model/catalog-types';
import { applyFilterAndOrder } from '../paging/list-filter';
import { paginate } from '../paging/paginate';
import { runVql } from './vql-query';

// Assessment queries (developers/api/query-builder/*). `query_spec:nodes`, `:result` and
// `vql:nodes` are POSTs that only read, so read-only roles may run them; paging of the
// node lists is in the query string (`page_size`, `page_token`) as for GET lists. Counts
// answer {"result_type": "number", "number_value": "<count as a string>"}
// (developers/api/query-builder/getassessmentqueryresult).

// query_type: the names of developers/api/query-builder/parameters (SOURCE_TO_DESTINATION,
// DESTINATION_TO_SOURCE, DESTINATION_NODES, SYSTEM_CREATED) or the OpenAPI rendering's numbers
// (0 = SYSTEM_CREATED, 1 = SOURCE_TO_DESTINATION, 2 = DESTINATION_NODES).
const queryTypes = [
  'SYSTEM_CREATED',
  'SOURCE_TO_DESTINATION',
  'DESTINATION_TO_SOURCE',
  'DESTINATION_NODES',
] as const;
const queryType = z.union([z.enum(queryTypes), z.number().int().min(0).max(2)], {
  message: `query_type must be one of ${queryTypes.join(', ')}`,
});
// The docs' bodies carry many more fields (tags, conditions, relates_to_exp, ... and nulls);
// they pass through untouched.
const nodeTypes = z
  .object({
    nodes: z.array(
      z.object({ node_type: z.string().min(1, 'node_type is required') }).passthrough(),
    ),
  })
  .passthrough();
const querySpec = z
  .object({ query_type: queryType, source_node_types: nodeTypes.nullish() })
  .passthrough();
const newQuery = querySpec.extend({
  name: z.string().trim().min(1, 'name is required'),
  description: z.string().optional(),
});

/**
 * The saved query body is flat (developers/api/query-builder/createassessmentquery). Guess:
 * the form with the spec nested under `query` (as the app's catalogue example sends it) is
 * taken as the same query.
 */
function flattened(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { query, ...rest } = body as Record<string, unknown>;
  if (
    typeof query === 'object' &&
    query !== null &&
    !Array.isArray(query) &&
    !('query_type' in rest)
  )
    return { ...(query as Record<string, unknown>), ...rest };
  return body;
}

function matchingNodes(context: RouteContext, spec: z.infer<typeof querySpec>): GraphNode[] {
  const types = new Set(spec.source_node_types?.nodes.map((node) => node.node_type) ?? []);
  return types.size
    ? context.state.catalog.nodes.filter((node) => types.has(node.type))
    : context.state.catalog.nodes;
}

function count(nodes: readonly unknown[]) {
  return { body: { result_type: 'number', number_value: String(nodes.length) } };
}

function savedQueryOf(context: RouteContext): SavedQuery {
  const id = context.params.id ?? '';
  const found = context.state.catalog.savedQueries.find((query) => query.id === id);
  if (!found) throw notFound('assessment query', id);
  return found;
}

const specOf = (saved: SavedQuery) => validateBody(querySpec, saved);

function saveFrom(context: RouteContext, body: z.infer<typeof newQuery>, id: string): SavedQuery {
  return {
    ...body,
    id,
    name: body.name,
    description: body.description ?? '',
    query_type: body.query_type,
    source_node_types: body.source_node_types ?? { nodes: [] },
    created_at: context.state.clock.now().toISOString(),
  };
}

export const assessmentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/assessments/queries',
    access: 'read',
    handle: ({ state, query }) =>
      list(
        paginate(
          applyFilterAndOrder(state.catalog.savedQueries, query, ['name', 'query_type']),
          query,
          state.settings,
        ),
      ),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assessments/queries',
    access: 'write',
    handle: async (context) => {
      const body = validateBody(newQuery, flattened(await context.readJson()));
      const saved = saveFrom(context, body, context.state.catalog.random.uuid());
      context.state.catalog.savedQueries.push(saved);
      return one(saved);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/assessments/queries/{id}',
    access: 'read',
    handle: (context) => one(savedQueryOf(context)),
  },
  {
    // The update is a full PUT (developers/api/query-builder).
    method: 'PUT',
    pattern: '/api/v1/assessments/queries/{id}',
    access: 'write',
    handle: async (context) => {
      const saved = savedQueryOf(context);
      const body = validateBody(newQuery, flattened(await context.readJson()));
      const replaced = { ...saveFrom(context, body, saved.id), created_at: saved.created_at };
      const { savedQueries } = context.state.catalog;
      savedQueries.splice(savedQueries.indexOf(saved), 1, replaced);
      return one(replaced);
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/assessments/queries/{id}',
    access: 'write',
    handle: (context) => {
      const saved = savedQueryOf(context);
      const { savedQueries } = context.state.catalog;
      savedQueries.splice(savedQueries.indexOf(saved), 1);
      return empty();
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/assessments/queries/{id}:nodes',
    access: 'read',
    handle: (context) =>
      list(
        paginate(
          matchingNodes(context, specOf(savedQueryOf(context))),
          context.query,
          context.state.settings,
        ),
      ),
  },
  {
    method: 'GET',
    pattern: '/api/v1/assessments/queries/{id}:result',
    access: 'read',
    handle: (context) => count(matchingNodes(context, specOf(savedQueryOf(context)))),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assessments/query_spec:nodes',
    access: 'read',
    handle: async (context) => {
      const spec = validateBody(querySpec, await context.readJson());
      return list(paginate(matchingNodes(context, spec), context.query, context.state.settings));
    },
  },
  {
    method: 'POST',
    pattern: '/api/v1/assessments/query_spec:result',
    access: 'read',
    handle: async (context) =>
      count(matchingNodes(context, validateBody(querySpec, await context.readJson()))),
  },
  {
    // features/search/vql/vql-api: {"query": "SHOW ... [AFTER CURSOR '<c>'] LIMIT n;"} in,
    // {path_values, cursor, has_more} out. VQL must be switched on for the instance.
    method: 'POST',
    pattern: '/api/v1/assessments/vql:nodes',
    access: 'read',
    handle: async (context) => {
      if (!context.state.settings.vqlEnabled)
        throw failedPrecondition(
          'VQL is not enabled for this instance',
          'Ask Veza support to switch VQL on for the instance.',
        );
      const body = validateBody(
        z.object({ query: z.string({ message: 'query is required' }).min(1, 'query is required') }),
        await context.readJson(),
      );
      const answer = runVql(body.query, context.state.catalog.nodes);
      if ('error' in answer) throw invalidArgument([{ field: 'query', description: answer.error }]);
      return { body: answer };
    },
  },
];
