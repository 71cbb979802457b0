import { useEffect, useRef, type KeyboardEvent } from 'react';
import {
  LineKind,
  displayedValueLimit,
  lineDepth,
  lineKind,
  lineParts,
  linePosition,
  lineSetSize,
  lineSpans,
  parentLine,
  type JsonLineIndex,
} from '../../../shared/json/json-line-index';
import { positionOfLine } from '../../../shared/json/fold-lines';
import type { FoldState } from './use-fold-state';
import { useRowWindow } from './use-row-window';
import { HighlightedText, countMatches } from './HighlightedText';

const rowHeight = 20;

interface JsonTreeViewProps {
  bytes: Uint8Array;
  index: JsonLineIndex;
  folds: FoldState;
  /** The line the keyboard is on. */
  activeLine: number;
  onActiveLineChange: (line: number) => void;
  needle?: Uint8Array;
  /** The current search match: its line and which occurrence in it. */
  currentMatch?: { line: number; occurrence: number };
  idPrefix: string;
  label: string;
}

function valueClass(text: string): string {
  if (text.startsWith('"')) return 'rv-string';
  if (text === 'true' || text === 'false' || text === 'null') return 'rv-literal';
  if (/^-?\d/.test(text)) return 'rv-number';
  return 'rv-punctuation';
}

/**
 * The pretty JSON as a tree (role="tree", one treeitem per line with its level, size and
 * place, the way VS Code's virtual trees do it for screen readers). Only the rows on screen
 * exist in the page. The tree keeps focus and points at the active row with
 * aria-activedescendant, so rows can come and go while scrolling.
 */
export function JsonTreeView({
  bytes,
  index,
  folds,
  activeLine,
  onActiveLineChange,
  needle,
  currentMatch,
  idPrefix,
  label,
}: JsonTreeViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const visible = folds.visible;
  const count = visible ? visible.length : index.count;
  const lineAt = (position: number) => (visible ? (visible[position] ?? 0) : position);
  const { contentHeight, rows: shownRows, scrollToRow } = useRowWindow(scrollRef, count, rowHeight);
  // Bring the current search match into view when it changes (after any unfolding).
  useEffect(() => {
    if (currentMatch) scrollToRow(positionOfLine(visible, currentMatch.line), 'center');
    // Only a new match scrolls; scrollToRow changes with every scroll position.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentMatch, visible]);

  // Closing lines are not tree items: the keyboard skips them.
  const step = (from: number, direction: 1 | -1, distance = 1): number => {
    let position = positionOfLine(visible, from);
    let moved = 0;
    let target = from;
    while (moved < distance) {
      position += direction;
      if (position < 0 || position >= count) break;
      const line = lineAt(position);
      if (lineKind(index, line) !== LineKind.Close) {
        target = line;
        moved += 1;
      }
    }
    return target;
  };
  const lastItem = () => {
    for (let position = count - 1; position > 0; position -= 1) {
      if (lineKind(index, lineAt(position)) !== LineKind.Close) return lineAt(position);
    }
    return 0;
  };
  const goTo = (line: number) => {
    onActiveLineChange(line);
    scrollToRow(positionOfLine(visible, line), 'auto');
  };
  const isContainer = (line: number) => lineKind(index, line) === LineKind.Open;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => goTo(step(activeLine, 1)),
      ArrowUp: () => goTo(step(activeLine, -1)),
      PageDown: () => goTo(step(activeLine, 1, page)),
      PageUp: () => goTo(step(activeLine, -1, page)),
      Home: () => goTo(0),
      End: () => goTo(lastItem()),
      ArrowRight: () => {
        if (!isContainer(activeLine)) return;
        if (folds.isFolded(activeLine)) folds.setFolded(activeLine, false);
        else goTo(step(activeLine, 1));
      },
      ArrowLeft: () => {
        if (isContainer(activeLine) && !folds.isFolded(activeLine))
          folds.setFolded(activeLine, true);
        else if (parentLine(index, activeLine) >= 0) goTo(parentLine(index, activeLine));
      },
      Enter: () => isContainer(activeLine) && folds.toggle(activeLine),
      ' ': () => isContainer(activeLine) && folds.toggle(activeLine),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const rowId = (line: number) => `${idPrefix}-line-${line}`;
  return (
    <div
      ref={scrollRef}
      className="rv-scroll"
      role="tree"
      aria-label={label}
      aria-activedescendant={rowId(activeLine)}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="rv-content" style={{ height: contentHeight }}>
        {shownRows.map((item) => {
          const line = lineAt(item.index);
          const kind = lineKind(index, line);
          const folded = kind === LineKind.Open && folds.isFolded(line);
          const parts = lineParts(bytes, index, line, { folded, valueLimit: displayedValueLimit });
          const spans = lineSpans(bytes, index, line);
          const depth = lineDepth(index, line);
          const matchHere = currentMatch?.line === line ? currentMatch.occurrence : -1;
          const keyMatches = countMatches(bytes, spans.keyStart, spans.keyEnd, needle);
          const style = { top: item.top, paddingLeft: `${depth * 1.25 + 1.5}rem` };
          if (kind === LineKind.Close) {
            return (
              <div key={item.index} className="rv-row" role="none" aria-hidden="true" style={style}>
                <span className="rv-punctuation">{parts.value}</span>
                {parts.comma}
              </div>
            );
          }
          return (
            <div
              key={item.index}
              id={rowId(line)}
              className={line === activeLine ? 'rv-row rv-row-active' : 'rv-row'}
              role="treeitem"
              aria-level={depth + 1}
              aria-setsize={lineSetSize(index, line)}
              aria-posinset={linePosition(index, line)}
              aria-expanded={kind === LineKind.Open ? !folded : undefined}
              aria-selected={line === activeLine}
              style={style}
              onClick={() => onActiveLineChange(line)}
            >
              {kind === LineKind.Open && (
                <span
                  className="rv-fold"
                  aria-hidden="true"
                  onClick={(event) => {
                    event.stopPropagation();
                    onActiveLineChange(line);
                    folds.toggle(line);
                  }}
                >
                  {folded ? '▸' : '▾'}
                </span>
              )}
              {parts.key && (
                <HighlightedText
                  bytes={bytes}
                  start={spans.keyStart}
                  end={spans.keyEnd}
                  text={parts.key.slice(0, -2)}
                  needle={needle}
                  current={matchHere}
                  firstOccurrence={0}
                  className="rv-key"
                />
              )}
              {parts.key && <span className="rv-punctuation">: </span>}
              {folded || kind === LineKind.Empty || kind === LineKind.Open ? (
                <span className={folded ? 'rv-folded' : 'rv-punctuation'}>{parts.value}</span>
              ) : (
                <HighlightedText
                  bytes={bytes}
                  start={spans.valueStart}
                  end={spans.valueEnd}
                  text={parts.value}
                  needle={needle}
                  current={matchHere}
                  firstOccurrence={keyMatches}
                  className={valueClass(parts.value)}
                />
              )}
              {parts.comma && <span className="rv-punctuation">{parts.comma}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
