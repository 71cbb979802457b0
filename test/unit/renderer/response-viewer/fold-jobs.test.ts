import { describe, expect, it } from 'vitest';
import { indexOfJson, naiveShownLines } from '../../../support/json-fold-reference';
import {
  LineKind,
  lineDepth,
  lineKind,
  parentLine,
} from '../../../../src/shared/json/json-line-index';
import { FoldJobs, foldChanges } from '../../../../src/renderer/src/response-viewer/fold-jobs';

/** Waits until the queued changes are all worked out. */
async function settled(jobs: FoldJobs): Promise<void> {
  for (let turn = 0; turn < 10_000 && jobs.read().busy; turn += 1)
    await new Promise((resolve) => setTimeout(resolve, 0));
  expect(jobs.read().busy).toBe(false);
}

const document = {
  values: Array.from({ length: 30 }, (_, i) => ({
    id: i,
    tags: i % 3 ? [{ key: 'team', value: `t${i}` }] : [],
    data: { nested: { deep: [i, i + 1] } },
  })),
  has_more: false,
};

describe('fold jobs: changes queued and worked out in slices', () => {
  it('ends every sequence of changes where the reference model ends', async () => {
    const index = indexOfJson(document);
    const opens = Array.from({ length: index.count }, (_, line) => line).filter(
      (line) => lineKind(index, line) === LineKind.Open,
    );
    let state = 11;
    const random = (n: number) => (state = (state * 48271) % 2147483647) % n;
    for (let round = 0; round < 25; round += 1) {
      const jobs = new FoldJobs(index);
      const folded = new Set<number>();
      for (let step = 0; step < 12; step += 1) {
        const line = opens[random(opens.length)] ?? 0;
        const action = random(6);
        if (action === 0) {
          jobs.enqueue(foldChanges.collapseAll);
          folded.clear();
          for (const open of opens) if (lineDepth(index, open) > 0) folded.add(open);
        } else if (action === 1) {
          jobs.enqueue(foldChanges.expandAll);
          folded.clear();
        } else if (action === 2) {
          jobs.enqueue(foldChanges.reveal(line));
          for (let p = parentLine(index, line); p >= 0; p = parentLine(index, p)) folded.delete(p);
        } else if (action === 3) {
          jobs.enqueue(foldChanges.toggle(line));
          if (folded.has(line)) folded.delete(line);
          else folded.add(line);
        } else {
          const fold = action === 4;
          jobs.enqueue(foldChanges.setFolded(line, fold));
          if (fold) folded.add(line);
          else folded.delete(line);
        }
        // Half the time the next change is queued before this one is worked out.
        if (random(2)) await settled(jobs);
      }
      await settled(jobs);
      const { data } = jobs.read();
      const flagged = opens.filter((open) => data.flags[open] === 1);
      expect(flagged).toEqual([...folded].sort((a, b) => a - b));
      expect(data.folded).toBe(folded.size);
      const shown = data.shown ? Array.from(data.shown) : naiveShownLines(index, new Set());
      expect(shown).toEqual(naiveShownLines(index, folded));
      if (folded.size === 0) expect(data.shown).toBeUndefined();
    }
  });

  it('says it is busy while a change is worked out, tells its listeners, and stops when disposed', async () => {
    const index = indexOfJson({ values: Array.from({ length: 40_000 }, (_, i) => ({ i })) });
    const jobs = new FoldJobs(index);
    const seen: boolean[] = [];
    jobs.subscribe(() => seen.push(jobs.read().busy));
    jobs.enqueue(foldChanges.collapseAll);
    expect(jobs.read().busy).toBe(true);
    await settled(jobs);
    expect(seen).toEqual([true, false]);
    // The list and its 40,000 items are folded: {, "values": […], }.
    expect(jobs.read().data.folded).toBe(40_001);
    expect(jobs.read().data.shown?.length).toBe(3);

    const stopped = new FoldJobs(index);
    stopped.enqueue(foldChanges.collapseAll);
    stopped.dispose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped.read().data.folded).toBe(0);
  });
});
