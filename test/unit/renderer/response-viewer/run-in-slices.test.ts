import { describe, expect, it } from 'vitest';
import {
  runInSlices,
  untilDeadline,
} from '../../../../src/renderer/src/response-viewer/run-in-slices';

const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('work in time slices', () => {
  it('answers the cancel function before any work, and ends small work without a macrotask', async () => {
    const order: string[] = [];
    runInSlices(
      () => {
        order.push('work');
        return true;
      },
      () => order.push('done'),
    );
    order.push('returned');
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['returned', 'work', 'done']);
  });

  it('stops at each deadline and lets other tasks run between slices', async () => {
    let slices = 0;
    let timerRan = false;
    let done = false;
    setTimeout(() => (timerRan = true), 0);
    const timerSeenBeforeEnd: boolean[] = [];
    runInSlices(
      (deadline) => {
        slices += 1;
        timerSeenBeforeEnd.push(timerRan);
        while (performance.now() < deadline);
        return slices === 4;
      },
      () => (done = true),
    );
    await idle();
    await idle();
    expect(done).toBe(true);
    expect(slices).toBe(4);
    // A timer queued before the work ran between its slices, not only after the last one.
    expect(timerSeenBeforeEnd.slice(1).some(Boolean)).toBe(true);
  });

  it('does no more work and never reports done once cancelled', async () => {
    let slices = 0;
    let done = false;
    const cancel = runInSlices(
      () => {
        slices += 1;
        return false;
      },
      () => (done = true),
    );
    await idle();
    cancel();
    const atCancel = slices;
    await idle();
    expect(slices).toBe(atCancel);
    expect(done).toBe(false);
  });

  it('advances a counted walk until the deadline, and stops as soon as it is done', () => {
    let advanced = 0;
    const step = untilDeadline((amount) => (advanced += amount) >= 50, 10);
    expect(step(performance.now() + 1_000)).toBe(true);
    expect(advanced).toBe(50);
    let once = 0;
    const expired = untilDeadline(() => ((once += 1), false), 10);
    expect(expired(performance.now() - 1)).toBe(false);
    expect(once).toBe(1);
  });
});
