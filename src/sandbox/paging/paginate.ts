import { invalidArgument } from '../http/api-error';
import { maxPageSize, type SandboxSettings } from '../sandbox-settings';
import { decodePageToken, encodePageToken } from './page-token';

// Veza's list shape and paging: `page_size` (max 100) and `page_token` in the query,
// `{"values", "has_more", "next_page_token"}` in the answer. With the quirks on (settings), the
// last page still carries a token (has_more false) and the second request answers an empty
// page with has_more true; a client that stops on has_more == false gets every item once.

export interface Page<T> {
  values: T[];
  has_more: boolean;
  next_page_token: string;
}

export function readPageSize(query: URLSearchParams, settings: SandboxSettings): number {
  const raw = query.get('page_size');
  if (raw === null || raw === '' || raw === '0') return maxPageSize;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0)
    throw invalidArgument([
      { field: 'page_size', description: 'page_size must be a non-negative integer' },
    ]);
  if (size <= maxPageSize) return size;
  if (settings.pageSizeOverMax === 'clamp') return maxPageSize;
  throw invalidArgument([
    { field: 'page_size', description: `page_size must be at most ${maxPageSize}` },
  ]);
}

export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  settings: SandboxSettings,
): Page<T> {
  const size = readPageSize(query, settings);
  const token = query.get('page_token');
  const cursor = token ? decodePageToken(token) : { offset: 0, emptyServed: false };
  if (!cursor || cursor.offset > items.length)
    throw invalidArgument([
      { field: 'page_token', description: 'page_token is not valid for this list' },
    ]);
  if (
    settings.emptyPageWhileHasMore &&
    token &&
    !cursor.emptyServed &&
    cursor.offset < items.length
  )
    return {
      values: [],
      has_more: true,
      next_page_token: encodePageToken({ offset: cursor.offset, emptyServed: true }),
    };
  const end = Math.min(cursor.offset + size, items.length);
  const hasMore = end < items.length;
  const next = encodePageToken({ offset: end, emptyServed: cursor.emptyServed });
  return {
    values: items.slice(cursor.offset, end),
    has_more: hasMore,
    next_page_token: hasMore || (settings.tokenOnLastPage && end > cursor.offset) ? next : '',
  };
}
