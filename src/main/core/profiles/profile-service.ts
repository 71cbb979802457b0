import { randomUUID } from 'node:crypto';
import { bounds } from '../../../shared/ipc/bounds';
import type { Problem } from '../../../shared/problems/problem';
import { lintApiKey } from '../../../shared/profiles/lint-api-key';
import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import {
  colourSchema,
  networkSettingsSchema,
  profileNameMaxLength,
  profileNotesMaxLength,
  type ImportedNetwork,
  type KeyFingerprint,
  type LastVerification,
  type NetworkSettings,
  type Profile,
  type ProfileDraft,
  type ProfilesState,
} from '../../../shared/profiles/profile';
import { defaultProfileColour } from '../../../shared/profiles/profile-colours';
import type { ImportResult } from '../../../shared/profiles/profile-transfer';
import { ProblemError } from '../problem-error';
import {
  bindingChanges,
  bindingOf,
  type BindingChange,
  type KeyBinding,
} from '../../../shared/profiles/key-binding';
import { decodeKeyEntry, encodeKeyEntry, type StoredKey } from '../secrets/key-envelope';
import type { SecretStore } from '../secrets/secret-store';
import type { ImportCandidate } from './find-veza-settings';
import { keyBoundElsewhere } from './key-binding';
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
  /**
   * The most instances Veza Desk keeps: the contract's bound (profiles.list answers at most
   * that many). Lower only in tests.
   */
  maxProfiles?: number;
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
  binding?: KeyBinding;
  lastVerification?: LastVerification;
}

export interface UpdateOptions {
  /**
   * The changes of address or trust settings the user confirmed the key may follow ("use the
   * key for the new address"). A change not listed leaves the key bound to what it was saved
   * for: it is then sent nowhere until the user confirms or pastes a new key.
   */
  keyFollows?: readonly BindingChange[];
}

/** Every change a key can follow: what "use the key for the new address" confirms. */
export const allBindingChanges: readonly BindingChange[] = [
  'address',
  'proxy',
  'caFile',
  'pinnedCertificate',
];

/**
 * An imported file's network settings, split by what a file may decide: timeouts and "no proxy"
 * or "system proxy" apply at once; a manual proxy and a CA file wait for the user
 * (importedNetwork); a pinned certificate is dropped (only main's own check may pin one), and
 * so is a client certificate (its key is this computer's, for servers the user chose).
 */
function splitImportedNetwork(
  raw: unknown,
  source: string,
): { network?: NetworkSettings; imported?: ImportedNetwork; pinned?: string } {
  const parsed = networkSettingsSchema.safeParse(raw);
  if (raw === undefined || !parsed.success || !parsed.data) return {};
  // A client certificate is this computer's own: a file must not aim it at a server.
  const { proxy, caFile, pinnedCertSha256, clientCertificate: _own, ...rest } = parsed.data;
  const network: NetworkSettings = { ...rest };
  const manual = proxy?.mode === 'manual' && proxy.url ? proxy.url : undefined;
  if (proxy && proxy.mode !== 'manual') network.proxy = { mode: proxy.mode };
  const imported =
    manual || caFile
      ? { ...(manual ? { proxyUrl: manual } : {}), ...(caFile ? { caFile } : {}), source }
      : undefined;
  return {
    ...(Object.keys(network).length > 0 ? { network } : {}),
    ...(imported ? { imported } : {}),
    ...(pinnedCertSha256 ? { pinned: pinnedCertSha256 } : {}),
  };
}

