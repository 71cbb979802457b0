import type { AppInfo } from '../../../shared/ipc/contract';
import type { ClipboardWriter } from '../clipboard-writer';
import type { DemoInstance } from '../demo/demo-instance';
import type { DoctorService } from '../doctor/doctor-service';
import type { FileDialogs } from '../file-dialogs';
import type { IntegrationsService } from '../integrations/integrations-service';
import type { TeamKeysService } from '../keys/team-keys-service';
import type { SettingsStore } from '../settings/settings-store';
import type { ProfileService } from '../profiles/profile-service';
import type { ClientCertificateSecrets } from '../secrets/client-certificate-secrets';
import type { ProxyPasswords } from '../secrets/proxy-passwords';
import { createAppHandlers } from './app-handlers';
import { createDemoHandlers } from './demo-handlers';
import { createDoctorHandlers } from './doctor-handlers';
import { createNetworkHandlers } from './network-handlers';
import type { CallHandlers } from './dispatcher';
import type { EventSink } from './event-sink';
import type { RunningCalls } from './running-calls';
import { createIntegrationsHandlers } from './integrations-handlers';
import { createKeyHandlers } from './key-handlers';
import { createProfileHandlers } from './profile-handlers';
import { createSettingsHandlers } from './settings-handlers';
import type { HistoryStore } from '../requests/history-store';
import type { RequestService } from '../requests/request-service';
import type { SavedRequestsStore } from '../requests/saved-requests-store';
import { createRequestsHandlers } from './requests-handlers';

/** Everything the handlers need, made by the Electron glue or by the test bridge. */
export interface AppServices {
  appInfo: AppInfo;
  emit: EventSink;
  /** Profiles and their keys (profiles.json + the keychain). */
  profiles: ProfileService;
  /** Open/save dialogs: Electron's in the app, scripted in tests. */
  dialogs: FileDialogs;
  clipboard: ClipboardWriter;
  /** The environment main was started with (import from environment variables). */
  env: Readonly<Record<string, string | undefined>>;
  /** The connection doctor over the profiles and the transport. */
  doctor: DoctorService;
  /** The built-in simulated Veza and its Demo instance. */
  demo: DemoInstance;
  /** Proxy users' passwords in the keychain. */
  proxyPasswords: ProxyPasswords;
  /** Client certificates' private keys and passphrases in the keychain. */
  clientCertificates: ClientCertificateSecrets;
  /** Team API keys of an instance, managed with its key; new keys go to the keychain. */
  teamKeys: TeamKeysService;
  /** Integration health of an instance, read with its key (providers, data sources, events). */
  integrations: IntegrationsService;
  /** The app's own settings (settings.json): the key rotation reminder. */
  settings: SettingsStore;
  /** The request workspace: sends over one shared transport; shutdown() on quit. */
  requests: RequestService;
  history: HistoryStore;
  savedRequests: SavedRequestsStore;
  /** The long calls in flight, by the window's call id: what calls.cancel stops. */
  runningCalls: RunningCalls;
}

/** The one place every domain's handlers are put together; the type checks none is missing. */
export function createCallHandlers(services: AppServices): CallHandlers {
  return {
    'calls.cancel': ({ callId }) => {
      services.runningCalls.cancel(callId);
      return undefined;
    },
    ...createAppHandlers(services.appInfo, services.clipboard),
    ...createProfileHandlers(services),
    ...createDoctorHandlers(services),
    ...createDemoHandlers(services),
    ...createNetworkHandlers(services),
    ...createKeyHandlers(services),
    ...createIntegrationsHandlers(services),
    ...createSettingsHandlers(services.settings),
    ...createRequestsHandlers(services),
  };
}
