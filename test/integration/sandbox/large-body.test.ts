import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minLargeJsonBytes } from '../../../src/sandbox/resources/large-json-stream';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const large = (bytes: number | string) => `/api/v1/sandbox/large?bytes=${bytes}`;

describe('GET /api/v1/sandbox/large?bytes=N', () => {
  it.each([minLargeJsonBytes, minLargeJsonBytes + 1, 300, 4096, 1_000_003, 20_000_000])(
    'answers valid JSON of exactly %i bytes',
    async (bytes) => {
      const answer = await call(sandbox, 'GET', large(bytes));
      expect(answer.status).toBe(200);
      expect(Number(answer.headers['content-length'])).toBe(bytes);
      expect(Buffer.byteLength(answer.text)).toBe(bytes);
      expect(answer.json.has_more).toBe(false);
      if (bytes > 1000) {
        expect(answer.json.values.length).toBeGreaterThan(bytes / 400);
        expect(answer.json.values[1]).toMatchObject({
          id: 'node-000000001',
          type: expect.any(String),
          properties: expect.any(Object),
        });
      }
    },
  );

  it('refuses sizes out of range', async () => {
    for (const bytes of [minLargeJsonBytes - 1, '2000000000', 'lots']) {
      const answer = await call(sandbox, 'GET', large(bytes));
      expect(answer.status).toBe(400);
      expect(answer.json.details[0].field_violations[0].field).toBe('bytes');
    }
  });

  it('needs a key like any API call', async () => {
    expect((await call(sandbox, 'GET', large(1000), { key: null })).status).toBe(401);
  });

  it('streams with backpressure: a reader that stops reading stops the writer', async () => {
    const before = sandbox.stats.largeBodyBytesWritten;
    const response = await request(`${sandbox.url}${large(500_000_000)}`, {
      headers: { authorization: `Bearer ${sandbox.keys.admin}` },
      highWaterMark: 64 * 1024,
    });
    const reader = response.body[Symbol.asyncIterator]();
    let read = 0;
    while (read < 1_000_000) read += ((await reader.next()).value as Buffer).length;
    response.body.pause();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const written = sandbox.stats.largeBodyBytesWritten - before;
    // Socket buffers on both sides hold a few MB at most; without backpressure this would be
    // hundreds of MB by now.
    expect(written).toBeLessThan(40_000_000);
    response.body.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterAbort = sandbox.stats.largeBodyBytesWritten;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox.stats.largeBodyBytesWritten).toBe(afterAbort); // the writer stopped
    expect((await call(sandbox, 'GET', '/api/v1/users/self')).status).toBe(200);
  });
});
