import { describe, expect, it } from 'vitest';
import { classifyKeyText, makeKeyText } from '../../../src/sandbox/auth/api-key-text';

describe('sandbox key text', () => {
  it('is base64 of a plainly fake label, different every time', () => {
    const a = makeKeyText('personal', 'Alice Admin');
    const b = makeKeyText('personal', 'Alice Admin');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').toString()).toMatch(
      /^veza-sandbox:personal:alice-admin:[0-9a-f]{32}$/,
    );
    expect(classifyKeyText(a)).toBe('well-formed');
  });

  it('tells not-base64 from base64-but-no-key, as Veza’s two documented errors do', () => {
    expect(classifyKeyText('abc')).toBe('not-base64'); // length not a multiple of 4
    expect(classifyKeyText('ab c')).toBe('not-base64');
    expect(classifyKeyText('ab-_')).toBe('not-base64'); // base64url alphabet is not Veza's
    expect(classifyKeyText(Buffer.from('hello world!').toString('base64'))).toBe('malformed');
    const key = makeKeyText('team', 'Platform');
    expect(classifyKeyText(`${key.slice(0, -4)}AAAA`)).toBe('malformed');
  });
});
