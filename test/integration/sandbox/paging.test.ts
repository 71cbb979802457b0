import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call, fetchAllPages } from './support/call-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const nodes = '/api/v1/assessments/query_spec:nodes';
const spec = { query_type: 'SOURCE_TO_DESTINATION' };

function quirks(tokenOnLastPage: boolean, emptyPageWhileHasMore: boolean) {
  sandbox.configure({ tokenOnLastPage, emptyPageWhileHasMore });
}

describe('paging over hundreds of nodes (POST query_spec:nodes)', () => {
  it.each([
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ])(
    'tokenOnLastPage=%s emptyPageWhileHasMore=%s: following has_more gets every node once',
    async (last, empty) => {
      quirks(last, empty);
      const { items, pages } = await fetchAllPages(sandbox, 'POST', nodes, {
        body: spec,
        pageSize: 100,
      });
      expect(items.length).toBeGreaterThanOrEqual(300);
      expect(new Set(items.map((n) => n.id)).size).toBe(items.length);
      const lastPage = pages.at(-1)?.json;
      expect(lastPage.has_more).toBe(false);
      expect(lastPage.next_page_token !== '').toBe(last);
      const emptyWhileMore = pages.filter((p) => p.json.values.length === 0 && p.json.has_more);
      expect(emptyWhileMore.length).toBe(empty ? 1 : 0);
      if (empty) expect(pages[1]?.json.values).toEqual([]);
      // pages: ceil(n/100), plus the empty one.
      expect(pages.length).toBe(Math.ceil(items.length / 100) + (empty ? 1 : 0));
    },
  );

  it('the token left on the last page leads to an empty, final page', async () => {
    quirks(true, false);
    const { pages } = await fetchAllPages(sandbox, 'POST', nodes, { body: spec, pageSize: 100 });
    const stale = pages.at(-1)?.json.next_page_token;
    const after = await call(sandbox, 'POST', `${nodes}?page_size=100&page_token=${stale}`, {
      body: spec,
    });
    expect(after.json).toEqual({ values: [], has_more: false, next_page_token: '' });
  });

  it('nodes carry realistic properties and can be narrowed by node type', async () => {
    quirks(false, false);
    const { items } = await fetchAllPages(sandbox, 'POST', nodes, {
      body: { ...spec, source_node_types: { nodes: [{ node_type: 'OktaUser' }] } },
      pageSize: 50,
    });
    expect(items.length).toBeGreaterThan(50);
    for (const node of items as unknown as {
      type: string;
      properties: Record<string, unknown>;
    }[]) {
      expect(node.type).toBe('OktaUser');
      expect(node.properties).toMatchObject({
        name: expect.any(String),
        email: expect.stringContaining('@example.com'),
      });
    }
  });

  it('clamps page_size above 100 by default, or refuses it when switched', async () => {
    quirks(false, false);
    const clamped = await call(sandbox, 'POST', `${nodes}?page_size=500`, { body: spec });
    expect(clamped.json.values).toHaveLength(100);
    sandbox.configure({ pageSizeOverMax: 'error' });
    try {
      const refused = await call(sandbox, 'POST', `${nodes}?page_size=101`, { body: spec });
      expect(refused.status).toBe(400);
      expect(refused.json.details[0].field_violations[0].field).toBe('page_size');
    } finally {
      sandbox.configure({ pageSizeOverMax: 'clamp' });
    }
  });

  it('refuses a bad page_size or page_token, and a bad query spec', async () => {
    for (const query of [
      'page_size=-1',
      'page_size=ten',
      'page_token=garbage',
      `page_token=${Buffer.from('{"o":99999}').toString('base64url')}`,
    ]) {
      const answer = await call(sandbox, 'POST', `${nodes}?${query}`, { body: spec });
      expect(answer.status, query).toBe(400);
      expect(answer.json.code).toBe('InvalidArgument');
    }
    const badSpec = await call(sandbox, 'POST', nodes, { body: { query_type: 'SIDEWAYS' } });
    expect(badSpec.json.details[0].field_violations[0].field).toBe('query_type');
  });
});
