import { makeProblem } from '../../../shared/problems/make-problem';
import {
  buildEnvSnippet,
  envSnippetFileName,
  isSnippetSafe,
} from '../../../shared/profiles/env-snippet';
import type { ImportResult } from '../../../shared/profiles/profile-transfer';
import type { ClipboardWriter } from '../clipboard-writer';
import type { FileDialogs } from '../file-dialogs';
import { writeChosenFile } from '../persistence/write-chosen-file';
import { ProblemError } from '../problem-error';
import { buildProfilesExport } from '../profiles/export-profiles';
import { findVezaSettings } from '../profiles/find-veza-settings';
import {
  canonicalFingerprint,
  forgetCertificate,
  trustCertificate,
} from '../profiles/pinned-certificate';
import { checkNetworkFromPage } from '../profiles/network-from-page';
import { allBindingChanges, type ProfileService } from '../profiles/profile-service';
import { forgetUnusedClientCertificate } from '../profiles/forget-unused-client-certificate';
import { readImportFile } from '../profiles/read-import-file';
import type { DoctorService } from '../doctor/doctor-service';
import type { HistoryStore } from '../requests/history-store';
import type { ClientCertificateSecrets } from '../secrets/client-certificate-secrets';
import type { EventSink } from './event-sink';
import type { CallHandlers } from './dispatcher';
import {
  createClientCertificateHandlers,
  type ChosenCertificates,
} from './client-certificate-handlers';

type ProfileCalls = Extract<keyof CallHandlers, `profiles.${string}`>;

export interface ProfileHandlerDeps {
  profiles: ProfileService;
  dialogs: FileDialogs;
  clipboard: ClipboardWriter;
  /** The environment main was started with (injected so tests can set their own). */
  env: Readonly<Record<string, string | undefined>>;
  /** Knows which certificate an instance's last check met: the only one it may trust. */
  doctor: Pick<DoctorService, 'lastRefusedCertificate'>;
  /** An instance's requests and their bodies go with it: nothing would show them again. */
  history: Pick<HistoryStore, 'clear'>;
  /** Tells the window the history changed (an instance's entries went with it). */
  emit: EventSink;
  /** Client certificates' private keys and passphrases (the keychain). */
  clientCertificates: ClientCertificateSecrets;
}

const cancelledImport: ImportResult = {
  cancelled: true,
  source: '',
  imported: [],
  skipped: [],
  notices: [],
  withheld: [],
};

/**
 * The profiles calls. Paths never come from the window: main asks the user with its own
 * dialogs. The only key that crosses IPC is the one the user types (create, setKey); no
 * answer carries one back.
 */
