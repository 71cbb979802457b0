import { describe, expect, it } from 'vitest';
import { rawListRange } from '../../../../src/shared/paging/raw-list-range';

const found = (text: string, key: string) => {
  const range = rawListRange(text, key, JSON.parse(text) as Record<string, unknown>);
  return range && text.slice(range.start, range.end);
};

describe('rawListRange', () => {
  it.each([
    [{ values: [1, { a: '], }' }, [2]], has_more: true, next_page_token: 'x]"y' }, 'values'],
    [{ events: [{ 'q"]': '\\' }], next_page_token: '],"n":1}' }, 'events'],
    [{ path_values: [], cursor: 'c' }, 'path_values'],
    [{ values: [{ id: 1 }] }, 'values'],
  ])('finds the list in %j as it stands', (document, key) => {
    for (const text of [JSON.stringify(document), JSON.stringify(document, null, 2)]) {
      const raw = found(text, key);
      expect(raw).toBeDefined();
      expect(JSON.parse(raw ?? 'null')).toEqual((document as Record<string, unknown>)[key]);
      expect(text).toContain(raw);
    }
  });

  it("JSON's other white space and a key that needs escaping", () => {
    const text = '\r\n\t{ \t"a\\"b"\r\n:\t[1, "]"]\n ,\t"has_more" : false }\r\n';
    expect(found(text, 'a"b')).toBe('[1, "]"]');
  });

  it('a list that is not the first member, or no list: undefined (written out instead)', () => {
    expect(found('{"has_more":false,"values":[1]}', 'values')).toBeUndefined();
    expect(found('{"value":{"values":[1]}}', 'values')).toBeUndefined();
    expect(found('{"values":"no"}', 'values')).toBeUndefined();
  });
});
