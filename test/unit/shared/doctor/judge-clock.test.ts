import { describe, expect, it } from 'vitest';
import { formatClockDifference, judgeClock } from '../../../../src/shared/doctor/judge-clock';

const day = 86_400_000;
const now = new Date('2026-12-02T06:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * day);
const valid = (from: number, to: number) => ({
  validFrom: at(from).toISOString(),
  validTo: at(to).toISOString(),
});

describe('judgeClock (Firefox: more than a day off, and the right time makes it valid)', () => {
  it.each([
    ['a day off at most: right', at(-0.9), valid(-30, -2), 'right'],
    ['ten days off, valid at the server time: wrong', at(-10), valid(-30, -2), 'wrong'],
    ['ten days ahead of a future certificate: wrong', at(10), valid(2, 30), 'wrong'],
    ['off, and invalid at the server time too: unknown', at(-10), valid(-30, -20), 'unknown'],
    ['no server time: unknown', undefined, valid(-30, -2), 'unknown'],
  ] as const)('%s', (_name, server, validity, verdict) => {
    expect(judgeClock(now, server, validity)).toBe(verdict);
  });

  it('unreadable dates cannot prove the clock wrong', () => {
    expect(judgeClock(now, at(-10), { validFrom: 'x', validTo: 'y' })).toBe('unknown');
  });
});

describe('formatClockDifference', () => {
  it.each([
    [-0.5, '12 hours ahead'],
    [-3, '3 days ahead'],
    [90, 'about 3 months behind'],
    [-729, 'about 2 years ahead'],
    [731, 'about 2 years behind'],
  ])('server at %i days: %s', (days, words) => {
    expect(formatClockDifference(now, at(days))).toBe(words);
  });
});
