import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { profilesFileName } from '../../src/main/core/profiles/profiles-file';
import { decodeKeyEntry } from '../../src/main/core/secrets/key-envelope';
import { keychainService } from '../../src/main/core/secrets/keytar-secret-store';
import { mainWindowOptions } from '../../src/main/window/window-options';
import { calls, channelOf, contractManifest } from '../../src/shared/ipc/contract';
import {
  appOrigin,
  contentSecurityPolicy,
} from '../../src/shared/security/content-security-policy';
import { describeHits, KeySearch } from '../e2e/support/key-forms';
import { launchTarget } from './support/launch-target';

// The whole app in Electron: the real window, preload, app:// page, main process and the OS
// keychain (Keychain on macOS, Credential Manager on Windows, the Secret Service in a D-Bus
// session on Linux). On GitHub's runners (.github/workflows/release.yml) it drives the built
// smoke-test app (VEZA_DESK_APP_PATH); elsewhere node_modules' Electron with out/main/index.js,
// when that binary exists. What it starts is decided in support/launch-target.ts.
// One app for the file, tests in order: the key test saves through the UI and then closes the
// app to search its data folder.

const target = launchTarget();
const execFileAsync = promisify(execFile);

/** The instances profiles.json in a data folder lists (ids and names; it holds no key). */
async function profilesIn(home: string): Promise<{ id: string; name: string }[]> {
  const text = await readFile(path.join(home, profilesFileName), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const parsed = JSON.parse(text) as { profiles?: { id: string; name: string }[] };
  return parsed.profiles ?? [];
}

test.describe.configure({ mode: 'serial', timeout: 60_000 });

test.describe('the whole app in Electron', () => {
  test.skip(target.kind === 'missing', target.kind === 'missing' ? target.reason : '');

  let app: ElectronApplication | undefined;
  let page: Page;
  let home: string | undefined;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    if (target.kind === 'broken') throw new Error(target.reason);
    if (target.kind === 'missing') return;
    home = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-electron-'));
    console.log(
      `smoke test: starting the ${target.kind} ${target.executablePath} (from ${target.from})` +
        `${target.args.length ? ` with ${target.args.join(' ')}` : ''}, data folder ${home}`,
    );
    try {
      app = await electron.launch({
        executablePath: target.executablePath,
        args: target.args,
        env: { ...process.env, VEZA_DESK_HOME: home },
      });
    } catch (error) {
      const built = target.kind === 'built app';
      throw new Error(
        `The smoke test could not start ${target.executablePath} (${target.from}` +
          `${built ? '' : ', with the built main entry; is the app built? npm run build'}): ` +
          `${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close().catch(() => {});
    if (!home) return;
    // The keychain entries of this run's instances (the demo's key and the one typed in). On
    // macOS they belong to the app, and touching them from here would ask the user: they stay
    // in the runner's keychain, which is thrown away with the runner.
    if (process.platform !== 'darwin') {
      for (const { id } of await profilesIn(home)) {
        await keytar.deletePassword(keychainService, id).catch(() => false);
      }
    }
    await rm(home, { recursive: true, force: true });
  });

  const running = (): ElectronApplication => {
    if (!app) throw new Error('The app did not start (see the first failure).');
    return app;
  };

  test('the page comes from app://, in a window with the options as shipped', async () => {
    await expect(page.getByRole('navigation', { name: 'Instances' })).toBeVisible();
    expect(page.url()).toBe(`${appOrigin}/index.html`);
    expect(await page.evaluate(() => window.location.origin)).toBe(appOrigin);

    const shipped =
      mainWindowOptions('preload.js', { width: 1200, height: 800, maximized: false })
        .webPreferences ?? {};
    const expected: Record<string, unknown> = Object.fromEntries(
      Object.entries(shipped).filter(([name, value]) => name !== 'preload' && value !== undefined),
    );
    const actual = await running().evaluate(({ app: electronApp, BrowserWindow, Menu }) => {
      const windows = BrowserWindow.getAllWindows();
      const [first] = windows;
      if (!first) throw new Error('no window');
      const preferences = (
        first.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
      ).getLastWebPreferences();
      type Item = { role?: string; label?: string; submenu?: { items: Item[] } | null };
      const items = (list: readonly Item[]): Item[] =>
        list.flatMap((item) => [item, ...items(item.submenu?.items ?? [])]);
      const menuItems = items((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[]);
      return {
        windows: windows.length,
        isPackaged: electronApp.isPackaged,
        preferences,
        devToolsOpen: first.webContents.isDevToolsOpened(),
        devToolsInMenu: menuItems.some(
          (item) =>
            item.role?.toLowerCase() === 'toggledevtools' ||
            /developer tools/i.test(item.label ?? ''),
        ),
      };
    });
    expect(actual.windows).toBe(1);
    // Electron reports these of the window's settings (getLastWebPreferences): each must be as
    // window-options.ts ships it. The rest (nodeIntegrationInWorker, navigateOnDragDrop,
    // spellcheck, safeDialogs) it does not report; window-options.test.ts covers them.
    const reported = Object.keys(expected).filter((name) => name in actual.preferences);
    expect(reported).toEqual(
      expect.arrayContaining([
        'sandbox',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'webSecurity',
        'allowRunningInsecureContent',
        'webviewTag',
        'experimentalFeatures',
      ]),
    );
    const pick = (from: Record<string, unknown>) =>
      Object.fromEntries(reported.map((name) => [name, from[name]]));
    expect(pick(actual.preferences)).toEqual(pick(expected));
    // No Blink feature switched on (Electron reports "" for none).
    expect(actual.preferences.enableBlinkFeatures ?? '').toBe('');
    test.info().annotations.push({
      type: 'window options',
      description: `as shipped: ${reported.join(', ')}; not reported by Electron: ${Object.keys(
        expected,
      )
        .filter((name) => !reported.includes(name))
        .join(', ')}`,
    });
    expect(actual.devToolsOpen).toBe(false);
    // The packaged app's menu has no developer tools; `npm run dev`'s (unpackaged) has.
    test.info().annotations.push({
      type: 'build',
      description: actual.isPackaged ? 'packaged app' : 'unpackaged (node_modules electron)',
    });
    if (target.kind === 'built app') {
      expect(actual.isPackaged).toBe(true);
      expect(actual.devToolsInMenu).toBe(false);
    }
  });

  test('window.veza has exactly the contract’s calls and events', async () => {
    // A number is no call's arguments: each call reaches main and is refused there, unrun.
    const probe = 31_337.5;
    for (const [name, spec] of Object.entries(calls)) {
      expect(spec.args.safeParse(probe).success, name).toBe(false);
    }
    const seen = await page.evaluate(
      async ({ names, events, probe: notArguments }) => {
        const veza = window.veza as unknown as {
          invoke(name: string, args: unknown): Promise<unknown>;
          on(name: string, listener: () => void): () => void;
        };
        const answers: Record<string, unknown> = {};
        for (const name of names) {
          answers[name] = await veza.invoke(name, notArguments).then(
            (answer) => answer,
            (error: Error) => `rejected: ${error.message}`,
          );
        }
        const subscribed = events.map((name) => {
          const off = veza.on(name, () => {});
          off();
          return typeof off;
        });
        const outside = await veza.invoke('fs.readFile', '/etc/passwd').then(
          () => 'answered',
          (error: Error) => error.message,
        );
        let outsideEvent = 'subscribed';
        try {
          veza.on('fs.changed', () => {});
        } catch (error) {
          outsideEvent = (error as Error).message;
        }
        return {
          keys: Object.keys(window.veza).sort(),
          answers,
          subscribed,
          outside,
          outsideEvent,
          node: [
            typeof (window as unknown as { require?: unknown }).require,
            typeof (window as unknown as { process?: unknown }).process,
          ],
        };
      },
      { names: contractManifest.calls, events: contractManifest.events, probe },
    );
    expect(seen.keys).toEqual(['invoke', 'on']);
    expect(seen.node).toEqual(['undefined', 'undefined']);
    for (const name of contractManifest.calls) {
      expect(seen.answers[name], name).toMatchObject({
        ok: false,
        problem: { code: 'IPC_INVALID_ARGUMENT' },
      });
    }
    expect(seen.subscribed).toEqual(contractManifest.events.map(() => 'function'));
    expect(seen.outside).toBe('Unknown call: fs.readFile');
    expect(seen.outsideEvent).toBe('Unknown event: fs.changed');

    // And main answers those channels and no other (Electron's table of ipcMain.handle calls).
    const handled = await running().evaluate(({ ipcMain }) => {
      const table = (ipcMain as unknown as { _invokeHandlers?: Map<string, unknown> })
        ._invokeHandlers;
      return table ? [...table.keys()].sort() : undefined;
    });
    if (handled === undefined) {
      test.info().annotations.push({
        type: 'note',
        description: 'This Electron keeps its ipcMain.handle table elsewhere: main side unchecked',
      });
    } else {
      expect(handled).toEqual(contractManifest.calls.map(channelOf).sort());
    }
  });

  test('the page cannot run code of its own making: the CSP refuses it and says so', async () => {
    const outcome = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(event.effectiveDirective),
      );
      const flags = window as unknown as Record<string, boolean | undefined>;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
      let functionRan = 'ran';
      try {
        new Function('window.__functionRan = true')();
      } catch (error) {
        functionRan = (error as Error).name;
      }
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handlerRan = true');
      image.src = 'data:,not-an-image';
      document.body.append(image);
      // Violations are reported as tasks: let them come in (at least three: the inline script,
      // the string timer, new Function; then the handler attribute). A bounded wait, so a
      // missing report fails on the assertions below, not as a timeout.
      for (let round = 0; round < 250 && seen.length < 4; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      script.remove();
      image.remove();
      return {
        ran: [flags.__inlineRan, flags.__evalRan, flags.__functionRan, flags.__handlerRan].map(
          (flag) => flag === true,
        ),
        functionRan,
        violations: seen.length,
        directives: [...new Set(seen)].sort(),
        meta: document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content'),
      };
    });
    expect(outcome.ran).toEqual([false, false, false, false]);
    expect(outcome.functionRan).toBe('EvalError');
    // Each attempt was reported: the inline script (script-src-elem), eval and new Function
    // (script-src), and the handler attribute (script-src-attr).
    expect(outcome.violations).toBeGreaterThanOrEqual(3);
    expect(outcome.directives).toEqual(expect.arrayContaining(['script-src', 'script-src-elem']));
    expect(outcome.meta).toBe(contentSecurityPolicy);
  });

  test('the demo instance verifies', async () => {
    await page.getByRole('button', { name: 'Try the demo instance' }).click();
    const main = page.getByRole('main', { name: 'Instance Demo (simulated Veza)' });
    await expect(main).toBeVisible({ timeout: 20_000 });
    await page
      .getByRole('group', { name: 'Instance actions' })
      .getByRole('button', { name: 'Verify' })
      .click();
    const panel = page.getByRole('tabpanel', { name: 'Verify' });
    await expect(panel.getByRole('status').filter({ hasText: 'Check finished.' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(panel.locator('.success-card').getByRole('heading')).toHaveText(/^The key works/);
  });

  test('a key saved through the UI is in the OS keychain and nowhere else', async () => {
    const demoAddress = await page
      .getByRole('main', { name: 'Instance Demo (simulated Veza)' })
      .getByText(/http:\/\/127\.0\.0\.1:\d+/)
      .first()
      .innerText();
    const address = /http:\/\/127\.0\.0\.1:\d+/.exec(demoAddress)?.[0] ?? '';
    expect(address).not.toBe('');
    const key = randomBytes(36).toString('base64');

    await page.getByRole('button', { name: 'Add instance' }).click();
    const form = page.getByRole('dialog', { name: 'Add instance' });
    await form.getByLabel('Name').fill('Smoke test key');
    await form.getByRole('textbox', { name: 'Address' }).fill(address);
    await form.getByLabel('API key', { exact: true }).fill(key);
    await form.getByRole('button', { name: 'Add instance' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'Smoke test key' })).toBeVisible();
    await expect(page.getByText(`ending in …${key.slice(-4)}`)).toBeVisible();

    // In the OS keychain, under the app's service, for the new instance's id (profiles.json
    // names the instance, never its key).
    if (!home) throw new Error('no data folder');
    const saved = (await profilesIn(home)).find((profile) => profile.name === 'Smoke test key');
    expect(saved?.id).toBeTruthy();
    const account = saved?.id ?? '';
    if (process.platform === 'darwin') {
      // The Keychain item belongs to the app: reading its secret from another program (this
      // test) makes macOS ask the user, which nobody can answer on a runner. Its attributes
      // need no permission: an item of service veza-desk for exactly this instance.
      const { stdout } = await execFileAsync('security', [
        'find-generic-password',
        '-s',
        keychainService,
        '-a',
        account,
      ]);
      expect(stdout).toContain(`"svce"<blob>="${keychainService}"`);
      expect(stdout).toContain(`"acct"<blob>="${account}"`);
      expect(stdout).not.toContain(key);
      test.info().annotations.push({
        type: 'keychain',
        description: 'macOS: the item is checked by its attributes (its secret would prompt)',
      });
    } else {
      const entry = await keytar.getPassword(keychainService, account);
      expect(entry, 'no keychain entry for the new instance').not.toBeNull();
      expect(decodeKeyEntry(entry ?? '').key).toBe(key);
    }

    // Nowhere else: not in the page, and not in any file of the data folder (or the app's
    // temporary bodies folder) once the app has closed and written everything it keeps.
    expect(await page.content()).not.toContain(key);
    await running().close();
    app = undefined;
    const search = new KeySearch([{ key, source: 'typed into Add instance' }]);
    const hits: string[] = [];
    let files = 0;
    if (!home) throw new Error('no data folder');
    for (const folder of [home, path.join(os.tmpdir(), 'veza-desk-bodies')]) {
      const found = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
      for (const entry of found) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        const data = await readFile(file).catch(() => undefined);
        if (data === undefined) continue;
        files += 1;
        const inFile = search.find(data);
        if (inFile.length) hits.push(`${file}: ${describeHits(inFile)}`);
      }
    }
    expect(files).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  });
});
