import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  keyForms,
  maskKeyInBytes,
  maskKeyInFile,
} from '../../../../../src/main/core/veza/mask-key-bytes';

const key = randomBytes(36).toString('base64');
const forms = keyForms(key);

describe('masking an echoed key in answer bytes', () => {
  it('masks the key as sent, URL-encoded and base64, and nothing else', () => {
    const text = `a ${key} b ${encodeURIComponent(key)} c ${Buffer.from(key).toString('base64')} d`;
    const masked = maskKeyInBytes(Buffer.from(text), forms).toString();
    expect(masked).toBe('a [redacted] b [redacted] c [redacted] d');
  });

  it('masks the key inside a larger base64 blob, at every byte offset', () => {
    for (const prefix of ['Bearer ', 'x', 'xy', 'xyz']) {
      for (const alphabet of ['base64', 'base64url'] as const) {
        const blob = Buffer.from(`${prefix}${key};tail`).toString(alphabet);
        const masked = maskKeyInBytes(Buffer.from(`seen: ${blob}`), forms).toString();
        expect([prefix, alphabet, masked.includes('[redacted]')]).toEqual([prefix, alphabet, true]);
        // What is left cannot be decoded back to the key.
        const rest = masked.replace(/\[redacted\]/g, '');
        expect(Buffer.from(rest, alphabet).toString()).not.toContain(key.slice(4, -4));
      }
    }
  });

  it('answers the same buffer, uncopied, when the key is not in it', () => {
    const bytes = Buffer.from('{"values":[]}');
    expect(maskKeyInBytes(bytes, forms)).toBe(bytes);
  });

  describe('in a body file, read in chunks', () => {
    let folder: string;
    beforeEach(async () => {
      folder = await mkdtemp(path.join(os.tmpdir(), 'veza-mask-'));
    });
    afterEach(() => rm(folder, { recursive: true, force: true }));

    it('finds a key split across chunk boundaries wherever it falls', async () => {
      // 64 KB is the read stream's chunk: put a key across that boundary, and many more.
      const filler = 'x'.repeat(64 * 1024 - 10);
      const body = `${filler}${key}${'y'.repeat(5000)}${key}${'z'.repeat(70_000)}${key}`;
      const file = path.join(folder, 'body');
      await writeFile(file, body);
      const size = await maskKeyInFile(file, forms);
      const masked = await readFile(file, 'utf8');
      expect(masked).not.toContain(key);
      expect(masked.match(/\[redacted\]/g)).toHaveLength(3);
      expect(size).toBe(Buffer.byteLength(masked));
      expect(masked.startsWith(filler)).toBe(true);
    });

    it('leaves a file without the key untouched', async () => {
      const file = path.join(folder, 'body');
      await writeFile(file, 'nothing secret here');
      expect(await maskKeyInFile(file, forms)).toBeUndefined();
      expect(await readFile(file, 'utf8')).toBe('nothing secret here');
    });
  });
});
