/**
 * Runs long work on the page's thread a few milliseconds at a time, so the page keeps drawing
 * and answering keys however busy the computer is. Slices are measured in time, not in bytes
 * or lines: on a loaded laptop the same bytes take several times longer.
 */

/** Work done in slices: `step(deadline)` does what it can before `deadline`; true when done. */
export type SlicedWork = (deadline: number) => boolean;

// About half a frame: the page still gets to draw between slices.
const sliceMs = 8;

interface Scheduler {
  yield(): Promise<void>;
}

/** Lets the page draw and handle input, then comes back (scheduler.yield where Chromium has it). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.addEventListener(
      'message',
      () => {
        channel.port1.close();
        resolve();
      },
      { once: true },
    );
    channel.port1.start();
    channel.port2.postMessage(undefined);
  });
}

/**
 * Runs `work` until it is done or cancelled. The first slice runs in a microtask, before the
 * page next draws, so small work ends without a visible wait; the cancel function is answered
 * first. `onDone` is not called after a cancel.
 */
export function runInSlices(work: SlicedWork, onDone: () => void): () => void {
  let cancelled = false;
  const run = async () => {
    await Promise.resolve();
    while (!cancelled) {
      if (work(performance.now() + sliceMs)) {
        if (!cancelled) onDone();
        return;
      }
      await yieldToPage();
    }
  };
  void run();
  return () => {
    cancelled = true;
  };
}

/** Drives a walk that advances by a count (lines, bytes) until the slice's deadline passes. */
export function untilDeadline(advance: (amount: number) => boolean, amount: number): SlicedWork {
  return (deadline) => {
    do {
      if (advance(amount)) return true;
    } while (performance.now() < deadline);
    return false;
  };
}
