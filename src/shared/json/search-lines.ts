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

/** Byte offsets where `needle` starts in from..to (it may run past `to`), not overlapping. */
export function matchesInSpan(
  bytes: Uint8Array,
  from: number,
  to: number,
  needle: Uint8Array,
  fits = to,
): number[] {
  const found: number[] = [];
  const first = needle[0];
  if (first === undefined) return found;
  const last = Math.min(to - 1, fits - needle.length);
  for (let i = from; i <= last; i += 1) {
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

/**
 * A search that runs a slice at a time, so the UI thread can search 50 MB without ever
 * stopping for long: call advance() until it answers true, yielding in between.
 */
export interface SteppedSearch {
  /** Searches up to `maxBytes` more; true when the whole body is done. */
  advance(maxBytes: number): boolean;
  result(): SearchMatches;
}

function steppedSearch(
  bytes: Uint8Array,
  needle: Uint8Array,
  limit: number,
  count: number,
  startOf: (item: number) => number,
  accepts: (item: number, offset: number) => boolean,
): SteppedSearch {
  const pairs: number[] = [];
  let total = 0;
  let currentItem = -1;
  let occurrence = 0;
  let position = 0;
  return {
    advance(maxBytes) {
      if (!needle.length) return true;
      const to = Math.min(bytes.length, position + maxBytes);
      for (const offset of matchesInSpan(bytes, position, to, needle, bytes.length)) {
        // The next slice starts after this match, so matches never overlap.
        position = Math.max(position, offset + needle.length);
        const item = ownerOf(offset, count, startOf);
        if (item < 0 || !accepts(item, offset)) continue;
        occurrence = item === currentItem ? occurrence + 1 : 0;
        currentItem = item;
        if (total < limit) pairs.push(item, occurrence);
        total += 1;
      }
      position = Math.max(position, to);
      return position >= bytes.length;
    },
    result: () => ({ pairs: Int32Array.from(pairs), total, truncated: total > limit }),
  };
}

/** A search of the pretty view's names and values. */
export function startJsonSearch(
  bytes: Uint8Array,
  index: JsonLineIndex,
  query: string,
  limit = 100_000,
): SteppedSearch {
  const needle = searchNeedle(query);
  return steppedSearch(
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

/** A search of the raw view's rows (a match cut by a row's end is not counted). */
export function startRawSearch(
  bytes: Uint8Array,
  rows: Int32Array,
  query: string,
  limit = 100_000,
): SteppedSearch {
  const needle = searchNeedle(query);
  const endOf = (row: number) =>
    row + 1 < rows.length ? (rows[row + 1] ?? bytes.length) : bytes.length;
  return steppedSearch(
    bytes,
    needle,
    limit,
    rows.length,
    (row) => rows[row] ?? 0,
    (row, offset) => offset + needle.length <= endOf(row),
  );
}

const runToEnd = (search: SteppedSearch): SearchMatches => {
  while (!search.advance(Infinity));
  return search.result();
};

/** Every match in the pretty view, at once (for small bodies and tests). */
export const searchJsonLines = (
  bytes: Uint8Array,
  index: JsonLineIndex,
  query: string,
  limit?: number,
) => runToEnd(startJsonSearch(bytes, index, query, limit));

/** Every match in the raw view, at once. */
export const searchRawRows = (bytes: Uint8Array, rows: Int32Array, query: string, limit?: number) =>
  runToEnd(startRawSearch(bytes, rows, query, limit));
