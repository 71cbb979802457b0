// The response viewer with a 50 MB Veza answer, in Chromium on the built renderer: how fast
// the first screen shows, whether the UI thread ever stops for long, whether scrolling stays
// quick, how much memory it takes.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium';
import { serveComponentLab, responseFixture } from '../test/support/serve-component-lab';
import { inEachCondition, startBusyCores, type Condition } from './support/busy-cores';
import { report, type Figure } from './support/figure';
import { makeLargeVezaList } from './support/make-large-json';
import { rendererResidentBytes } from './support/renderer-memory';
import { startTrace, stopTrace } from './support/trace-summary';

const root = path.resolve(__dirname, '..');
const rendererRoot = path.join(root, 'out/renderer');
const bodyBytes = Number(process.env.BENCH_BODY_BYTES ?? 50 * 1024 * 1024);

// Code run inside the page: this file is compiled without the DOM library, so the page's
// globals are named through this type.
interface PageGlobals {
  __firstRowAt: number;
  __longTasks: Array<{ start: number; duration: number }>;
  requestAnimationFrame(callback: () => void): number;
}

// The steps of one run, in order; a long task belongs to the last step begun before it.
type Step = 'load' | 'scroll' | 'search' | 'collapse' | 'unfold' | 'expand';

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

interface ViewerRun {
  figures: Array<Omit<Figure, 'lowerIsBetter'> & { lowerIsBetter: true }>;
  details: Record<string, unknown>;
}

/** One pass over the viewer: load, scroll, search, collapse all, unfold the list, expand all. */
async function measureViewer(
  browser: Browser,
  browserSession: CDPSession,
  origin: string,
  bodyLength: number,
  condition: Condition,
  traced = false,
): Promise<ViewerRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('HeapProfiler.enable');
    const settle = async () => {
      await session.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(300);
    };
    const stepsBegun: Array<{ step: Step; at: number }> = [];
    const begin = async (step: Step) =>
      stepsBegun.push({ step, at: await page.evaluate(() => performance.now()) });

    // Memory before: the same page with nothing shown.
    await page.goto(`${origin}/component-lab.html`);
    await settle();
    const residentBefore = await rendererResidentBytes(browserSession);

    await page.addInitScript(observeScript);
    if (traced) await startTrace(browserSession);
    stepsBegun.push({ step: 'load', at: 0 });
    await page.goto(`${origin}/component-lab.html?show=viewer&fixture=big`);
    await page.getByRole('treeitem').first().waitFor({ timeout: 60_000 });
    const firstScreen = await page.evaluate(() => {
      const received = performance.getEntriesByName('lab:body-received')[0]?.startTime ?? 0;
      const shown = (globalThis as unknown as PageGlobals).__firstRowAt;
      return { afterBody: shown - received, afterNavigation: shown };
    });

    // Scrolling: jump through the body and time each jump until its rows are drawn.
    await begin('scroll');
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
    // Searching the whole body and folding everything must not stop the UI thread either.
    await begin('search');
    const searchStarted = Date.now();
    await page.getByRole('searchbox', { name: 'Search the body' }).fill('zürich');
    await page
      .locator('.rv-search-count')
      .filter({ hasText: /match/ })
      .waitFor({ timeout: 60_000 });
    const searchMs = Date.now() - searchStarted;
    await begin('collapse');
    const collapseStarted = Date.now();
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.getByRole('treeitem', { name: /"values": \[…\]/ }).waitFor({ timeout: 60_000 });
    const collapseMs = Date.now() - collapseStarted;
    // Unfolding the list shows its 380,000 items folded: a walk over the list's lines only.
    await begin('unfold');
    const unfoldStarted = Date.now();
    await page
      .getByRole('treeitem', { name: /"values": \[…\]/ })
      .locator('.rv-fold')
      .click();
    await page
      .getByRole('treeitem', { name: /^\{…\} \d+ fields/ })
      .first()
      .waitFor({ timeout: 60_000 });
    const unfoldMs = Date.now() - unfoldStarted;
    await begin('expand');
    const expandStarted = Date.now();
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page
      .getByRole('treeitem', { name: /^\{…\}/ })
      .first()
      .waitFor({ state: 'detached', timeout: 60_000 });
    const expandMs = Date.now() - expandStarted;
    await page.waitForTimeout(200);

    const trace = traced ? await stopTrace(browserSession) : undefined;
    await settle();
    const residentAfter = await rendererResidentBytes(browserSession);
    const heap = (await session.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    const longTasks = (
      await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks)
    ).map((task) => ({
      ...task,
      step: stepsBegun.filter((begun) => begun.at <= task.start).at(-1)?.step,
    }));
    const longest = longTasks.reduce((max, task) => Math.max(max, task.duration), 0);
    const size = `${Math.round(bodyLength / 1024 / 1024)} MB body`;
    return {
      details: {
        condition,
        bodyBytes: bodyLength,
        firstScreen,
        scrollTimes,
        longTasks,
        residentBefore,
        residentAfter,
        heap,
        searchMs,
        collapseMs,
        unfoldMs,
        expandMs,
        trace,
      },
      figures: [
        {
          bench: 'response-viewer',
          figure: `${size}: first screen after the body arrived`,
          value: firstScreen.afterBody,
          unit: 'ms',
          bar: 1500,
          lowerIsBetter: true,
        },
        {
          bench: 'response-viewer',
          figure: `${size}: longest UI-thread task (load, scroll, search, fold all)`,
          value: longest,
          unit: 'ms',
          bar: 100,
          lowerIsBetter: true,
        },
        {
          bench: 'response-viewer',
          figure: `${size}: slowest scroll jump until rows drawn`,
          value: Math.max(...scrollTimes),
          unit: 'ms',
          bar: 100,
          lowerIsBetter: true,
        },
        {
          bench: 'response-viewer',
          figure: `${size}: renderer memory growth / body size`,
          value: (residentAfter - residentBefore) / bodyLength,
          unit: 'x',
          bar: 4,
          lowerIsBetter: true,
        },
        {
          bench: 'response-viewer',
          figure: `${size}: page JS heap + array buffers / body size`,
          value: (heap.usedSize + (heap.backingStorageSize ?? 0)) / bodyLength,
          unit: 'x',
          bar: 4,
          lowerIsBetter: true,
        },
      ],
    };
  } finally {
    await context.close();
  }
}

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
    const runs = await inEachCondition((condition) =>
      measureViewer(browser, browserSession, server.origin, body.length, condition),
    );
    for (const { condition, result } of runs) {
      console.error(JSON.stringify({ condition, ...result.details }));
      for (const figure of result.figures)
        report({ ...figure, figure: `${figure.figure} (${condition})` });
    }
    // A Chromium trace of the same steps under load: its long tasks and where their time went.
    const load = await startBusyCores();
    try {
      const traced = await measureViewer(
        browser,
        browserSession,
        server.origin,
        body.length,
        'busy',
        true,
      );
      const trace = traced.details.trace as Awaited<ReturnType<typeof stopTrace>>;
      console.error(JSON.stringify({ trace }));
      report({
        bench: 'response-viewer',
        figure: `${Math.round(body.length / 1024 / 1024)} MB body: longest task in a Chromium trace (busy)`,
        value: trace.longestMs,
        unit: 'ms',
        bar: 100,
        lowerIsBetter: true,
      });
    } finally {
      await load.stop();
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(configHome, { recursive: true, force: true });
  }
}

void main();