const counted = (n: number) => n.toLocaleString('en-US');
const instances = (n: number) => `${counted(n)} instance${n === 1 ? '' : 's'}`;
/** Where an import came from, as a sentence names it. */
const fromWhere = (source: string) => (source === 'environment' ? 'the environment' : source);
/** An import refused whole, in words. */
const noneAdded = (found: number, where: string) =>
  found === 1
    ? `The instance found in ${where} was not added.`
    : `None of the ${instances(found)} found in ${where} were added.`;

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
  const maxProfiles = deps.maxProfiles ?? bounds.profiles;
  const changed = () => deps.onChange?.(store.state());

  /** PROFILES_LIMIT_REACHED: `saved` instances are kept; `leftOut` says what was not added. */
  const limitReached = (saved: number, leftOut: string): ProblemError =>
    ProblemError.of('PROFILES_LIMIT_REACHED', {
      facts: { limit: counted(maxProfiles), count: counted(saved), leftOut },
      raw: `${saved} profiles saved; at most ${maxProfiles} are kept`,
    });
  /** Throws PROFILES_LIMIT_REACHED unless one more instance fits. */
  const roomForOne = (profiles: readonly Profile[], leftOut: string): void => {
    if (profiles.length >= maxProfiles) throw limitReached(profiles.length, leftOut);
  };
  const notAdded = 'The new instance was not added.';
  const notCopied = 'No copy was made.';

  function find(profiles: readonly Profile[], id: string): Profile {
    const profile = profiles.find((candidate) => candidate.id === id);
    if (!profile) throw ProblemError.of('PROFILE_NOT_FOUND', { raw: `profile ${id}` });
    return profile;
  }

  // The keychain entry holds the key and what it is bound to (secrets/key-envelope.ts).
  const readEntry = async (id: string): Promise<StoredKey | undefined> => {
    const text = await secrets.get(id);
    return text === undefined ? undefined : decodeKeyEntry(text);
  };
  const writeEntry = (id: string, key: string, binding: KeyBinding) =>
    secrets.set(id, encodeKeyEntry(key, binding));
  /** Puts an entry back as it was read (a failed change is undone). */
  const restoreEntry = async (id: string, entry: StoredKey | undefined) => {
    if (!entry) await secrets.delete(id).catch(() => false);
    else if (entry.binding) await writeEntry(id, entry.key, entry.binding).catch(() => {});
    else await secrets.set(id, entry.key).catch(() => {});
  };
  const sameBinding = (a: KeyBinding | undefined, b: KeyBinding) =>
    JSON.stringify(a) === JSON.stringify(b);

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

  const service = {
    state: (): ProfilesState => store.state(),
    get: (id: string): Profile | undefined => store.get(id),

    create: (draft: ProfileDraft, key?: ApiKeyInput, known?: KnownKeyFacts): Promise<Profile> =>
      withChange(async () => {
        const checkedKey = key ? checkApiKey(key) : undefined;
        const id = newId();
        // Check the draft and the room before touching the keychain, so a refusal stores nothing.
        roomForOne(store.state().profiles, notAdded);
        const resolved = resolveDraft(draft, store.state().profiles);
        if (checkedKey !== undefined) await writeEntry(id, checkedKey, bindingOf(resolved));
        try {
          return await store.commit((profiles) => {
            // Again on the list as it is on disk: another window or a CLI may have added some.
            roomForOne(profiles, notAdded);
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

    /**
     * Renaming, recolouring or re-noting never touches the key. A new address or looser trust
     * settings (another proxy, CA file or pinned certificate) take the key along only for the
     * changes in `keyFollows`; otherwise the key stays bound to what it was saved for and is
     * sent nowhere (KEY_BOUND_ELSEWHERE) until the user confirms or replaces it.
     */
    update: (id: string, draft: ProfileDraft, options: UpdateOptions = {}): Promise<Profile> =>
      withChange(async () => {
        const current = find(store.state().profiles, id);
        const next = resolveDraft(draft, store.state().profiles, id);
        const entry = current.key ? await readEntry(id) : undefined;
        let rebound = false;
        if (entry) {
          const was = entry.binding ?? bindingOf(current);
          const follows = bindingChanges(was, next).every((change) =>
            options.keyFollows?.includes(change),
          );
          // A key saved before bindings existed is pinned to what it was used with until now.
          const target = follows ? bindingOf(next) : was;
          if (!sameBinding(entry.binding, target)) {
            await writeEntry(id, entry.key, target);
            rebound = true;
          }
        }
        try {
          return await store.commit((profiles) => {
            const latest = find(profiles, id);
            const updated: Profile = {
              ...latest,
              ...resolveDraft(draft, profiles, id),
              updatedAt: now().toISOString(),
            };
            if (!draft.network) delete updated.network;
            // A different address or trust may answer differently: the last verdict no longer applies.
            if (bindingChanges(bindingOf(latest), updated).length > 0)
              delete updated.lastVerification;
            return { profiles: profiles.map((p) => (p.id === id ? updated : p)), value: updated };
          });
        } catch (error) {
          if (rebound) await restoreEntry(id, entry);
          throw error;
        }
      }),

    /**
     * "Use the key for the new address": the key follows the instance's current address and
     * trust settings. `address` is the one the user confirmed; if the instance names another
     * by now, nothing changes.
     */
    rebindKey: (id: string, address: string): Promise<Profile> =>
      withChange(async () => {
        const profile = find(store.state().profiles, id);
        const confirmed = normalizeInstanceUrl(address);
        if (!confirmed.ok || confirmed.baseUrl !== profile.baseUrl) {
          throw ProblemError.of('IPC_INVALID_ARGUMENT', {
            raw: 'The address changed again before the key could follow it. Look at the instance and confirm again.',
          });
        }
        const entry = profile.key ? await readEntry(id) : undefined;
        if (!entry) throw ProblemError.of('KEY_MISSING');
        await writeEntry(id, entry.key, bindingOf(profile));
        return profile;
      }),

    /** A copy of the settings under a free name; the key stays with the original. */
    duplicate: (id: string): Promise<Profile> =>
      withChange(() =>
        store.commit((profiles) => {
          const source = find(profiles, id);
          roomForOne(profiles, notCopied);
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
        const entry = profile.key ? await readEntry(id) : undefined;
        if (profile.key) await secrets.delete(id);
        try {
          await store.commit((profiles) => ({
            profiles: profiles.filter((p) => p.id !== id),
            value: undefined,
          }));
        } catch (error) {
          if (entry) await restoreEntry(id, entry);
          throw error;
        }
      }),

    setKey: (id: string, key: ApiKeyInput, known?: KnownKeyFacts): Promise<Profile> =>
      withChange(async () => {
        const checked = checkApiKey(key);
        const current = find(store.state().profiles, id);
        const previous = await readEntry(id);
        // A key pasted for this instance is bound to what the instance names now.
        await writeEntry(id, checked, bindingOf(current));
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
          await restoreEntry(id, previous);
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
      const entry = await readEntry(id);
      if (entry === undefined) return undefined;
      return {
        key: entry.key,
        fingerprint: profile.key,
        ...(entry.binding ? { binding: entry.binding } : {}),
        ...(profile.lastVerification ? { lastVerification: profile.lastVerification } : {}),
      };
    },

    /** Main only: puts a key taken with savedKey() back, fingerprint and last verdict as they were. */
    restoreKey: (id: string, saved: SavedKey): Promise<Profile> =>
      withChange(async () => {
        const profile = find(store.state().profiles, id);
        await writeEntry(id, saved.key, saved.binding ?? bindingOf(profile));
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

    /** The profile, or PROFILE_NOT_FOUND: the one way every service looks an instance up. */
    require: (id: string): Profile => find(store.state().profiles, id),

    /**
     * Main only: the key, for the instance it was saved for (the instance client, a snippet the
     * user asked to include the key in). undefined when none is saved; KEY_BOUND_ELSEWHERE when
     * the instance's address or trust settings are no longer what the key was saved for. A key
     * saved before bindings existed is bound to what its instance names on first use.
     */
    readKey: async (id: string): Promise<string | undefined> => {
      const profile = find(store.state().profiles, id);
      const entry = await readEntry(id);
      if (!entry) return undefined;
      if (!entry.binding) {
        await writeEntry(id, entry.key, bindingOf(profile)).catch(() => {});
        return entry.key;
      }
      const changes = bindingChanges(entry.binding, profile);
      if (changes.length > 0) throw keyBoundElsewhere(entry.binding, profile, changes);
      return entry.key;
    },

    /** Main only: every saved key, bound or not, so texts can be scrubbed of all of them. */
    keysToRedact: async (): Promise<string[]> => {
      const entries = await Promise.all(
        store
          .state()
          .profiles.map((profile) =>
            profile.key ? readEntry(profile.id).catch(() => undefined) : undefined,
          ),
      );
      return entries.flatMap((entry) => (entry ? [entry.key] : []));
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
     * with a notice rather than cleaned silently. Beyond the most Veza Desk keeps, the first
     * ones that fit are added and the rest listed as left out, with a PROFILES_LIMIT_REACHED
     * notice; when none fits, the import is refused (PROFILES_LIMIT_REACHED) and nothing saved.
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
        const withheld: ImportResult['withheld'] = [];
        const existing = store.state().profiles;
        const room = Math.max(0, maxProfiles - existing.length);
        /** Names of the new instances that did not fit. */
        const leftOut: string[] = [];
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
          if (ready.length >= room) {
            leftOut.push(wanted);
            continue;
          }
          const at = now();
          const taken = [...existing, ...ready.map((entry) => entry.profile)];
          const { network, imported, pinned } = splitImportedNetwork(candidate.network, source);
          const profile: Profile = {
            id: newId(),
            name: nextFreeName(wanted, taken),
            baseUrl: url.baseUrl,
            colour: colourSchema.safeParse(candidate.colour).success
              ? (candidate.colour as string)
              : defaultProfileColour,
            production: candidate.production ?? false,
            notes: (candidate.notes ?? '').slice(0, profileNotesMaxLength),
            ...(network ? { network } : {}),
            ...(imported ? { importedNetwork: imported } : {}),
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
          if (imported || pinned) {
            withheld.push({
              profileId: profile.id,
              name: profile.name,
              ...(imported?.proxyUrl ? { proxyUrl: imported.proxyUrl } : {}),
              ...(imported?.caFile ? { caFile: imported.caFile } : {}),
              ...(pinned ? { pinnedCertSha256: pinned } : {}),
            });
          }
        }
        const where = fromWhere(source);
        if (leftOut.length > 0) {
          const found = ready.length + leftOut.length;
          // Nothing fits: refused before any key reaches the keychain.
          if (ready.length === 0) {
            throw limitReached(existing.length, noneAdded(found, where));
          }
          const reason = `Not added: Veza Desk keeps at most ${instances(maxProfiles)}.`;
          for (const name of leftOut) skipped.push({ name, reason });
          notices.unshift(
            limitReached(
              existing.length + ready.length,
              `Only the first ${instances(ready.length)} of the ${counted(found)} found in ${where} ${ready.length === 1 ? 'was' : 'were'} added; the other ${counted(leftOut.length)} ${leftOut.length === 1 ? 'is' : 'are'} listed as left out.`,
            ).problem,
          );
        }
        const saved: string[] = [];
        try {
          for (const entry of ready) {
            if (entry.key === undefined) continue;
            try {
              await writeEntry(entry.profile.id, entry.key, bindingOf(entry.profile));
              entry.profile.key = fingerprintOf(entry.key, now());
              saved.push(entry.profile.id);
            } catch (error) {
              if (!(error instanceof ProblemError)) throw error;
              if (!notices.some((n) => n.code === error.problem.code)) notices.push(error.problem);
            }
          }
          if (ready.length > 0) {
            await store.commit((profiles) => {
              // Another window or a CLI added some meanwhile: refused whole, keys taken back.
              if (profiles.length + ready.length > maxProfiles) {
                throw limitReached(profiles.length, noneAdded(ready.length, where));
              }
              return {
                profiles: [...profiles, ...ready.map((entry) => entry.profile)],
                value: undefined,
              };
            });
          }
        } catch (error) {
          await Promise.all(saved.map((id) => secrets.delete(id).catch(() => false)));
          throw error;
        }
        return {
          cancelled: false,
          source,
          imported: ready.map((entry) => entry.profile),
          // Within the contract: at most one entry per candidate, but the lists stay bounded.
          skipped: skipped.slice(0, bounds.profiles),
          notices: notices.slice(0, bounds.profiles),
          withheld,
        };
      }),

    /**
     * The user accepted (or turned down) the proxy and CA file an import brought for this
     * instance: accepted, they take effect and the key follows them; either way they stop waiting.
     */
    settleImportedNetwork: async (id: string, accept: boolean): Promise<Profile> => {
      const profile = find(store.state().profiles, id);
      const imported = profile.importedNetwork;
      if (!imported) return profile;
      if (accept) {
        const network: NetworkSettings = { ...profile.network };
        if (imported.proxyUrl) network.proxy = { mode: 'manual', url: imported.proxyUrl };
        if (imported.caFile) network.caFile = imported.caFile;
        const draft: ProfileDraft = {
          name: profile.name,
          address: profile.baseUrl,
          colour: profile.colour,
          production: profile.production,
          notes: profile.notes,
          network,
        };
        await service.update(id, draft, { keyFollows: ['proxy', 'caFile'] });
      }
      return withChange(() =>
        store.commit((profiles) => {
          const settled: Profile = { ...find(profiles, id) };
          delete settled.importedNetwork;
          return { profiles: profiles.map((p) => (p.id === id ? settled : p)), value: settled };
        }),
      );
    },
  };
  return service;
}
