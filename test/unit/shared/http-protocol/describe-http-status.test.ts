import { describe, expect, it } from 'vitest';
import { describeHttpStatus } from '../../../../src/shared/http-protocol/describe-http-status';
import { formatDuration, formatSize } from '../../../../src/shared/format/format-size';

describe('describeHttpStatus', () => {
  it('names known statuses with their meaning for Veza', () => {
    expect(describeHttpStatus(401)).toEqual({
      name: 'Unauthorized',
      meaning: 'the key was refused',
      tone: 'refused',
    });
    expect(describeHttpStatus(200).tone).toBe('success');
    expect(describeHttpStatus(503).meaning).toMatch(/maintenance/);
  });
  it('falls back to the status class', () => {
    expect(describeHttpStatus(418)).toEqual({
      name: 'Refused',
      meaning: 'Veza did not accept the request',
      tone: 'refused',
    });
    expect(describeHttpStatus(599).tone).toBe('server');
    expect(describeHttpStatus(299).name).toBe('Success');
  });
});

describe('formatSize and formatDuration', () => {
  it.each([
    [1, '1 byte'],
    [999, '999 bytes'],
    [1500, '1.5 KB'],
    [52_428_800, '52.4 MB'],
    [250_000_000, '250 MB'],
    [3_200_000_000, '3.2 GB'],
  ])('%i bytes read %s', (bytes, words) => expect(formatSize(bytes)).toBe(words));
  it('shows ms below a second', () => {
    expect(formatDuration(87.4)).toBe('87 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
  });
});
