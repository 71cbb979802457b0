import { z } from 'zod';
import { clipboardTextLimit } from './clipboard-limit';
import {
  verificationResultSchema,
  verificationStepIds,
  verificationStepSchema,
} from '../doctor/verification';
import { bounds } from './bounds';
import {
  clientCertificateSettingSchema,
  networkSettingsSchema,
  profileDraftSchema,
  profileSchema,
  profilesStateSchema,
} from '../profiles/profile';
import {
  envSnippetRequestSchema,
  fileWrittenSchema,
  importResultSchema,
} from '../profiles/profile-transfer';
import {
  createdTeamKeySchema,
  createTeamKeyArgsSchema,
  renameTeamKeyArgsSchema,
  rotateTeamKeyArgsSchema,
  rotationResultSchema,
  rotationStepSchema,
  teamKeyRefSchema,
  rotationStepIds,
  teamKeysListingSchema,
  teamKeysListMax,
  teamSchema,
  vezaIdSchema,
} from '../keys/team-keys';
import { appSettingsChangeSchema, appSettingsSchema } from '../settings/app-settings';
import {
  instanceIntegrationsSchema,
  readIntegrationsArgsSchema,
} from '../integrations/integrations-schema';

import { problemSchema } from '../problems/problem';
import {
  historyEntrySchema,
  historyListMax,
  historySummarySchema,
  savedImportResultSchema,
  savedRequestSchema,
  savedRequestsMax,
  sendRequestArgsSchema,
  sentResponseSchema,
} from '../requests/request-records';
import { requestSpecSchema } from '../requests/request-spec';

/**
 * The IPC contract: one table of every call the window may make and every event main pushes.
 * Main registers its handlers from it (validating arguments and the sender), preload builds
 * `window.veza` from it, and the test bridge builds the same API from it. A new call is one
 * row here plus its handler.
 */

const call = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

