import { randomBytes } from 'node:crypto';
import { readdir, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBodyFiles, type BodyFiles } from '../../../src/main/core/requests/body-files';
import { answerResponseBodyRequest } from '../../../src/main/core/requests/response-body-route';
import { contentSecurityPolicy } from '../../../src/shared/security/content-security-policy';
import { responseBodyPath } from '../../../src/shared/requests/response-body-url';
import { tempFolder } from '../../support/network/temp-folder';
import { serveRenderer } from '../../support/serve-renderer';

// Main's route for large bodies, behind a real HTTP server as the e2e tests and benches use it
// (app:// calls the same function in the app).
const folder = tempFolder();
let bodies: BodyFiles;
let page: { origin: string; close: () => Promise<void> };
const get = (urlPath: string, init?: RequestInit) => fetch(`${page.origin}${urlPath}`, init);

beforeAll(async () => {
  bodies = createBodyFiles(folder.dir);
  page = await serveRenderer(path.join(folder.dir, 'no-renderer'), undefined, (method, urlPath) =>
    answerResponseBodyRequest(bodies, method, urlPath),
  );
});
afterAll(async () => {
  await page.close();
  folder.dispose();
});

async function expectGone(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(((await response.json()) as { code: string }).code).toBe('RESPONSE_BODY_GONE');
}

describe('response body route', () => {
  it('streams a body file whole, with the page security headers and no caching', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const ref = await bodies.write(bytes);
    const response = await get(responseBodyPath(ref));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('a removed body is a 404 carrying RESPONSE_BODY_GONE', async () => {
    const ref = await bodies.write(Buffer.from('soon gone'));
    await bodies.remove(ref);
    await expectGone(await get(responseBodyPath(ref)));
  });

  it('names that are not a body id never reach another file', async () => {
    // Named like a body file one folder up, so only the id check keeps it out.
    await writeFile(path.join(folder.dir, 'profiles.body'), '{"secret":"not for the page"}');
    const ref = await bodies.write(Buffer.from('a body'));
    for (const name of [
      '..%2Fprofiles',
      '%2E%2E%2Fprofiles',
      `${ref}.body%2F..%2F..%2Fprofiles`,
      ref.toUpperCase(),
      '%E0%A4%A',
      '',
    ]) {
      const response = await get(`/response-bodies/${name}`);
      expect(response.status, name).toBe(404);
      expect(await response.text(), name).not.toContain('not for the page');
    }
  });

  it('only GET is answered, and other paths are left to the renderer files', async () => {
    const ref = await bodies.write(Buffer.from('a body'));
    const posted = await get(responseBodyPath(ref), { method: 'POST', body: 'x' });
    expect(posted.status).toBe(404);
    expect(await posted.text()).toBe('Not found');
    expect(await answerResponseBodyRequest(bodies, 'GET', '/index.html')).toBeUndefined();
    expect(await answerResponseBodyRequest(bodies, 'GET', '/response-bodiesX/a')).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')(
    'a page that stops reading mid-body leaves no file open',
    async () => {
      const ref = await bodies.write(randomBytes(32 * 1024 * 1024));
      const file = bodies.pathOf(ref);
      const openOnBody = async () => {
        const fds = await readdir('/proc/self/fd');
        const targets = await Promise.all(
          fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
        );
        return targets.filter((target) => target === file).length;
      };
      const controller = new AbortController();
      const response = await get(responseBodyPath(ref), { signal: controller.signal });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      expect(await openOnBody()).toBe(1);
      controller.abort();
      await expect.poll(openOnBody, { timeout: 5000 }).toBe(0);
    },
  );
});
