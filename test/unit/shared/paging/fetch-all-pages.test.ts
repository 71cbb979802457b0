import { describe, expect, it, vi } from 'vitest';
import {
  fetchAllPages,
  PagingError,
  type VezaPage,
} from '../../../../src/shared/paging/fetch-all-pages';

interface Quirks {
  /** Veza may hand out a token with its last page. */
  tokenOnLastPage?: boolean;
  /** Pages (by number, from 0) that come back empty while has_more stays true. */
  emptyPages?: number[];
  /** has_more is left out instead of false (protobuf JSON does that). */
  omitFalseHasMore?: boolean;
}

/** A simulated Veza list of `items`, `size` per page, with opaque tokens and quirks. */
function simulatedList(items: number[], size: number, quirks: Quirks = {}) {
  const pages: { values: number[]; has_more?: boolean; next_page_token?: string }[] = [];
  let at = 0;
  for (let number = 0; at < items.length || quirks.emptyPages?.includes(number); number += 1) {
    const values = quirks.emptyPages?.includes(number) ? [] : items.slice(at, at + size);
    at += values.length;
    pages.push({ values, has_more: true, next_page_token: `tok-${(number + 1) * 7919}` });
  }
  const last = pages.at(-1);
  if (last) {
    if (!quirks.tokenOnLastPage) delete last.next_page_token;
    if (quirks.omitFalseHasMore) delete last.has_more;
    else last.has_more = false;
  }
  const requested: Array<string | undefined> = [];
  const fetchPage = vi.fn(async (token: string | undefined) => {
    requested.push(token);
    const index =
      token === undefined ? 0 : pages.findIndex((_p, i) => pages[i - 1]?.next_page_token === token);
    if (index < 0) throw new Error(`unknown token ${token}`);
    return structuredClone(pages[index] as VezaPage);
  });
  return { fetchPage, pageCount: pages.length, requested, pages };
}

const items = Array.from({ length: 23 }, (_, i) => i + 1);