const appInfoText = z.string().max(bounds.id);
export const appInfoSchema = z.object({
  name: appInfoText,
  version: appInfoText,
  /** Runtime versions; electron and chrome are absent when main/core runs outside Electron. */
  versions: z.object({
    electron: appInfoText.optional(),
    chrome: appInfoText.optional(),
    node: appInfoText,
    v8: appInfoText,
  }),
  platform: appInfoText,
  arch: appInfoText,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const menuCommandSchema = z.object({
  command: z.enum([
    'about',
    'add-instance',
    'check-all',
    'failing-integrations',
    'next-instance',
    'previous-instance',
  ]),
});
export type MenuCommand = z.infer<typeof menuCommandSchema>['command'];

const profileId = z.object({ id: z.uuid() });
/**
 * The window's name for one long call (verify, check all, rotation, a send or page walk), so
 * `calls.cancel` can stop it. Sends use their `requestId` for it.
 */
const callIdSchema = z.uuid();
/**
 * The one place an API key crosses IPC: from the window to main, as the user typed it, once.
 * No result or event ever carries it back. `acceptAsIs` saves a key despite lint warnings
 * (the user's explicit choice: our lint may not know every key Veza issues).
 */
// Generous on purpose: a pasted 10 MB "key" must reach main to be refused as KEY_TOO_LONG.
const apiKeyInput = z.object({ apiKey: z.string().max(32 * 1024 * 1024), acceptAsIs: z.boolean() });

/** One instance's verdict in "check all instances". */
export const checkedInstanceSchema = z.object({
  profileId: z.uuid(),
  result: verificationResultSchema,
});
export type CheckedInstance = z.infer<typeof checkedInstanceSchema>;

export const calls = {
  /** Stops the long call started with this id; harmless when it has already ended. */
  'calls.cancel': call(z.object({ callId: callIdSchema }), z.undefined()),
  'app.getInfo': call(z.undefined(), appInfoSchema),
  /** The page has no clipboard permission; main writes what the user asked to copy. */
  'clipboard.writeText': call(
    z.object({ text: z.string().max(clipboardTextLimit) }),
    z.undefined(),
  ),

  'profiles.list': call(z.undefined(), profilesStateSchema),
  'profiles.create': call(
    z.object({ draft: profileDraftSchema, key: apiKeyInput.optional() }),
    profileSchema,
  ),
  /**
   * `keyFollows`: the user confirmed that the saved key may be used at the new address and with
   * the new proxy / CA file. Without it such a change leaves the key bound to what it was saved
   * for (KEY_BOUND_ELSEWHERE). A pinned certificate is never set here (trustCertificate does),
   * and a CA file only as main's own open dialog chose it.
   */
  'profiles.update': call(
    z.object({ id: z.uuid(), draft: profileDraftSchema, keyFollows: z.boolean().optional() }),
    profileSchema,
  ),
  /** "Use the key for the new address": `address` is the one the user saw and confirmed. */
  'profiles.rebindKey': call(profileId.extend({ address: z.string().max(2048) }), profileSchema),
  /** Accepts or turns down the proxy / CA file an import brought for this instance. */
  'profiles.settleImportedNetwork': call(profileId.extend({ accept: z.boolean() }), profileSchema),
  'profiles.duplicate': call(profileId, profileSchema),
  'profiles.delete': call(profileId, profileId),
  'profiles.setKey': call(profileId.extend({ key: apiKeyInput }), profileSchema),
  'profiles.removeKey': call(profileId, profileSchema),
  /** Reads VEZA_URL / VEZA_TOKEN / VEZA_API_URL / VEZA_API_KEY from main's environment. */
  'profiles.importFromEnv': call(z.undefined(), importResultSchema),
  /** Main asks for the file (open dialog): an exported profiles file or a .env file. */
  'profiles.importFile': call(z.undefined(), importResultSchema),
  /** Main asks where to save (save dialog); the file never holds keys. */
  'profiles.exportFile': call(z.undefined(), fileWrittenSchema),
  'profiles.exportEnvSnippet': call(envSnippetRequestSchema, fileWrittenSchema),

  /**
   * The connection doctor on one saved instance; steps arrive live as `doctor.progress`.
   * Cancelled (calls.cancel with `callId`): REQUEST_CANCELLED, and nothing is recorded.
   */
  'doctor.verify': call(
    profileId.extend({ callId: callIdSchema.optional() }),
    verificationResultSchema,
  ),
  /**
   * Every saved instance at once; each verdict arrives as `doctor.checked` as it lands.
   * Cancelled: the verdicts that landed, `cancelled: true`; the rest were not checked.
   */
  'doctor.checkAll': call(
    z.object({ callId: callIdSchema.optional() }).optional(),
    z.object({
      results: z.array(checkedInstanceSchema).max(bounds.profiles),
      cancelled: z.boolean().optional(),
    }),
  ),

  /** Starts the simulated Veza on this computer and adds (or refreshes) the Demo instance. */
  'demo.start': call(z.undefined(), profileSchema),

  /** A proxy user's password goes to the keychain; the profile keeps http://user@proxy:port. */
  'network.saveProxyPassword': call(
    z.object({ proxyUrl: z.string().max(2048), password: z.string().min(1).max(1024) }),
    z.undefined(),
  ),
  'network.removeProxyPassword': call(z.object({ proxyUrl: z.string().max(2048) }), z.boolean()),
  'network.hasProxyPassword': call(z.object({ proxyUrl: z.string().max(2048) }), z.boolean()),

  // ---- API keys (issue 8): team keys through an instance's key, key-age settings. No result
  // carries a key: a new key goes into the keychain, or to the clipboard by main on request.
  'keys.listTeamKeys': call(z.object({ profileId: z.uuid() }), teamKeysListingSchema),
  'keys.listTeams': call(
    z.object({ profileId: z.uuid() }),
    z.object({ teams: z.array(teamSchema).max(teamKeysListMax) }),
  ),
  'keys.createTeamKey': call(createTeamKeyArgsSchema, createdTeamKeySchema),
  'keys.renameTeamKey': call(renameTeamKeyArgsSchema, z.object({ keyId: vezaIdSchema })),
  'keys.revokeTeamKey': call(teamKeyRefSchema, z.object({ keyId: vezaIdSchema })),
  'keys.reinstateTeamKey': call(teamKeyRefSchema, z.object({ keyId: vezaIdSchema })),
  'keys.deleteTeamKey': call(teamKeyRefSchema, z.object({ keyId: vezaIdSchema })),
  /**
   * Steps arrive live as `keys.rotationProgress`. Cancelled before the old key is revoked, it
   * rolls back (the old key stays, the new one is revoked); after that, cancelling does nothing.
   */
  'keys.rotateTeamKey': call(
    rotateTeamKeyArgsSchema.extend({ callId: callIdSchema.optional() }),
    rotationResultSchema,
  ),
  // ---- Integration health (issue 17)
  /**
   * One instance's providers and data sources with their health, read with its own key (every
   * page in main). A key that sees less is not a failure: `reach` says so in words.
   */
  'integrations.read': call(readIntegrationsArgsSchema, instanceIntegrationsSchema),
  'settings.get': call(
    z.undefined(),
    z.object({
      settings: appSettingsSchema,
      /** settings.json was damaged (set aside, defaults used) or is from a newer Veza Desk. */
      problem: problemSchema.optional(),
    }),
  ),
  'settings.update': call(appSettingsChangeSchema, appSettingsSchema),

  // Verify connection UI: trust one server certificate per instance, choose a CA file.
  /** Pins this certificate for this instance only (the user compared the fingerprint). */
  'profiles.trustCertificate': call(
    profileId.extend({ sha256: networkSettingsSchema.shape.pinnedCertSha256.unwrap() }),
    profileSchema,
  ),
  'profiles.forgetCertificate': call(profileId, profileSchema),
  /** Main asks for the file (open dialog); the path is saved with the instance on "Save". */
  'profiles.chooseCaFile': call(
    z.undefined(),
    z.object({ cancelled: z.boolean(), path: z.string().max(bounds.filePath).optional() }),
  ),

  // Client certificates (mutual TLS): the window names a certificate only as main's dialog chose
  // it, and its private key or passphrase goes into the keychain, never back to the window.
  /** Main asks for the file (open dialog), reads it and says what it is; saved with the instance on "Save". */
  'profiles.chooseClientCertificate': call(
    z.undefined(),
    z.object({
      cancelled: z.boolean(),
      certificate: clientCertificateSettingSchema.optional(),
      /** A PEM certificate needs its private key file; a PKCS#12 file its passphrase. */
      kind: z.enum(['pem', 'pkcs12']).optional(),
      /** Who the certificate names (its common name) and its last day, for PEM certificates. */
      subject: z.string().max(bounds.name).optional(),
      validTo: z.string().max(bounds.id).optional(),
      /** Its key or passphrase is already in the keychain (another instance uses it). */
      secretSaved: z.boolean().optional(),
    }),
  ),
  /**
   * Main asks for the PEM certificate's key file, checks it belongs and keeps its text in the
   * keychain; a key protected by a passphrase waits in main for it (`needsPassphrase`).
   */
  'profiles.chooseClientCertificateKey': call(
    clientCertificateSettingSchema,
    z.object({ cancelled: z.boolean(), needsPassphrase: z.boolean().optional() }),
  ),
  /**
   * A PKCS#12 file's passphrase (may be empty) goes to the keychain once it opens the file; for
   * a PEM key protected by one, it opens the key main holds and the opened key is kept.
   */
  'profiles.saveClientCertificatePassphrase': call(
    clientCertificateSettingSchema.extend({ passphrase: z.string().max(1024) }),
    z.undefined(),
  ),
  'profiles.hasClientCertificateSecret': call(
    clientCertificateSettingSchema.pick({ certSha256: true }),
    z.boolean(),
  ),
  /** Forgets the key or passphrase unless a saved instance still uses the certificate. */
  'profiles.removeClientCertificateSecret': call(
    clientCertificateSettingSchema.pick({ certSha256: true }),
    z.boolean(),
  ),

  // ---------------------------------------------------------------- Requests workspace (issue 7)
  /** Sends the composer's request; main adds the key. Large bodies come back by reference. */
  'requests.send': call(sendRequestArgsSchema, sentResponseSchema),
  /** Follows next_page_token to the end; progress as `requests.pagingProgress`. */
  'requests.fetchAllPages': call(sendRequestArgsSchema, sentResponseSchema),
  /** Main asks where (save dialog) and writes the body of a history entry. */
  'requests.saveBody': call(z.object({ historyId: z.uuid() }), fileWrittenSchema),
  /** Newest first; only one instance's entries when `profileId` is given. */
  'history.list': call(
    z.object({ query: z.string().max(500).optional(), profileId: z.uuid().optional() }),
    z.object({
      entries: z.array(historySummarySchema).max(historyListMax),
      /** How many entries there are before the search (for "Clear history"). */
      total: z.number().int().nonnegative(),
      problem: problemSchema.optional(),
    }),
  ),
  'history.get': call(z.object({ id: z.uuid() }), historyEntrySchema),
  'history.delete': call(z.object({ id: z.uuid() }), z.undefined()),
  /** Removes one instance's entries (and their bodies), or every entry without `profileId`. */
  'history.clear': call(z.object({ profileId: z.uuid().optional() }), z.undefined()),
  'saved.list': call(
    z.undefined(),
    z.object({
      requests: z.array(savedRequestSchema).max(savedRequestsMax),
      /** saved-requests.json was damaged (set aside) or is from a newer Veza Desk. */
      problem: problemSchema.optional(),
    }),
  ),
  'saved.save': call(
    z.object({
      id: z.uuid().optional(),
      name: savedRequestSchema.shape.name,
      folder: savedRequestSchema.shape.folder,
      spec: requestSpecSchema,
    }),
    savedRequestSchema,
  ),
  'saved.delete': call(z.object({ id: z.uuid() }), z.undefined()),
  /** Main asks where (save dialog); the file holds names, folders and requests, no secrets. */
  'saved.exportFile': call(z.undefined(), fileWrittenSchema),
  /** Main asks which file (open dialog); an import only adds saved requests, it sends nothing. */
  'saved.importFile': call(z.undefined(), savedImportResultSchema),
} as const;

export const events = {
  /** A menu item or accelerator handled in main that the window acts on. */
  'menu.command': menuCommandSchema,
  /** The profiles changed (here, by an import, or on load): the full list, without keys. */
  'profiles.changed': profilesStateSchema,
  'doctor.progress': z.object({
    profileId: z.uuid(),
    steps: z.array(verificationStepSchema).max(verificationStepIds.length),
  }),
  'doctor.checked': checkedInstanceSchema.extend({
    done: z.number().int(),
    total: z.number().int(),
  }),

  // ---- API keys (issue 8)
  'keys.rotationProgress': z.object({
    profileId: z.uuid(),
    keyId: vezaIdSchema,
    steps: z.array(rotationStepSchema).max(rotationStepIds.length),
  }),
  /**
   * A rotation the app did not finish (it quit or died half-way) was finished, rolled back,
   * or is left for the next start because Veza could not be reached. Names only, never a key.
   */
  'keys.rotationRecovered': z.object({
    holderProfileName: z.string().max(200),
    outcome: z.enum(['finished', 'rolled-back', 'pending']),
    detail: z.string().max(2000),
  }),

  // ---------------------------------------------------------------- Requests workspace (issue 7)
  'requests.pagingProgress': z.object({
    requestId: z.uuid(),
    pages: z.number().int(),
    items: z.number().int(),
  }),
  /**
   * The history changed (a send, a delete, a clear, an instance deleted): the window lists it
   * again. `profileId` names the one instance whose entries changed; absent, maybe all.
   */
  'history.changed': z.object({ profileId: z.uuid().optional() }),
  /** The saved requests changed (saved, deleted, imported): the full list, like profiles.changed. */
  'savedRequests.changed': z.object({
    requests: z.array(savedRequestSchema).max(savedRequestsMax),
  }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
export type CallResult<N extends CallName> = z.output<Calls[N]['result']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The IPC channel of a call or event: namespaced so nothing else on ipcMain can collide. */
export const channelOf = (name: string): string => `veza:${name}`;

/** Just the names, which is all preload needs (it validates nothing: main does). */
export const contractManifest = {
  calls: Object.keys(calls) as CallName[],
  events: Object.keys(events) as EventName[],
};
