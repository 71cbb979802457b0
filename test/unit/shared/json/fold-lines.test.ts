import { describe, expect, it } from 'vitest';
import { indexOfJson, naiveShownLines } from '../../../support/json-fold-reference';
import {
  foldShownLines,
  positionOfLine,
  startCollapseAll,
  startShownLines,
  startUnfold,
  type SteppedWalk,
} from '../../../../src/shared/json/fold-lines';
import {
  LineKind,
  lineDepth,
  lineKind,
  type JsonLineIndex,
} from '../../../../src/shared/json/json-line-index';

// A small, seeded pseudo-random document with nesting, empty containers and long arrays.
function randomDocument(seed: number): unknown {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const make = (depth: number): unknown => {
    const roll = next();
    if (depth > 4 || roll < 0.3) return roll < 0.15 ? Math.round(roll * 100) : 'text';
    const size = Math.floor(next() * 5);
    if (roll < 0.65) return Array.from({ length: size }, () => make(depth + 1));
    return Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${i}`, make(depth + 1)]));
  };
  return { values: Array.from({ length: 6 }, () => make(1)), has_more: false };
}

const openLines = (index: JsonLineIndex) =>
  Array.from({ length: index.count }, (_, line) => line).filter(
    (line) => lineKind(index, line) === LineKind.Open,
  );

/** Runs a walk to its end in steps of `step` lines, counting the steps. */
function finish<T>(walk: SteppedWalk<T>, step: number): { result: T; steps: number } {
  let steps = 1;
  while (!walk.advance(step)) steps += 1;
  return { result: walk.result(), steps };
}

describe('folding without walking every line', () => {
  it('lists the shown lines as the reference does, for any folds, in any step size', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const index = indexOfJson(randomDocument(seed));
      const opens = openLines(index);
      const folded = new Set(opens.filter((_, i) => (i * seed) % 3 === 0));
      const flags = new Uint8Array(index.count);
      for (const line of folded) flags[line] = 1;
      for (const step of [1, 3, 1000]) {
        const { result } = finish(startShownLines(index, flags, 0, index.count - 1), step);
        expect(Array.from(result)).toEqual(naiveShownLines(index, folded));
      }
    }
  });

  it('folds and unfolds one object by moving blocks, matching the reference', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const index = indexOfJson(randomDocument(seed));
      const folded = new Set<number>();
      const flags = new Uint8Array(index.count);
      let shown: Int32Array | undefined;
      // Fold every shown open line from the bottom up, then unfold them top down.
      const opens = openLines(index);
      for (const line of [...opens].reverse()) {
        if (!naiveShownLines(index, folded).includes(line)) continue;
        shown = foldShownLines(index, shown, line);
        folded.add(line);
        flags[line] = 1;
        expect(Array.from(shown)).toEqual(naiveShownLines(index, folded));
      }
      for (const line of opens) {
        if (!folded.has(line) || !naiveShownLines(index, folded).includes(line)) continue;
        folded.delete(line);
        flags[line] = 0;
        shown = finish(startUnfold(index, flags, shown ?? new Int32Array(0), line), 2).result;
        expect(Array.from(shown)).toEqual(naiveShownLines(index, folded));
      }
    }
  });

  it('collapses everything below the top, resumably', () => {
    const index = indexOfJson(randomDocument(7));
    const { result, steps } = finish(startCollapseAll(index), 5);
    const expected = new Set(openLines(index).filter((line) => lineDepth(index, line) > 0));
    expect(result.folded).toBe(expected.size);
    expect(Array.from(result.flags.keys()).filter((line) => result.flags[line] === 1)).toEqual([
      ...expected,
    ]);
    expect(Array.from(result.shown)).toEqual(naiveShownLines(index, expected));
    expect(steps).toBeGreaterThan(index.count / 5);
  });

  it('finds a line among the shown ones, and the lines themselves when nothing is folded', () => {
    const shown = Int32Array.from([0, 1, 5, 9, 10]);
    expect([0, 1, 5, 9, 10].map((line) => positionOfLine(shown, line))).toEqual([0, 1, 2, 3, 4]);
    expect(positionOfLine(shown, 7)).toBe(2);
    expect(positionOfLine(undefined, 42)).toBe(42);
  });

  it('handles a body with nothing to fold', () => {
    const index = indexOfJson(42);
    expect(Array.from(finish(startCollapseAll(index), 1).result.shown)).toEqual([0]);
  });
});
