import { describe, expect, it } from 'vitest';
import {
  clipNotes,
  maxNotesLength,
  readRelease,
} from '../../../../../src/main/core/updates/read-release';

const repository = { owner: 'veza-desk', repo: 'veza-desk' };
const release = {
  tag_name: '1.4.0',
  html_url: 'https://github.com/veza-desk/veza-desk/releases/tag/1.4.0',
  draft: false,
  prerelease: false,
  published_at: 'not a date',
  body: null,
};

describe('reading a release answer', () => {
  it('takes a tag with or without v, and leaves out a date it cannot read', () => {
    expect(readRelease(release, repository)).toEqual({
      ok: true,
      version: '1.4.0',
      prerelease: false,
      pageUrl: release.html_url,
      notes: '',
    });
  });

  it('counts a prerelease tag as a prerelease even when the flag says otherwise', () => {
    const read = readRelease({ ...release, tag_name: 'v2.0.0-rc.1' }, repository);
    expect(read).toMatchObject({ ok: true, version: '2.0.0-rc.1', prerelease: true });
  });

  it.each([null, 'v1.4.0', 42, [release]])('refuses %j', (value) => {
    expect(readRelease(value, repository).ok).toBe(false);
  });
});

describe('release notes', () => {
  it('are clipped at a word, with an ellipsis', () => {
    const notes = clipNotes(`${'word '.repeat(400)}end`);
    expect(notes.length).toBeLessThanOrEqual(maxNotesLength);
    expect(notes.endsWith('word…')).toBe(true);
  });

  it('lose control characters and direction overrides but keep line breaks', () => {
    expect(clipNotes('a\u0007b\u202Ec\r\nd\u0000')).toBe('abc\nd');
  });
});
