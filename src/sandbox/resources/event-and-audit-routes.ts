import { randomUUID } from 'node:crypto';
import { invalidArgument } from '../http/api-error';
import type { Route, RouteContext } from '../http/route-table';
import { applyFilterAndOrder, matchesClause, parseFilter } from '../paging/list-filter';
import { readPageSize, tokenOnlyPage } from '../paging/paginate';
import type { RequestRecord } from '../sandbox-state';
import type { PlatformEvent } from '../model/catalog-types';
import { visibleCustomProviders } from './custom-provider-routes';
import { visibleProviders } from './provider-routes';

// Platform events (developers/api/events-api): {"events": [...], "next_page_token"}, no
// has_more, filtered like `category eq "INTEGRATIONS" and timestamp ge "..."`.
// Audit logs (developers/api/audit-logs): a filter with `ended_at GE "<time>"` within the last
// 90 days and a page_size (1 to 10,000) are required; a page_token carries the filter, so the
// two may not come together. Entries are the sandbox's own request log, one per answered
// request, in the list schema's shape ({id, timestamp, intent, result}); `ended_at` and
// result.http_status are added from the export example (Guess: where they sit in a list item).

/**
 * The events a caller's team may see. GUESS (the events-api page does not say): a team that
 * sees only some providers (PROVIDER_ID_SET) sees only their events and those about no provider,
 * as it sees only their data sources; the root team and UNBOUND teams see them all.
 */
function visibleEvents(context: RouteContext): PlatformEvent[] {
  const { team } = context.principal;
  const all = context.state.catalog.events;
  if (team.isRoot || team.policyType === 'UNBOUND') return all;
  const seen = new Set([
    ...visibleProviders(context).map((provider) => provider.id),
    ...visibleCustomProviders(context).map((provider) => provider.id),
  ]);
  return all.filter((event) => event.provider_id === '' || seen.has(event.provider_id));
}

const eventFields = [
  'category',
  'severity',
  'timestamp',
  'provider_id',
  'entity_id',
  'entity',
  'event_type',
  'name',
] as const;
const auditFields = ['ended_at', 'method', 'user_id', 'url'];
const ninetyDaysMs = 90 * 86_400_000;

interface AuditToken {
  offset: number;
  filter: string;
}

function encodeAuditToken(token: AuditToken): string {
  return Buffer.from(JSON.stringify({ o: token.offset, f: token.filter })).toString('base64url');
}

function decodeAuditToken(text: string): AuditToken | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      o?: unknown;
      f?: unknown;
    };
    if (typeof parsed.o !== 'number' || typeof parsed.f !== 'string') return undefined;
    return { offset: parsed.o, filter: parsed.f };
  } catch {
    return undefined;
  }
}

const grpcCodes: Record<number, string> = {
  400: 'InvalidArgument',
  401: 'Unauthenticated',
  403: 'PermissionDenied',
  404: 'NotFound',
  405: 'Unimplemented',
  413: 'ResourceExhausted',
  429: 'ResourceExhausted',
  500: 'Internal',
  503: 'Unavailable',
};

function auditEntry(context: RouteContext, record: RequestRecord): Record<string, unknown> {
  const key = record.keyId ? context.state.identities.findKey(record.keyId) : undefined;
  const status = record.status ?? 0;
  const code = status < 400 ? 'OK' : (grpcCodes[status] ?? 'Unknown');
  const ended = (record.endedAt ?? record.startedAt ?? new Date(0)).toISOString();
  return {
    id: record.id,
    timestamp: ended,
    ended_at: ended,
    started_at: (record.startedAt ?? new Date(0)).toISOString(),
    intent: {
      trace_id: record.id?.replace(/-/g, '') ?? '',
      user_id: key?.userId ?? '',
      session_id: '',
      api_key_id: key?.id ?? '',
      endpoint: record.path,
      method: record.method,
      url: record.path,
      client: { ip_address: '127.0.0.1', user_agent: record.userAgent ?? '' },
      request: {},
      delegate: '',
    },
    result: { code, error_reason: code === 'OK' ? 'OK' : code, http_status: status, response: {} },
    user_id: key?.userId ?? '',
    method: record.method,
    url: record.path,
  };
}

function requireRecentEndedAt(context: RouteContext, filter: string): void {
  const clauses = parseFilter(filter, auditFields);
  const since = clauses.find(
    (clause) =>
      clause.field === 'ended_at' && (clause.operator === 'ge' || clause.operator === 'gt'),
  );
  const at = since ? Date.parse(since.value.replace(/(\.\d{3})\d+/, '$1')) : Number.NaN;
  if (Number.isNaN(at) || context.state.clock.now().getTime() - at > ninetyDaysMs)
    throw invalidArgument([
      {
        field: 'filter',
        description: 'filter must include ended_at GE "<time>" within the last 90 days',
      },
    ]);
}

export const eventAndAuditRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/preview/events',
    access: 'read',
    handle: (context) => {
      const { state, query } = context;
      const page = tokenOnlyPage(
        applyFilterAndOrder(visibleEvents(context), query, eventFields),
        query,
        state.settings,
      );
      return { body: { events: page.values, next_page_token: page.next_page_token } };
    },
  },
  {
    method: 'GET',
    pattern: '/api/preview/system/audit',
    access: 'read',
    handle: (context) => {
      const { query, state } = context;
      if (!query.get('page_size'))
        throw invalidArgument([{ field: 'page_size', description: 'page_size is required' }]);
      const size = readPageSize(query, state.settings, { maxSize: 10_000 });
      const tokenText = query.get('page_token');
      let filter = query.get('filter')?.trim() ?? '';
      let offset = 0;
      if (tokenText) {
        if (filter)
          throw invalidArgument([
            { field: 'filter', description: 'filter must not be set together with page_token' },
          ]);
        const token = decodeAuditToken(tokenText);
        if (!token)
          throw invalidArgument([{ field: 'page_token', description: 'page_token is not valid' }]);
        ({ filter, offset } = token);
      }
      requireRecentEndedAt(context, filter);
      const clauses = parseFilter(filter, auditFields);
      const entries = state.requestLog
        .filter((record) => record.status !== undefined && record.endedAt !== undefined)
        .map((record) => auditEntry(context, record))
        .filter((entry) => clauses.every((clause) => matchesClause(entry, clause)));
      const values = entries.slice(offset, offset + size);
      const next =
        offset + size < entries.length ? encodeAuditToken({ offset: offset + size, filter }) : '';
      return { body: { values, next_page_token: next } };
    },
  },
];

/** An id for a request log record (the audit entry's id). */
export const newAuditId = (): string => randomUUID();
