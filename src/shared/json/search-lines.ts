import { lineSpans, lineStart, type JsonLineIndex } from './json-line-index';

/**
 * Search in a body's bytes. Case is ignored for A-Z (the body stays bytes, so other letters
 * match as typed). A match counts when it lies inside one name or one value, which is what
 * people search for; the same rule highlights and counts, so "3 of 12" is always right.
 */

export interface SearchMatches {
  /** Pairs: line (or raw row), occurrence within it (from 0), ... */
  pairs: Int32Array;
  total: number;
  /** More matches exist than were kept. */
  truncated: boolean;
}

const encoder = new TextEncoder();
const fold = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/** The query as the bytes a match must have, lower-cased for A-Z. */
export function searchNeedle(query: string): Uint8Array {
  return encoder.encode(query.toLowerCase()).map(fold);
}

/** Byte offsets where `needle` occurs in bytes start..end, not overlapping. */
export function matchesInSpan(
  bytes: Uint8Array,
  start: number,
  end: number,
  needle: Uint8Array,
): number[] {
  const found: number[] = [];
  const first = needle[0];
  if (first === undefined) return found;
  const last = end - needle.length;
  for (let i = start; i <= last; i += 1) {
    if (fold(bytes[i] ?? 0) !== first) continue;
    let j = 1;
    while (j < needle.length && fold(bytes[i + j] ?? 0) === needle[j]) j += 1;
    if (j === needle.length) {
      found.push(i);
      i += needle.length - 1;
    }
  }
  return found;
}

/** The last of `count` ascending starts (given by `startOf`) at or before `offset`. */
function ownerOf(offset: number, count: number, startOf: (item: number) => number): number {
  let low = 0;
  let high = count - 1;
  let owner = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (startOf(middle) <= offset) {
      owner = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return owner;
}

/** Collects matches one pass over the bytes, then files each under its line or row. */
function collect(
  bytes: Uint8Array,
  needle: Uint8Array,
  limit: number,
  count: number,
  startOf: (item: number) => number,
  accepts: (item: number, offset: number) => boolean,
): SearchMatches {
  const pairs: number[] = [];
  let total = 0;
  let currentItem = -1;
  let occurrence = 0;
  for (const offset of matchesInSpan(bytes, 0, bytes.length, needle)) {
    const item = ownerOf(offset, count, startOf);
    if (item < 0 || !accepts(item, offset)) continue;
    occurrence = item === currentItem ? occurrence + 1 : 0;
    currentItem = item;
    if (total < limit) pairs.push(item, occurrence);
    total += 1;
  }
  return { pairs: Int32Array.from(pairs), total, truncated: total > limit };
}

/** Every match of `query` in the pretty view's names and values. */
export function searchJsonLines(
  bytes: Uint8Array,
  index: JsonLineIndex,
  query: string,
  limit = 100_000,
): SearchMatches {
  const needle = searchNeedle(query);
  return collect(
    bytes,
    needle,
    limit,
    index.count,
    (line) => lineStart(index, line),
    (line, offset) => {
      const spans = lineSpans(bytes, index, line);
      const inside = (start: number, end: number) =>
        offset >= start && offset + needle.length <= end;
      return inside(spans.keyStart, spans.keyEnd) || inside(spans.valueStart, spans.valueEnd);
    },
  );
}

/** Every match of `query` in the raw view's rows (a match cut by a row's end is not counted). */
export function searchRawRows(
  bytes: Uint8Array,
  rows: Int32Array,
  query: string,
  limit = 100_000,
): SearchMatches {
  const needle = searchNeedle(query);
  const endOf = (row: number) =>
    row + 1 < rows.length ? (rows[row + 1] ?? bytes.length) : bytes.length;
  return collect(
    bytes,
    needle,
    limit,
    rows.length,
    (row) => rows[row] ?? 0,
    (row, offset) => offset + needle.length <= endOf(row),
  );
}
