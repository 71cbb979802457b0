import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/**
 * The scripts a page loads on its own at start (entry, preloaded chunks, anything it fetches
 * before it settles), each gzip-sized from the built files as a server would send them.
 */
export async function startScripts(
  page: Page,
  url: string,
  rendererRoot: string,
): Promise<Array<{ file: string; gzipBytes: number }>> {
  const files = new Set<string>();
  const onResponse = (response: { url(): string; request(): { resourceType(): string } }) => {
    const pathname = new URL(response.url()).pathname;
    if (response.request().resourceType() === 'script' || pathname.endsWith('.js'))
      files.add(pathname);
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  return Promise.all(
    [...files].map(async (file) => ({
      file,
      gzipBytes: gzipSync(await readFile(path.join(rendererRoot, file)), { level: 9 }).length,
    })),
  );
}