export function createProfileHandlers(deps: ProfileHandlerDeps): Pick<CallHandlers, ProfileCalls> {
  const { profiles, dialogs, clipboard, env, history, emit } = deps;
  // The CA files main's own open dialog produced: the only paths the window may save.
  const chosenCaFiles = new Set<string>();
  const chosenByDialog = (path: string) => chosenCaFiles.has(path);
  const chosenCertificates: ChosenCertificates = new Map();
  const chosenCertificate = ({ certFile, certSha256 }: { certFile: string; certSha256: string }) =>
    chosenCertificates.get(certFile) === certSha256;
  const forgetUnused = (previous: Parameters<typeof forgetUnusedClientCertificate>[2]) =>
    forgetUnusedClientCertificate(profiles, deps.clientCertificates, previous);
  return {
    ...createClientCertificateHandlers(deps, chosenCertificates),
    'profiles.list': () => profiles.state(),
    'profiles.create': ({ draft, key }) => {
      checkNetworkFromPage(undefined, draft.network, chosenByDialog, chosenCertificate);
      return profiles.create(draft, key);
    },
    'profiles.update': async ({ id, draft, keyFollows }) => {
      const previous = profiles.require(id).network;
      checkNetworkFromPage(previous, draft.network, chosenByDialog, chosenCertificate);
      const updated = await profiles.update(
        id,
        draft,
        keyFollows ? { keyFollows: allBindingChanges } : {},
      );
      await forgetUnused(previous?.clientCertificate);
      return updated;
    },
    'profiles.rebindKey': ({ id, address }) => profiles.rebindKey(id, address),
    'profiles.settleImportedNetwork': ({ id, accept }) =>
      profiles.settleImportedNetwork(id, accept),
    'profiles.duplicate': ({ id }) => profiles.duplicate(id),
    'profiles.delete': async ({ id }) => {
      const previous = profiles.require(id).network?.clientCertificate;
      await profiles.remove(id);
      await forgetUnused(previous);
      await history.clear(id);
      emit('history.changed', { profileId: id });
      return { id };
    },
    'profiles.setKey': ({ id, key }) => profiles.setKey(id, key),
    'profiles.removeKey': ({ id }) => profiles.removeKey(id),

    'profiles.importFromEnv': async () => {
      const found = findVezaSettings((name) => env[name]);
      if (!found) {
        throw ProblemError.of('IMPORT_NO_VEZA_SETTINGS', {
          facts: { where: 'in the environment Veza Desk was started with' },
        });
      }
      return profiles.importCandidates([found], 'environment');
    },

    'profiles.importFile': async () => {
      const file = await dialogs.chooseFileToOpen({
        title: 'Import instances',
        filters: [
          { name: 'Veza Desk profiles or .env files', extensions: ['json', 'env', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!file) return cancelledImport;
      const content = await readImportFile(file);
      return profiles.importCandidates(content.candidates, content.source, content.invalid);
    },

    'profiles.exportFile': async () => {
      const file = await dialogs.chooseFileToSave({
        title: 'Export instances (without API keys)',
        defaultName: 'veza-desk-profiles.json',
        filters: [{ name: 'Veza Desk profiles', extensions: ['json'] }],
      });
      if (!file) return { cancelled: true };
      return writeChosenFile(file, buildProfilesExport(profiles.state().profiles, new Date()));
    },

    'profiles.trustCertificate': ({ id, sha256 }) => {
      // Only the certificate main itself just met for this instance, never one the page names.
      const seen = deps.doctor.lastRefusedCertificate(id);
      if (!seen || canonicalFingerprint(seen) !== canonicalFingerprint(sha256)) {
        throw ProblemError.of('IPC_INVALID_ARGUMENT', {
          raw: 'Only the certificate shown by the last check of this instance can be trusted. Verify again.',
        });
      }
      return trustCertificate(profiles, id, sha256);
    },
    'profiles.forgetCertificate': ({ id }) => forgetCertificate(profiles, id),
    'profiles.chooseCaFile': async () => {
      const file = await dialogs.chooseFileToOpen({
        title: "Choose your company's root certificate (PEM)",
        filters: [
          { name: 'Certificates', extensions: ['pem', 'crt', 'cer'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!file) return { cancelled: true };
      chosenCaFiles.add(file);
      return { cancelled: false, path: file };
    },

    'profiles.exportEnvSnippet': async ({ id, shell, includeKey, to }) => {
      const profile = profiles.require(id);
      let key: string | undefined;
      if (includeKey) {
        key = await profiles.readKey(id);
        if (key === undefined) throw new ProblemError(makeProblem('KEY_MISSING'));
        // A key saved "as is" may hold characters no shell quoting here is safe for.
        if (!isSnippetSafe(key)) throw new ProblemError(makeProblem('KEY_NOT_BASE64'));
      }
      const text = buildEnvSnippet(shell, profile.baseUrl, key);
      if (to === 'clipboard') {
        await clipboard.writeText(text, { containsSecret: key !== undefined });
        return { cancelled: false, destination: 'clipboard' };
      }
      const file = await dialogs.chooseFileToSave({
        title: key ? 'Save the settings, with the API key' : 'Save the settings',
        defaultName: envSnippetFileName(shell, profile.baseUrl),
        filters: [
          { name: 'Script', extensions: [envSnippetFileName(shell, '').split('.').pop() ?? 'txt'] },
        ],
      });
      if (!file) return { cancelled: true };
      return writeChosenFile(file, text);
    },
  };
}
