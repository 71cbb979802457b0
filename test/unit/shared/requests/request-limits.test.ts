import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRequestTarget } from '../../../../src/shared/requests/build-request-url';
import {
  cutRequestBody,
  historyRequestBodyLimit,
  requestTargetMax,
} from '../../../../src/shared/requests/request-records';
import {
  requestLimits,
  requestSpecSchema,
  type RequestRow,
  type RequestSpec,
} from '../../../../src/shared/requests/request-spec';

// The bounds of a request (issue 14) and the words the composer shows for each.
const spec = (extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'POST',
  path: '/api/v1/providers',
  query: [],
  headers: [],
  ...extra,
});
const row = (name: string, value = ''): RequestRow => ({ name, value, enabled: true });
const messages = (value: unknown) => {
  const parsed = requestSpecSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('a request within its limits', () => {
  it('accepts each part at its limit', () => {
    expect(messages(spec({ body: 'x'.repeat(requestLimits.body) }))).toEqual([]);
    expect(messages(spec({ path: `/${'p'.repeat(requestLimits.path - 1)}` }))).toEqual([]);
    const rows = Array.from({ length: requestLimits.rows }, (_, i) => row(`n${i}`, 'v'));
    expect(messages(spec({ query: rows, headers: rows }))).toEqual([]);
    expect(
      messages(
        spec({
          query: [row('n'.repeat(requestLimits.rowName), 'v'.repeat(requestLimits.rowValue))],
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'the body',
      spec({ body: 'x'.repeat(requestLimits.body + 1) }),
      'The body is larger than 10 MB',
    ],
    [
      'the path',
      spec({ path: `/${'p'.repeat(requestLimits.path)}` }),
      'The path can be at most 8 KB long.',
    ],
    [
      'the query rows',
      spec({ query: Array.from({ length: requestLimits.rows + 1 }, () => row('a')) }),
      'at most 100 query parameters',
    ],
    [
      'the header rows',
      spec({ headers: Array.from({ length: requestLimits.rows + 1 }, () => row('a')) }),
      'at most 100 headers',
    ],
    [
      'a row name',
      spec({ query: [row('n'.repeat(requestLimits.rowName + 1))] }),
      'at most 256 characters',
    ],
    [
      'a row value',
      spec({ headers: [row('x-a', 'v'.repeat(requestLimits.rowValue + 1))] }),
      'at most 16 KB long',
    ],
    [
      'path, query and headers together',
      spec({
        query: Array.from({ length: 5 }, (_, i) =>
          row(`q${i}`, 'v'.repeat(requestLimits.rowValue)),
        ),
      }),
      'together are longer than 64 KB',
    ],
  ])('refuses %s over its limit, in plain words', (_part, value, words) => {
    const said = messages(value);
    expect(said.length).toBeGreaterThan(0);
    expect(said.join(' ')).toContain(words);
    // Plain words: no schema jargon reaches the composer.
    expect(said.join(' ')).not.toMatch(/Too big|expected|<=|string/i);
  });
});

describe('cutRequestBody (what history keeps of a body)', () => {
  it('keeps a small body whole', () => {
    expect(cutRequestBody('{"a":1}')).toEqual({ body: '{"a":1}', cut: false });
    const exactly = 'é'.repeat(historyRequestBodyLimit / 2);
    expect(cutRequestBody(exactly)).toEqual({ body: exactly, cut: false });
  });

  it('keeps the first part of a large one: a prefix, within the limit, never half a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 0, maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        (text, limit) => {
          const { body, cut } = cutRequestBody(text, limit);
          const bytes = Buffer.byteLength(body);
          expect(bytes).toBeLessThanOrEqual(Math.max(limit, cut ? 0 : Buffer.byteLength(text)));
          expect(text.startsWith(body)).toBe(true);
          expect(cut).toBe(Buffer.byteLength(text) > limit);
          // At most one character (4 bytes) short of the limit.
          if (cut) expect(bytes).toBeGreaterThan(limit - 4);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the encoded target of any request within its limits fits the contract', () => {
  /** `n` characters (UTF-16 units) of `c`, repeated; a cut emoji leaves a lone surrogate. */
  const fill = (c: string, n: number) => c.repeat(Math.ceil(n / c.length)).slice(0, n);
  it('stays within requestTargetMax, even filled to the limit with the worst characters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: requestLimits.rows }),
        fc.integer({ min: 1, max: requestLimits.path }),
        // Each becomes 9 characters percent-encoded (a lone surrogate as U+FFFD), or 3, or 1.
        fc.constantFrom('€', '\uD800', '😀', 'é', ' ', 'a'),
        (rows, pathLength, c) => {
          const rest = requestLimits.head - pathLength;
          const perRow = rows === 0 ? 0 : Math.floor(rest / rows);
          const valueLength = Math.max(0, Math.min(requestLimits.rowValue, perRow - 1));
          const request = spec({
            path: `/${fill(c, pathLength - 1)}`,
            query: Array.from({ length: rows }, () => row(c.slice(0, 1), fill(c, valueLength))),
          });
          expect(messages(request)).toEqual([]);
          expect(buildRequestTarget(request).length).toBeLessThanOrEqual(requestTargetMax);
        },
      ),
      { numRuns: 60 },
    );
  });
});
