import { useEffect, useState } from 'react';
import type { SearchMatches, SteppedSearch } from '../../../shared/json/search-lines';
import { runInSlices, untilDeadline } from './run-in-slices';

// Bytes per check of the clock (well under a millisecond each); the slices are timed.
const bytesPerCheck = 256 * 1024;
const typingPause = 200;

/**
 * Runs a search a few milliseconds at a time on the UI thread (run-in-slices.ts), after the
 * user pauses typing. `start` is memoised by the caller for one query and one view.
 */
export function useSteppedSearch(start: (() => SteppedSearch) | undefined): {
  matches?: SearchMatches;
  searching: boolean;
} {
  const [result, setResult] = useState<{ start: () => SteppedSearch; matches: SearchMatches }>();
  useEffect(() => {
    if (!start) return undefined;
    let cancel: (() => void) | undefined;
    const timer = window.setTimeout(() => {
      const search = start();
      cancel = runInSlices(untilDeadline(search.advance, bytesPerCheck), () =>
        setResult({ start, matches: search.result() }),
      );
    }, typingPause);
    return () => {
      window.clearTimeout(timer);
      cancel?.();
    };
  }, [start]);
  if (!start) return { searching: false };
  return result?.start === start
    ? { matches: result.matches, searching: false }
    : { searching: true };
}
