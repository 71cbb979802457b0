import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readAppInfo } from '../../../src/main/core/app-info';
import { resolveDataFolder } from '../../../src/main/core/data-folder';
import type { FileDialogs } from '../../../src/main/core/file-dialogs';
import type { EventSink } from '../../../src/main/core/ipc/event-sink';
import type { ProfileService } from '../../../src/main/core/profiles/profile-service';
import type { HistoryStore } from '../../../src/main/core/requests/history-store';
import { createKeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import { serveRenderer } from '../../support/serve-renderer';
import type { AppServices } from '../../../src/main/core/ipc/call-handlers';
import { openAppServices } from '../../../src/main/core/open-app-services';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { fakeLookup } from '../../support/network/lookups';
import { installBridge, type BridgeRecord } from './bridge';
import { KeyScanRecorder } from './key-scan-recorder';
import { pageSnapshot, snapshotsOf } from './page-snapshot';

export const rendererRoot = path.resolve(__dirname, '../../../out/renderer');

/** Stands in for the OS file dialogs: a test sets the path the "user" will pick next. */
export interface ScriptedDialogs {
  nextOpen?: string;
  nextSave?: string;
  /** Titles of the dialogs main asked for, in order. */
  asked: string[];
}

export interface AppHarness {
  page: Page;
  origin: string;
  /** The app's data folder for this test (VEZA_DESK_HOME). */
  home: string;
  emit: EventSink;
  records: BridgeRecord[];
  /** The real profile service behind the page (main's side), with the real keychain. */
  profiles: ProfileService;
  /** Main's request history, to set up entries the UI cannot make quickly. */
  history: HistoryStore;
  dialogs: ScriptedDialogs;
  /** What main put on the clipboard (stays in the test process, never in the page). */
  clipboard: { text: string; containsSecret: boolean }[];
  /** The environment main sees; tests set VEZA_URL etc. here before importing. */
  env: Record<string, string | undefined>;
  /** Where the transport writes large bodies for this test (kept for the key scan). */
  transportTemp: string;
}

/** A clipboard text that is one key and nothing else (a new team key, copied by main). */
const bareKey = (text: string) => /^\S{12,4096}$/.test(text);

/**
 * Each test gets the built renderer, a fresh data folder, and the real main handlers.
 * `dataFiles` (test.use) puts files (name: text) in the data folder before main starts.
 */
export const test = base.extend<{
  /**
   * What this test leaves for the key scan after the suite (key-scan.teardown.ts): the keys it
   * used and where main's output went. `app` and `sandbox` feed it; a spec may add to it.
   */
  keyScan: KeyScanRecorder;
  app: AppHarness;
  dataFiles: Record<string, string>;
  /** A simulated Veza over http on 127.0.0.1, started for the tests that ask for it. */
  sandbox: Sandbox;
}>({
  // Playwright reads a fixture's dependencies from its first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  keyScan: async ({}, use, testInfo) => {
    const recorder = new KeyScanRecorder();
    await use(recorder);
    await recorder.finish(testInfo);
  },
  sandbox: async ({ keyScan }, use) => {
    const sandbox = await startSandbox();
    for (const [name, key] of Object.entries(sandbox.keys))
      keyScan.addKey(key, `sandbox key ${name}`);
    await use(sandbox);
    await sandbox.close();
  },
  dataFiles: [{}, { option: true }],
  app: async ({ page, dataFiles, keyScan }, use) => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-e2e-'));
    const transportTemp = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-e2e-bodies-'));
    keyScan.addFolder(home);
    keyScan.addFolder(transportTemp);
    for (const [name, text] of Object.entries(dataFiles))
      await writeFile(path.join(home, name), text);
    let services: AppServices | undefined;
    // Main's routes (response bodies) answer once the services below are open, as in the app.
    const server = await serveRenderer(rendererRoot, undefined, async (method, urlPath) =>
      services?.requests.answerBodyRequest(method, urlPath),
    );
    const dialogs: ScriptedDialogs = { asked: [] };
    const clipboard: AppHarness['clipboard'] = [];
    const env: AppHarness['env'] = {};
    const fileDialogs: FileDialogs = {
      chooseFileToOpen: async ({ title }) => {
        dialogs.asked.push(title);
        return dialogs.nextOpen;
      },
      chooseFileToSave: async ({ title }) => {
        dialogs.asked.push(title);
        return dialogs.nextSave;
      },
    };
    const { emit, records } = await installBridge(page, server.origin, async (sink) => {
      services = await openAppServices({
        appInfo: readAppInfo('Veza Desk', '0.1.0'),
        folder: resolveDataFolder({ VEZA_DESK_HOME: home }),
        secrets: keyScan.secretStore(createKeytarSecretStore()),
        dialogs: fileDialogs,
        clipboard: {
          writeText: async (text, { containsSecret }) => {
            clipboard.push({ text, containsSecret });
          },
        },
        env,
        emit: sink,
        // Only loopback: a name that is not a test name fails like an unknown host, so no
        // test can look up an outside name by accident.
        transportDeps: { env: {}, lookup: fakeLookup(['localhost']), tempDir: transportTemp },
      });
      return services;
    });
    await page.goto(`${server.origin}/index.html`);
    await use({
      page,
      origin: server.origin,
      home,
      emit,
      records,
      profiles: (services as AppServices).profiles,
      history: (services as AppServices).history,
      dialogs,
      clipboard,
      env,
      transportTemp,
    });
    // What the page holds at the end, as the key scan will search it.
    const final = await pageSnapshot(page).catch(() => undefined);
    await services?.demo.stop();
    await server.close();
    snapshotsOf(page).forEach((snapshot, index, all) =>
      keyScan.addSnapshot(
        final && index === all.length - 1
          ? 'page at the end of the test'
          : `page snapshot ${index + 1}`,
        snapshot,
      ),
    );
    keyScan.addRecords(records);
    clipboard.forEach(({ text, containsSecret }, index) => {
      // The user asked main to copy a secret: the clipboard may hold it, and it is a key to find.
      if (!containsSecret) keyScan.addText(`clipboard #${index + 1}`, text);
      else if (bareKey(text)) keyScan.addKey(text, 'copied to the clipboard by main');
    });
    for (const name of ['VEZA_TOKEN', 'VEZA_API_KEY'])
      keyScan.addKey(env[name], `${name} in main's environment`);
    // The key scan searches the folders after the suite and removes them then.
    if (!keyScan.active) {
      await rm(home, { recursive: true, force: true });
      await rm(transportTemp, { recursive: true, force: true });
    }
  },
});

export { expect };
