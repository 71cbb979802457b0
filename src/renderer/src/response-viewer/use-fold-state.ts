import { useCallback, useMemo, useState } from 'react';
import {
  LineKind,
  lineDepth,
  lineKind,
  parentLine,
  visibleLines,
  type JsonLineIndex,
} from '../../../shared/json/json-line-index';

export interface FoldState {
  isFolded(line: number): boolean;
  toggle(line: number): void;
  setFolded(line: number, folded: boolean): void;
  /** Unfolds everything around a line so it can be seen. */
  reveal(line: number): void;
  collapseAll(): void;
  expandAll(): void;
  /** Visible position -> line; undefined while nothing is folded (then position = line). */
  visible?: Int32Array;
}

/**
 * Which objects and arrays are folded: one byte a line (4 MB for 4 million lines) rather
 * than a Set, so "Collapse all" on a huge list stays cheap.
 */
export function useFoldState(index: JsonLineIndex): FoldState {
  const [state, setState] = useState(() => ({
    index,
    flags: new Uint8Array(index.count),
    folded: 0,
  }));
  const current =
    state.index === index ? state : { index, flags: new Uint8Array(index.count), folded: 0 };
  const { flags, folded } = current;

  const update = useCallback(
    (change: (flags: Uint8Array) => void) => {
      const next = new Uint8Array(flags);
      change(next);
      let count = 0;
      for (let line = 0; line < next.length; line += 1) count += next[line] ?? 0;
      setState({ index, flags: next, folded: count });
    },
    [flags, index],
  );
  const visible = useMemo(
    () => (folded > 0 ? visibleLines(index, { has: (line) => flags[line] === 1 }) : undefined),
    [flags, folded, index],
  );
  return {
    isFolded: (line) => flags[line] === 1,
    toggle: (line) => update((next) => (next[line] = next[line] ? 0 : 1)),
    setFolded: (line, value) => update((next) => (next[line] = value ? 1 : 0)),
    reveal: (line) =>
      update((next) => {
        for (
          let parent = parentLine(index, line);
          parent >= 0;
          parent = parentLine(index, parent)
        ) {
          next[parent] = 0;
        }
      }),
    collapseAll: () =>
      update((next) => {
        for (let line = 0; line < index.count; line += 1) {
          next[line] =
            lineKind(index, line) === LineKind.Open && lineDepth(index, line) > 0 ? 1 : 0;
        }
      }),
    expandAll: () => update((next) => next.fill(0)),
    visible,
  };
}