describe('fetchAllPages', () => {
  it('gets every item exactly once when the last page still carries a token', async () => {
    const list = simulatedList(items, 5, { tokenOnLastPage: true });
    const all = await fetchAllPages(list.fetchPage);
    expect(all).toEqual({
      values: items,
      items: items.length,
      listKey: 'values',
      rest: {},
      pages: list.pageCount,
      bytes: 0,
      stoppedBy: 'end',
    });
    expect(list.fetchPage).toHaveBeenCalledTimes(list.pageCount);
  });

  it('goes on past empty pages while has_more is true', async () => {
    const list = simulatedList(items, 5, { emptyPages: [0, 2, 3] });
    const all = await fetchAllPages(list.fetchPage);
    expect(all.values).toEqual(items);
    expect(all.pages).toBe(8);
  });

  it('without has_more, goes on while next_page_token is non-empty (team keys, events)', async () => {
    const list = simulatedList(items, 10, { omitFalseHasMore: true });
    for (const page of list.pages) delete page.has_more;
    const all = await fetchAllPages(list.fetchPage);
    expect(all).toMatchObject({ values: items, items: 23, pages: 3, stoppedBy: 'end' });
  });

  it('without has_more, a last page that repeats its token stops with what it got', async () => {
    const fetchPage = async (token?: string): Promise<VezaPage> =>
      token === 'b'
        ? { values: [3], next_page_token: 'b' }
        : { values: [token ? 2 : 1], next_page_token: token ? 'b' : 'a' };
    const error = await fetchAllPages(fetchPage).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as PagingError).message).toMatch(/earlier page again after page 3/);
    expect((error as PagingError<number>).partial.values).toEqual([1, 2, 3]);
  });

  it('sends no token for the first page and each next_page_token after', async () => {
    const list = simulatedList(items, 10);
    await fetchAllPages(list.fetchPage);
    expect(list.requested).toEqual([undefined, 'tok-7919', 'tok-15838']);
  });

  it('reports progress after each page', async () => {
    const progress = vi.fn();
    await fetchAllPages(simulatedList(items, 10).fetchPage, { onProgress: progress });
    expect(progress.mock.calls.map(([value]) => value)).toEqual([
      { pages: 1, items: 10 },
      { pages: 2, items: 20 },
      { pages: 3, items: 23 },
    ]);
  });

  it('stops when cancelled, keeping the pages so far', async () => {
    const controller = new AbortController();
    const list = simulatedList(items, 5);
    const all = await fetchAllPages(list.fetchPage, {
      signal: controller.signal,
      onProgress: ({ pages }) => pages === 2 && controller.abort(),
    });
    expect(all).toMatchObject({
      values: items.slice(0, 10),
      pages: 2,
      bytes: 0,
      stoppedBy: 'cancelled',
    });
    expect(list.fetchPage).toHaveBeenCalledTimes(2);
  });

  it('stops at maxPages and says so', async () => {
    const all = await fetchAllPages(simulatedList(items, 5).fetchPage, { maxPages: 3 });
    expect(all).toMatchObject({ pages: 3, stoppedBy: 'maxPages' });
    expect(all.values).toHaveLength(15);
  });

  it('refuses a token it has seen before, with what it got so far', async () => {
    const fetchPage = async (token?: string): Promise<VezaPage> =>
      token === 'b'
        ? { values: [3], has_more: true, next_page_token: 'a' }
        : { values: [token ? 2 : 1], has_more: true, next_page_token: token ? 'b' : 'a' };
    const error = await fetchAllPages(fetchPage).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as PagingError).message).toMatch(/earlier page again/);
    expect((error as PagingError<number>).partial.values).toEqual([1, 2, 3]);
  });

  it('refuses has_more without a token and answers that are not lists', async () => {
    await expect(fetchAllPages(async () => ({ values: [1], has_more: true }))).rejects.toThrow(
      /no page token/,
    );
    await expect(
      fetchAllPages(async (token) =>
        token ? { value: {} } : { values: [1], has_more: true, next_page_token: 't' },
      ),
    ).rejects.toThrow(/Page 2 is not a Veza list: it has no "values" list/);
    await expect(
      fetchAllPages(async () => ({ a: [1], b: [2], next_page_token: 't' })),
    ).rejects.toThrow(/no one list of items/);
    await expect(fetchAllPages(async () => [1] as unknown as VezaPage)).rejects.toThrow(
      /not a JSON object/,
    );
  });

  it("follows a list under any key, and keeps the first page's other fields", async () => {
    const pages: Record<string, VezaPage> = {
      first: { events: [{ id: 'e1' }], next_page_token: 'n1', total: 3 },
      n1: { events: [], next_page_token: 'n2', total: 3 },
      n2: { events: [{ id: 'e2' }, { id: 'e3' }], next_page_token: '' },
    };
    const all = await fetchAllPages(async (token) => pages[token ?? 'first'] as VezaPage);
    expect(all).toMatchObject({
      values: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }],
      listKey: 'events',
      rest: { total: 3 },
      pages: 3,
      stoppedBy: 'end',
    });
  });

  it('takes the list key it is given when a page has several lists', async () => {
    const all = await fetchAllPages(
      async () => ({ provider_types: [{ type: 'AWS' }], unregistered_custom_provider_types: [] }),
      { listKey: 'provider_types' },
    );
    expect(all).toMatchObject({
      values: [{ type: 'AWS' }],
      listKey: 'provider_types',
      rest: { unregistered_custom_provider_types: [] },
      pages: 1,
    });
  });

  it('VQL: follows the cursor, obeying has_more', async () => {
    const requested: Array<string | undefined> = [];
    const all = await fetchAllPages(
      async (cursor) => {
        requested.push(cursor);
        return cursor === 'c2'
          ? { path_values: [3], cursor: 'c3', has_more: false }
          : { path_values: cursor ? [2] : [1], cursor: cursor ? 'c2' : 'c1', has_more: true };
      },
      { listKey: 'path_values', paging: 'cursor' },
    );
    expect(all).toMatchObject({ values: [1, 2, 3], listKey: 'path_values', rest: {} });
    expect(requested).toEqual([undefined, 'c1', 'c2']);
  });

  it('an answer that is no list and does not page is one document (a count)', async () => {
    const fetchPage = vi.fn(async () => ({ result_type: 'number', number_value: '6' }));
    const all = await fetchAllPages(fetchPage);
    expect(all).toMatchObject({
      values: [],
      items: 0,
      listKey: undefined,
      rest: { result_type: 'number', number_value: '6' },
      pages: 1,
      stoppedBy: 'end',
    });
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it("onItems takes each page's items instead of keeping them", async () => {
    const seen: unknown[][] = [];
    const all = await fetchAllPages(simulatedList(items, 10).fetchPage, {
      onItems: (page) => seen.push([...page]),
    });
    expect(seen).toEqual([items.slice(0, 10), items.slice(10, 20), items.slice(20)]);
    expect(all).toMatchObject({ values: [], items: 23, pages: 3 });
  });

  it('passes a failing page on as it is', async () => {
    await expect(fetchAllPages(async () => Promise.reject(new Error('HTTP 503')))).rejects.toThrow(
      'HTTP 503',
    );
  });
});
