import { describe, expect, it } from 'vitest';
import { ageInDays, describeAge, isDueForRotation } from '../../../../src/shared/keys/key-age';

const now = new Date('2025-06-30T12:00:00Z');

describe('key age', () => {
  it('counts whole days, never negative', () => {
    expect(ageInDays('2025-06-30T00:00:00Z', now)).toBe(0);
    expect(ageInDays('2025-06-29T11:59:59Z', now)).toBe(1);
    expect(ageInDays('2025-04-01T12:00:00Z', now)).toBe(90);
    expect(ageInDays('2026-01-01T00:00:00Z', now)).toBe(0);
    expect(ageInDays('not a date', now)).toBe(0);
  });

  it('is due for rotation from the reminder day on', () => {
    expect(isDueForRotation('2025-04-01T12:00:00Z', now, 90)).toBe(true);
    expect(isDueForRotation('2025-04-02T12:00:00Z', now, 90)).toBe(false);
    expect(isDueForRotation(undefined, now, 1)).toBe(false);
  });

  it('says the age in words', () => {
    expect(describeAge('2025-06-30T01:00:00Z', now)).toBe('today');
    expect(describeAge('2025-06-29T01:00:00Z', now)).toBe('1 day ago');
    expect(describeAge('2025-03-02T12:00:00Z', now)).toBe('120 days ago');
  });
});
