import { notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import type { Provider } from '../model/catalog-types';
import { providerTypes } from '../model/seed-catalog';
import { applyFilterAndOrder } from '../paging/list-filter';
import { paginate } from '../paging/paginate';

// Providers (developers/api/management/provider-management). The seed's own check
// (`GET /api/v1/providers`) lands here: personal keys only. Pages of 25 by default, at most
// 100 (a larger page_size follows settings.pageSizeOverMax). Changing a provider needs the
// admin role ("Users must have the admin role to add/modify provider configurations.
// Configurations can be viewed by users with the operator role.").

/** The providers a principal's team may see: all, or the listed ones for PROVIDER_ID_SET. */
export function visibleProviders(context: RouteContext): Provider[] {
  const { team } = context.principal;
  const all = context.state.catalog.providers;
  if (team.isRoot || team.policyType === 'UNBOUND') return all;
  return all.filter((provider) => team.providerIds.includes(provider.id));
}

function providerOf(context: RouteContext): Provider {
  const id = context.params.id ?? '';
  const provider = visibleProviders(context).find((candidate) => candidate.id === id);
  if (!provider) throw notFound('provider', id);
  return provider;
}

/**
 * `include_datasource_status=true`: the docs name the parameter, not what it adds. Guess: a
 * `datasource_status` object counting the provider's data sources by status.
 */
function withDataSourceStatus(context: RouteContext, provider: Provider): Record<string, unknown> {
  const counts: Record<string, number> = { SUCCESS: 0, PENDING: 0, ERROR: 0 };
  for (const source of context.state.catalog.allDataSources())
    if (source.provider_id === provider.id)
      counts[source.status] = (counts[source.status] ?? 0) + 1;
  return { ...provider, datasource_status: counts };
}

function setState(state: Provider['state']) {
  return (context: RouteContext) => {
    const provider = providerOf(context);
    provider.state = state;
    provider.updated_at = context.state.clock.now().toISOString();
    for (const source of context.state.catalog.platformDataSources)
      if (source.provider_id === provider.id) source.effective_state = state;
    return context.state.settings.providerToggleAnswer === 'value' ? one(provider) : empty();
  };
}

export const providerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/providers',
    access: 'read',
    handle: (context) => {
      const page = paginate(
        applyFilterAndOrder(visibleProviders(context), context.query, [
          'name',
          'type',
          'state',
          'status',
          'created_at',
        ]),
        context.query,
        context.state.settings,
        { defaultSize: 25 },
      );
      if (context.query.get('include_datasource_status') !== 'true') return list(page);
      return list({
        ...page,
        values: page.values.map((provider) => withDataSourceStatus(context, provider)),
      });
    },
  },
  {
    // Not paged: {"provider_types": [...], "unregistered_custom_provider_types": []}.
    method: 'GET',
    pattern: '/api/v1/providers/types',
    access: 'read',
    handle: (context) => {
      const providers = visibleProviders(context);
      return {
        body: {
          provider_types: providerTypes.map((type) => {
            const ids = providers
              .filter((provider) => provider.type === type.type)
              .map((provider) => provider.id);
            return {
              type: type.type,
              schema_integration_type: type.schema_integration_type,
              enabled: ids.length > 0,
              provider_ids: ids,
            };
          }),
          unregistered_custom_provider_types: [],
        },
      };
    },
  },
  {
    method: 'PUT',
    pattern: '/api/v1/providers/{id}:enable',
    access: 'write',
    writeRoles: ['admin'],
    handle: setState('ENABLED'),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/providers/{id}:disable',
    access: 'write',
    writeRoles: ['admin'],
    handle: setState('DISABLED'),
  },
];
