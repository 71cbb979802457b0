import type { ReactNode } from 'react';
import { matchesInSpan } from '../../../shared/json/search-lines';

const decoder = new TextDecoder();

interface HighlightedTextProps {
  bytes: Uint8Array;
  /** The bytes the text was decoded from. */
  start: number;
  end: number;
  text: string;
  needle?: Uint8Array;
  /** Which of this text's matches is the current one (-1: none), counted from `firstOccurrence`. */
  current: number;
  firstOccurrence: number;
  className?: string;
}

/**
 * Text with its search matches marked. Matches are found in the bytes by the same rule the
 * search counted them with, then placed in the decoded text.
 */
export function HighlightedText({
  bytes,
  start,
  end,
  text,
  needle,
  current,
  firstOccurrence,
  className,
}: HighlightedTextProps) {
  const offsets = needle?.length ? matchesInSpan(bytes, start, end, needle) : [];
  if (!offsets.length || !needle) return <span className={className}>{text}</span>;
  const pieces: ReactNode[] = [];
  let shown = 0;
  offsets.forEach((offset, number) => {
    const from = decoder.decode(bytes.subarray(start, offset)).length;
    const to = from + decoder.decode(bytes.subarray(offset, offset + needle.length)).length;
    if (to > text.length) return;
    pieces.push(text.slice(shown, from));
    const isCurrent = firstOccurrence + number === current;
    pieces.push(
      <mark key={offset} className={isCurrent ? 'rv-match rv-match-current' : 'rv-match'}>
        {text.slice(from, to)}
      </mark>,
    );
    shown = to;
  });
  pieces.push(text.slice(shown));
  return <span className={className}>{pieces}</span>;
}

/** How many matches a span holds (to number the next span's matches). */
export function countMatches(
  bytes: Uint8Array,
  start: number,
  end: number,
  needle?: Uint8Array,
): number {
  return needle?.length && start >= 0 ? matchesInSpan(bytes, start, end, needle).length : 0;
}
