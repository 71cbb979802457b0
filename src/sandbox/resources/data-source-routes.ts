import { z } from 'zod';
import { invalidArgument, notFound } from '../http/api-error';
import { empty, list, one } from '../http/answer';
import type { Route, RouteContext } from '../http/route-table';
import { validateBody } from '../http/validate-body';
import type { DataSource } from '../model/catalog-types';
import { oaaDataSource } from '../model/seed-catalog';
import { applyFilterAndOrder } from '../paging/list-filter';
import { paginate } from '../paging/paginate';
import { customProviderOf, visibleCustomProviders } from './custom-provider-routes';
import { decodePushPayload, maxPushPayloadBytes } from './decode-push-payload';

// Data sources. Under /custom/{id}/datasources: the OAA calls, every one a documented oaa_push
// operation (developers/api/users-teams/team-api-keys: create, get, delete, list, push, push
// CSV), so team keys may use them; `:parts` is not on that list. /providers/datasources and
// parse_status: the management API (developers/api/management/datasources,
// developers/api/management/sync-parse-status), personal keys only.

// developers/api/oaa/rest-api/operations: {"name", "id": <provider id>}.
const newDataSource = z.object({
  name: z.string().trim().min(1, 'name is required'),
  id: z.string().optional(),
});
const push = z.object({
  id: z.string().optional(),
  data_source_id: z.string().optional(),
  json_data: z.string({ message: 'json_data is required' }),
  compression_type: z.string().optional(),
});
// developers/api/oaa/rest-api/operations: {"csv_data": "<base64 of the CSV file>"}.
const pushCsv = z.object({
  id: z.string().optional(),
  data_source_id: z.string().optional(),
  csv_data: z.string({ message: 'csv_data is required' }).min(1, 'csv_data is required'),
});
// One part of a push in parts. Guess: json_data or csv_data (the page's example sits between
// the two and shows csv_data).
const pushPart = z
  .object({ json_data: z.string().optional(), csv_data: z.string().optional() })
  .refine((body) => body.json_data !== undefined || body.csv_data !== undefined, {
    message: 'json_data or csv_data is required',
  });

// developers/api/management/datasources: the attributes filter and order_by take.
const dataSourceFields = [
  'name',
  'agent_type',
  'status',
  'state',
  'provider_id',
  'datasource_type',
] as const;

function dataSourceOf(context: RouteContext): DataSource {
  const provider = customProviderOf(context);
  const source = context.state.catalog.dataSources.get(context.params.ds ?? '');
  if (!source || source.provider_id !== provider.id)
    throw notFound('datasource', context.params.ds ?? '');
  return source;
}

function checkIds(body: { id?: string; data_source_id?: string }, source: DataSource): void {
  if (body.id !== undefined && body.id !== '' && body.id !== source.provider_id)
    throw invalidArgument([
      { field: 'id', description: 'id does not match the provider in the path' },
    ]);
  if (
    body.data_source_id !== undefined &&
    body.data_source_id !== '' &&
    body.data_source_id !== source.id
  )
    throw invalidArgument([
      { field: 'data_source_id', description: 'data_source_id does not match the path' },
    ]);
}

/** Every data source the caller's team may see (all for an UNBOUND or the root team). */
function visibleDataSources(context: RouteContext): DataSource[] {
  const { team } = context.principal;
  const all = context.state.catalog.allDataSources();
  if (team.isRoot || team.policyType === 'UNBOUND') return all;
  const custom = new Set(visibleCustomProviders(context).map((provider) => provider.id));
  return all.filter(
    (source) => custom.has(source.provider_id) || team.providerIds.includes(source.provider_id),
  );
}

function anyDataSourceOf(context: RouteContext): DataSource {
  const id = context.params.id ?? '';
  const source = visibleDataSources(context).find((candidate) => candidate.id === id);
  if (!source) throw notFound('datasource', id);
  return source;
}

/** The last parse job (developers/api/management/sync-parse-status), derived from status. */
function parseStatus(source: DataSource, jobId: string): Record<string, unknown> {
  const state = source.status === 'PENDING' ? 'PENDING' : 'COMPLETED';
  return {
    job_status: {
      job_id: jobId,
      job_type: 'PARSE',
      state,
      status: source.status === 'ERROR' ? 'INTERNAL' : 'OK',
      started_at: source.parsed_at || source.updated_at,
      duration: state === 'PENDING' ? '0s' : '0.683888613s',
      stats: { started_at: null, finished_at: null, steps: [] },
    },
  };
}

export const dataSourceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/providers/datasources',
    access: 'read',
    handle: (context) =>
      list(
        paginate(
          applyFilterAndOrder(visibleDataSources(context), context.query, dataSourceFields),
          context.query,
          context.state.settings,
        ),
      ),
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/datasources/{id}',
    access: 'read',
    handle: (context) => one(anyDataSourceOf(context)),
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/datasources/{id}/parse_status',
    access: 'read',
    handle: (context) => {
      const source = anyDataSourceOf(context);
      return { body: parseStatus(source, context.state.catalog.random.uuid()) };
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/providers/custom/{id}/datasources',
    access: 'read',
    teamKey: true,
    handle: (context) =>
      list(
        paginate(
          applyFilterAndOrder(
            context.state.catalog.dataSourcesOf(customProviderOf(context).id),
            context.query,
            dataSourceFields,
          ),
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
      if (body.id !== undefined && body.id !== '' && body.id !== provider.id)
        throw invalidArgument([
          { field: 'id', description: 'id does not match the provider in the path' },
        ]);
      const { catalog, clock } = context.state;
      if (catalog.dataSourcesOf(provider.id).some((source) => source.name === body.name))
        throw invalidArgument([
          { field: 'name', description: 'Data source with the same name already exists' },
        ]);
      const source = oaaDataSource(
        catalog.random.uuid(),
        body.name,
        provider,
        clock.now().toISOString(),
      );
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
      checkIds(body, source);
      const payload = decodePushPayload(body.json_data, body.compression_type);
      const now = context.state.clock.now().toISOString();
      // Veza processes a push asynchronously: the source goes PENDING until parsed.
      Object.assign(source, {
        status: 'PENDING',
        updated_at: now,
        synced_at: now,
        last_pushed_at: now,
        last_push_bytes: Buffer.byteLength(JSON.stringify(payload)),
      });
      const warnings =
        Object.keys(payload).length === 0 ? [{ message: 'The payload is empty' }] : [];
      return { body: { value: source, warnings } };
    },
  },
  {
    method: 'POST',
    pattern: '/api/v1/providers/custom/{id}/datasources/{ds}:push_csv',
    access: 'write',
    teamKey: true,
    maxBodyBytes: Math.ceil((maxPushPayloadBytes * 4) / 3) + 64 * 1024,
    handle: async (context) => {
      const source = dataSourceOf(context);
      const body = validateBody(pushCsv, await context.readJson());
      checkIds(body, source);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.csv_data) || body.csv_data.length % 4 !== 0)
        throw invalidArgument([{ field: 'csv_data', description: 'csv_data is not base64' }]);
      const now = context.state.clock.now().toISOString();
      Object.assign(source, { status: 'PENDING', updated_at: now, synced_at: now });
      return { body: { value: source, warnings: [] } };
    },
  },
  {
    method: 'POST',
    pattern: '/api/v1/providers/custom/{id}/datasources/{ds}:parts',
    access: 'write',
    maxBodyBytes: Math.ceil((maxPushPayloadBytes * 4) / 3) + 64 * 1024,
    handle: async (context) => {
      const source = dataSourceOf(context);
      validateBody(pushPart, await context.readJson());
      return one(source);
    },
  },
];
