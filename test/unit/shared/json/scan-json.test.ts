import { describe, expect, it } from 'vitest';
import { findJsonError, formatJson } from '../../../../src/shared/json/format-json';

const samples = [
  '{}',
  '[]',
  '0',
  '-12.5e+3',
  '"text with \\"quotes\\" and \\u00e9"',
  'true',
  '{"a":[1,2,{"b":null,"c":[]}],"d":{"e":false},"f":"x"}',
  ' [ [ [ ] ] , { } ] ',
  '{"values":[{"id":"abc","name":"GitHub","tags":["a","b"]}],"has_more":false}',
];

describe('formatJson', () => {
  it.each(samples)('agrees with JSON.parse on %s', (sample) => {
    const formatted = formatJson(sample);
    expect(formatted.ok).toBe(true);
    if (formatted.ok) {
      expect(JSON.parse(formatted.text)).toEqual(JSON.parse(sample));
      // Tokens stay as written, so only samples already in canonical form print identically.
      if (!/e\+|\\u/.test(sample)) {
        expect(formatted.text).toBe(JSON.stringify(JSON.parse(sample), null, 2));
      }
    }
  });

  it('keeps the digits of numbers JSON.parse would round', () => {
    const formatted = formatJson('{"id":12345678901234567890,"x":1.0}');
    expect(formatted).toEqual({
      ok: true,
      text: '{\n  "id": 12345678901234567890,\n  "x": 1.0\n}',
    });
  });
});

describe('syntax errors in plain words with line and column', () => {
  it.each([
    ['', 1, 1, /empty/],
    ['{"a":1,}', 1, 8, /comma just before this }/],
    ['[1,2,]', 1, 6, /comma just before this ]/],
    ["{'a':1}", 1, 2, /double quotes/],
    ['{a:1}', 1, 2, /name in double quotes/],
    ['{"a" 1}', 1, 6, /colon/],
    ['{"a":1 "b":2}', 1, 8, /comma \(,\) or a closing }/],
    ['{\n  "a": [1, 2\n}', 3, 1, /does not match: a ] is expected first/],
    ['{"a": "line\nbreak"}', 1, 12, /line break/],
    ['{"a": undefined}', 1, 7, /"undefined" is not a value/],
    ['{"a": 01}', 1, 7, /number/],
    ['{"a": 1} x', 1, 10, /more text after the end/],
    ['{"a": [1, 2', 1, 12, /ends too early: a closing ] is missing/],
    ['{"a": "unclosed', 1, 7, /not closed/],
    ['// note\n{}', 1, 1, /comments/],
    ['{"a": "\\x"}', 1, 8, /not an escape/],
  ])('%j', (text, line, column, message) => {
    const error = findJsonError(text);
    expect(error).toMatchObject({ line, column });
    expect(error?.message).toMatch(message);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('finds nothing wrong in valid JSON', () => {
    for (const sample of samples) expect(findJsonError(sample)).toBeUndefined();
  });
});
