import { fetchAllPages, PagingError, type VezaPage } from '../../../shared/paging/fetch-all-pages';
import { ProblemError } from '../problem-error';
import type { InstanceSession } from './instance-client';

/** Sends one JSON call to Veza and answers the parsed body, or throws a ProblemError. */
export type VezaCall = InstanceSession['call'];

export interface ListAllOptions {
  /** More of the query, already encoded (`filter=...`). */
  query?: string;
  /** A safety stop for an endless list (pages of 100). */
  maxPages: number;
  /** At most this many items are kept; a longer list is cut and says so. */
  maxItems: number;
}

/**
 * A whole Veza list in main, page by page (`page_size=100`, following `next_page_token`), each
 * item read by `read` (undefined: left out). `complete` is false when a safety stop cut it.
 * Paging that cannot end (a token that repeats) is PAGING_FAILED, as in the request workspace.
 */
export async function listAllPages<T>(
  call: VezaCall,
  path: string,
  read: (raw: unknown) => T | undefined,
  options: ListAllOptions,
): Promise<{ values: T[]; complete: boolean }> {
  const query = options.query ?? '';
  let all;
  try {
    all = await fetchAllPages<unknown>(
      async (token) =>
        (await call(
          'GET',
          `${path}?${query ? `${query}&` : ''}page_size=100${token ? `&page_token=${encodeURIComponent(token)}` : ''}`,
        )) as VezaPage,
      { maxPages: options.maxPages },
    );
  } catch (error) {
    if (error instanceof PagingError)
      throw ProblemError.of('PAGING_FAILED', { raw: error.message });
    throw error;
  }
  const values = all.values.map(read).filter((value): value is T => value !== undefined);
  // A server that ignores page_size could still flood the window: the listing is cut and says so.
  return {
    values: values.slice(0, options.maxItems),
    complete: all.stoppedBy === 'end' && values.length <= options.maxItems,
  };
}
