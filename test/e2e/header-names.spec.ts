import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator } from '@playwright/test';
import { test, expect } from './support/app-fixture';

// Header names in the Requests tab (the request's headers and the answer's) break only
// between words or after a hyphen, never inside a word ("Authorizati/on"), in a 900x600
// window, light and dark. Values may break anywhere. The answer comes from a small server on
// 127.0.0.1 that sends long header names and one long value without spaces.

const longValue = `default-src 'self';${'script-src-elem-and-more'.repeat(12)}`;
const answerHeaders: Record<string, string> = {
  'Content-Type': 'application/json',
  'Authentication-Info': 'nextnonce="abc"',
  'Access-Control-Allow-Credentials': 'true',
  'Content-Security-Policy': longValue,
};

async function startHeaderServer() {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, answerHeaders);
    response.end(JSON.stringify({ value: { id: 'u-1', name: 'Header test' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Where the cell's text goes onto a new line: each break as the characters on either side. A
 * break is fine after a space or a hyphen (or before a space); anything else is mid-word.
 */
function lineBreaks(cell: Locator) {
  return cell.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const chars: { char: string; top: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let at = 0; at < text.length; at += 1) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getClientRects()[0];
        if (rect) chars.push({ char: text[at] as string, top: rect.top });
      }
    }
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 16;
    const breaks: string[] = [];
    for (let at = 1; at < chars.length; at += 1) {
      const before = chars[at - 1] as { char: string; top: number };
      const after = chars[at] as { char: string; top: number };
      if (after.top - before.top > lineHeight / 2) breaks.push(`${before.char}|${after.char}`);
    }
    return breaks;
  });
}

/** The breaks that are not after a space or a hyphen, nor before a space. */
const midWord = (breaks: string[]) => breaks.filter((pair) => !/^[ -]\||\| $/.test(pair));

/** How many lines the element's text takes (a Range over it has one rectangle per line). */
function linesOf(cell: Locator) {
  return cell.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return tops.size;
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`header names at 900x600, ${colorScheme}`, () => {
    test.use({ viewport: { width: 900, height: 600 }, colorScheme });

    test('break only between words or at hyphens, in the request’s headers and the answer’s', async ({
      app,
      keyScan,
    }) => {
      const server = await startHeaderServer();
      try {
        const { page } = app;
        // Made here, so the key is in no file the key scan searches (such as this source).
        const key = Buffer.from(`header-names-${randomUUID()}`).toString('base64');
        keyScan.addKey(key, 'the header test instance key');
        await app.profiles.create(
          {
            name: 'Header test',
            address: server.url,
            colour: '#2457c5',
            production: false,
            notes: '',
          },
          { apiKey: key, acceptAsIs: true },
        );
        await page
          .getByRole('navigation', { name: 'Instances' })
          .getByRole('button', { name: 'Header test' })
          .click();
        await page.getByRole('tab', { name: 'Requests' }).click();

        // The request's headers: the Authorization row from the keychain.
        const sent = page.getByRole('table', { name: 'Headers' });
        const authorization = sent.getByRole('cell', { name: 'Authorization', exact: true });
        await expect(authorization).toBeVisible();
        expect(await linesOf(authorization)).toBe(1);
        expect(await lineBreaks(authorization)).toEqual([]);

        const path = page.getByRole('combobox', { name: 'Path or what you want to do' });
        await path.fill('/api/v1/users/self');
        await path.press('Escape');
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        const response = page.getByRole('region', { name: 'Response' });
        await expect(response).toContainText('200 OK');
        await response.getByRole('tab', { name: /^Headers/ }).click();
        const received = response.getByRole('table', { name: 'Response headers' });
        await expect(received).toBeVisible();

        // Every name: no break inside a word; a name with no hyphen stays on one line.
        const names = received.getByRole('rowheader');
        await expect(names.filter({ hasText: 'Access-Control-Allow-Credentials' })).toHaveCount(1);
        for (const name of await names.all()) {
          const text = (await name.textContent()) ?? '';
          expect(midWord(await lineBreaks(name)), text).toEqual([]);
          if (!text.includes('-')) expect(await linesOf(name), text).toBe(1);
        }
        // A long value wraps inside the table rather than pushing it wider than the window.
        const box = await received.boundingBox();
        expect(box?.width ?? Infinity).toBeLessThanOrEqual(900);
        const value = received.getByRole('cell', { name: longValue });
        expect(await linesOf(value)).toBeGreaterThan(1);
      } finally {
        await server.close();
      }
    });
  });
}
