import { describe, expect, it } from 'vitest';
import { runWithConcurrency } from '../../../../../src/main/core/doctor/run-with-concurrency';

describe('runWithConcurrency', () => {
  it('keeps the order of the items and never runs more than the limit', async () => {
    let running = 0;
    let most = 0;
    const results = await runWithConcurrency([30, 5, 20, 1, 10, 2], 3, async (ms, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(3);
  });

  it('handles no items', async () => {
    await expect(runWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
  });
});
