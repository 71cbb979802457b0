// Start-up with a data folder a long-time user has: 200 saved instances and a full history
// (200 entries). Three figures (issue 18):
// 1. openAppServices in main on that folder, from the call to resolved (each run on its own
//    copy of the folder; median), quiet and with every core busy;
// 2. the app page (built renderer, IPC over the e2e bridge with the real services in Node) from
//    navigating to index.html until the sidebar lists all 200 instances, quiet and busy; and
//    the same with main's answers (recorded from a bridge run) given in the page, which leaves
//    out what Playwright's binding costs; the bridge's calls during start are timed too;
// 3. the JS the page loads at start, gzipped.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { readAppInfo } from '../src/main/core/app-info';
import type { AppServices } from '../src/main/core/ipc/call-handlers';
import type { EventSink } from '../src/main/core/ipc/event-sink';
import { openAppServices } from '../src/main/core/open-app-services';
import { openProfileService } from '../src/main/core/profiles/open-profile-service';
import { createBodyFiles } from '../src/main/core/requests/body-files';
import { openHistoryStore } from '../src/main/core/requests/history-store';
import type { SecretStore } from '../src/main/core/secrets/secret-store';
import type { HistoryEntry } from '../src/shared/requests/request-records';
import { installBridge, type BridgeRecord } from '../test/e2e/support/bridge';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium';
import { fakeLookup } from '../test/support/network/lookups';
import { serveRenderer } from '../test/support/serve-renderer';
import { inEachCondition } from './support/busy-cores';
import { median, report } from './support/figure';
import { memorySecrets } from './support/memory-secrets';
import { startScripts } from './support/start-bundle';
import { profileColours } from '../src/shared/profiles/profile-colours';

const root = path.resolve(__dirname, '..');
const rendererRoot = path.join(root, 'out/renderer');
const profileCount = 200;
const historyCount = 200;
const mainRuns = Number(process.env.BENCH_MAIN_RUNS ?? 11);
const pageRuns = Number(process.env.BENCH_PAGE_RUNS ?? 7);

/** A Veza-like JSON answer of about `bytes` bytes. */
function listAnswer(bytes: number, seed: number): Buffer {
  const items: string[] = [];
  let size = 40;
  for (let i = 0; size < bytes; i += 1) {
    const item = JSON.stringify({
      id: `${seed}-${i}`.padEnd(36, '0'),
      name: `Provider ${seed}.${i}`,
      type: ['AWS', 'Okta', 'GitHub', 'Custom'][i % 4],
      state: i % 5 === 0 ? 'DISABLED' : 'ENABLED',
      created_at: '2025-03-14T10:00:00Z',
    });
    items.push(item);
    size += item.length + 1;
  }
  return Buffer.from(`{"values":[${items.join(',')}],"has_more":false,"next_page_token":""}`);
}

const responseHeaders = (index: number, size: number) => [
  { name: 'content-type', value: 'application/json; charset=utf-8' },
  { name: 'content-length', value: String(size) },
  { name: 'date', value: new Date(Date.UTC(2025, 4, 1, 9, index % 60)).toUTCString() },
  { name: 'server', value: 'envoy' },
  { name: 'x-request-id', value: randomBytes(16).toString('hex') },
  { name: 'x-envoy-upstream-service-time', value: String(20 + (index % 300)) },
  { name: 'strict-transport-security', value: 'max-age=31536000; includeSubDomains' },
  { name: 'x-content-type-options', value: 'nosniff' },
  { name: 'cache-control', value: 'no-store' },
  { name: 'vary', value: 'Accept-Encoding' },
  { name: 'x-frame-options', value: 'DENY' },
  { name: 'content-security-policy', value: "default-src 'none'; frame-ancestors 'none'" },
];

const paths = [
  '/api/v1/providers',
  '/api/v1/providers/datasources',
  '/api/v1/assessments/queries',
  '/api/v1/users/self',
  '/api/v1/token_list',
  '/api/private/teams',
];

/**
 * The data folder, made by the app's own stores: 200 instances with keys (some production,
 * with notes, verified), then 200 requests in history, newest last: answers of 200 B to 2 MB
 * (inline up to 16 KB, larger ones as body files), some failures, a few POSTs with bodies.
 */
