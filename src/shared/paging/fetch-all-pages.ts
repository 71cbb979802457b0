/** One page of a Veza list answer: `{ values, has_more, next_page_token }`. */
export interface VezaPage<T> {
  values: T[];
  has_more?: boolean;
  next_page_token?: string;
}

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
  pageBytes?: (page: VezaPage<T>) => number;
}

export interface AllPages<T> {
  values: T[];
  pages: number;
  /** The merged pages' sizes (pageBytes), added up. */
  bytes: number;
  /** `end`: Veza said has_more is false; otherwise the list may be incomplete. */
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

/**
 * Follows a Veza list to its end and merges the pages. It stops on has_more == false, not on
 * an empty token (Veza may send a token with its last page) and not on an empty page (a page
 * may be empty while more follow). A token seen before means the server is going round in a
 * circle: that stops with a PagingError instead of fetching forever.
 */
export async function fetchAllPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<VezaPage<T>>,
  {
    signal,
    onProgress,
    maxPages = 10_000,
    maxBytes = Number.POSITIVE_INFINITY,
    pageBytes,
  }: FetchAllPagesOptions<T> = {},
): Promise<AllPages<T>> {
  const values: T[] = [];
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  let bytes = 0;
  const result = (stoppedBy: AllPages<T>['stoppedBy']): AllPages<T> => ({
    values,
    pages,
    bytes,
    stoppedBy,
  });

  for (;;) {
    if (signal?.aborted) return result('cancelled');
    if (pages >= maxPages) return result('maxPages');
    const page = await fetchPage(token);
    if (signal?.aborted) return result('cancelled');
    if (!page || !Array.isArray(page.values)) {
      throw new PagingError(
        `Page ${pages + 1} is not a Veza list: it has no "values" list.`,
        result('end'),
      );
    }
    const size = pageBytes?.(page) ?? 0;
    if (bytes + size > maxBytes) return result('maxBytes');
    bytes += size;
    pages += 1;
    for (const value of page.values) values.push(value);
    onProgress?.({ pages, items: values.length });

    // Protobuf JSON leaves out a false has_more, so a missing one means the end.
    if (page.has_more !== true) return result('end');
    const next = page.next_page_token;
    if (!next) {
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
