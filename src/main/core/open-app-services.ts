import type { AppInfo } from '../../shared/ipc/contract';
import type { ClipboardWriter } from './clipboard-writer';
import { createDemoInstance } from './demo/demo-instance';
import { createDoctorService } from './doctor/doctor-service';
import type { FileDialogs } from './file-dialogs';
import { createIntegrationsService } from './integrations/integrations-service';
import type { AppServices } from './ipc/call-handlers';
import type { EventSink } from './ipc/event-sink';
import { createRunningCalls } from './ipc/running-calls';
import { createTeamKeysService } from './keys/team-keys-service';
import { openProfileService } from './profiles/open-profile-service';
import { createClientCertificateSecrets } from './secrets/client-certificate-secrets';
import { createProxyPasswords } from './secrets/proxy-passwords';
import type { SecretStore } from './secrets/secret-store';
import { openSettingsStore } from './settings/settings-store';
import { createTransport, type TransportDeps } from './transport';
import { createInstanceClient } from './veza/instance-client';
import { createBodyFiles } from './requests/body-files';
import { openHistoryStore } from './requests/history-store';
import { createRequestService } from './requests/request-service';
import { openSavedRequestsStore } from './requests/saved-requests-store';

/** What differs between the app, the e2e bridge, the tests and the benchmarks. */
export interface AppServiceOptions {
  appInfo: AppInfo;
  /** The data folder (profiles.json and friends). */
  folder: string;
  secrets: SecretStore;
  dialogs: FileDialogs;
  clipboard: ClipboardWriter;
  env: Readonly<Record<string, string | undefined>>;
  emit: EventSink;
  /** System proxy lookup, resolver, temp folder: Electron's in the app, loopback-only in tests. */
  transportDeps: TransportDeps;
}

/** Builds every service behind the IPC handlers, the same way wherever main/core runs. */
export async function openAppServices(options: AppServiceOptions): Promise<AppServices> {
  const { emit } = options;
  const profiles = await openProfileService({
    folder: options.folder,
    secrets: options.secrets,
    onChange: (state) => emit('profiles.changed', state),
    // A CLI or a second app may change the list while this one runs: show it without a restart.
    followOtherProcesses: true,
  });
  const proxyPasswords = createProxyPasswords(options.secrets);
  const transportDeps = { proxyPassword: proxyPasswords.lookup, ...options.transportDeps };
  const openTransport = () => createTransport(transportDeps);
  const clientCertificates = createClientCertificateSecrets(options.secrets);
  const instances = createInstanceClient({
    profiles,
    clientCertificates: clientCertificates.lookup,
  });
  const doctor = createDoctorService({ profiles, instances, openTransport });
  const bodies = createBodyFiles(options.folder);
  const history = await openHistoryStore(options.folder, bodies);
  const savedRequests = await openSavedRequestsStore({
    folder: options.folder,
    knownKeys: () => profiles.keysToRedact(),
  });
  const teamKeys = createTeamKeysService({
    profiles,
    instances,
    doctor,
    clipboard: options.clipboard,
    openTransport,
    secrets: options.secrets,
    onRotationRecovered: (notice) => emit('keys.rotationRecovered', notice),
  });
  // A key rotation some Veza Desk did not finish is finished or rolled back, in the background.
  void teamKeys.recoverRotations();
  return {
    appInfo: options.appInfo,
    emit,
    profiles,
    dialogs: options.dialogs,
    clipboard: options.clipboard,
    env: options.env,
    doctor,
    demo: createDemoInstance({ folder: options.folder, profiles }),
    proxyPasswords,
    clientCertificates,
    teamKeys,
    integrations: createIntegrationsService({ instances, openTransport }),
    settings: await openSettingsStore(options.folder),
    // One transport for every request of the workspace, so connections are pooled.
    requests: createRequestService({ instances, transport: openTransport(), history, bodies }),
    history,
    savedRequests,
    runningCalls: createRunningCalls(),
  };
}
