import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { secretForms } from '../transport';

const MASK = Buffer.from('[redacted]');

/** The byte forms a key can be echoed in (secretForms), longest first. */
export function keyForms(key: string): Buffer[] {
  return secretForms(key)
    .map((form) => Buffer.from(form))
    .sort((a, b) => b.length - a.length);
}

function firstMatch(buffer: Buffer, needles: readonly Buffer[], from: number) {
  let best: { at: number; length: number } | undefined;
  for (const needle of needles) {
    const at = buffer.indexOf(needle, from);
    if (at !== -1 && (!best || at < best.at)) best = { at, length: needle.length };
  }
  return best;
}

/**
 * Masks every whole occurrence of the needles in `buffer`. Answers the masked parts and how
 * many bytes at the end were kept back unmasked because a needle may continue in the next chunk.
 */
function maskChunk(buffer: Buffer, needles: readonly Buffer[], final: boolean) {
  const parts: Buffer[] = [];
  let pos = 0;
  for (let match = firstMatch(buffer, needles, 0); match;) {
    parts.push(buffer.subarray(pos, match.at), MASK);
    pos = match.at + match.length;
    match = firstMatch(buffer, needles, pos);
  }
  const longest = needles[0]?.length ?? 1;
  const keep = final ? buffer.length : Math.max(pos, buffer.length - (longest - 1));
  parts.push(buffer.subarray(pos, keep));
  return { parts, carry: buffer.subarray(keep), masked: parts.length > 1 };
}

/** The bytes with every key form replaced, or the same buffer when the key is not in them. */
export function maskKeyInBytes(bytes: Buffer, needles: readonly Buffer[]): Buffer {
  if (!needles.some((needle) => bytes.includes(needle))) return bytes;
  return Buffer.concat(maskChunk(bytes, needles, true).parts);
}

/** Whether any needle occurs in the file, read in chunks (never whole into memory). */
async function fileContains(path: string, needles: readonly Buffer[]): Promise<boolean> {
  const longest = needles[0]?.length ?? 1;
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(path)) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    if (needles.some((needle) => window.includes(needle))) return true;
    tail = window.subarray(Math.max(0, window.length - (longest - 1)));
  }
  return false;
}

/**
 * Rewrites a body file with every key form masked, in place (a sibling file renamed over it).
 * Answers the new size; the file is left alone when the key is not in it.
 */
export async function maskKeyInFile(
  path: string,
  needles: readonly Buffer[],
): Promise<number | undefined> {
  if (!(await fileContains(path, needles))) return undefined;
  const masked = `${path}.masked`;
  let carry = Buffer.alloc(0);
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const result = maskChunk(Buffer.concat([carry, chunk]), needles, false);
      carry = Buffer.from(result.carry);
      for (const part of result.parts) size += part.length;
      done(null, Buffer.concat(result.parts));
    },
    flush(done) {
      const result = maskChunk(carry, needles, true);
      for (const part of result.parts) size += part.length;
      done(null, Buffer.concat(result.parts));
    },
  });
  try {
    await pipeline(createReadStream(path), transform, createWriteStream(masked, { mode: 0o600 }));
    await rename(masked, path);
  } catch (error) {
    await rm(masked, { force: true });
    throw error;
  }
  return size;
}
