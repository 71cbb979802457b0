import { invalidArgument } from '../http/api-error';
import { allowedPageSizeCeiling, maxPageSize, type SandboxSettings } from '../sandbox-settings';
import { decodePageToken, encodePageToken } from './page-token';

// Veza's list shape and paging: `page_size` (documented maximum 100) and `page_token` in the
// query, `{"values", "has_more", "next_page_token"}` in the answer (developers/api/pagination).
// With the quirks on (settings), the last page still carries a token (has_more false) and the
// second request answers an empty page with has_more true; a client that stops on
// has_more == false gets every item once. Lists documented without has_more (team keys,
// events) drop it: see `withoutHasMore`.

export interface Page<T> {
  values: T[];
  has_more: boolean;
  next_page_token: string;
}

export interface PageOptions {
  /** page_size when the request gives none (Guess: 100, except where a page documents one). */
  defaultSize?: number;
  /** The most a page may hold for this list (default the documented 100). */
  maxSize?: number;
}

export function readPageSize(
  query: URLSearchParams,
  settings: SandboxSettings,
  options: PageOptions = {},
): number {
  const max = options.maxSize ?? maxPageSize;
  const raw = query.get('page_size');
  if (raw === null || raw === '' || raw === '0') return options.defaultSize ?? max;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0)
    throw invalidArgument([
      { field: 'page_size', description: 'page_size must be a non-negative integer' },
    ]);
  if (size <= max) return size;
  if (settings.pageSizeOverMax === 'clamp') return max;
  if (settings.pageSizeOverMax === 'allow') return Math.min(size, allowedPageSizeCeiling);
  throw invalidArgument([{ field: 'page_size', description: `page_size must be at most ${max}` }]);
}

export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  settings: SandboxSettings,
  options: PageOptions = {},
): Page<T> {
  const size = readPageSize(query, settings, options);
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
  let nextToken = hasMore || (settings.tokenOnLastPage && end > cursor.offset) ? next : '';
  // The hostile quirk: the last page hands back the token it was asked with.
  if (!hasMore && token && settings.repeatTokenOnLastPage) nextToken = token;
  return {
    values: items.slice(cursor.offset, end),
    has_more: hasMore,
    next_page_token: nextToken,
  };
}

/**
 * A list documented without has_more (team keys: developers/api/users-teams/team-api-keys;
 * events: developers/api/events-api): `{values, next_page_token}`, paged by the token alone.
 * The token is "" on the last page (the docs' example) unless repeatTokenOnLastPage is on;
 * tokenOnLastPage does not apply, as a token there would mean "more" to every client.
 */
export function tokenOnlyPage<T>(
  items: readonly T[],
  query: URLSearchParams,
  settings: SandboxSettings,
  options: PageOptions = {},
): { values: T[]; next_page_token: string } {
  const page = paginate(items, query, { ...settings, tokenOnLastPage: false }, options);
  return { values: page.values, next_page_token: page.next_page_token };
}
