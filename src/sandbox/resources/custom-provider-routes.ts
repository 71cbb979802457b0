import { z } from 'zod';
import { invalidArgument, notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { RouteContext, Route } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { CustomProvider } from '../model/catalog-types';
import { customTemplates } from '../model/seed-catalog';
import { applyFilterAndOrder } from '../paging/list-filter';
import { paginate } from '../paging/paginate';

// OAA custom providers. Team keys may list templates and providers (documented oaa_push
// operations) but not create, read one, rename or delete a provider.

const templateIds = customTemplates.map((template) => template.id);
const newProvider = z.object({
  name: z.string().trim().min(1, 'name is required'),
  custom_template: z.string().refine((id) => templateIds.includes(id), {
    message: `custom_template must be one of ${templateIds.join(', ')}`,
  }),
});
const providerUpdate = z.object({ name: z.string().trim().min(1, 'name must not be empty') });

export function customProviderOf({ state, params }: RouteContext): CustomProvider {
  const provider = state.catalog.customProviders.get(params.id ?? '');
  if (!provider) throw notFound('custom provider', params.id ?? '');
  return provider;
}

function refuseDuplicateName(context: RouteContext, name: string): void {
  for (const provider of context.state.catalog.customProviders.values())
    if (provider.name === name)
      // Veza's documented InvalidArgument example, word for word.
      throw invalidArgument([
        { field: 'name', description: 'Provider with the same name already exists' },
      ]);
}

export const customProviderRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/providers/custom/templates',
    access: 'read',
    teamKey: true,
    handle: ({ state, query }) => list(paginate(customTemplates, query, state.settings)),
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/custom',
    access: 'read',
    teamKey: true,
    handle: ({ state, query }) =>
      list(
        paginate(
          applyFilterAndOrder([...state.catalog.customProviders.values()], query, [
            'name',
            'custom_template',
            'state',
          ]),
          query,
          state.settings,
        ),
      ),
  },
  {
    method: 'POST',
    pattern: '/api/v1/providers/custom',
    access: 'write',
    handle: async (context) => {
      const body = validateBody(newProvider, await context.readJson());
      refuseDuplicateName(context, body.name);
      const now = context.state.clock.now().toISOString();
      const provider: CustomProvider = {
        id: context.state.catalog.random.uuid(),
        name: body.name,
        custom_template: body.custom_template,
        state: 'ENABLED',
        team_id: context.principal.team.id,
        created_at: now,
        updated_at: now,
      };
      context.state.catalog.customProviders.set(provider.id, provider);
      return one(provider);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/custom/{id}',
    access: 'read',
    handle: (context) => one(customProviderOf(context)),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/providers/custom/{id}',
    access: 'write',
    handle: async (context) => {
      const provider = customProviderOf(context);
      const body = validateBody(providerUpdate, await context.readJson());
      if (body.name !== provider.name) refuseDuplicateName(context, body.name);
      provider.name = body.name;
      provider.updated_at = context.state.clock.now().toISOString();
      return one(provider);
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/providers/custom/{id}',
    access: 'write',
    handle: (context) => {
      const provider = customProviderOf(context);
      const { catalog } = context.state;
      for (const source of catalog.dataSourcesOf(provider.id))
        catalog.dataSources.delete(source.id);
      catalog.customProviders.delete(provider.id);
      return empty();
    },
  },
];
