import { LineKind, containerOf, lineDepth, lineKind, type JsonLineIndex } from './json-line-index';

/**
 * Folding in a body of millions of lines without walking all of them on every change. One
 * byte a line says "folded" (a Set would cost 50 bytes a line); the lines left to show are an
 * Int32Array of line numbers in order (undefined while nothing is folded: then line =
 * position). Walks over many lines are resumable (`advance(maxLines)`), so the page can run
 * them a few milliseconds at a time.
 */

/** A walk over many lines, run a slice at a time: advance() until it answers true. */
export interface SteppedWalk<T> {
  /** Goes over up to `maxLines` more lines; true when done. */
  advance(maxLines: number): boolean;
  result(): T;
}

/** Position of a line among the shown ones (the shown lines are in line order). */
export function positionOfLine(shown: Int32Array | undefined, line: number): number {
  if (!shown) return line;
  let low = 0;
  let high = shown.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((shown[middle] ?? 0) <= line) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Every line from..to, in order (the shown lines while nothing is folded). */
function allLines(from: number, to: number): Int32Array {
  const lines = new Int32Array(Math.max(0, to - from + 1));
  for (let i = 0; i < lines.length; i += 1) lines[i] = from + i;
  return lines;
}

/**
 * The shown lines after folding `line` (shown and open until now): everything after it up to
 * and including its closing line goes. Two block copies, whatever the body's size.
 */
export function foldShownLines(
  index: JsonLineIndex,
  shown: Int32Array | undefined,
  line: number,
): Int32Array {
  const { close } = containerOf(index, line);
  const current = shown ?? allLines(0, index.count - 1);
  const at = positionOfLine(current, line);
  const closeAt = positionOfLine(current, close);
  const next = new Int32Array(current.length - (closeAt - at));
  next.set(current.subarray(0, at + 1));
  next.set(current.subarray(closeAt + 1), at + 1);
  return next;
}

/**
 * The lines from..to that show, given which lines are folded: a folded opening line shows and
 * hides everything up to its closing line.
 */
export function startShownLines(
  index: JsonLineIndex,
  flags: Uint8Array,
  from: number,
  to: number,
): SteppedWalk<Int32Array> {
  let shown = new Int32Array(Math.min(to - from + 1, 1024));
  let count = 0;
  let line = from;
  return {
    advance(maxLines) {
      const stop = Math.min(to + 1, line + maxLines);
      while (line < stop) {
        if (count === shown.length) {
          const grown = new Int32Array(Math.min(to - from + 1, shown.length * 2));
          grown.set(shown);
          shown = grown;
        }
        shown[count] = line;
        count += 1;
        line =
          flags[line] === 1 && lineKind(index, line) === LineKind.Open
            ? containerOf(index, line).close + 1
            : line + 1;
      }
      return line > to;
    },
    result: () => shown.subarray(0, count),
  };
}

/**
 * The shown lines after unfolding `line` (shown and folded until now): its inside comes back,
 * with the objects inside it that are still folded shown folded.
 */
export function startUnfold(
  index: JsonLineIndex,
  flags: Uint8Array,
  shown: Int32Array,
  line: number,
): SteppedWalk<Int32Array> {
  const inside = startShownLines(index, flags, line + 1, containerOf(index, line).close);
  return {
    advance: (maxLines) => inside.advance(maxLines),
    result() {
      const added = inside.result();
      const at = positionOfLine(shown, line);
      const next = new Int32Array(shown.length + added.length);
      next.set(shown.subarray(0, at + 1));
      next.set(added, at + 1);
      next.set(shown.subarray(at + 1), at + 1 + added.length);
      return next;
    },
  };
}

/** "Collapse all": every object and array below the top folded, and the lines left to show. */
export function startCollapseAll(
  index: JsonLineIndex,
): SteppedWalk<{ flags: Uint8Array; folded: number; shown: Int32Array }> {
  const flags = new Uint8Array(index.count);
  let folded = 0;
  let line = 0;
  // Pass one marks every opening line below the top; pass two lists what shows.
  let shownWalk: SteppedWalk<Int32Array> | undefined;
  return {
    advance(maxLines) {
      const stop = Math.min(index.count, line + maxLines);
      for (; line < stop; line += 1) {
        if (lineKind(index, line) === LineKind.Open && lineDepth(index, line) > 0) {
          flags[line] = 1;
          folded += 1;
        }
      }
      if (line < index.count) return false;
      shownWalk ??= startShownLines(index, flags, 0, index.count - 1);
      return shownWalk.advance(maxLines);
    },
    result: () => ({
      flags,
      folded,
      shown: shownWalk?.result() ?? allLines(0, index.count - 1),
    }),
  };
}
