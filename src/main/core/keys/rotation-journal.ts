import { z } from 'zod';
import { keyBindingSchema } from '../../../shared/profiles/key-binding';
import { keyFingerprintSchema, lastVerificationSchema } from '../../../shared/profiles/profile';
import type { SavedKey } from '../profiles/profile-service';
import type { SecretStore } from '../secrets/secret-store';

/**
 * Where a rotation stands, written BEFORE the step it names is taken:
 * - creating: the new key is about to be asked of Veza (it may exist without an id we know);
 * - created: Veza made it (newKeyId known); it is about to be saved for the holder;
 * - saved: the holder's keychain entry may hold the new key; it is about to be checked;
 * - verified: the doctor passed the new key;
 * - revoking-old: the old key is about to be revoked.
 * Up to 'saved' the new key is not proven, and an unfinished rotation is rolled back; from
 * 'verified' on it is finished (the old key is revoked).
 */
export const journalSteps = ['creating', 'created', 'saved', 'verified', 'revoking-old'] as const;
export type JournalStep = (typeof journalSteps)[number];

/** From this step on the new key has passed the doctor: an unfinished rotation is finished. */
export const newKeyProven = (step: JournalStep): boolean =>
  step === 'verified' || step === 'revoking-old';

const savedKeySchema = z.object({
  key: z.string().min(1),
  fingerprint: keyFingerprintSchema,
  binding: keyBindingSchema.optional(),
  lastVerification: lastVerificationSchema.optional(),
});

const entrySchema = z.object({
  v: z.literal(1),
  holderProfileId: z.string().min(1).max(100),
  /** Named in the notice even if the instance is gone by then. */
  holderProfileName: z.string().max(200),
  /** The Admin's or Operator's instance whose key makes the team key calls (create, revoke). */
  adminProfileId: z.string().min(1).max(100),
  oldKeyId: z.string().min(1).max(200),
  oldKeyName: z.string().max(500),
  /**
   * The key the holder had, as profile-service keeps it (the key, its binding from the keychain
   * envelope, the fingerprint and last verdict from profiles.json): put back exactly.
   */
  oldKey: savedKeySchema,
  newKeyName: z.string().max(500),
  newKeyId: z.string().min(1).max(200).optional(),
  step: z.enum(journalSteps),
  /**
   * Set once the holder holds the old key again (or never lost it) while the new key still
   * has to be revoked: recovery then leaves the keychain alone and only revokes.
   */
  oldKeyBack: z.boolean().optional(),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The process running the rotation: another process leaves a live rotation alone. */
  owner: z.object({ pid: z.number().int() }),
});

export type RotationJournalEntry = z.infer<typeof entrySchema>;

/**
 * The keychain account of a holder's rotation journal, in the same service as the keys
 * (veza-desk). Profile ids are UUIDs and proxy entries start with "proxy ": no clash.
 */
export const journalAccount = (holderProfileId: string): string => `rotation:${holderProfileId}`;

export type JournalRead =
  | { state: 'none' }
  | { state: 'found'; entry: RotationJournalEntry }
  /** An entry is there but is not a journal this version can act on: left as it is. */
  | { state: 'unreadable' };

/**
 * A rotation's journal: one keychain entry per holder, never a file (it holds the old key).
 * Every method throws KEYCHAIN_UNAVAILABLE (a ProblemError) when the keychain cannot be used.
 */
export function createRotationJournal(secrets: SecretStore) {
  return {
    async read(holderProfileId: string): Promise<JournalRead> {
      const text = await secrets.get(journalAccount(holderProfileId));
      if (text === undefined) return { state: 'none' };
      try {
        const parsed = entrySchema.safeParse(JSON.parse(text));
        if (parsed.success && parsed.data.holderProfileId === holderProfileId)
          return { state: 'found', entry: parsed.data };
      } catch {
        // Not JSON: below.
      }
      return { state: 'unreadable' };
    },
    write: (entry: RotationJournalEntry): Promise<void> =>
      secrets.set(journalAccount(entry.holderProfileId), JSON.stringify(entry)),
    remove: async (holderProfileId: string): Promise<void> => {
      await secrets.delete(journalAccount(holderProfileId));
    },
  };
}

export type RotationJournal = ReturnType<typeof createRotationJournal>;

/** The old key as the journal keeps it, for profiles.restoreKey(). */
export const savedKeyOf = (entry: RotationJournalEntry): SavedKey => ({
  key: entry.oldKey.key,
  fingerprint: entry.oldKey.fingerprint,
  ...(entry.oldKey.binding ? { binding: entry.oldKey.binding } : {}),
  ...(entry.oldKey.lastVerification ? { lastVerification: entry.oldKey.lastVerification } : {}),
});
