import type { PagingStyle } from './list-endpoints';

/**
 * One page of a Veza list answer: a JSON object with the list under its own key (`values`,
 * `events`, `path_values`, ...), and `has_more` with `next_page_token` (or VQL's `cursor`).
 */
export type VezaPage = Record<string, unknown>;

export interface FetchAllPagesOptions<T = unknown> {
  /** Stops between pages; the pages fetched so far are kept. */
  signal?: AbortSignal;
  /** After each page: how many pages and items so far. */
  onProgress?: (progress: { pages: number; items: number }) => void;
  /** A safety stop for endless lists; the answer then says `stoppedBy: 'maxPages'`. */
  maxPages?: number;
  /**
   * A stop for lists too large to hold: pages are merged while their sizes (`pageBytes`) add up
   * to at most this; the page that would go over is not merged and the answer says
   * `stoppedBy: 'maxBytes'`. Without `pageBytes` every page counts as 0.
   */
  maxBytes?: number;
  /** The size of a page as it was received (its body's bytes), for `maxBytes`. */
  pageBytes?: (page: VezaPage) => number;
  /** Which field holds the list; by default the endpoint's (list-endpoints) or the page's one list. */
  listKey?: string;
  /** Where the next page's token is: `next_page_token` (default) or VQL's `cursor`. */
  paging?: PagingStyle;
  /**
   * Each page's items as they arrive. With it the items are handed over and not kept in
   * `values` (a caller that writes them out at once holds one page, not the list).
   */
  onItems?: (items: readonly T[], listKey: string) => void;
}

export interface AllPages<T> {
  /** The items of every page, in order (empty when `onItems` took them). */
  values: T[];
  /** How many items the pages held. */
  items: number;
  /** The field that holds the list; undefined when the answer is one document, not a list. */
  listKey: string | undefined;
  /** The first page's other fields (neither the list nor paging), for the merged document. */
  rest: Record<string, unknown>;
  pages: number;
  /** The merged pages' sizes (pageBytes), added up. */
  bytes: number;
  /** `end`: the list ended as Veza said; otherwise the list may be incomplete. */
  stoppedBy: 'end' | 'cancelled' | 'maxPages' | 'maxBytes';
}

/** Veza's paging did something that cannot end well; `partial` holds what was fetched. */
export class PagingError<T = unknown> extends Error {
  constructor(
    message: string,
    readonly partial: AllPages<T>,
  ) {
    super(message);
    this.name = 'PagingError';
  }
}

const pagingFields = ['has_more', 'next_page_token', 'cursor'];

/** The page's next token for this paging style: a non-empty string, or undefined. */
function nextTokenOf(page: VezaPage, paging: PagingStyle): string | undefined {
  const next = paging === 'cursor' ? page.cursor : page.next_page_token;
  return typeof next === 'string' && next !== '' ? next : undefined;
}

/** The field of a page that holds the list: the given one, or its one array field. */
function listKeyOf(page: VezaPage, given: string | undefined): string | undefined {
  if (given !== undefined) return Array.isArray(page[given]) ? given : undefined;
  const lists = Object.keys(page).filter((key) => Array.isArray(page[key]));
  return lists.length === 1 ? lists[0] : undefined;
}

const hasPagingSignal = (page: VezaPage, paging: PagingStyle) =>
  page.has_more === true || nextTokenOf(page, paging) !== undefined;

/**
 * Follows a Veza list to its end and merges the pages, whatever key the list is under. When a
 * page says `has_more`, that is obeyed (Veza may send a token with its last page, and a page may
 * be empty while more follow); when it does not (team keys, events), the walk goes on while
 * `next_page_token` is non-empty. A token seen before means the server is going round in a
 * circle: that stops with a PagingError instead of fetching forever. An answer that is no list
 * and does not page (a count, one object) is one document: `listKey` undefined, all in `rest`.
 */
export async function fetchAllPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<VezaPage>,
  {
    signal,
    onProgress,
    maxPages = 10_000,
    maxBytes = Number.POSITIVE_INFINITY,
    pageBytes,
    listKey: givenKey,
    paging = 'token',
    onItems,
  }: FetchAllPagesOptions<T> = {},
): Promise<AllPages<T>> {
  const values: T[] = [];
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let listKey: string | undefined;
  let rest: Record<string, unknown> = {};
  let items = 0;
  let pages = 0;
  let bytes = 0;
  const result = (stoppedBy: AllPages<T>['stoppedBy']): AllPages<T> => ({
    values,
    items,
    listKey,
    rest,
    pages,
    bytes,
    stoppedBy,
  });

  for (;;) {
    if (signal?.aborted) return result('cancelled');
    if (pages >= maxPages) return result('maxPages');
    const page = await fetchPage(token);
    if (signal?.aborted) return result('cancelled');
    if (typeof page !== 'object' || page === null || Array.isArray(page)) {
      throw new PagingError(`Page ${pages + 1} is not a JSON object.`, result('end'));
    }
    const size = pageBytes?.(page) ?? 0;
    if (bytes + size > maxBytes) return result('maxBytes');
    const key = listKeyOf(page, pages === 0 ? givenKey : listKey);
    if (pages === 0 && key === undefined && !hasPagingSignal(page, paging)) {
      // One document, not a list: a count, one object, an answer with several lists.
      rest = Object.fromEntries(
        Object.entries(page).filter(([name]) => !pagingFields.includes(name)),
      );
      bytes += size;
      pages = 1;
      onProgress?.({ pages, items });
      return result('end');
    }
    if (key === undefined) {
      throw new PagingError(
        `Page ${pages + 1} is not a Veza list: it has no ${listKey ? `"${listKey}" list` : 'one list of items'}.`,
        result('end'),
      );
    }
    if (pages === 0) {
      listKey = key;
      rest = Object.fromEntries(
        Object.entries(page).filter(([name]) => name !== key && !pagingFields.includes(name)),
      );
    }
    const pageItems = page[key] as T[];
    bytes += size;
    pages += 1;
    items += pageItems.length;
    if (onItems) onItems(pageItems, key);
    else for (const value of pageItems) values.push(value);
    onProgress?.({ pages, items });

    // has_more when Veza sends it; without it (team keys, events) a non-empty token goes on.
    const next = nextTokenOf(page, paging);
    if (page.has_more === false || (page.has_more === undefined && next === undefined))
      return result('end');
    if (next === undefined) {
      throw new PagingError(
        `Veza said more pages follow page ${pages} but gave no page token to ask for them.`,
        result('end'),
      );
    }
    if (seenTokens.has(next) || next === token) {
      throw new PagingError(
        `Veza sent the page token of an earlier page again after page ${pages}; fetching stopped so it does not go round in circles.`,
        result('end'),
      );
    }
    seenTokens.add(next);
    token = next;
  }
}
