import { z } from 'zod';
import { invalidArgument, notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { RouteContext, Route } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { CustomProvider } from '../model/catalog-types';
import { customTemplates } from '../model/seed-catalog';
import { applyFilterAndOrder } from '../paging/list-filter';
import { paginate } from '../paging/paginate';

// OAA custom providers (developers/api/oaa/rest-api/operations). Team keys may list templates
// and providers (developers/api/users-teams/team-api-keys: the oaa_push list) but not create,
// read one, change or delete a provider, nor set its icon. A key of a team that is not the
// root team sees only its team's custom providers (Guess: "their keys see only that team's
// scope", administration/administration/users).

const templateIds = customTemplates.map((template) => template.id);
const newProvider = z.object({
  name: z.string().trim().min(1, 'name is required'),
  custom_template: z.string().refine((id) => templateIds.includes(id), {
    message: `custom_template must be one of ${templateIds.join(', ')}`,
  }),
});
// The docs' PATCH body is {"provisioning": bool}; a rename (name) is kept from before (Guess).
const providerUpdate = z
  .object({
    name: z.string().trim().min(1, 'name must not be empty').optional(),
    provisioning: z.boolean({ message: 'provisioning must be true or false' }).optional(),
  })
  .refine((body) => body.name !== undefined || body.provisioning !== undefined, {
    message: 'give name or provisioning',
  });
const icon = z.object({ icon_base64: z.string().min(1, 'icon_base64 is required') });

/** The custom providers a principal may see: all from the root team, else its team's. */
export function visibleCustomProviders(context: RouteContext): CustomProvider[] {
  const all = [...context.state.catalog.customProviders.values()];
  const { team } = context.principal;
  if (team.isRoot || team.policyType === 'UNBOUND') return all;
  return all.filter(
    (provider) => provider.team_id === team.id || team.providerIds.includes(provider.id),
  );
}

export function customProviderOf(context: RouteContext): CustomProvider {
  const id = context.params.id ?? '';
  const provider = visibleCustomProviders(context).find((candidate) => candidate.id === id);
  if (!provider) throw notFound('custom provider', id);
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
    handle: (context) =>
      list(
        paginate(
          applyFilterAndOrder(visibleCustomProviders(context), context.query, [
            'name',
            'custom_template',
            'state',
          ]),
          context.query,
          context.state.settings,
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
        provisioning: false,
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
      if (body.name !== undefined && body.name !== provider.name)
        refuseDuplicateName(context, body.name);
      if (body.name !== undefined) provider.name = body.name;
      if (body.provisioning !== undefined) provider.provisioning = body.provisioning;
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
  {
    // Not a team-key call (developers/api/users-teams/team-api-keys). Guess: answers {}.
    method: 'POST',
    pattern: '/api/v1/providers/custom/{id}:icon',
    access: 'write',
    handle: async (context) => {
      customProviderOf(context);
      validateBody(icon, await context.readJson());
      return empty();
    },
  },
];
