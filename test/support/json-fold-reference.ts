import {
  LineKind,
  buildJsonLineIndex,
  containerOf,
  lineKind,
  type JsonLineIndex,
} from '../../src/shared/json/json-line-index';

/** The pretty-view index of a value, for tests. */
export function indexOfJson(value: unknown): JsonLineIndex {
  const built = buildJsonLineIndex(new TextEncoder().encode(JSON.stringify(value)));
  if (!built.ok) throw new Error(built.error.message);
  return built.index;
}

/**
 * The reference for folding tests: walk every line and skip what a folded line hides. Kept
 * apart from src/shared/json/fold-lines.ts on purpose, so the two can disagree.
 */
export function naiveShownLines(index: JsonLineIndex, folded: Set<number>): number[] {
  const shown: number[] = [];
  let hiddenUntil = -1;
  for (let line = 0; line < index.count; line += 1) {
    if (line <= hiddenUntil) continue;
    shown.push(line);
    if (folded.has(line) && lineKind(index, line) === LineKind.Open)
      hiddenUntil = containerOf(index, line).close;
  }
  return shown;
}
