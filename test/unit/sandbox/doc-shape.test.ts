import { describe, expect, it } from 'vitest';
import { shapeDifference, valuesAt } from '../../integration/sandbox/support/doc-shape';

// The comparison the doc-example test relies on must itself catch what it is for.
describe('shapeDifference (documented example vs answer)', () => {
  it('agrees on the same keys and types, whatever the values', () => {
    expect(shapeDifference({ a: 'x', b: [{ c: 1 }] }, { a: 'y', b: [{ c: 2 }], extra: true })).toBe(
      undefined,
    );
  });

  it('names a missing key and a type that differs', () => {
    expect(shapeDifference({ a: 'x', b: 1 }, { a: 'x' })).toBe('$.b: missing');
    expect(shapeDifference({ number_value: '6' }, { number_value: 6 })).toBe(
      '$.number_value: expected string, got number',
    );
  });

  it('matches an array when one element fits, and reports the first otherwise', () => {
    expect(shapeDifference([{ error: {} }], [{}, { error: {} }])).toBe(undefined);
    expect(shapeDifference([{ error: {} }], [{}, {}])).toBe('$[0].error: missing');
  });

  it('takes a name for an enum number only where told, and any object for an open map', () => {
    expect(shapeDifference({ category: 1 }, { category: 'INTEGRATIONS' })).toBe(
      '$.category: expected number, got string',
    );
    expect(
      shapeDifference({ category: 1 }, { category: 'INTEGRATIONS' }, { looseEnums: ['category'] }),
    ).toBe(undefined);
    expect(
      shapeDifference(
        { properties: { a: 1 } },
        { properties: { b: 'x' } },
        { openMaps: ['properties'] },
      ),
    ).toBe(undefined);
    expect(
      shapeDifference({ properties: { a: 1 } }, { properties: [] }, { openMaps: ['properties'] }),
    ).toMatch(/expected an object/);
  });

  it('reads values at a path through arrays', () => {
    expect(valuesAt({ details: [{ reason: 'A' }, { reason: 'B' }] }, 'details[].reason')).toEqual([
      'A',
      'B',
    ]);
  });
});
