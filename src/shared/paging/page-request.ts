import type { RequestSpec } from '../requests/request-spec';
import { listEndpointOf, vqlAfterCursor, type PagingStyle } from './list-endpoints';

/** How a request's list pages: its list's key when documented, and its paging style. */
export function pagingOf(spec: Pick<RequestSpec, 'method' | 'path'>): {
  listKey?: string;
  paging: PagingStyle;
} {
  const endpoint = listEndpointOf(spec.method, spec.path);
  return endpoint ? { listKey: endpoint.listKey, paging: endpoint.paging } : { paging: 'token' };
}

/**
 * The request for the page after `token`: the same request with `page_token` set (any
 * page_token the user typed is replaced), or for VQL the query text with `AFTER CURSOR
 * '<cursor>'`. The first page (no token) is the request as it is. Undefined when VQL's body
 * is not `{"query": "..."}` or the cursor cannot be quoted.
 */
export function pageRequest(
  spec: RequestSpec,
  paging: PagingStyle,
  token: string | undefined,
): RequestSpec | undefined {
  if (token === undefined) return spec;
  if (paging === 'token') {
    return {
      ...spec,
      query: [
        ...spec.query.filter((row) => row.name !== 'page_token'),
        { name: 'page_token', value: token, enabled: true },
      ],
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(spec.body ?? '');
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const query = (body as Record<string, unknown>).query;
  const next = typeof query === 'string' ? vqlAfterCursor(query, token) : undefined;
  return next === undefined
    ? undefined
    : { ...spec, body: JSON.stringify({ ...body, query: next }) };
}
