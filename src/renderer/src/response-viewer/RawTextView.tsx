import { useEffect, useRef } from 'react';
import { rawRowEnd } from '../../../shared/json/raw-rows';
import { useRowWindow } from './use-row-window';
import { HighlightedText } from './HighlightedText';

const rowHeight = 20;
const decoder = new TextDecoder();

interface RawTextViewProps {
  bytes: Uint8Array;
  rows: Int32Array;
  needle?: Uint8Array;
  currentMatch?: { line: number; occurrence: number };
  label: string;
}

/** The body exactly as received, long lines wrapped into rows; only the rows on screen exist. */
export function RawTextView({ bytes, rows, needle, currentMatch, label }: RawTextViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const {
    contentHeight,
    rows: shownRows,
    scrollToRow,
  } = useRowWindow(scrollRef, rows.length, rowHeight);
  // Bring the current match into view when it changes.
  useEffect(() => {
    if (currentMatch) scrollToRow(currentMatch.line, 'center');
    // Only a new match scrolls; scrollToRow changes with every scroll position.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentMatch]);
  return (
    <div ref={scrollRef} className="rv-scroll rv-raw" role="region" aria-label={label} tabIndex={0}>
      <div className="rv-content" style={{ height: contentHeight }}>
        {shownRows.map((item) => {
          const start = rows[item.index] ?? 0;
          const end = rawRowEnd(bytes, rows, item.index);
          return (
            <div key={item.index} className="rv-row" style={{ top: item.top }}>
              <HighlightedText
                bytes={bytes}
                start={start}
                end={end}
                text={decoder.decode(bytes.subarray(start, end))}
                needle={needle}
                current={currentMatch?.line === item.index ? currentMatch.occurrence : -1}
                firstOccurrence={0}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
