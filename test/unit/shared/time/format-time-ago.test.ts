import { describe, expect, it } from 'vitest';
import { formatTimeAgo } from '../../../../src/shared/time/format-time-ago';

const now = new Date('2025-06-10T12:00:00.000Z');
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('formatTimeAgo', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [60_000, '1 minute ago'],
    [5 * 60_000 + 30_000, '5 minutes ago'],
    [3_600_000, '1 hour ago'],
    [23 * 3_600_000, '23 hours ago'],
    [30 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
    [10 * 86_400_000, 'on 2025-05-31'],
  ])('%i ms ago reads "%s"', (ms, words) => {
    expect(formatTimeAgo(before(ms), now)).toBe(words);
  });

  it('reads a time in the future as just now, and a broken one as unknown', () => {
    expect(formatTimeAgo(before(-3_600_000), now)).toBe('just now');
    expect(formatTimeAgo('not a date', now)).toBe('at an unknown time');
  });
});
