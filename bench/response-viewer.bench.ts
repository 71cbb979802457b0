// The response viewer with a 50 MB Veza answer, in Chromium on the built renderer: how fast
// the first screen shows, whether the UI thread ever stops for long, whether scrolling stays
// quick, how much memory it takes.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium';
import { serveComponentLab, responseFixture } from '../test/support/serve-component-lab';
import { report } from './support/figure';
import { makeLargeVezaList } from './support/make-large-json';
import { rendererResidentBytes } from './support/renderer-memory';

const root = path.resolve(__dirname, '..');
const rendererRoot = path.join(root, 'out/renderer');
const bodyBytes = 50 * 1024 * 1024;

// Code run inside the page: this file is compiled without the DOM library, so the page's
// globals are named through this type.
interface PageGlobals {
  __firstRowAt: number;
  __longTasks: Array<{ duration: number }>;
  requestAnimationFrame(callback: () => void): number;
}

// Installed in the page before its own scripts: long tasks, and when the first row shows.
const observeScript = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_records, observer) => {
    if (document.querySelector('[role="treeitem"]')) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  const body = Buffer.from(makeLargeVezaList(bodyBytes));
  const server = await serveComponentLab(
    rendererRoot,
    new Map(
      responseFixture('big', {
        status: 200,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        body,
      }),
    ),
  );
  const configHome = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumArgs,
    env: { ...process.env, XDG_CONFIG_HOME: configHome },
  });
  try {
    const browserSession = await browser.newBrowserCDPSession();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.enable');
    const settle = async () => {
      await session.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(300);
    };

    // Memory before: the same page with nothing shown.
    await page.goto(`${server.origin}/component-lab.html`);
    await settle();
    const residentBefore = await rendererResidentBytes(browserSession);

    await page.addInitScript(observeScript);
    await page.goto(`${server.origin}/component-lab.html?show=viewer&fixture=big`);
    await page.getByRole('treeitem').first().waitFor({ timeout: 30_000 });
    const firstScreen = await page.evaluate(() => {
      const received = performance.getEntriesByName('lab:body-received')[0]?.startTime ?? 0;
      const shown = (globalThis as unknown as PageGlobals).__firstRowAt;
      return { afterBody: shown - received, afterNavigation: shown };
    });

    // Scrolling: jump through the body and time each jump until its rows are drawn.
    const tree = page.getByRole('tree');
    const scrollTimes: number[] = [];
    for (const fraction of [0.1, 0.35, 0.6, 0.85, 1, 0.5, 0]) {
      scrollTimes.push(
        await tree.evaluate(async (element, where) => {
          const started = performance.now();
          element.scrollTop = (element.scrollHeight - element.clientHeight) * where;
          await new Promise((resolve) =>
            (globalThis as unknown as PageGlobals).requestAnimationFrame(() =>
              (globalThis as unknown as PageGlobals).requestAnimationFrame(() =>
                resolve(undefined),
              ),
            ),
          );
          if (!element.querySelector('[role="treeitem"]'))
            throw new Error('no rows after scrolling');
          return performance.now() - started;
        }, fraction),
      );
    }
    // Searching the whole body and collapsing everything must not stop the UI thread either.
    const searchStarted = Date.now();
    await page.getByRole('searchbox', { name: 'Search the body' }).fill('zürich');
    await page
      .locator('.rv-search-count')
      .filter({ hasText: /match/ })
      .waitFor({ timeout: 30_000 });
    const searchMs = Date.now() - searchStarted;
    const collapseStarted = Date.now();
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.getByRole('treeitem', { name: /"values": \[…\]/ }).waitFor();
    const collapseMs = Date.now() - collapseStarted;
    await page.getByRole('button', { name: 'Expand all' }).click();

    await settle();
    const residentAfter = await rendererResidentBytes(browserSession);
    const heap = (await session.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    const longTasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks);
    const longest = longTasks.reduce((max, task) => Math.max(max, task.duration), 0);

    console.error(
      JSON.stringify({
        bodyBytes: body.length,
        firstScreen,
        scrollTimes,
        longTasks,
        residentBefore,
        residentAfter,
        heap,
        searchMs,
        collapseMs,
      }),
    );
    report({
      bench: 'response-viewer',
      figure: '50 MB body: first screen after the body arrived',
      value: firstScreen.afterBody,
      unit: 'ms',
      bar: 1500,
      lowerIsBetter: true,
    });
    report({
      bench: 'response-viewer',
      figure: '50 MB body: longest UI-thread task (load, scroll, search, fold all)',
      value: longest,
      unit: 'ms',
      bar: 100,
      lowerIsBetter: true,
    });
    report({
      bench: 'response-viewer',
      figure: '50 MB body: slowest scroll jump until rows drawn',
      value: Math.max(...scrollTimes),
      unit: 'ms',
      bar: 100,
      lowerIsBetter: true,
    });
    report({
      bench: 'response-viewer',
      figure: '50 MB body: renderer memory growth / body size',
      value: (residentAfter - residentBefore) / body.length,
      unit: 'x',
      bar: 4,
      lowerIsBetter: true,
    });
    report({
      bench: 'response-viewer',
      figure: '50 MB body: page JS heap + array buffers / body size',
      value: (heap.usedSize + (heap.backingStorageSize ?? 0)) / body.length,
      unit: 'x',
      bar: 4,
      lowerIsBetter: true,
    });
  } finally {
    await browser.close();
    await server.close();
    await rm(configHome, { recursive: true, force: true });
  }
}

void main();
