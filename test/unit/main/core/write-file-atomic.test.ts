import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../src/main/core/persistence/write-file-atomic';

describe('writeFileAtomic', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'veza-atomic-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('replaces the content and leaves no temp file behind', async () => {
    const file = path.join(folder, 'sub', 'data.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['data.json']);
  });

  it('creates files readable by the owner only', async () => {
    const file = path.join(folder, 'private.json');
    await writeFileAtomic(file, '{}');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file when the rename cannot happen', async () => {
    const file = path.join(folder, 'target');
    await writeFileAtomic(path.join(file, 'inner'), 'x'); // "target" is now a folder
    await expect(writeFileAtomic(file, 'y')).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['target']);
  });

  it('copies a stream through, and a stream that breaks leaves the old file and no temp file', async () => {
    const file = path.join(folder, 'answer.json');
    await writeFileAtomic(file, Readable.from([Buffer.from('new '), Buffer.from('content')]));
    expect(await readFile(file, 'utf8')).toBe('new content');
    const broken = Readable.from(
      (async function* () {
        yield Buffer.from('half');
        throw new Error('source broke');
      })(),
    );
    await expect(writeFileAtomic(file, broken)).rejects.toThrow('source broke');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(folder)).toEqual(['answer.json']);
  });
});