async function prepareFolder(folder: string, secrets: SecretStore): Promise<void> {
  const profiles = await openProfileService({ folder, secrets });
  const ids: Array<{ id: string; name: string }> = [];
  for (let i = 0; i < profileCount; i += 1) {
    const number = String(i + 1).padStart(3, '0');
    const profile = await profiles.create(
      {
        name: `${i % 3 === 0 ? 'Production' : 'Staging'} tenant ${number}`,
        address: `https://tenant-${number}.vezacloud.com`,
        colour: (profileColours[i % profileColours.length] ?? profileColours[0]).value,
        production: i % 3 === 0,
        notes: i % 4 === 0 ? `Owned by team ${i % 17}. Rotate the key every quarter.` : '',
      },
      { apiKey: randomBytes(36).toString('base64'), acceptAsIs: false },
    );
    if (i % 2 === 0)
      await profiles.recordVerification(
        profile.id,
        {
          at: new Date(Date.now() - i * 3_600_000).toISOString(),
          ok: i % 10 !== 0,
          code: i % 10 !== 0 ? 'OK_PERSONAL_KEY' : 'KEY_REJECTED',
          summary: i % 10 !== 0 ? 'The key works.' : 'Veza refused the key.',
        },
        { kind: 'personal' },
      );
    ids.push({ id: profile.id, name: profile.name });
  }
  const bodies = createBodyFiles(folder);
  const history = await openHistoryStore(folder, bodies);
  for (let i = 0; i < historyCount; i += 1) {
    const profile = ids[(i * 7) % ids.length] as { id: string; name: string };
    const post = i % 10 === 3;
    const spec = {
      method: post ? ('POST' as const) : ('GET' as const),
      path: paths[i % paths.length] as string,
      query: i % 2 ? [{ name: 'page_size', value: '100', enabled: true }] : [],
      headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
      ...(post ? { body: JSON.stringify({ query: { filter: `name eq "x${i}"` }, size: 50 }) } : {}),
    };
    const base = {
      id: randomUUID(),
      at: new Date(Date.now() - (historyCount - i) * 600_000).toISOString(),
      profileId: profile.id,
      instanceName: profile.name,
      method: spec.method,
      target: spec.path + (spec.query.length ? '?page_size=100' : ''),
      spec,
    };
    let entry: HistoryEntry;
    if (i % 20 === 7) {
      entry = { ...base, problemCode: 'NETWORK_TIMEOUT', durationMs: 30_000 };
    } else {
      // Mostly small answers; every 8th a larger one kept as a file.
      const size = i % 8 === 0 ? 64 * 1024 * (1 + (i % 32)) : 200 + ((i * 977) % 15_000);
      const bytes = listAnswer(size, i);
      const body =
        bytes.length <= 16 * 1024
          ? { kind: 'inline' as const, base64: bytes.toString('base64') }
          : { kind: 'file' as const, ref: await bodies.write(bytes), size: bytes.length };
      entry = {
        ...base,
        status: i % 25 === 11 ? 403 : 200,
        durationMs: 80 + (i % 400),
        size: bytes.length,
        headers: responseHeaders(i, bytes.length),
        timings: { totalMs: 80 + (i % 400), connectMs: 12, tlsMs: 30, firstByteMs: 60 },
        body,
      };
    }
    await history.add(entry);
  }
}

function open(folder: string, secrets: SecretStore, emit: EventSink): Promise<AppServices> {
  return openAppServices({
    appInfo: readAppInfo('Veza Desk', '0.0.0'),
    folder,
    secrets,
    dialogs: { chooseFileToOpen: async () => undefined, chooseFileToSave: async () => undefined },
    clipboard: { writeText: async () => {} },
    env: {},
    emit,
    // Only loopback names resolve: nothing here may look up an outside host.
    transportDeps: { env: {}, lookup: fakeLookup(['localhost']) },
  });
}

/** The data folder's files and their sizes, for the record. */
async function folderSizes(folder: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.holder')) continue;
    const name = path.relative(folder, path.join(entry.parentPath, entry.name));
    const key = name.startsWith('bodies') ? 'bodies/*' : name;
    sizes[key] = (sizes[key] ?? 0) + (await stat(path.join(folder, name))).size;
  }
  return sizes;
}

