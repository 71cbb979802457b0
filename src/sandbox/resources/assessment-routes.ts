import { z } from 'zod';
import { list, one } from '../http/answer';
import type { Route } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { SavedQuery } from '../model/catalog-types';
import { paginate } from '../paging/paginate';

// Assessment queries. `query_spec:nodes` is a POST but only reads, so read-only roles may run
// it; paging is in the query string (`page_size`, `page_token`) as for GET lists.

const querySpec = z.object({
  query_type: z.enum(['SOURCE_TO_DESTINATION', 'DESTINATION_TO_SOURCE'], {
    message: 'query_type must be SOURCE_TO_DESTINATION or DESTINATION_TO_SOURCE',
  }),
  source_node_types: z
    .object({ nodes: z.array(z.object({ node_type: z.string().min(1, 'node_type is required') })) })
    .optional(),
});
const newQuery = querySpec.extend({
  name: z.string().trim().min(1, 'name is required'),
  description: z.string().optional(),
});

export const assessmentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/assessments/queries',
    access: 'read',
    handle: ({ state, query }) => list(paginate(state.catalog.savedQueries, query, state.settings)),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assessments/queries',
    access: 'write',
    handle: async ({ state, readJson }) => {
      const body = validateBody(newQuery, await readJson());
      const saved: SavedQuery = {
        id: state.catalog.random.uuid(),
        name: body.name,
        description: body.description ?? '',
        query_type: body.query_type,
        source_node_types: body.source_node_types ?? { nodes: [] },
        created_at: state.clock.now().toISOString(),
      };
      state.catalog.savedQueries.push(saved);
      return one(saved);
    },
  },
  {
    method: 'POST',
    pattern: '/api/v1/assessments/query_spec:nodes',
    access: 'read',
    handle: async ({ state, query, readJson }) => {
      const spec = validateBody(querySpec, await readJson());
      const types = new Set(spec.source_node_types?.nodes.map((node) => node.node_type) ?? []);
      const nodes = types.size
        ? state.catalog.nodes.filter((node) => types.has(node.type))
        : state.catalog.nodes;
      return list(paginate(nodes, query, state.settings));
    },
  },
];
