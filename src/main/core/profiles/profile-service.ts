import { randomUUID } from 'node:crypto';
import type { Problem } from '../../../shared/problems/problem';
import { lintApiKey } from '../../../shared/profiles/lint-api-key';
import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import {
  colourSchema,
  networkSettingsSchema,
  profileNameMaxLength,
  profileNotesMaxLength,
  type KeyFingerprint,
  type LastVerification,
  type Profile,
  type ProfileDraft,
  type ProfilesState,
} from '../../../shared/profiles/profile';
import { defaultProfileColour } from '../../../shared/profiles/profile-colours';
import type { ImportResult } from '../../../shared/profiles/profile-transfer';
import { ProblemError } from '../problem-error';
import type { SecretStore } from '../secrets/secret-store';
import type { ImportCandidate } from './find-veza-settings';
import type { ProfileStore } from './profile-store';
import { nextFreeName, sameName } from './unique-name';

export interface ApiKeyInput {
  apiKey: string;
  /** Save despite a KEY_NOT_BASE64 warning (our lint may not know every key Veza issues). */
  acceptAsIs: boolean;
}

export interface ProfileServiceDeps {
  store: ProfileStore;
  secrets: SecretStore;
  /** Told the new state after every change, for the `profiles.changed` event. */
  onChange?: (state: ProfilesState) => void;
  now?: () => Date;
  newId?: () => string;
}

export type ProfileService = ReturnType<typeof createProfileService>;

// Only this warning may be overridden: every other key problem has a certain fix, or would make
// the key unusable in an HTTP header anyway.
const overridable = new Set(['KEY_NOT_BASE64']);

/** Checks a key before it is saved; answers it exactly as given, or throws its first problem. */
export function checkApiKey(input: ApiKeyInput): string {
  const { problems } = lintApiKey(input.apiKey);
  const blocking = problems.filter(
    (problem) => !(input.acceptAsIs && overridable.has(problem.code)),
  );
  const first = blocking[0];
  if (first) throw new ProblemError(first);
  return input.apiKey;
}

/** What main already knows about a key it saves (it created it, or the doctor learned it). */
export type KnownKeyFacts = Partial<Pick<KeyFingerprint, 'kind' | 'keyId'>>;

function withKnown(fingerprint: KeyFingerprint, known: KnownKeyFacts): KeyFingerprint {
  return {
    ...fingerprint,
    ...(known.kind ? { kind: known.kind } : {}),
    ...(known.keyId ? { keyId: known.keyId } : {}),
  };
}

function fingerprintOf(key: string, savedAt: Date, known: KnownKeyFacts = {}): KeyFingerprint {
  const fingerprint = { length: key.length, last4: key.slice(-4), savedAt: savedAt.toISOString() };
  return withKnown(fingerprint, known);
}

/** A saved key with what the profile said about it, to put back exactly (rotation roll-back). */
export interface SavedKey {
  key: string;
  fingerprint: KeyFingerprint;
  lastVerification?: LastVerification;
}

/**
 * Profiles and their keys together: the profile store (profiles.json) and the secret store
 * (the keychain) kept in step. The key is written to the keychain before the profile that
 * points at it, and taken back out if the profile cannot be saved, so neither is left
 * half-done. Keys go in here and come out only through readKey(), for main's own use.
 */