/** A copy of the prepared folder as a closed app leaves it: no lock holder files. */
const copyFolder = (from: string, to: string) =>
  cp(from, to, { recursive: true, filter: (file) => !file.endsWith('.holder') });

// Each run's folder stays until the end: removing one while the next run is measured would
// wake the closed services' watchers on it. Retried: background work may still add a file.
const removeFolder = (folder: string) =>
  rm(folder, { recursive: true, force: true, maxRetries: 5 });

async function closeServices(services: AppServices): Promise<void> {
  await services.requests.shutdown();
}

interface PageGlobals {
  __firstScriptAt: number;
  __listShownAt: number;
  __navAt: number;
  __calls: Array<{ name: string; start: number; end: number }>;
}

/**
 * How the page reaches main: over the e2e bridge (Playwright's binding into the real services
 * in Node), or "in page": a stub window.veza answering each call with main's answer recorded
 * from a bridge run, as a JSON text parsed in a task of its own (what Electron's IPC costs: a
 * structured clone read in the renderer), so the bridge's own cost is left out.
 */
type PageMode = 'bridge' | 'in page';

const stubScript = (answers: Record<string, string>) => `(() => {
  const answers = ${JSON.stringify(answers)};
  const missing = { ok: false, problem: { code: 'INTERNAL_ERROR', title: 'Not recorded', explanation: '', fix: [] } };
  window.veza = Object.freeze({
    on: () => () => {},
    invoke: (name) => new Promise((resolve) => setTimeout(() => resolve(name in answers ? JSON.parse(answers[name]) : missing), 0)),
  });
})();`;

