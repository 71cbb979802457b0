// 50 MB and 100 MB answers end to end through the request workspace, in Chromium on the built
// app page, quiet and with every core busy: the sandbox sends the answer, main keeps it as a
// body file and answers a reference over the IPC contract (the e2e bridge stands in for
// preload + ipcMain), the page fetches the bytes from its own origin (main's response-body
// route, served here by the e2e test server as app:// serves it in the app) and the viewer
// shows them; then a search and "Collapse all" / "Expand all" over the whole answer.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { readAppInfo } from '../src/main/core/app-info';
import type { AppServices } from '../src/main/core/ipc/call-handlers';
import { openAppServices } from '../src/main/core/open-app-services';
import { startSandbox } from '../src/sandbox/start-sandbox';
import { installBridge } from '../test/e2e/support/bridge';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium';
import { fakeLookup } from '../test/support/network/lookups';
import { serveRenderer } from '../test/support/serve-renderer';
import { inEachCondition } from './support/busy-cores';
import { median, report, type Figure } from './support/figure';
import { memorySecrets } from './support/memory-secrets';
import { rendererResidentBytes, residentBytes } from './support/renderer-memory';

const root = path.resolve(__dirname, '..');
const megabyte = 1024 * 1024;
const sizes = (process.env.BENCH_BODY_MB ?? '50,100').split(',').map(Number);

interface PageGlobals {
  __firstRowAt: number;
  __longTasks: Array<{ start: number; duration: number }>;
}

const observeScript = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (!window.__firstRowAt && document.querySelector('[role="treeitem"]')) window.__firstRowAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Measured = Omit<Figure, 'bench' | 'lowerIsBetter'>;

