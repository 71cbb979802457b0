import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { codedError } from '../connect/connect-failure';
import type { ResponseBody } from '../transport-types';
import { createDecoders } from './decode-content';
import type { TempBodyStore } from './temp-body-store';

export interface BodyLimits {
  maxBodyBytes: number;
  memoryThresholdBytes: number;
}

export interface ReadBody {
  body: ResponseBody;
  size: number;
}

/** Human form of a byte count for problem texts, e.g. "50 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Reads a response body as it streams: decoded (gzip, br, deflate), counted against the size
 * limit on every chunk, kept in memory up to the threshold and spilled to a temp file past it.
 * Awaiting each file write is the backpressure: the socket is read no faster than the disk
 * takes it. Past the limit, reading stops and the stream is destroyed, which closes the
 * connection instead of downloading the rest.
 */
export async function readBody(
  stream: Readable,
  contentEncoding: string | string[] | undefined,
  limits: BodyLimits,
  store: TempBodyStore,
): Promise<ReadBody> {
  const decoders = createDecoders(contentEncoding);
  const decoded: Readable = decoders.length
    ? (pipeline([stream, ...decoders], () => {}) as unknown as Readable)
    : stream;
  const chunks: Buffer[] = [];
  let size = 0;
  let file: { path: string; handle: FileHandle } | undefined;
  try {
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        throw codedError(
          'VEZA_BODY_TOO_LARGE',
          `The response body passed the limit of ${formatBytes(limits.maxBodyBytes)}.`,
        );
      }
      if (file) {
        await file.handle.write(chunk);
        continue;
      }
      chunks.push(chunk);
      if (size > limits.memoryThresholdBytes) {
        file = await store.create();
        await file.handle.write(Buffer.concat(chunks, size));
        chunks.length = 0;
      }
    }
    if (!file) return { body: { kind: 'memory', bytes: Buffer.concat(chunks, size) }, size };
    await file.handle.close();
    return { body: { kind: 'file', path: file.path }, size };
  } catch (error) {
    stream.destroy();
    decoded.destroy();
    if (file) {
      await file.handle.close().catch(() => {});
      await store.release(file.path);
    }
    throw error;
  }
}
