import { list } from '../http/answer';
import type { Route } from '../http/route-table';
import { applyFilterAndOrder } from '../paging/list-filter';
import { paginate } from '../paging/paginate';
import { providerTypes } from '../model/seed-catalog';

// The seed's own check (`GET /api/v1/providers`) lands here: personal keys only.
export const providerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/providers',
    access: 'read',
    handle: ({ state, query }) =>
      list(
        paginate(
          applyFilterAndOrder(state.catalog.providers, query, [
            'name',
            'type',
            'state',
            'status',
            'created_at',
          ]),
          query,
          state.settings,
        ),
      ),
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/types',
    access: 'read',
    handle: ({ state, query }) => list(paginate(providerTypes, query, state.settings)),
  },
];
