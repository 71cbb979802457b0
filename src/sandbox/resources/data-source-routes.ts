import { z } from 'zod';
import { invalidArgument, notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { DataSource } from '../model/catalog-types';
import { paginate } from '../paging/paginate';
import { customProviderOf } from './custom-provider-routes';
import { decodePushPayload, maxPushPayloadBytes } from './decode-push-payload';

// OAA data sources: every call here is a documented oaa_push operation, so team keys may use
// them all (create, get, delete, list, push).

const newDataSource = z.object({ name: z.string().trim().min(1, 'name is required') });
const push = z.object({
  id: z.string().optional(),
  data_source_id: z.string().optional(),
  json_data: z.string({ message: 'json_data is required' }),
  compression_type: z.string().optional(),
});

function dataSourceOf(context: RouteContext): DataSource {
  const provider = customProviderOf(context);
  const source = context.state.catalog.dataSources.get(context.params.ds ?? '');
  if (!source || source.provider_id !== provider.id)
    throw notFound('data source', context.params.ds ?? '');
  return source;
}

export const dataSourceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/providers/custom/{id}/datasources',
    access: 'read',
    teamKey: true,
    handle: (context) =>
      list(
        paginate(
          context.state.catalog.dataSourcesOf(customProviderOf(context).id),
          context.query,
          context.state.settings,
        ),
      ),
  },
  {
    method: 'POST',
    pattern: '/api/v1/providers/custom/{id}/datasources',
    access: 'write',
    teamKey: true,
    handle: async (context) => {
      const provider = customProviderOf(context);
      const body = validateBody(newDataSource, await context.readJson());
      const { catalog, clock } = context.state;
      if (catalog.dataSourcesOf(provider.id).some((source) => source.name === body.name))
        throw invalidArgument([
          { field: 'name', description: 'Data source with the same name already exists' },
        ]);
      const now = clock.now().toISOString();
      const source: DataSource = {
        id: catalog.random.uuid(),
        name: body.name,
        provider_id: provider.id,
        status: 'PENDING',
        created_at: now,
        updated_at: now,
      };
      catalog.dataSources.set(source.id, source);
      return one(source);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/custom/{id}/datasources/{ds}',
    access: 'read',
    teamKey: true,
    handle: (context) => one(dataSourceOf(context)),
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/providers/custom/{id}/datasources/{ds}',
    access: 'write',
    teamKey: true,
    handle: (context) => {
      context.state.catalog.dataSources.delete(dataSourceOf(context).id);
      return empty();
    },
  },
  {
    method: 'POST',
    pattern: '/api/v1/providers/custom/{id}/datasources/{ds}:push',
    access: 'write',
    teamKey: true,
    // base64 inflates by 4/3; leave room for the JSON around it.
    maxBodyBytes: Math.ceil((maxPushPayloadBytes * 4) / 3) + 64 * 1024,
    handle: async (context) => {
      const source = dataSourceOf(context);
      const body = validateBody(push, await context.readJson());
      if (body.id !== undefined && body.id !== source.provider_id)
        throw invalidArgument([
          { field: 'id', description: 'id does not match the provider in the path' },
        ]);
      if (body.data_source_id !== undefined && body.data_source_id !== source.id)
        throw invalidArgument([
          { field: 'data_source_id', description: 'data_source_id does not match the path' },
        ]);
      const payload = decodePushPayload(body.json_data, body.compression_type);
      const now = context.state.clock.now().toISOString();
      // Veza processes a push asynchronously: the source goes PENDING until parsed.
      Object.assign(source, {
        status: 'PENDING',
        updated_at: now,
        last_pushed_at: now,
        last_push_bytes: Buffer.byteLength(JSON.stringify(payload)),
      });
      const warnings =
        Object.keys(payload).length === 0 ? [{ message: 'The payload is empty' }] : [];
      return { body: { value: source, warnings } };
    },
  },
];
