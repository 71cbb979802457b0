import { describe, expect, it, vi } from 'vitest';
import { fetchAllPages, type VezaPage } from '../../../../src/shared/paging/fetch-all-pages';

// "Fetch all pages" stops at a byte limit (issue 14): pages are merged while their sizes add up
// to at most maxBytes; the page that would go over is not merged.

/** An endless list: every page holds `perPage` values and says more follow. */
function endlessList(perPage: number) {
  const fetchPage = vi.fn(async (token: string | undefined): Promise<VezaPage> => {
    const number = token === undefined ? 0 : Number(token);
    return {
      values: Array.from({ length: perPage }, (_, i) => number * perPage + i),
      has_more: true,
      next_page_token: String(number + 1),
    };
  });
  return fetchPage;
}

describe('fetchAllPages byte limit', () => {
  it('merges pages up to the limit, then stops without the page that would go over', async () => {
    const fetchPage = endlessList(2);
    const progress: { pages: number; items: number }[] = [];
    const all = await fetchAllPages(fetchPage, {
      maxBytes: 250,
      pageBytes: () => 100,
      onProgress: (step) => progress.push(step),
    });
    expect(all).toMatchObject({
      values: [0, 1, 2, 3],
      pages: 2,
      bytes: 200,
      stoppedBy: 'maxBytes',
    });
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(progress).toEqual([
      { pages: 1, items: 2 },
      { pages: 2, items: 4 },
    ]);
  });

  it('a page that meets the limit exactly is merged', async () => {
    const all = await fetchAllPages(endlessList(1), { maxBytes: 300, pageBytes: () => 100 });
    expect(all).toMatchObject({ pages: 3, bytes: 300, stoppedBy: 'maxBytes' });
  });

  it('a first page over the limit: nothing merged', async () => {
    const all = await fetchAllPages(endlessList(5), { maxBytes: 10, pageBytes: () => 11 });
    expect(all).toMatchObject({ values: [], pages: 0, bytes: 0, stoppedBy: 'maxBytes' });
  });

  it('counts the last page too: a list that ends within the limit ends', async () => {
    const fetchPage = vi.fn(async (): Promise<VezaPage> => ({
      values: [1],
      has_more: false,
    }));
    const all = await fetchAllPages(fetchPage, { maxBytes: 100, pageBytes: () => 40 });
    expect(all).toMatchObject({ values: [1], pages: 1, bytes: 40, stoppedBy: 'end' });
  });

  it('the page limit still applies with a byte limit, and comes first when reached first', async () => {
    const all = await fetchAllPages(endlessList(1), {
      maxPages: 4,
      maxBytes: 1000,
      pageBytes: () => 10,
    });
    expect(all).toMatchObject({ pages: 4, bytes: 40, stoppedBy: 'maxPages' });
  });

  it('without pageBytes, pages count as 0 bytes (the old behaviour)', async () => {
    const all = await fetchAllPages(endlessList(1), { maxBytes: 0, maxPages: 2 });
    expect(all).toMatchObject({ pages: 2, bytes: 0, stoppedBy: 'maxPages' });
  });
});
