import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readAppInfo } from '../../src/main/core/app-info';
import { createCallHandlers } from '../../src/main/core/ipc/call-handlers';
import { createDispatcher } from '../../src/main/core/ipc/dispatcher';
import { createSenderPolicy } from '../../src/main/core/ipc/sender-policy';
import { openAppServices } from '../../src/main/core/open-app-services';
import { fakeLookup } from './network/lookups';
import type { ProfileService } from '../../src/main/core/profiles/profile-service';
import { createKeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import type { CallName, EventName } from '../../src/shared/ipc/contract';

export interface ProfileHarness {
  home: string;
  profiles: ProfileService;
  secrets: SecretStore;
  /** Calls a handler through the real dispatcher, as the window would. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read many result shapes
  call: (name: CallName, args?: unknown) => Promise<{ ok: boolean; value?: any; problem?: any }>;
  events: { name: EventName; payload: unknown }[];
  clipboard: { text: string; containsSecret: boolean }[];
  dialogs: { nextOpen?: string; nextSave?: string };
  env: Record<string, string | undefined>;
  /** Main's routes on the page's origin (response bodies), as app:// serves them. */
  pageRoute: (method: string, urlPath: string) => Promise<Response | undefined>;
  /** Stops main's services; the data folder is removed unless `keepFolder` (a restart follows). */
  close: (options?: { keepFolder?: boolean }) => Promise<void>;
}

/** The real main side (dispatcher, handlers, profile store, keychain) in a temp data folder. */
export async function openProfileHarness(home?: string): Promise<ProfileHarness> {
  const folder = home ?? (await mkdtemp(path.join(os.tmpdir(), 'veza-profiles-')));
  const secrets = createKeytarSecretStore();
  const events: ProfileHarness['events'] = [];
  const clipboard: ProfileHarness['clipboard'] = [];
  const dialogs: ProfileHarness['dialogs'] = {};
  const env: ProfileHarness['env'] = {};
  const emit = (name: EventName, payload: unknown) => events.push({ name, payload });
  const services = await openAppServices({
    appInfo: readAppInfo('Veza Desk', '0.0.0'),
    folder,
    secrets,
    emit: emit as never,
    dialogs: {
      chooseFileToOpen: async () => dialogs.nextOpen,
      chooseFileToSave: async () => dialogs.nextSave,
    },
    clipboard: {
      writeText: async (text, { containsSecret }) => {
        clipboard.push({ text, containsSecret });
      },
    },
    env,
    transportDeps: { env: {}, lookup: fakeLookup(['localhost']) },
  });
  const { profiles } = services;
  const handlers = createCallHandlers(services);
  const dispatch = createDispatcher(handlers, createSenderPolicy(['app://veza-desk']));
  const sender = { url: 'app://veza-desk/index.html', isMainFrame: true };
  return {
    home: folder,
    profiles,
    secrets,
    call: (name, args) => dispatch(name, args, sender) as never,
    events,
    clipboard,
    dialogs,
    env,
    pageRoute: services.requests.answerBodyRequest,
    close: async (options = {}) => {
      services.runningCalls.cancelAll();
      await services.requests.shutdown();
      if (!options.keepFolder) await rm(folder, { recursive: true, force: true });
    },
  };
}
