/** One page of a Veza list answer: `{ values, has_more, next_page_token }`. */
export interface VezaPage<T> {
  values: T[];
  has_more?: boolean;
  next_page_token?: string;
}

export interface FetchAllPagesOptions {
  /** Stops between pages; the pages fetched so far are kept. */
  signal?: AbortSignal;
  /** After each page: how many pages and items so far. */
  onProgress?: (progress: { pages: number; items: number }) => void;
  /** A safety stop for endless lists; the answer then says `stoppedBy: 'maxPages'`. */
  maxPages?: number;
}

export interface AllPages<T> {
  values: T[];
  pages: number;
  /** `end`: Veza said has_more is false; otherwise the list may be incomplete. */
  stoppedBy: 'end' | 'cancelled' | 'maxPages';
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
  { signal, onProgress, maxPages = 10_000 }: FetchAllPagesOptions = {},
): Promise<AllPages<T>> {
  const values: T[] = [];
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  const result = (stoppedBy: AllPages<T>['stoppedBy']): AllPages<T> => ({
    values,
    pages,
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