/** One answer of `bytes` through a fresh app page: figures and what they came from. */
async function measureAnswer(
  browser: Browser,
  browserSession: CDPSession,
  sandbox: Sandbox,
  bytes: number,
): Promise<{ figures: Measured[]; details: Record<string, unknown> }> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-requests-'));
  let services: AppServices | undefined;
  const server = await serveRenderer(path.join(root, 'out/renderer'), undefined, (method, url) =>
    (services as AppServices).requests.answerBodyRequest(method, url),
  );
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const session = await page.context().newCDPSession(page);
    await session.send('HeapProfiler.enable');
    const settle = async () => {
      await session.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(300);
    };
    const { records } = await installBridge(page, server.origin, async (emit) => {
      services = await openAppServices({
        appInfo: readAppInfo('Veza Desk', '0.0.0'),
        folder: home,
        secrets: memorySecrets(),
        dialogs: {
          chooseFileToOpen: async () => undefined,
          chooseFileToSave: async () => undefined,
        },
        clipboard: { writeText: async () => {} },
        env: {},
        emit,
        transportDeps: { env: {}, lookup: fakeLookup(['localhost']) },
      });
      return services;
    });
    await page.addInitScript(observeScript);
    await page.goto(`${server.origin}/index.html`);
    await (services as AppServices).profiles.create(
      { name: 'Bench', address: sandbox.url, colour: '#2457c5', production: false, notes: '' },
      { apiKey: sandbox.keys.admin as string, acceptAsIs: false },
    );
    await page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: 'Bench' })
      .click();
    await page.getByRole('tab', { name: 'Requests' }).click();
    await page
      .getByRole('combobox', { name: 'Path or what you want to do' })
      .fill('/api/v1/sandbox/large');
    await page.getByRole('button', { name: 'Add parameter' }).click();
    await page.getByRole('textbox', { name: 'parameter 1 name' }).fill('bytes');
    await page.getByRole('textbox', { name: 'parameter 1 value' }).fill(String(bytes));
    await settle();
    const residentBefore = await rendererResidentBytes(browserSession);
    const browserBefore = await residentBytes(browserSession, ['browser']);

    // The whole way: click Send until the first formatted row shows.
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).__longTasks = []));
    const started = Date.now();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByRole('treeitem')
      .first()
      .waitFor({ timeout: 120_000 })
      .catch(async (error: unknown) => {
        console.error(await page.locator('body').innerText());
        throw error;
      });
    const sendToFirstScreen = Date.now() - started;
    const shown = await page.evaluate(() => ({
      afterBody:
        (globalThis as unknown as PageGlobals).__firstRowAt -
        (performance.getEntriesByName('requests:body-received')[0]?.startTime ?? NaN),
      at: (globalThis as unknown as PageGlobals).__firstRowAt,
    }));

    // Then over the whole answer: a search, "Collapse all", "Expand all".
    await page.getByRole('searchbox', { name: 'Search the body' }).fill('User 000012345');
    await page
      .locator('.rv-search-count')
      .filter({ hasText: /match/ })
      .waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.getByRole('treeitem', { name: /"values": \[…\]/ }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page
      .getByRole('treeitem', { name: /"values": \[…\]/ })
      .waitFor({ state: 'detached', timeout: 120_000 });
    await page.waitForTimeout(200);
    const longTasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks);
    const longest = (tasks: typeof longTasks) =>
      tasks.reduce((max, task) => Math.max(max, task.duration), 0);

    await settle();
    const residentAfter = await rendererResidentBytes(browserSession);
    // Where the page's Blob of the answer is kept (Chromium's blob storage): not the page's own.
    const browserGrowth = (await residentBytes(browserSession, ['browser'])) - browserBefore;
    const heap = (await session.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };

    // The transfer alone: the body file fetched from the page's origin as the page does.
    const sent = records.find(
      (record) => record.direction === 'result' && record.name === 'requests.send',
    );
    const body = (sent?.payload as { value: { body: { ref: string; size: number } } }).value.body;
    const transfers: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      transfers.push(
        await page.evaluate(async (ref) => {
          const began = performance.now();
          const blob = await (await fetch(`/response-bodies/${ref}`)).blob();
          if (blob.size === 0) throw new Error('empty body');
          return performance.now() - began;
        }, body.ref),
      );
    }
    const size = `${Math.round(bytes / megabyte)} MB answer`;
    return {
      details: {
        bytes,
        sendToFirstScreenMs: sendToFirstScreen,
        fetchTransferMedianMs: median(transfers),
        afterBody: shown.afterBody,
        longTasks,
        residentBefore,
        residentAfter,
        browserProcessGrowthPerBodyByte: browserGrowth / bytes,
        heap,
      },
      figures: [
        {
          figure: `${size} in the app: first screen after the body arrived`,
          value: shown.afterBody,
          unit: 'ms',
          bar: bytes > 60 * megabyte ? 1000 : 1500,
        },
        {
          figure: `${size}: longest UI-thread task from Send to first screen`,
          value: longest(longTasks.filter((task) => task.start <= shown.at)),
          unit: 'ms',
          bar: 100,
        },
        {
          figure: `${size}: longest UI-thread task, Send through search and fold all`,
          value: longest(longTasks),
          unit: 'ms',
          bar: 100,
        },
        {
          figure: `${size}: renderer memory growth / body size`,
          value: (residentAfter - residentBefore) / bytes,
          unit: 'x',
          bar: 3,
        },
      ],
    };
  } finally {
    await page.close();
    await services?.requests.shutdown();
    await server.close();
    await rm(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  const sandbox = await startSandbox();
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const browserSession = await browser.newBrowserCDPSession();
    const runs = await inEachCondition(async () => {
      const answers = [];
      for (const megabytes of sizes)
        answers.push(await measureAnswer(browser, browserSession, sandbox, megabytes * megabyte));
      return answers;
    });
    for (const { condition, result } of runs) {
      for (const answer of result) {
        // No bar from the issue applies to the details: they are printed for docs/benchmarks.md.
        console.error(JSON.stringify({ condition, ...answer.details }));
        for (const figure of answer.figures) {
          // The first-screen bar is the quiet machine's; under load it is printed, and must
          // stay under the 50 MB bar of 1.5 s.
          const bar =
            figure.unit === 'ms' && figure.bar === 1000 && condition === 'busy' ? 1500 : figure.bar;
          report({
            bench: 'request-body-transfer',
            ...figure,
            bar,
            figure: `${figure.figure} (${condition})`,
            lowerIsBetter: true,
          });
        }
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

void main();