export function createProfileService(deps: ProfileServiceDeps) {
  const { store, secrets } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const changed = () => deps.onChange?.(store.state());

  function find(profiles: readonly Profile[], id: string): Profile {
    const profile = profiles.find((candidate) => candidate.id === id);
    if (!profile) throw ProblemError.of('PROFILE_NOT_FOUND', { raw: `profile ${id}` });
    return profile;
  }

  /** The draft's fields, checked and normalised; throws the problem the user must fix. */
  function resolveDraft(draft: ProfileDraft, profiles: readonly Profile[], exceptId?: string) {
    const url = normalizeInstanceUrl(draft.address);
    if (!url.ok) throw new ProblemError(url.problem);
    const name = (draft.name.trim() || url.displayUrl.replace(/^https?:\/\//, '')).slice(
      0,
      profileNameMaxLength,
    );
    if (profiles.some((other) => other.id !== exceptId && sameName(other.name, name))) {
      throw ProblemError.of('PROFILE_NAME_TAKEN', { raw: `name: ${name}` });
    }
    return {
      name,
      baseUrl: url.baseUrl,
      colour: draft.colour,
      production: draft.production,
      notes: draft.notes,
      ...(draft.network ? { network: draft.network } : {}),
    };
  }

  async function withChange<T>(work: () => Promise<T>): Promise<T> {
    const value = await work();
    changed();
    return value;
  }

  return {
    state: (): ProfilesState => store.state(),
    get: (id: string): Profile | undefined => store.get(id),

    create: (draft: ProfileDraft, key?: ApiKeyInput, known?: KnownKeyFacts): Promise<Profile> =>
      withChange(async () => {
        const checkedKey = key ? checkApiKey(key) : undefined;
        const id = newId();
        // Check the draft before touching the keychain, so a bad name stores nothing.
        resolveDraft(draft, store.state().profiles);
        if (checkedKey !== undefined) await secrets.set(id, checkedKey);
        try {
          return await store.commit((profiles) => {
            const at = now();
            const profile: Profile = {
              id,
              ...resolveDraft(draft, profiles),
              createdAt: at.toISOString(),
              updatedAt: at.toISOString(),
              ...(checkedKey !== undefined ? { key: fingerprintOf(checkedKey, at, known) } : {}),
            };
            return { profiles: [...profiles, profile], value: profile };
          });
        } catch (error) {
          if (checkedKey !== undefined) await secrets.delete(id).catch(() => false);
          throw error;
        }
      }),

    /** Renaming or moving an instance never touches its key. */
    update: (id: string, draft: ProfileDraft): Promise<Profile> =>
      withChange(() =>
        store.commit((profiles) => {
          const current = find(profiles, id);
          const updated: Profile = {
            ...current,
            ...resolveDraft(draft, profiles, id),
            updatedAt: now().toISOString(),
          };
          if (!draft.network) delete updated.network;
          // A different address may answer differently: the last verdict no longer applies.
          if (updated.baseUrl !== current.baseUrl) delete updated.lastVerification;
          return { profiles: profiles.map((p) => (p.id === id ? updated : p)), value: updated };
        }),
      ),

    /** A copy of the settings under a free name; the key stays with the original. */
    duplicate: (id: string): Promise<Profile> =>
      withChange(() =>
        store.commit((profiles) => {
          const source = find(profiles, id);
          const at = now().toISOString();
          const copy: Profile = {
            ...source,
            id: newId(),
            name: nextFreeName(`${source.name} (copy)`, profiles),
            createdAt: at,
            updatedAt: at,
          };
          delete copy.key;
          delete copy.lastVerification;
          const index = profiles.findIndex((p) => p.id === id);
          const next = [...profiles];
          next.splice(index + 1, 0, copy);
          return { profiles: next, value: copy };
        }),
      ),

    /** Deletes the profile and its key; if the keychain is unavailable, neither is deleted. */
    remove: (id: string): Promise<void> =>
      withChange(async () => {
        const profile = find(store.state().profiles, id);
        const key = profile.key ? await secrets.get(id) : undefined;
        if (profile.key) await secrets.delete(id);
        try {
          await store.commit((profiles) => ({
            profiles: profiles.filter((p) => p.id !== id),
            value: undefined,
          }));
        } catch (error) {
          if (key !== undefined) await secrets.set(id, key).catch(() => {});
          throw error;
        }
      }),

    setKey: (id: string, key: ApiKeyInput, known?: KnownKeyFacts): Promise<Profile> =>
      withChange(async () => {
        const checked = checkApiKey(key);
        const current = find(store.state().profiles, id);
        const previous = current.key ? await secrets.get(id) : undefined;
        await secrets.set(id, checked);
        try {
          return await store.commit((profiles) => {
            const at = now();
            const updated: Profile = {
              ...find(profiles, id),
              key: fingerprintOf(checked, at, known),
              updatedAt: at.toISOString(),
            };
            // The verdict was about the old key.
            delete updated.lastVerification;
            return { profiles: profiles.map((p) => (p.id === id ? updated : p)), value: updated };
          });
        } catch (error) {
          if (previous !== undefined) await secrets.set(id, previous).catch(() => {});
          else await secrets.delete(id).catch(() => false);
          throw error;
        }
      }),

    removeKey: (id: string): Promise<Profile> =>
      withChange(async () => {
        find(store.state().profiles, id);
        await secrets.delete(id);
        return store.commit((profiles) => {
          const updated: Profile = { ...find(profiles, id), updatedAt: now().toISOString() };
          delete updated.key;
          delete updated.lastVerification;
          return { profiles: profiles.map((p) => (p.id === id ? updated : p)), value: updated };
        });
      }),

    /** Main only: the key and its fingerprint, to put back later with restoreKey(). */
    savedKey: async (id: string): Promise<SavedKey | undefined> => {
      const profile = find(store.state().profiles, id);
      if (!profile.key) return undefined;
      const key = await secrets.get(id);
      if (key === undefined) return undefined;
      return {
        key,
        fingerprint: profile.key,
        ...(profile.lastVerification ? { lastVerification: profile.lastVerification } : {}),
      };
    },

    /** Main only: puts a key taken with savedKey() back, fingerprint and last verdict as they were. */
    restoreKey: (id: string, saved: SavedKey): Promise<Profile> =>
      withChange(async () => {
        find(store.state().profiles, id);
        await secrets.set(id, saved.key);
        return store.commit((profiles) => {
          const updated: Profile = {
            ...find(profiles, id),
            key: saved.fingerprint,
            updatedAt: now().toISOString(),
          };
          if (saved.lastVerification) updated.lastVerification = saved.lastVerification;
          else delete updated.lastVerification;
          return { profiles: profiles.map((p) => (p.id === id ? updated : p)), value: updated };
        });
      }),

    /** Main only (the doctor, the transport, a snippet the user asked to include the key in). */
    readKey: (id: string): Promise<string | undefined> => {
      find(store.state().profiles, id);
      return secrets.get(id);
    },

    /** The connection doctor's verdict, and the key's kind and id it learned. */
    recordVerification: (
      id: string,
      verification: LastVerification,
      learned: KnownKeyFacts = {},
    ): Promise<Profile> =>
      withChange(() =>
        store.commit((profiles) => {
          const current = find(profiles, id);
          const updated: Profile = { ...current, lastVerification: verification };
          if (current.key) updated.key = withKnown(current.key, learned);
          return { profiles: profiles.map((p) => (p.id === id ? updated : p)), value: updated };
        }),
      ),

    /**
     * Adds instances found in the environment or a file. Each is checked like a typed one;
     * the ones already here (same name and address) are skipped; a damaged key is left out
     * with a notice rather than cleaned silently.
     */
    importCandidates: (
      candidates: readonly ImportCandidate[],
      source: string,
      invalid: readonly { name: string; reason: string }[] = [],
    ): Promise<ImportResult> =>
      withChange(async () => {
        const skipped: ImportResult['skipped'] = invalid.map((entry) => ({ ...entry }));
        const notices: Problem[] = [];
        const ready: { profile: Profile; key?: string }[] = [];
        const existing = store.state().profiles;
        for (const candidate of candidates) {
          const url = normalizeInstanceUrl(candidate.address);
          const label = candidate.name?.trim() || candidate.address.slice(0, 100);
          if (!url.ok) {
            skipped.push({ name: label, problem: url.problem, reason: url.problem.title });
            continue;
          }
          const wanted = (
            candidate.name?.trim() || url.displayUrl.replace(/^https?:\/\//, '')
          ).slice(0, profileNameMaxLength);
          if (existing.some((p) => p.baseUrl === url.baseUrl && sameName(p.name, wanted))) {
            skipped.push({
              name: wanted,
              reason: 'An instance with this name and address is already in Veza Desk.',
            });
            continue;
          }
          const at = now();
          const taken = [...existing, ...ready.map((entry) => entry.profile)];
          const network = networkSettingsSchema.safeParse(candidate.network);
          const profile: Profile = {
            id: newId(),
            name: nextFreeName(wanted, taken),
            baseUrl: url.baseUrl,
            colour: colourSchema.safeParse(candidate.colour).success
              ? (candidate.colour as string)
              : defaultProfileColour,
            production: candidate.production ?? false,
            notes: (candidate.notes ?? '').slice(0, profileNotesMaxLength),
            ...(candidate.network !== undefined && network.success && network.data
              ? { network: network.data }
              : {}),
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
          };
          let key: string | undefined;
          if (candidate.apiKey !== undefined) {
            const lint = lintApiKey(candidate.apiKey);
            if (lint.problems.length === 0) key = candidate.apiKey;
            else {
              const problem = lint.problems[0] as Problem;
              notices.push({
                ...problem,
                detail: {
                  ...problem.detail,
                  raw: `The key in ${candidate.keySource ?? 'the import'} was not saved for "${profile.name}". Add it with Replace key.`,
                },
              });
            }
          }
          ready.push(key === undefined ? { profile } : { profile, key });
        }
        const saved: string[] = [];
        try {
          for (const entry of ready) {
            if (entry.key === undefined) continue;
            try {
              await secrets.set(entry.profile.id, entry.key);
              entry.profile.key = fingerprintOf(entry.key, now());
              saved.push(entry.profile.id);
            } catch (error) {
              if (!(error instanceof ProblemError)) throw error;
              if (!notices.some((n) => n.code === error.problem.code)) notices.push(error.problem);
            }
          }
          if (ready.length > 0) {
            await store.commit((profiles) => ({
              profiles: [...profiles, ...ready.map((entry) => entry.profile)],
              value: undefined,
            }));
          }
        } catch (error) {
          await Promise.all(saved.map((id) => secrets.delete(id).catch(() => false)));
          throw error;
        }
        return {
          cancelled: false,
          source,
          imported: ready.map((entry) => entry.profile),
          skipped,
          notices,
        };
      }),
  };
}
