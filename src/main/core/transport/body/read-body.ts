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
 * While a chunk is being written the stream is paused: the socket is read no faster than the
 * disk takes it. Past the limit, reading stops and the stream is destroyed, which closes the
 * connection instead of downloading the rest.
 */
export function readBody(
  stream: Readable,
  contentEncoding: string | string[] | undefined,
  limits: BodyLimits,
  store: TempBodyStore,
): Promise<ReadBody> {
  return new Promise<ReadBody>((resolve, reject) => {
    new BodyReader(stream, contentEncoding, limits, store, resolve, reject).start();
  });
}

// A class with 'data'/'end' events rather than for-await and closures: most bodies are one
// small chunk, and per-call iterator and closure set-up cost more than the request itself.
class BodyReader {
  private readonly decoded: Readable;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private file?: { path: string; handle: FileHandle };
  /** Pending disk work; undefined while everything is still in memory. */
  private writing?: Promise<void>;
  private ended = false;
  private failed = false;

  constructor(
    private readonly stream: Readable,
    contentEncoding: string | string[] | undefined,
    private readonly limits: BodyLimits,
    private readonly store: TempBodyStore,
    private readonly resolve: (result: ReadBody) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    const decoders = createDecoders(contentEncoding);
    this.decoded = decoders.length
      ? (pipeline([stream, ...decoders], () => {}) as unknown as Readable)
      : stream;
  }

  start(): void {
    this.decoded.on('data', (chunk: Buffer) => this.onData(chunk));
    this.decoded.once('error', (error) => this.fail(error));
    // A stream destroyed without an error never ends: that is a premature close too.
    this.decoded.once('close', () => {
      if (!this.ended)
        this.fail(codedError('ERR_STREAM_PREMATURE_CLOSE', 'The body stream closed early.'));
    });
    this.decoded.once('end', () => this.onEnd());
  }

  private onData(chunk: Buffer): void {
    if (this.failed) return;
    this.size += chunk.length;
    if (this.size > this.limits.maxBodyBytes) {
      const limit = formatBytes(this.limits.maxBodyBytes);
      this.fail(
        codedError('VEZA_BODY_TOO_LARGE', `The response body passed the limit of ${limit}.`),
      );
      return;
    }
    if (this.file || this.writing) {
      this.spill(chunk);
      return;
    }
    this.chunks.push(chunk);
    if (this.size > this.limits.memoryThresholdBytes) {
      const buffered = Buffer.concat(this.chunks, this.size);
      this.chunks.length = 0;
      this.spill(buffered);
    }
  }

  /** Queues a write (opening the file first if needed), pausing the stream until it is done. */
  private spill(chunk: Buffer): void {
    this.decoded.pause();
    this.writing = (this.writing ?? Promise.resolve())
      .then(async () => {
        this.file ??= await this.store.create();
        await this.file.handle.write(chunk);
      })
      .then(
        () => {
          if (!this.failed) this.decoded.resume();
        },
        (error: unknown) => this.fail(error),
      );
  }

  private onEnd(): void {
    this.ended = true;
    if (!this.writing) {
      const { chunks, size } = this;
      const bytes = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size);
      this.resolve({ body: { kind: 'memory', bytes }, size });
      return;
    }
    void this.writing.then(async () => {
      if (this.failed || !this.file) return;
      await this.file.handle.close();
      this.resolve({ body: { kind: 'file', path: this.file.path }, size: this.size });
    });
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.stream.destroy();
    this.decoded.destroy();
    void (this.writing ?? Promise.resolve())
      .catch(() => {})
      .then(async () => {
        if (this.file) {
          await this.file.handle.close().catch(() => {});
          await this.store.release(this.file.path);
        }
      })
      .then(() => this.reject(error));
  }
}
