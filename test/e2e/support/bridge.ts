import type { Page } from '@playwright/test';
import { contractManifest, type EventName } from '../../../src/shared/ipc/contract';
import { buildVezaApi } from '../../../src/shared/ipc/build-veza-api';
import { createDispatcher } from '../../../src/main/core/ipc/dispatcher';
import { createEventSink, type EventSink } from '../../../src/main/core/ipc/event-sink';
import { createSenderPolicy } from '../../../src/main/core/ipc/sender-policy';
import { createCallHandlers, type AppServices } from '../../../src/main/core/ipc/call-handlers';

/** One message that crossed the bridge, kept so tests can search every payload for secrets. */
export interface BridgeRecord {
  direction: 'call' | 'result' | 'event';
  name: string;
  payload: unknown;
}

/**
 * Stands in for preload + ipcMain: `window.veza` is built in the page by the same
 * buildVezaApi, and every call goes through Playwright's binding into the real dispatcher and
 * the real main/core handlers made from the same contract table. Events go the other way.
 */
export async function installBridge(
  page: Page,
  pageOrigin: string,
  makeServices: (emit: EventSink) => AppServices | Promise<AppServices>,
): Promise<{ emit: EventSink; records: BridgeRecord[] }> {
  const records: BridgeRecord[] = [];
  const emit = createEventSink((name: EventName, payload: unknown) => {
    records.push({ direction: 'event', name, payload });
    void page
      .evaluate(
        ([channel, data]) =>
          (globalThis as unknown as { __vezaDeliver(c: string, d: unknown): void }).__vezaDeliver(
            channel,
            data,
          ),
        [`veza:${name}`, payload] as const,
      )
      .catch(() => {});
  });
  const dispatch = createDispatcher(
    createCallHandlers(await makeServices(emit)),
    createSenderPolicy([pageOrigin]),
  );

  await page.exposeBinding('__vezaInvoke', async ({ frame }, channel: string, args: unknown) => {
    const name = channel.replace(/^veza:/, '');
    records.push({ direction: 'call', name, payload: args });
    const result = await dispatch(name, args, {
      url: frame.url(),
      isMainFrame: frame === frame.page().mainFrame(),
    });
    records.push({ direction: 'result', name, payload: result });
    return result;
  });

  await page.addInitScript(
    `(() => {
      const listeners = new Map();
      window.__vezaDeliver = (channel, payload) => {
        for (const listener of listeners.get(channel) ?? []) listener(payload);
      };
      const buildVezaApi = ${buildVezaApi.toString()};
      const api = buildVezaApi(${JSON.stringify(contractManifest)}, {
        invoke: (channel, args) => window.__vezaInvoke(channel, args),
        subscribe: (channel, listener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel).add(listener);
          return () => listeners.get(channel).delete(listener);
        },
      });
      Object.defineProperty(window, 'veza', { value: api, writable: false, configurable: false });
    })();`,
  );
  return { emit, records };
}
