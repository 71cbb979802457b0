/**
 * How Veza's documented lists page (docs.veza.com; veza-api.md "Checked against Veza's
 * published docs"). Most lists are `{"values": [...], "has_more", "next_page_token"}` and page
 * with the `page_size` and `page_token` query parameters (page_size: 25 by default on providers,
 * documented maximum 100). The ones below differ in their list's key or in how they page.
 */
export type PagingStyle = 'token' | 'cursor';

export interface ListEndpoint {
  method: string;
  /** The path without the query, e.g. /api/v1/providers/types. */
  path: RegExp;
  /** The field holding the list. */
  listKey: string;
  /**
   * `token`: `next_page_token` into the `page_token` query parameter. `cursor`: VQL's
   * `cursor`, put into the query text as `AFTER CURSOR '<cursor>'`.
   */
  paging: PagingStyle;
}

export const listEndpoints: readonly ListEndpoint[] = [
  // developers/api/management/provider-management: not paged, and two lists in one answer.
  {
    method: 'GET',
    path: /^\/api\/v1\/providers\/types$/,
    listKey: 'provider_types',
    paging: 'token',
  },
  // developers/api/events-api: `events` and `next_page_token`, no has_more.
  { method: 'GET', path: /^\/api\/preview\/events$/, listKey: 'events', paging: 'token' },
  // features/search/vql/vql-api: `path_values`, `cursor`, `has_more`; LIMIT and AFTER CURSOR.
  {
    method: 'POST',
    path: /^\/api\/v1\/assessments\/vql:nodes$/,
    listKey: 'path_values',
    paging: 'cursor',
  },
];

/** The documented paging of a request (method and path, with or without a query). */
export function listEndpointOf(method: string, path: string): ListEndpoint | undefined {
  const bare = path.split(/[?#]/)[0] ?? path;
  return listEndpoints.find(
    (endpoint) => endpoint.method === method.toUpperCase() && endpoint.path.test(bare),
  );
}

/**
 * A VQL query asking for the page after `cursor`: `AFTER CURSOR '<cursor>'` in place of the one
 * the text has, before its LIMIT clause (VQL's order: `... [AFTER CURSOR '<c>'] [LIMIT n];`), or
 * at its end (before a final `;`). Undefined for a cursor that cannot be quoted (it holds a
 * quote, a backslash or a line break).
 */
export function vqlAfterCursor(query: string, cursor: string): string | undefined {
  if (/['\r\n\\]/.test(cursor)) return undefined;
  const clause = `AFTER CURSOR '${cursor}'`;
  const text = query.replace(/\s*\bAFTER\s+CURSOR\s+'[^']*'/i, '');
  const limit = /\s+LIMIT\s+\d+\s*;?\s*$/i.exec(text);
  if (limit) return `${text.slice(0, limit.index)} ${clause}${text.slice(limit.index)}`;
  const end = /\s*;\s*$/.exec(text);
  return end ? `${text.slice(0, end.index)} ${clause};` : `${text.trimEnd()} ${clause}`;
}
