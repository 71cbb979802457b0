import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readAppInfo } from '../../../src/main/core/app-info';
import type { EventSink } from '../../../src/main/core/ipc/event-sink';
import { serveRenderer } from '../../support/serve-renderer';
import { installBridge, type BridgeRecord } from './bridge';

export const rendererRoot = path.resolve(__dirname, '../../../out/renderer');

export interface AppHarness {
  page: Page;
  origin: string;
  /** The app's data folder for this test (VEZA_DESK_HOME). */
  home: string;
  emit: EventSink;
  records: BridgeRecord[];
  /** Everything the page asked main to put on the clipboard, in order. */
  clipboard: string[];
}

/** Each test gets the built renderer, a fresh data folder, and the real main handlers. */
export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-e2e-'));
    const server = await serveRenderer(rendererRoot);
    const clipboard: string[] = [];
    const { emit, records } = await installBridge(page, server.origin, (sink) => ({
      appInfo: readAppInfo('Veza Desk', '0.1.0'),
      clipboard: { writeText: (text) => void clipboard.push(text) },
      emit: sink,
    }));
    await page.goto(`${server.origin}/index.html`);
    await use({ page, origin: server.origin, home, emit, records, clipboard });
    await server.close();
    await rm(home, { recursive: true, force: true });
  },
});

export { expect };
