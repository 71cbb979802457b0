import { describe, expect, it } from 'vitest';
import { lintApiKey } from '../../../../src/shared/profiles/lint-api-key';
import { problemCatalog } from '../../../../src/shared/problems/catalog';

// A made-up key in Veza's form (base64 text), used only as a string.
const key = 'ZGVtby1rZXktZm9yLXZlemEtZGVzay10ZXN0cy0wMDAx';
const codes = (text: string) => lintApiKey(text).problems.map((p) => p.code);

describe('lintApiKey', () => {
  it('accepts clean base64 keys, standard and URL-safe, with or without padding', () => {
    for (const good of [
      key,
      `${key}==`.slice(0, 44),
      'ab+/cd_-EF01ghij',
      'QUJDREVGR0hJSktMTU5PUA==',
    ]) {
      expect(lintApiKey(good)).toEqual({ problems: [] });
    }
  });

  it('reports an empty key and a whitespace-only key as missing', () => {
    expect(codes('')).toEqual(['KEY_MISSING']);
    expect(codes(' \n\t ')).toEqual(['KEY_MISSING']);
    expect(codes('\u200B')).toEqual(['KEY_MISSING']);
  });

  it('refuses a 10 MB paste quickly and without a suggestion', () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const started = Date.now();
    const lint = lintApiKey(huge);
    expect(lint.problems.map((p) => p.code)).toEqual(['KEY_TOO_LONG']);
    expect(lint.suggestion).toBeUndefined();
    expect(lint.problems[0]?.explanation).toContain('10,485,760');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('catches line breaks and spaces inside, and offers the joined key', () => {
    const wrapped = `${key.slice(0, 20)}\n${key.slice(20)}`;
    expect(lintApiKey(wrapped)).toMatchObject({ suggestion: key });
    expect(codes(wrapped)).toEqual(['KEY_WHITESPACE']);
    expect(lintApiKey(` ${key}\r\n`)).toMatchObject({ suggestion: key });
    expect(lintApiKey(`${key.slice(0, 10)} ${key.slice(10)}`).suggestion).toBe(key);
  });

  it('catches a pasted Bearer prefix (and an Authorization header)', () => {
    expect(lintApiKey(`Bearer ${key}`)).toMatchObject({ suggestion: key });
    expect(codes(`bearer ${key}`)).toEqual(['KEY_BEARER_PREFIX']);
    expect(lintApiKey(`Authorization: Bearer ${key}`).suggestion).toBe(key);
  });

  it('catches straight and smart quotes around the key', () => {
    for (const quoted of [`"${key}"`, `'${key}'`, `“${key}”`, `‘${key}’`, `«${key}»`]) {
      expect(lintApiKey(quoted)).toMatchObject({ suggestion: key });
      expect(codes(quoted)).toEqual(['KEY_QUOTED']);
    }
  });

  it('untangles damage in layers: quotes around Bearer around a wrapped key', () => {
    const damaged = `"Bearer ${key.slice(0, 12)}\n${key.slice(12)}"\n`;
    const lint = lintApiKey(damaged);
    expect(lint.suggestion).toBe(key);
    expect(lint.problems.map((p) => p.code).sort()).toEqual(
      ['KEY_BEARER_PREFIX', 'KEY_QUOTED', 'KEY_WHITESPACE'].sort(),
    );
  });

  it('removes invisible characters with a suggestion, since no one typed them', () => {
    const lint = lintApiKey(`${key.slice(0, 5)}\u200B${key.slice(5)}\uFEFF`);
    expect(lint.problems.map((p) => p.code)).toEqual(['KEY_INVALID_CHARS']);
    expect(lint.suggestion).toBe(key);
  });

  it('reports smart quotes or other non-ASCII inside the key without guessing a fix', () => {
    for (const bad of [
      `${key.slice(0, 9)}”${key.slice(9)}`,
      `${key.slice(0, 9)}–${key.slice(9)}`,
      `${key}é`,
    ]) {
      const lint = lintApiKey(bad);
      expect(lint.problems.map((p) => p.code)).toEqual(['KEY_INVALID_CHARS']);
      expect(lint.suggestion).toBeUndefined();
    }
  });

  it('reports text that is not base64, quoting Veza’s wording, without a fix', () => {
    for (const bad of [
      'my-key-name!',
      `${key}.${key}`,
      'short',
      '123e4567-e89b-12d3-a456-426614174000', // a key's ID, not the key
      `${key}=`, // bad padding length
      `ab=cd${key}`,
    ]) {
      const lint = lintApiKey(bad);
      expect(
        lint.problems.map((p) => p.code),
        bad,
      ).toEqual(['KEY_NOT_BASE64']);
      expect(lint.suggestion).toBeUndefined();
    }
    expect(problemCatalog.KEY_NOT_BASE64.explanation).toContain(
      '"Invalid API key: API key is not the correct format (not base64 encoded)"',
    );
    expect(problemCatalog.KEY_INVALID_CHARS.explanation).toContain(
      '"Malformed API key: Typically due to a copy and paste error (correct format but invalid characters)"',
    );
  });

  it('never offers a cleaned key when one problem has no certain fix', () => {
    const lint = lintApiKey(`Bearer ${key.slice(0, 9)}”${key.slice(9)}`);
    expect(lint.problems.map((p) => p.code).sort()).toEqual([
      'KEY_BEARER_PREFIX',
      'KEY_INVALID_CHARS',
    ]);
    expect(lint.suggestion).toBeUndefined();
  });

  it('never quotes the key in a problem', () => {
    const lint = lintApiKey(`"Bearer ${key}\n"`);
    expect(JSON.stringify(lint.problems)).not.toContain(key.slice(4, 20));
  });
});
