import { findEndpoint } from '../../../shared/catalog/search-endpoints';
import { buildRequestTarget } from '../../../shared/requests/build-request-url';
import type { RequestSpec } from '../../../shared/requests/request-spec';

/** How the composer changed: the path typed, a call picked from the catalogue, anything else. */
export type SpecChange = 'edit' | 'path' | 'pick';

/** What the query parameters, headers and body of the previous call were, to put them back. */
export interface ClearedRows {
  /** The request they belonged to, "GET /api/v1/sandbox/large?bytes=20000000". */
  from: string;
  query: RequestSpec['query'];
  headers: RequestSpec['headers'];
  body?: string;
}

/** "GET /api/v1/roles?page_size=10": a request as it is sent, for people. */
export function requestLine(spec: Pick<RequestSpec, 'method' | 'path' | 'query'>): string {
  return `${spec.method} ${buildRequestTarget(spec)}`;
}

/**
 * Which call a request is: its catalogue entry (so filling in an id stays the same call), or
 * its path for a call the catalogue does not know.
 */
export function callKey(spec: Pick<RequestSpec, 'method' | 'path'>): string {
  const endpoint = findEndpoint(spec.method, spec.path.trim());
  return endpoint ? `endpoint:${endpoint.id}` : `path:${spec.path.trim().replace(/\/+$/, '')}`;
}

function holdsRows(spec: RequestSpec): boolean {
  return spec.query.length > 0 || spec.headers.length > 0 || Boolean(spec.body);
}

/**
 * The composer after a change. A call picked from the catalogue, or a path typed that is
 * another call, starts clean: the previous call's query parameters, headers and body go (and
 * are kept aside to put back), so nothing of it is sent or copied with the new call.
 */
export function applySpecChange(
  current: RequestSpec,
  next: RequestSpec,
  how: SpecChange,
): { spec: RequestSpec; cleared?: ClearedRows } {
  if (how === 'edit' || callKey(current) === callKey(next) || !holdsRows(current))
    return { spec: next };
  return {
    spec: { method: next.method, path: next.path, query: [], headers: [] },
    cleared: {
      from: requestLine(current),
      query: current.query,
      headers: current.headers,
      ...(current.body ? { body: current.body } : {}),
    },
  };
}
