import { useEffect, useState, useSyncExternalStore } from 'react';
import type { JsonLineIndex } from '../../../shared/json/json-line-index';
import { FoldJobs, foldChanges, type FoldState } from './fold-jobs';

export type { FoldState } from './fold-jobs';

/**
 * Which objects and arrays are folded, for one body. Folding one object copies two blocks of
 * the shown lines, unfolding walks only its inside, and "Collapse all" on a 4-million-line
 * body is worked out in slices (fold-jobs.ts), so the page never stops.
 */
export function useFoldState(index: JsonLineIndex): FoldState {
  const [jobs, setJobs] = useState(() => new FoldJobs(index));
  // A new body starts unfolded; the old body's queued changes end with its jobs.
  if (jobs.index !== index) setJobs(new FoldJobs(index));
  useEffect(() => () => jobs.dispose(), [jobs]);
  const { data, busy } = useSyncExternalStore(jobs.subscribe, jobs.read);
  const { flags } = data;
  return {
    isFolded: (line) => flags[line] === 1,
    toggle: (line) => jobs.enqueue(foldChanges.toggle(line)),
    setFolded: (line, fold) => jobs.enqueue(foldChanges.setFolded(line, fold)),
    reveal: (line) => jobs.enqueue(foldChanges.reveal(line)),
    collapseAll: () => jobs.enqueue(foldChanges.collapseAll),
    expandAll: () => jobs.enqueue(foldChanges.expandAll),
    visible: data.shown,
    busy,
  };
}
