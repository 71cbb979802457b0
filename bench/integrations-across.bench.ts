// The list of failing integrations across instances with 50 instances × 200 failing data
// sources (10,000 rows), in Chromium on the built renderer: the time from the answers arriving
// to the first screen, the longest UI task (PerformanceObserver longtask), the page's JS heap
// for the view; each figure once quiet and once with every core busy (bench/support/busy-cores.ts,
// started and stopped here), against the same bar. Two ways for the answers to arrive:
// - "in page": window.veza is a stub in the page; each integrations.read answer arrives as a
//   JSON text in a task of its own and is parsed there (what Electron's IPC costs: a
//   structured clone read in the renderer);
// - "bridge": each answer comes from Node through page.exposeBinding, as the e2e harness
//   delivers main's answers, to see what Playwright's bridge itself costs.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium';
import { serveRenderer } from '../test/support/serve-renderer';
import { instanceIntegrationsSchema } from '../src/shared/integrations/integrations-schema';
import type { InstanceIntegrations } from '../src/shared/integrations/integration-health';
import { profilesStateSchema, type Profile } from '../src/shared/profiles/profile';
import { inEachCondition, type Condition } from './support/busy-cores';
import { report } from './support/figure';

const root = path.resolve(__dirname, '..');
const rendererRoot = path.join(root, 'out/renderer');
const instances = Number(process.env.BENCH_INSTANCES ?? 50);
const sourcesPerInstance = Number(process.env.BENCH_SOURCES ?? 200);
const providersPerInstance = Math.min(10, sourcesPerInstance);

interface PageGlobals {
  __longTasks: Array<{ start: number; duration: number }>;
  __released: number;
  __lastAnswer: number;
  __shownAt: number;
  __firstRowAt: number;
  __release(): void;
}

function makeProfiles(): Profile[] {
  const now = new Date().toISOString();
  return Array.from({ length: instances }, (_, index) => ({
    id: randomUUID(),
    name: `Instance ${String(index + 1).padStart(2, '0')}`,
    baseUrl: `https://veza-${index + 1}.example.com`,
    colour: '#2457c5',
    production: false,
    notes: '',
    createdAt: now,
    updatedAt: now,
    key: { length: 40, last4: 'abcd', savedAt: now, kind: 'personal' as const },
  }));
}

/** One instance's model: every data source failing, each with Veza's event (as a big, bad day). */
function makeIntegrations(instance: number): InstanceIntegrations {
  const now = Date.now();
  const perProvider = sourcesPerInstance / providersPerInstance;
  const model: InstanceIntegrations = {
    reach: { level: 'full', words: '' },
    checkedAt: new Date(now).toISOString(),
    staleHours: 24,
    complete: true,
    providers: Array.from({ length: providersPerInstance }, (_, p) => ({
      id: `prov-${instance}-${p}`,
      name: `Provider ${p} of instance ${instance}`,
      type: 'AWS',
      dataSources: Array.from({ length: perProvider }, (_, s) => {
        const at = new Date(now - ((instance * 7919 + p * 131 + s * 17) % 100_000) * 60_000);
        const error = {
          reason: 'EXTRACTION_FAILED',
          message: `Access denied reading account ${instance}-${p}-${s}`,
          resolution: 'Give the service account read access again, then retry.',
          requestId: `${instance}${p}${s}`.padEnd(32, 'a'),
        };
        return {
          id: `ds-${instance}-${p}-${s}`,
          name: `Data source ${s} of provider ${p}`,
          type: 'AWS_ACCOUNT',
          status: 'failing' as const,
          veza: { status: 'ERROR', state: 'ENABLED', effectiveState: 'ENABLED' },
          syncedAt: new Date(at.getTime() - 3_600_000).toISOString(),
          parsedAt: new Date(at.getTime() - 3_600_000).toISOString(),
          stale: false,
          lastError: error,
          events: [
            {
              id: randomUUID(),
              timestamp: at.toISOString(),
              severity: 'ERROR',
              name: 'Extraction failed',
              message: error.message,
              error,
            },
          ],
        };
      }),
    })),
  };
  return instanceIntegrationsSchema.parse(model);
}

