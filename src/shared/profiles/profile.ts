import { z } from 'zod';
import { bounds } from '../ipc/bounds';
import { problemSchema } from '../problems/problem';

/**
 * A profile is one Veza instance the user looks after: everything about it except its API key,
 * which lives only in the OS keychain (service `veza-desk`, account = profile id). These schemas
 * describe what is saved in profiles.json and what the window sees; none has room for a key.
 */

export const profileNameMaxLength = 100;
export const profileNotesMaxLength = 4000;

/** #rrggbb; the sidebar dot and the header band use it. */
export const colourSchema = z
  .string()
  .max(7, 'a colour like #2457c5')
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2457c5');

/** A time as ISO 8601 text with a Z, e.g. 2024-05-01T12:00:00.000Z. */
const isoTime = z.iso.datetime().max(bounds.timestamp);

/** What the window may know about a saved key: never the key itself. */
export const keyFingerprintSchema = z.object({
  length: z.number().int().positive(),
  /** The last 4 characters, so a user can tell two keys apart. */
  last4: z.string().max(4),
  savedAt: isoTime,
  /** Learned by the connection doctor: a team key reaches only the OAA calls. */
  kind: z.enum(['personal', 'team']).optional(),
  /**
   * Veza's id of the key (not a secret: the API Keys page lists it), when known: from the
   * doctor's users/self answer, or because Veza Desk created the key. Lets the keys view tell
   * which saved instance holds which team key.
   */
  keyId: z.string().max(200).optional(),
});
export type KeyFingerprint = z.infer<typeof keyFingerprintSchema>;

/**
 * A certificate this computer shows to servers that ask for one (mutual TLS): the file main's
 * open dialog chose and the SHA-256 of its bytes then. Its private key (PEM) or its passphrase
 * (PKCS#12) is in the keychain under that hash, never here; other bytes in the file later mean
 * it must be chosen again.
 */
export const clientCertificateSettingSchema = z.object({
  certFile: z.string().min(1).max(4096),
  certSha256: z
    .string()
    .max(64, '64 lowercase hex digits')
    .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
});
export type ClientCertificateSetting = z.infer<typeof clientCertificateSettingSchema>;

/** Per-instance network settings, consumed by the HTTP transport. All optional. */
export const networkSettingsSchema = z.object({
  proxy: z
    .object({
      mode: z.enum(['system', 'none', 'manual']),
      url: z.string().max(2048).optional(),
    })
    .optional(),
  /** A PEM file with the company's root certificate, trusted for this instance only. */
  caFile: z.string().max(4096).optional(),
  clientCertificate: clientCertificateSettingSchema.optional(),
  /** SHA-256 of the server certificate, hex with or without colons (lab instances). */
  pinnedCertSha256: z
    .string()
    .max(95, '64 hex digits')
    .regex(/^(?:[0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, '64 hex digits')
    .optional(),
  timeouts: z
    .object({
      connectMs: z.number().int().min(100).max(600_000).optional(),
      responseMs: z.number().int().min(100).max(3_600_000).optional(),
      /** The connection doctor's limit for one whole check (every request and probe in it). */
      checkMs: z.number().int().min(1_000).max(600_000).optional(),
    })
    .optional(),
});
export type NetworkSettings = z.infer<typeof networkSettingsSchema>;

/** The connection doctor's last verdict, shown in the sidebar and by `veza-desk profiles`. */
export const lastVerificationSchema = z.object({
  at: isoTime,
  ok: z.boolean(),
  /** A problem code, or OK_PERSONAL_KEY / OK_TEAM_KEY. */
  code: z.string().max(64),
  summary: z.string().max(500),
});
export type LastVerification = z.infer<typeof lastVerificationSchema>;

/**
 * A proxy or CA file that came with an imported file. It is not used until the user accepts it
 * for this instance (a shared file must not decide who may read the key); a pinned certificate
 * never comes from a file at all.
 */
export const importedNetworkSchema = z.object({
  proxyUrl: z.string().max(2048).optional(),
  caFile: z.string().max(4096).optional(),
  /** The file it came from, named when the user is asked. */
  source: z.string().max(4096),
});
export type ImportedNetwork = z.infer<typeof importedNetworkSchema>;

export const profileSchema = z.object({
  id: z.uuid(),
  name: z.string().min(1).max(profileNameMaxLength),
  /** Origin only (scheme, host as punycode, port): https://acme.vezacloud.com */
  baseUrl: z.string().min(1).max(2048),
  colour: colourSchema,
  production: z.boolean(),
  notes: z.string().max(profileNotesMaxLength),
  network: networkSettingsSchema.optional(),
  importedNetwork: importedNetworkSchema.optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastVerification: lastVerificationSchema.optional(),
  /** Present when a key is saved in the keychain for this profile. */
  key: keyFingerprintSchema.optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/** What the add/edit form sends: the address as typed; main normalises and checks it. */
export const profileDraftSchema = z.object({
  name: z.string().max(profileNameMaxLength),
  address: z.string().max(4096),
  colour: colourSchema,
  production: z.boolean(),
  notes: z.string().max(profileNotesMaxLength),
  network: networkSettingsSchema.optional(),
});
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

/** The profiles as main holds them, plus a problem met while loading them (if any). */
export const profilesStateSchema = z.object({
  profiles: z.array(profileSchema).max(bounds.profiles),
  /** The saved file was damaged (set aside) or too new (left untouched). */
  loadProblem: problemSchema.optional(),
  /** True when the saved file comes from a newer Veza Desk: nothing may be changed. */
  readOnly: z.boolean(),
});
export type ProfilesState = z.infer<typeof profilesStateSchema>;
