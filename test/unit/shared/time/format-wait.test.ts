import { describe, expect, it } from 'vitest';
import { formatWait } from '../../../../src/shared/time/format-wait';

describe('formatWait', () => {
  it.each([
    [0, '1 second'],
    [1, '1 second'],
    [7, '7 seconds'],
    [89, '89 seconds'],
    [90, 'about 2 minutes'],
    [120, '2 minutes'],
    [150, 'about 3 minutes'],
    [3599, 'about 60 minutes'],
    [3600, '1 hour'],
    [5400, 'about 2 hours'],
    [7200, '2 hours'],
    [200_000, 'about 2 days'],
  ])('%i seconds: %s', (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });
});