// Installed after the bridge's (or the stub's) script: when the page's first script ran, each
// call as the page sees it, and when the sidebar first lists every instance.
const observeScript = `(() => {
  window.__firstScriptAt = performance.now();
  window.__calls = [];
  const timed = (name, call) => {
    const start = performance.now();
    return call().finally(() => window.__calls.push({ name, start, end: performance.now() }));
  };
  const invoke = window.__vezaInvoke;
  if (invoke) window.__vezaInvoke = (channel, args) => timed(channel.replace(/^veza:/, ''), () => invoke(channel, args));
  else {
    const stub = window.veza;
    window.veza = Object.freeze({ on: stub.on, invoke: (name, args) => timed(name, () => stub.invoke(name, args)) });
  }
  new MutationObserver((_records, observer) => {
    const nav = document.querySelector('nav[aria-label="Instances"]');
    if (nav && !window.__navAt) window.__navAt = performance.now();
    if (nav && nav.querySelectorAll('button.instance-item').length === ${profileCount}) {
      window.__listShownAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface PageRun {
  listShownMs: number;
  /** Where the time went: the page's own steps, from navigation start. */
  steps: {
    htmlMs: number;
    firstScriptMs: number;
    scriptsLoadedMs: number;
    sidebarDrawnMs: number;
    listAnsweredMs: number;
  };
  /** Each call the page made before the list showed: page-side and main's (dispatch) times. */
  calls: Array<{ name: string; startMs: number; pageMs: number; mainMs: number }>;
  /** Time before the list showed with a call in flight, less main's own handling. */
  inFlightMs: number;
  /** Main's answers by call name (bridge runs), for the "in page" runs to replay. */
  answers: Record<string, string>;
}

/** Time covered by a set of intervals (overlaps counted once). */
function covered(intervals: Array<[number, number]>): number {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

interface PageSetup {
  browser: Browser;
  template: string;
  secrets: SecretStore;
  scratch: string;
  /** For "in page" runs. */
  answers?: Record<string, string>;
}

async function pageRun(setup: PageSetup, mode: PageMode): Promise<PageRun> {
  let services: AppServices | undefined;
  const server = await serveRenderer(rendererRoot, undefined, async (method, url) =>
    services?.requests.answerBodyRequest(method, url),
  );
  const context = await setup.browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    // Main's side of each bridge call: from the binding's arrival to its answer.
    const timed: Array<BridgeRecord & { at: number }> = [];
    if (mode === 'bridge') {
      const folder = await mkdtemp(path.join(setup.scratch, 'page-'));
      await copyFolder(setup.template, folder);
      const { records } = await installBridge(page, server.origin, async (emit) => {
        services = await open(folder, setup.secrets, emit);
        return services;
      });
      const push = records.push.bind(records);
      records.push = (...items: BridgeRecord[]) => {
        for (const item of items) timed.push({ ...item, at: performance.now() });
        return push(...items);
      };
    } else {
      await page.addInitScript(stubScript(setup.answers ?? {}));
    }
    await page.addInitScript(observeScript);
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).__listShownAt > 0,
      null,
      { timeout: 30_000 },
    );
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      // The page's own clock (this file's `performance` is Node's import).
      const timing = (globalThis as unknown as { performance: unknown }).performance as {
        getEntriesByType(type: string): Array<{ name: string; responseEnd: number }>;
      };
      const scripts = timing
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'));
      return {
        shown: g.__listShownAt,
        calls: g.__calls,
        navAt: g.__navAt,
        firstScriptAt: g.__firstScriptAt,
        htmlMs: timing.getEntriesByType('navigation')[0]?.responseEnd ?? 0,
        scriptsLoadedMs: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
      };
    });
    // Main's call and result records, paired in order per name.
    const mainTimes = new Map<string, number[]>();
    const opened = new Map<string, number[]>();
    const answers: Record<string, string> = {};
    for (const record of timed) {
      if (record.direction === 'call')
        opened.set(record.name, [...(opened.get(record.name) ?? []), record.at]);
      if (record.direction === 'result') {
        const started = opened.get(record.name)?.shift() ?? record.at;
        mainTimes.set(record.name, [...(mainTimes.get(record.name) ?? []), record.at - started]);
        answers[record.name] ??= JSON.stringify(record.payload);
      }
    }
    const before = seen.calls
      .filter((call) => call.start < seen.shown)
      .sort((a, b) => a.start - b.start)
      .map((call) => ({
        name: call.name,
        startMs: call.start,
        pageMs: call.end - call.start,
        mainMs: mainTimes.get(call.name)?.shift() ?? 0,
      }));
    const inFlight = covered(
      before.map((call) => [call.startMs, Math.min(seen.shown, call.startMs + call.pageMs)]),
    );
    const mainMs = before.reduce((sum, call) => sum + call.mainMs, 0);
    const list = before.find((call) => call.name === 'profiles.list');
    return {
      listShownMs: seen.shown,
      steps: {
        htmlMs: seen.htmlMs,
        firstScriptMs: seen.firstScriptAt,
        scriptsLoadedMs: seen.scriptsLoadedMs,
        sidebarDrawnMs: seen.navAt,
        listAnsweredMs: list ? list.startMs + list.pageMs : NaN,
      },
      calls: before,
      inFlightMs: Math.max(0, inFlight - mainMs),
      answers,
    };
  } finally {
    await context.close();
    if (services) await closeServices(services);
    await server.close();
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-startup-'));
  const template = path.join(scratch, 'template');
  const secrets = memorySecrets();
  await prepareFolder(template, secrets);
  const configHome = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumArgs,
    env: { ...process.env, XDG_CONFIG_HOME: configHome },
  });
  let ok = true;
  try {
    // One unmeasured open and page load first: Node's and Chromium's code caches warm up, and
    // main's answers at start are recorded for the "in page" runs.
    const warm = await mkdtemp(path.join(scratch, 'warm-'));
    await copyFolder(template, warm);
    await closeServices(await open(warm, secrets, () => {}));
    const setup: PageSetup = { browser, template, secrets, scratch };
    setup.answers = (await pageRun(setup, 'bridge')).answers;

    const results = await inEachCondition(async () => {
      // Other work on this machine shows here (the busy condition adds one thread per core).
      const loadBefore = os.loadavg()[0] ?? 0;
      const mainMs: number[] = [];
      for (let run = 0; run < mainRuns; run += 1) {
        const folder = await mkdtemp(path.join(scratch, 'main-'));
        await copyFolder(template, folder);
        const started = performance.now();
        const services = await open(folder, secrets, () => {});
        mainMs.push(performance.now() - started);
        await closeServices(services);
      }
      // The two ways interleaved, order flipped every run.
      const pages: Record<PageMode, PageRun[]> = { bridge: [], 'in page': [] };
      for (let run = 0; run < pageRuns; run += 1) {
        const order: PageMode[] = run % 2 ? ['in page', 'bridge'] : ['bridge', 'in page'];
        for (const mode of order) pages[mode].push(await pageRun(setup, mode));
      }
      return { mainMs, pages, loadBefore };
    });

    // The scripts the page loads on its own at start, with the bridge as in the app.
    const bundleFolder = await mkdtemp(path.join(scratch, 'bundle-'));
    await copyFolder(template, bundleFolder);
    let services: AppServices | undefined;
    const server = await serveRenderer(rendererRoot);
    const context = await browser.newContext();
    const page = await context.newPage();
    await installBridge(page, server.origin, async (emit) => {
      services = await open(bundleFolder, secrets, emit);
      return services;
    });
    const scripts = await startScripts(page, `${server.origin}/index.html`, rendererRoot);
    await context.close();
    if (services) await closeServices(services);
    await server.close();
    const startGzip = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);

    const rounded = (run: PageRun) => ({
      listShownMs: Math.round(run.listShownMs),
      steps: Object.fromEntries(
        Object.entries(run.steps).map(([name, ms]) => [name, Math.round(ms)]),
      ),
      inFlightMs: Math.round(run.inFlightMs),
      calls: run.calls.map((call) => ({
        name: call.name,
        startMs: Math.round(call.startMs),
        pageMs: Math.round(call.pageMs * 10) / 10,
        mainMs: Math.round(call.mainMs * 10) / 10,
      })),
    });
    console.error(
      JSON.stringify({
        profiles: profileCount,
        history: historyCount,
        folderBytes: await folderSizes(template),
        conditions: results.map(({ condition, result }) => ({
          condition,
          loadAverageBefore: result.loadBefore,
          openAppServicesMs: result.mainMs.map((ms) => Math.round(ms * 10) / 10),
          bridge: result.pages.bridge.map(rounded),
          inPage: result.pages['in page'].map(rounded),
        })),
        scripts,
      }),
    );
    for (const { condition, result } of results) {
      ok =
        report({
          bench: 'startup',
          figure: `${profileCount} profiles, ${historyCount} history entries: openAppServices (${condition})`,
          value: median(result.mainMs),
          unit: 'ms',
          bar: 200,
          lowerIsBetter: true,
        }) && ok;
      const shown = (mode: PageMode) => median(result.pages[mode].map((run) => run.listShownMs));
      for (const mode of ['bridge', 'in page'] as const)
        ok =
          report({
            bench: 'startup',
            figure: `${profileCount} profiles: index.html to all instances listed, ${mode === 'bridge' ? 'IPC over the e2e bridge' : "main's answers in the page, no bridge"} (${condition})`,
            value: shown(mode),
            unit: 'ms',
            // Issue 18's bar (500 ms, quiet) is the app's: main's answers in the page stand in
            // for Electron's IPC. Over the e2e bridge Playwright's binding adds 90-170 ms to one
            // call (profiles.list, main's own handling 0.7 ms), so that figure gets the busy bar.
            bar: condition === 'quiet' && mode === 'in page' ? 500 : 1000,
            lowerIsBetter: true,
          }) && ok;
      const inFlight = median(result.pages.bridge.map((run) => run.inFlightMs));
      console.log(
        JSON.stringify({
          bench: 'startup',
          note: `${condition}: the bridge costs ${Math.round(shown('bridge') - shown('in page'))} ms of the page's start (medians, bridge minus in page); its calls were in flight ${Math.round(inFlight)} ms before the list showed, less main's handling`,
        }),
      );
    }
    ok =
      report({
        bench: 'startup',
        figure: 'main page JS at start, gzipped',
        value: startGzip / 1024,
        unit: 'KB',
        bar: 250,
        lowerIsBetter: true,
      }) && ok;
  } finally {
    await browser.close();
    await removeFolder(scratch);
    await rm(configHome, { recursive: true, force: true });
  }
  process.exitCode = ok ? 0 : 1;
}

void main();
