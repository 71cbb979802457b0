import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../src/sandbox/model/catalog-types';
import { applyFilterAndOrder, parseFilter } from '../../../src/sandbox/paging/list-filter';
import { runVql, type VqlAnswer } from '../../../src/sandbox/resources/vql-query';

const items = [
  { name: 'GitHub', state: 'ENABLED', timestamp: '2026-01-02T00:00:00.123456789Z' },
  { name: 'Okta', state: 'DISABLED', timestamp: '2026-01-05T00:00:00Z' },
];
const query = (filter: string) => new URLSearchParams({ filter });

describe('filters as Veza’s docs write them', () => {
  it('takes double and single quotes, operators in any case, clauses joined by and', () => {
    const fields = ['name', 'state', 'timestamp'] as const;
    expect(applyFilterAndOrder(items, query('name eq "GitHub"'), [...fields])).toHaveLength(1);
    expect(applyFilterAndOrder(items, query("state EQ 'DISABLED'"), [...fields])[0]?.name).toBe(
      'Okta',
    );
    expect(
      applyFilterAndOrder(
        items,
        query('timestamp GE "2026-01-03T00:00:00Z" and state ne "ENABLED"'),
        [...fields],
      ),
    ).toEqual([items[1]]);
    // Nanosecond times compare as instants.
    expect(
      applyFilterAndOrder(items, query('timestamp le "2026-01-02T00:00:00.2Z"'), [...fields]),
    ).toEqual([items[0]]);
  });

  it('refuses an unknown field or a value without quotes', () => {
    expect(() => parseFilter('colour eq "red"', ['name'])).toThrow();
    expect(() => parseFilter('name eq GitHub', ['name'])).toThrow();
  });
});

const nodes: GraphNode[] = Array.from({ length: 7 }, (_, index) => ({
  id: `n${index}`,
  type: index < 5 ? 'OktaUser' : 'GithubUser',
  properties: { is_active: index % 2 === 0, name: `User ${index}` },
}));

describe('VQL in the sandbox', () => {
  it('pages with LIMIT and AFTER CURSOR inside the query text', () => {
    const first = runVql('SHOW OktaUser LIMIT 2;', nodes) as VqlAnswer;
    expect(first.path_values.map((row) => (row.source as { id: string }).id)).toEqual(['n0', 'n1']);
    expect(first.has_more).toBe(true);
    const second = runVql(
      `SHOW OktaUser AFTER CURSOR '${first.cursor}' LIMIT 2;`,
      nodes,
    ) as VqlAnswer;
    expect(second.path_values.map((row) => (row.source as { id: string }).id)).toEqual([
      'n2',
      'n3',
    ]);
    const last = runVql(
      `SHOW OktaUser AFTER CURSOR '${second.cursor}' LIMIT 2;`,
      nodes,
    ) as VqlAnswer;
    expect(last).toMatchObject({ has_more: false, cursor: '' });
    expect(last.path_values).toHaveLength(1);
  });

  it('reads WHERE, and a destination only when asked for', () => {
    const active = runVql(
      'SHOW OktaUser WHERE is_active = true RELATED TO S3Bucket LIMIT 50;',
      nodes,
    ) as VqlAnswer;
    expect(active.path_values).toHaveLength(3);
    expect(active.path_values[0]).not.toHaveProperty('destination');
    const withDestinations = runVql(
      'SHOW OktaUser RELATED TO S3Bucket RESULT INCLUDE DESTINATION NODES LIMIT 1;',
      nodes,
    ) as VqlAnswer;
    expect(withDestinations.path_values[0]?.destination).toMatchObject({ type: 'S3Bucket' });
  });

  it('refuses what is not a query, and a cursor it did not make', () => {
    expect(runVql('SELECT * FROM users', nodes)).toHaveProperty('error');
    expect(runVql("SHOW OktaUser AFTER CURSOR 'garbage' LIMIT 2;", nodes)).toHaveProperty('error');
  });
});
