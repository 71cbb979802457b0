import { useEffect, useState } from 'react';
import type { SearchMatches, SteppedSearch } from '../../../shared/json/search-lines';

// About 10 ms of searching per slice on a slow machine, then the page gets to draw.
const bytesPerSlice = 2_000_000;
const typingPause = 200;

/**
 * Runs a search a slice at a time on the UI thread (yielding between slices), after the
 * user pauses typing. `start` is memoised by the caller for one query and one view.
 */
export function useSteppedSearch(start: (() => SteppedSearch) | undefined): {
  matches?: SearchMatches;
  searching: boolean;
} {
  const [result, setResult] = useState<{ start: () => SteppedSearch; matches: SearchMatches }>();
  useEffect(() => {
    if (!start) return undefined;
    let timer = window.setTimeout(step, typingPause);
    let search: SteppedSearch | undefined;
    function step() {
      search ??= start?.();
      if (!search) return;
      if (search.advance(bytesPerSlice)) {
        const matches = search.result();
        if (start) setResult({ start, matches });
      } else {
        timer = window.setTimeout(step, 0);
      }
    }
    return () => window.clearTimeout(timer);
  }, [start]);
  if (!start) return { searching: false };
  return result?.start === start
    ? { matches: result.matches, searching: false }
    : { searching: true };
}
