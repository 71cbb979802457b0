import { describe, expect, it } from 'vitest';
import { createMergedListJson } from '../../../../src/shared/paging/merged-list-json';

/** The document the writer builds from these pages, as one string. */
function merged(
  pages: unknown[][],
  listKey: string | undefined,
  rest: Record<string, unknown> = {},
  compact = false,
): { text: string; parts: number } {
  const parts: string[] = [];
  const json = createMergedListJson((part) => parts.push(String(part)), { compact });
  for (const page of pages) json.add(page, listKey ?? 'values');
  json.finish(listKey, rest);
  return { text: parts.join(''), parts: parts.length };
}

describe('createMergedListJson', () => {
  it.each([
    ['values', [[1, 2], [], [{ a: { b: [1, 'x'] } }]], {}],
    ['events', [[]], {}],
    ['events', [], {}],
    [
      'provider_types',
      [[{ type: 'AWS' }]],
      { unregistered_custom_provider_types: [], n: { x: 1 } },
    ],
    ['path_values', [[null, 'a\nb', 3]], {}],
  ])('writes {"%s": [...]} as JSON.stringify(document, null, 2) does', (key, pages, rest) => {
    const document = { [key]: pages.flat(), ...rest };
    expect(merged(pages, key, rest).text).toBe(JSON.stringify(document, null, 2));
    expect(merged(pages, key, rest, true).text).toBe(JSON.stringify(document));
  });

  it("compact: a page's list text is passed on as it stands", () => {
    const parts: string[] = [];
    const json = createMergedListJson(
      (part) => parts.push(typeof part === 'string' ? part : Buffer.from(part).toString()),
      { compact: true },
    );
    json.add([1, 2], 'values', '[ 1,\n 2 ]');
    json.add([], 'values', Buffer.from('[ ]'));
    json.add([3], 'values', Buffer.from('[3]'));
    json.finish('values', { total: 3 });
    expect(parts.join('')).toBe('{"values":[ 1,\n 2 ,3],"total":3}');
    expect(JSON.parse(parts.join(''))).toEqual({ values: [1, 2, 3], total: 3 });
  });

  it('an answer that is no list is written as it is', () => {
    const rest = { result_type: 'number', number_value: '6' };
    expect(merged([], undefined, rest).text).toBe(JSON.stringify(rest, null, 2));
    expect(merged([], undefined, rest, true).text).toBe(JSON.stringify(rest));
  });

  it('hands out a large list in parts of about 1 MB', () => {
    const page = Array.from({ length: 8_000 }, (_, i) => ({
      id: `item-${i}`,
      pad: 'x'.repeat(100),
    }));
    const { text, parts } = merged([page, page], 'values');
    expect(parts).toBeGreaterThan(1);
    expect(JSON.parse(text)).toEqual({ values: [...page, ...page] });
  });
});
