import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergedPagesJson } from '../../../../../src/main/core/requests/request-service';

// The merged answer of "Fetch all pages" is built value by value (it may be more text than one
// string holds), and must read exactly as JSON.stringify({ values }, null, 2) did.
describe('mergedPagesJson', () => {
  it('writes what JSON.stringify({ values }, null, 2) writes', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 20 }), (values) => {
        expect(mergedPagesJson(values).toString('utf8')).toBe(JSON.stringify({ values }, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('an empty list, strings with line breaks, and undefined as null', () => {
    for (const values of [[], ['a\nb', { 'k\n': ['x\r\n'] }], [undefined, 1]])
      expect(mergedPagesJson(values).toString()).toBe(JSON.stringify({ values }, null, 2));
  });

  it('many values, in chunks, still one JSON document', () => {
    const values = Array.from({ length: 30_000 }, (_, i) => ({
      id: `n${i}`,
      name: 'x'.repeat(50),
    }));
    expect(JSON.parse(mergedPagesJson(values).toString())).toEqual({ values });
  });
});
