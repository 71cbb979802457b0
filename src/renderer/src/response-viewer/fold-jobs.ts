import {
  foldShownLines,
  positionOfLine,
  startCollapseAll,
  startShownLines,
  startUnfold,
  type SteppedWalk,
} from '../../../shared/json/fold-lines';
import {
  LineKind,
  lineKind,
  parentLine,
  type JsonLineIndex,
} from '../../../shared/json/json-line-index';
import { runInSlices, untilDeadline } from './run-in-slices';

/** What the viewer reads of the folding. */
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
  /** A change over many lines is still being worked out (shown as "Folding…"). */
  busy: boolean;
}

export interface FoldData {
  index: JsonLineIndex;
  /** One byte a line: 1 when folded. */
  flags: Uint8Array;
  folded: number;
  shown?: Int32Array;
}

/** A change: from the data as it is when its turn comes, the data after it. */
export type FoldChange = (data: FoldData) => SteppedWalk<FoldData>;

const unfolded = (index: JsonLineIndex): FoldData => ({
  index,
  flags: new Uint8Array(index.count),
  folded: 0,
});
const done = (data: FoldData): SteppedWalk<FoldData> => ({
  advance: () => true,
  result: () => data,
});
const withShown = (
  walk: SteppedWalk<Int32Array>,
  data: Omit<FoldData, 'shown'>,
): SteppedWalk<FoldData> => ({
  advance: (lines) => walk.advance(lines),
  result: () => ({ ...data, shown: walk.result() }),
});
const isShown = (data: FoldData, line: number) =>
  !data.shown || data.shown[positionOfLine(data.shown, line)] === line;

function setFoldedChange(line: number, fold: boolean): FoldChange {
  return (data) => {
    const { index } = data;
    if (lineKind(index, line) !== LineKind.Open || (data.flags[line] === 1) === fold)
      return done(data);
    const flags = new Uint8Array(data.flags);
    flags[line] = fold ? 1 : 0;
    const folded = data.folded + (fold ? 1 : -1);
    // Inside a folded object only the flag changes: nothing shown moves.
    if (!isShown(data, line)) return done({ index, flags, folded, shown: data.shown });
    if (fold) return done({ index, flags, folded, shown: foldShownLines(index, data.shown, line) });
    if (folded === 0 || !data.shown) return done({ index, flags, folded });
    return withShown(startUnfold(index, flags, data.shown, line), { index, flags, folded });
  };
}

const revealChange =
  (line: number): FoldChange =>
  (data) => {
    const { index } = data;
    let flags: Uint8Array | undefined;
    let folded = data.folded;
    for (let parent = parentLine(index, line); parent >= 0; parent = parentLine(index, parent)) {
      if (data.flags[parent] !== 1) continue;
      flags ??= new Uint8Array(data.flags);
      flags[parent] = 0;
      folded -= 1;
    }
    if (!flags) return done(data);
    if (folded === 0) return done({ index, flags, folded });
    return withShown(startShownLines(index, flags, 0, index.count - 1), { index, flags, folded });
  };

const collapseAllChange: FoldChange = ({ index }) => {
  const walk = startCollapseAll(index);
  return { advance: (lines) => walk.advance(lines), result: () => ({ index, ...walk.result() }) };
};

const expandAllChange: FoldChange = ({ index }) => done(unfolded(index));

// Lines per check of the clock: small enough that a slice overruns its budget by little.
const linesPerCheck = 20_000;

export interface FoldSnapshot {
  data: FoldData;
  busy: boolean;
}

/**
 * The folding of one body, outside React: changes are queued and each is worked out a few
 * milliseconds at a time (run-in-slices.ts), from the data as the change before it left it.
 */
export class FoldJobs {
  readonly index: JsonLineIndex;
  private snapshot: FoldSnapshot;
  private readonly queue: FoldChange[] = [];
  private cancel?: () => void;
  private readonly listeners = new Set<() => void>();

  constructor(index: JsonLineIndex) {
    this.index = index;
    this.snapshot = { data: unfolded(index), busy: false };
  }

  read = (): FoldSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  enqueue(change: FoldChange): void {
    this.queue.push(change);
    if (!this.cancel) this.runNext();
  }

  /** Stops the change being worked out and drops the queue (the body is gone). */
  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.queue.length = 0;
  }

  private runNext(): void {
    const change = this.queue.shift();
    if (!change) {
      this.cancel = undefined;
      this.publish({ ...this.snapshot, busy: false });
      return;
    }
    const walk = change(this.snapshot.data);
    if (!this.snapshot.busy) this.publish({ ...this.snapshot, busy: true });
    this.cancel = runInSlices(untilDeadline(walk.advance, linesPerCheck), () => {
      this.snapshot = { ...this.snapshot, data: walk.result() };
      this.runNext();
    });
  }

  private publish(snapshot: FoldSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

export const foldChanges = {
  toggle:
    (line: number): FoldChange =>
    (data) =>
      setFoldedChange(line, data.flags[line] !== 1)(data),
  setFolded: setFoldedChange,
  reveal: revealChange,
  collapseAll: collapseAllChange,
  expandAll: expandAllChange,
};