/** The stub window.veza: answers held until __release(), then one per task. */
const stubScript = (profilesJson: string, answers: Record<string, string> | null) => `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const answers = ${answers ? JSON.stringify(answers) : 'null'};
  const profiles = ${JSON.stringify(profilesJson)};
  let released = false;
  const waiting = [];
  window.__release = () => {
    released = true;
    window.__released = performance.now();
    for (const go of waiting.splice(0)) go();
  };
  const whenReleased = () => new Promise((resolve) => (released ? resolve() : waiting.push(resolve)));
  const inTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const ok = (value) => ({ ok: true, value });
  window.veza = {
    on: () => () => {},
    invoke: async (name, args) => {
      if (name === 'profiles.list') return ok(JSON.parse(profiles));
      if (name === 'settings.get') return ok({ settings: { keyRotationDays: 90 } });
      if (name === 'saved.list') return ok({ requests: [] });
      if (name === 'integrations.read') {
        await whenReleased();
        await inTask();
        const value = answers ? JSON.parse(answers[args.profileId]) : await window.__benchAnswer(args.profileId);
        window.__lastAnswer = performance.now();
        return ok(value);
      }
      return { ok: false, problem: { code: 'INTERNAL_ERROR', title: 'Not in this bench', explanation: '', fix: [] } };
    },
  };
  new MutationObserver(() => {
    const status = document.querySelector('.ia-view .ih-live');
    if (!window.__firstRowAt && document.querySelector('[aria-label="Failing data sources of every instance"] [role="option"]'))
      window.__firstRowAt = performance.now();
    if (!window.__shownAt && status && /need care on ${instances} of ${instances} instances/.test(status.textContent))
      window.__shownAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface Run {
  mode: 'in page' | 'bridge';
  load: Condition;
  firstRowAfterRelease: number;
  allShownAfterRelease: number;
  allShownAfterLastAnswer: number;
  longest: number;
  longTasks: Array<{ start: number; duration: number }>;
  releasedAt: number;
  heapForView: number;
}

async function runOnce(
  browser: Browser,
  origin: string,
  mode: Run['mode'],
  load: Run['load'],
  profilesJson: string,
  models: Map<string, InstanceIntegrations>,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  try {
    const answers =
      mode === 'in page'
        ? Object.fromEntries([...models].map(([id, model]) => [id, JSON.stringify(model)]))
        : null;
    if (mode === 'bridge')
      await page.exposeBinding('__benchAnswer', (_source, id: string) => models.get(id));
    await page.addInitScript(stubScript(profilesJson, answers));
    await page.goto(`${origin}/index.html`);
    const sidebar = page.getByRole('navigation', { name: 'Instances' });
    await sidebar.getByRole('button', { name: 'Failing integrations' }).click();
    await page.getByRole('heading', { name: 'Failing integrations' }).waitFor();
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(300);
    // Before: the page with its stub (and the answers' texts it holds), the view empty.
    const before = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__release());
    await page
      .waitForFunction(() => (globalThis as unknown as PageGlobals).__shownAt > 0, null, {
        timeout: 60_000,
      })
      .catch(async (error: unknown) => {
        const main = await page.getByRole('main').innerText();
        throw new Error(`the list did not show (${String(error)}): ${main.slice(0, 600)}`);
      });
    await page.waitForTimeout(500);
    const times = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return {
        released: g.__released,
        firstRow: g.__firstRowAt,
        shown: g.__shownAt,
        lastAnswer: g.__lastAnswer,
        longTasks: g.__longTasks,
      };
    });
    // Scroll to the end and back: the windowed list draws only what shows.
    const list = page.getByRole('listbox', { name: 'Failing data sources of every instance' });
    const options = await list.getAttribute('aria-activedescendant');
    if (!options) throw new Error('the list shows no row');
    await list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await page.waitForTimeout(200);
    await session.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(300);
    const after = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    const afterRelease = times.longTasks.filter((task) => task.start >= times.released - 1);
    const rowCount = await list.getByRole('option').first().getAttribute('aria-setsize');
    if (rowCount !== String(instances * sourcesPerInstance))
      throw new Error(`the list has ${rowCount} rows`);
    return {
      mode,
      load,
      firstRowAfterRelease: times.firstRow - times.released,
      allShownAfterRelease: times.shown - times.released,
      allShownAfterLastAnswer: times.shown - times.lastAnswer,
      longest: afterRelease.reduce((max, task) => Math.max(max, task.duration), 0),
      longTasks: afterRelease,
      releasedAt: times.released,
      heapForView: after.usedSize - before.usedSize,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  const profiles = makeProfiles();
  const profilesJson = JSON.stringify(profilesStateSchema.parse({ profiles, readOnly: false }));
  const models = new Map(profiles.map((profile, index) => [profile.id, makeIntegrations(index)]));
  const server = await serveRenderer(rendererRoot);
  const configHome = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumExecutable,
    args: chromiumArgs,
    env: { ...process.env, XDG_CONFIG_HOME: configHome },
  });
  const runs: Run[] = [];
  try {
    await inEachCondition(async (load) => {
      for (const mode of ['in page', 'bridge'] as const)
        runs.push(await runOnce(browser, server.origin, mode, load, profilesJson, models));
    });
  } finally {
    await browser.close();
    await server.close();
    await rm(configHome, { recursive: true, force: true });
  }
  console.error(JSON.stringify(runs.map(({ longTasks, ...run }) => ({ ...run, longTasks }))));
  let ok = true;
  const rows = (instances * sourcesPerInstance).toLocaleString('en');
  for (const run of runs) {
    // The bars hold for what the app does; the bridge's own cost is reported, not judged.
    if (run.mode === 'bridge') continue;
    ok =
      report({
        bench: 'integrations-across',
        figure: `${rows} failing sources: whole list shown after the answers arrived (${run.load})`,
        value: run.allShownAfterRelease,
        unit: 'ms',
        bar: 1000,
        lowerIsBetter: true,
      }) && ok;
    ok =
      report({
        bench: 'integrations-across',
        figure: `${rows} failing sources: longest UI task (${run.load})`,
        value: run.longest,
        unit: 'ms',
        bar: 100,
        lowerIsBetter: true,
      }) && ok;
    ok =
      report({
        bench: 'integrations-across',
        figure: `${rows} failing sources: page JS heap for the view (${run.load})`,
        value: run.heapForView / 1024 / 1024,
        unit: 'MB',
        bar: 50,
        lowerIsBetter: true,
      }) && ok;
  }
  for (const run of runs.filter((candidate) => candidate.mode === 'bridge'))
    console.log(
      JSON.stringify({
        bench: 'integrations-across',
        note: `bridge, ${run.load}: whole list ${Math.round(run.allShownAfterRelease)} ms after the answers were released, longest task ${Math.round(run.longest)} ms (Playwright's binding delivering the answers, not the app)`,
      }),
    );
  process.exitCode = ok ? 0 : 1;
}

void main();
