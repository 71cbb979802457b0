import { describe, expect, it } from 'vitest';
import {
  buildJsonLineIndex,
  containerOf,
  lineDepth,
  lineParts,
  linePosition,
  lineSetSize,
  parentLine,
  type JsonLineIndex,
} from '../../../../src/shared/json/json-line-index';
import { startShownLines } from '../../../../src/shared/json/fold-lines';
import { formatJson } from '../../../../src/shared/json/format-json';
import { searchJsonLines, searchRawRows } from '../../../../src/shared/json/search-lines';
import { buildRawRows, rawRowEnd } from '../../../../src/shared/json/raw-rows';

const utf8 = (text: string) => new TextEncoder().encode(text);
const body =
  '{"values":[{"id":"a1","name":"GitHub – Zürich 🎉"},{"id":"b2","tags":[]}],"has_more":false,"n":12345678901234567890}';

function indexOf(bytes: Uint8Array): JsonLineIndex {
  const built = buildJsonLineIndex(bytes);
  if (!built.ok) throw new Error(built.error.message);
  return built.index;
}

function render(
  bytes: Uint8Array,
  index: JsonLineIndex,
  lines: ArrayLike<number>,
  folded = new Set<number>(),
) {
  return Array.from(lines, (line) => {
    const parts = lineParts(bytes, index, line, { folded: folded.has(line) });
    return '  '.repeat(lineDepth(index, line)) + parts.key + parts.value + parts.comma;
  });
}

describe('the JSON line index', () => {
  it('renders exactly the pretty-printed text, line by line, unicode included', () => {
    const bytes = utf8(body);
    const index = indexOf(bytes);
    const all = Array.from({ length: index.count }, (_, line) => line);
    const formatted = formatJson(body);
    expect(formatted.ok && render(bytes, index, all).join('\n')).toBe(
      formatted.ok && formatted.text,
    );
  });

  it('knows sizes, places and parents for screen readers and folding', () => {
    const index = indexOf(utf8(body));
    expect(containerOf(index, 0)).toEqual({ close: 13, children: 3 });
    expect(containerOf(index, 1)).toEqual({ close: 10, children: 2 });
    expect([2, 6].map((line) => linePosition(index, line))).toEqual([1, 2]);
    expect([2, 6].map((line) => lineSetSize(index, line))).toEqual([2, 2]);
    expect(parentLine(index, 3)).toBe(2);
    expect(parentLine(index, 8)).toBe(6);
    expect(parentLine(index, 11)).toBe(0);
    expect(parentLine(index, 0)).toBe(-1);
  });

  it('folds an array to one line with its count and comma', () => {
    const bytes = utf8(body);
    const index = indexOf(bytes);
    const folded = new Set([1]);
    const flags = new Uint8Array(index.count);
    flags[1] = 1;
    const shown = startShownLines(index, flags, 0, index.count - 1);
    while (!shown.advance(1));
    expect(render(bytes, index, shown.result(), folded)).toEqual([
      '{',
      '  "values": […] 2 items,',
      '  "has_more": false,',
      '  "n": 12345678901234567890',
      '}',
    ]);
  });

  it('shortens very long values without cutting a character, and reports syntax errors', () => {
    const bytes = utf8(JSON.stringify({ blob: 'ééééé' }));
    expect(lineParts(bytes, indexOf(bytes), 1, { valueLimit: 4 }).value).toBe('"é… (9 more bytes)');
    expect(buildJsonLineIndex(utf8('{"a":}'))).toMatchObject({
      ok: false,
      error: { line: 1, column: 6 },
    });
    expect(buildJsonLineIndex(utf8('{"ü":x}'))).toMatchObject({ ok: false, error: { column: 6 } });
  });

  it('indexes a large body with every line accounted for', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => ({
      id: `id-${i}`,
      n: i,
      ok: i % 2 === 0,
    }));
    const index = indexOf(utf8(JSON.stringify({ values })));
    expect(index.count).toBe(2 + 2 + values.length * 5);
    expect(containerOf(index, 1).children).toBe(values.length);
    expect(lineSetSize(index, index.count - 7)).toBe(values.length);
  });
});

describe('search', () => {
  it('counts matches inside names and values, ignoring case for A-Z', () => {
    const bytes = utf8(body);
    const index = indexOf(bytes);
    const found = searchJsonLines(bytes, index, 'ID');
    expect(found.total).toBe(2);
    expect(Array.from(found.pairs)).toEqual([3, 0, 7, 0]);
    expect(searchJsonLines(bytes, index, 'zürich').total).toBe(1);
    expect(searchJsonLines(bytes, index, '":"').total).toBe(0);
  });

  it('numbers several matches in one line and stops keeping them at the limit', () => {
    const bytes = utf8('["xaXa xa", "xa"]');
    const found = searchJsonLines(bytes, indexOf(bytes), 'xa', 3);
    expect(found).toMatchObject({ total: 4, truncated: true });
    expect(Array.from(found.pairs)).toEqual([1, 0, 1, 1, 1, 2]);
  });
});

describe('raw rows', () => {
  it('splits at line breaks and cuts long lines between characters', () => {
    const bytes = utf8('abcdefgh\r\nij\n\nkéé');
    const rows = buildRawRows(bytes, 3);
    const decoder = new TextDecoder();
    expect(
      Array.from(rows, (start, row) =>
        decoder.decode(bytes.subarray(start, rawRowEnd(bytes, rows, row))),
      ),
    ).toEqual(['abc', 'def', 'gh', 'ij', '', 'ké', 'é']);
    expect(Array.from(searchRawRows(bytes, rows, 'É').pairs)).toEqual([5, 0, 6, 0]);
  });
});

describe('stepped search', () => {
  it('finds the same matches a slice at a time, across slice edges', async () => {
    const { startJsonSearch } = await import('../../../../src/shared/json/search-lines');
    const text = JSON.stringify({
      values: Array.from({ length: 300 }, (_, i) => ({ name: `GitHub ${i} github` })),
    });
    const bytes = utf8(text);
    const index = indexOf(bytes);
    const whole = searchJsonLines(bytes, index, 'github');
    const stepped = startJsonSearch(bytes, index, 'github');
    let steps = 0;
    while (!stepped.advance(7)) steps += 1;
    expect(steps).toBeGreaterThan(100);
    expect(stepped.result()).toEqual(whole);
    expect(whole.total).toBe(600);
  });
});
