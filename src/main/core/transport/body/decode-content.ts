import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';

/** What we ask servers for; exactly what createDecoders() can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; the first byte
 * tells them apart (zlib streams start with 0x?8, raw ones almost never do).
 */
class AutoInflate extends Transform {
  private inner?: zlib.Inflate | zlib.InflateRaw;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      const zlibWrapped = ((chunk[0] ?? 0) & 0x0f) === 0x08;
      this.inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
      // Output is bounded per input chunk (deflate expands at most ~1000x), and the reader
      // checks the size limit on every chunk, so pushing without pausing is safe here.
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, done);
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }
}

/**
 * Decoders for a Content-Encoding header, in the order to apply them (the header lists them
 * in the order they were applied). Unknown encodings leave the body as it came.
 */
export function createDecoders(contentEncoding: string | string[] | undefined): Transform[] {
  const header = Array.isArray(contentEncoding)
    ? contentEncoding.join(',')
    : (contentEncoding ?? '');
  const names = header
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && name !== 'identity');
  if (names.some((name) => !['gzip', 'x-gzip', 'br', 'deflate'].includes(name))) return [];
  return names.reverse().map((name) => {
    if (name === 'br') return zlib.createBrotliDecompress();
    if (name === 'deflate') return new AutoInflate();
    return zlib.createGunzip();
  });
}
