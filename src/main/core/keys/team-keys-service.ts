import {
  creatorLimits,
  type CreateTeamKeyArgs,
  type CreatedTeamKey,
  type KeyCreator,
  type RotateTeamKeyArgs,
  type RotationResult,
  type RotationStep,
  type Team,
  type TeamKey,
  type TeamKeysListing,
} from '../../../shared/keys/team-keys';
import type { Profile } from '../../../shared/profiles/profile';
import type { ClipboardWriter } from '../clipboard-writer';
import type { DoctorService } from '../doctor/doctor-service';
import { ProblemError } from '../problem-error';
import type { ProfileService } from '../profiles/profile-service';
import { sameName } from '../profiles/unique-name';
import type { Transport } from '../transport';
import {
  createTeamKeysClient,
  type TeamKeysClient,
  type VezaSelf,
  type VezaTeamKey,
} from '../veza/team-keys-client';
import type { InstanceClient } from '../veza/instance-client';
import type { SecretStore } from '../secrets/secret-store';
import {
  recoverRotation,
  recoverRotations,
  type RecoverRotationsDeps,
  type RotationRecoveredNotice,
} from './recover-rotations';
import { rotateTeamKey } from './rotate-team-key';
import { createRotationJournal } from './rotation-journal';
import { rotationsInFlight } from './rotations-in-flight';

export interface TeamKeysServiceDeps {
  profiles: ProfileService;
  instances: InstanceClient;
  doctor: DoctorService;
  clipboard: ClipboardWriter;
  openTransport: () => Transport;
  /**
   * The keychain, for the rotation journal (each rotation's record, with the old key).
   * Without it the service refuses to rotate: a rotation is never run unrecorded.
   */
  secrets?: SecretStore;
  /** A rotation left unfinished was finished or rolled back: the user is told. */
  onRotationRecovered?: (notice: RotationRecoveredNotice) => void;
  now?: () => Date;
}

export type TeamKeysService = ReturnType<typeof createTeamKeysService>;

const statusWords = (status: string): TeamKey['status'] =>
  status === 'ACTIVE' ? 'active' : status === 'INACTIVE' ? 'revoked' : 'unknown';

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/** What main remembers for this run, at most this many entries each (oldest forgotten first). */
const memoryLimit = 1000;

/** A small map that forgets its oldest entries: memory for one run of the app, never saved. */
function boundedMemory<V>() {
  const entries = new Map<string, V>();
  return {
    get: (key: string) => entries.get(key),
    set: (key: string, value: V) => {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > memoryLimit) entries.delete(entries.keys().next().value as string);
    },
  };
}

/**
 * Team keys of one instance, managed with that instance's saved key (an Admin's or
 * Operator's personal key). A new key goes straight into the keychain, as a new instance or
 * as the key of an existing one; it reaches the window never, and the clipboard only when the
 * user asks to copy it once.
 */
export function createTeamKeysService(deps: TeamKeysServiceDeps) {
  const { profiles } = deps;
  const now = deps.now ?? (() => new Date());

  const profileOf = (id: string): Profile => profiles.require(id);

  // Veza's documented key list does not say who made a key (see readCreator). Two things main
  // learns anyway, without asking Veza more: who each instance's key acts as (the users/self
  // answer the keys view already asks for), and which keys Veza Desk made, as whom.
  const usersSeen = boundedMemory<{ name?: string; email?: string }>();
  const madeHere = boundedMemory<string>();
  const at = (baseUrl: string, id: string) => `${baseUrl}\n${id}`;

  function creatorOf(key: VezaTeamKey, baseUrl: string, self: VezaSelf): KeyCreator | undefined {
    const madeBy = madeHere.get(at(baseUrl, key.id));
    const said = key.createdBy ?? (madeBy ? { id: madeBy } : undefined);
    if (!said) return undefined;
    const seen = said.id ? usersSeen.get(at(baseUrl, said.id)) : undefined;
    const name = said.name ?? seen?.name;
    const email = said.email ?? seen?.email;
    return {
      you: said.id !== undefined && said.id === self.userId,
      ...(said.id ? { id: clip(said.id, creatorLimits.id) } : {}),
      ...(name ? { name: clip(name, creatorLimits.name) } : {}),
      ...(email ? { email: clip(email, creatorLimits.email) } : {}),
    };
  }

  /** Runs calls with the instance's key over a transport of their own, closed afterwards. */
  async function withClient<T>(
    profileId: string,
    work: (client: TeamKeysClient, profile: Profile) => Promise<T>,
  ): Promise<T> {
    const transport = deps.openTransport();
    try {
      const { profile, session } = await deps.instances.open(profileId, transport);
      return await work(createTeamKeysClient(session.call), profile);
    } finally {
      await transport.close();
    }
  }

  /** The saved instances (same address) whose key is this team key. */
  const holdersOf = (baseUrl: string, keyId: string) =>
    profiles
      .state()
      .profiles.filter((p) => p.baseUrl === baseUrl && p.key?.keyId === keyId)
      .map((p) => ({ profileId: p.id, profileName: p.name }));

  function describe(
    key: VezaTeamKey,
    baseUrl: string,
    teams: ReadonlyMap<string, string>,
    self: VezaSelf,
  ): TeamKey {
    const createdAt = key.createdAt && !Number.isNaN(Date.parse(key.createdAt));
    const teamName = teams.get(key.teamId) ?? key.teamName;
    const createdBy = creatorOf(key, baseUrl, self);
    return {
      id: key.id,
      name: key.name,
      teamId: key.teamId,
      ...(teamName ? { teamName: clip(teamName, 1000) } : {}),
      status: statusWords(key.status),
      ...(createdAt ? { createdAt: new Date(key.createdAt as string).toISOString() } : {}),
      ...(createdBy ? { createdBy } : {}),
      heldBy: holdersOf(baseUrl, key.id),
    };
  }

  /** Team names and who "you" are make the list readable; the list works without them. */
  async function context(client: TeamKeysClient, baseUrl: string) {
    const [teams, self] = await Promise.all([
      client.listTeams().catch(() => ({ values: [] as Team[] })),
      client.whoAmI().catch((): VezaSelf => ({})),
    ]);
    if (self.userId && (self.name || self.email))
      usersSeen.set(at(baseUrl, self.userId), {
        ...(self.name ? { name: self.name } : {}),
        ...(self.email ? { email: self.email } : {}),
      });
    return { teams: new Map(teams.values.map((team) => [team.id, team.name])), self };
  }

  /** Remembers that this instance's user made the key, for a Veza whose list does not say. */
  function rememberMade(baseUrl: string, keyId: string, self: VezaSelf): void {
    if (self.userId) madeHere.set(at(baseUrl, keyId), self.userId);
  }

  /** Where a new key may be saved: checked before Veza makes it, so no key is made for nothing. */
  function checkSaveTarget(source: Profile, saveAs: CreateTeamKeyArgs['saveAs']): void {
    if (saveAs.kind === 'existing-profile') {
      const target = profileOf(saveAs.id);
      if (target.baseUrl !== source.baseUrl)
        throw ProblemError.of('KEY_TARGET_OTHER_INSTANCE', { raw: `instance ${target.name}` });
    }
    if (saveAs.kind === 'new-profile') {
      const name = saveAs.name.trim();
      if (name && profiles.state().profiles.some((p) => sameName(p.name, name)))
        throw ProblemError.of('PROFILE_NAME_TAKEN', { raw: `name: ${name}` });
    }
  }

  async function saveNewKey(
    source: Profile,
    args: CreateTeamKeyArgs,
    created: { key: VezaTeamKey; accessKey: string },
  ): Promise<Profile | undefined> {
    const input = { apiKey: created.accessKey, acceptAsIs: true };
    const known = { kind: 'team', keyId: created.key.id } as const;
    if (args.saveAs.kind === 'existing-profile')
      return profiles.setKey(args.saveAs.id, input, known);
    if (args.saveAs.kind === 'new-profile') {
      const draft = {
        name: args.saveAs.name.trim() || `${source.name}: ${args.name}`.slice(0, 100),
        address: source.baseUrl,
        colour: source.colour,
        production: source.production,
        notes: `Team key "${args.name}", created with Veza Desk on ${now().toISOString().slice(0, 10)}.`,
        ...(source.network ? { network: source.network } : {}),
      };
      return profiles.create(draft, input, known);
    }
    return undefined;
  }

  const journal = deps.secrets ? createRotationJournal(deps.secrets) : undefined;
  const recoveryDeps = (): RecoverRotationsDeps => {
    if (!journal) throw ProblemError.of('INTERNAL_ERROR', { raw: 'no keychain for rotations' });
    return {
      profiles,
      journal,
      revokeTeamKey: (adminProfileId, keyId) =>
        withClient(adminProfileId, (client) => client.revokeTeamKey(keyId)),
      ...(deps.onRotationRecovered ? { notify: deps.onRotationRecovered } : {}),
      inFlight: rotationsInFlight,
      now,
    };
  };

  /**
   * A rotation of this holder left unfinished (the app died, or Veza refused a clean-up) is
   * settled before another starts, so its record is never overwritten. Still unsettled (Veza
   * unreachable), the new rotation is refused with the reason.
   */
  async function settleEarlierRotation(holderProfileId: string): Promise<void> {
    const earlier = await recoverRotation(recoveryDeps(), holderProfileId);
    if (earlier.state === 'settled' || earlier.state === 'pending')
      deps.onRotationRecovered?.(earlier.notice);
    if (earlier.state === 'pending') throw new ProblemError(earlier.problem);
    if (earlier.state === 'elsewhere')
      throw ProblemError.of('ROTATION_KEY_MISMATCH', {
        raw: 'Another Veza Desk is rotating this key right now.',
      });
  }

  let recovering: Promise<RotationRecoveredNotice[]> | undefined;

  return {
    /**
     * Finishes or rolls back every rotation left unfinished, telling the user each outcome;
     * run when the app's services open. Called again while it runs, it answers the same run.
     * Never rejects.
     */
    recoverRotations: (): Promise<RotationRecoveredNotice[]> => {
      if (!journal) return Promise.resolve([]);
      recovering ??= recoverRotations(recoveryDeps())
        .catch(() => [])
        .finally(() => (recovering = undefined));
      return recovering;
    },

    listTeamKeys: (profileId: string): Promise<TeamKeysListing> =>
      withClient(profileId, async (client, profile) => {
        const [listed, { teams, self }] = await Promise.all([
          client.listTeamKeys(),
          context(client, profile.baseUrl),
        ]);
        return {
          keys: listed.values.map((key) => describe(key, profile.baseUrl, teams, self)),
          complete: listed.complete,
        };
      }),

    listTeams: (profileId: string): Promise<{ teams: Team[] }> =>
      withClient(profileId, async (client) => ({ teams: (await client.listTeams()).values })),

    createTeamKey: (args: CreateTeamKeyArgs): Promise<CreatedTeamKey> =>
      withClient(args.profileId, async (client, profile) => {
        checkSaveTarget(profile, args.saveAs);
        const created = await client.createTeamKey(args.name, args.teamId);
        let saved: Profile | undefined;
        try {
          saved = await saveNewKey(profile, args, created);
        } catch (error) {
          // Nobody holds the key now and Veza will not show it again: take it back.
          await client.deleteTeamKey(created.key.id).catch(() => {});
          throw error;
        }
        if (args.copyOnce)
          await deps.clipboard.writeText(created.accessKey, { containsSecret: true });
        const { teams, self } = await context(client, profile.baseUrl);
        rememberMade(profile.baseUrl, created.key.id, self);
        return {
          key: describe(created.key, profile.baseUrl, teams, self),
          ...(saved ? { savedTo: { profileId: saved.id, profileName: saved.name } } : {}),
          copied: args.copyOnce,
        };
      }),

    renameTeamKey: (profileId: string, keyId: string, name: string) =>
      withClient(profileId, async (client) => {
        await client.renameTeamKey(keyId, name);
        return { keyId };
      }),
    revokeTeamKey: (profileId: string, keyId: string) =>
      withClient(profileId, async (client) => {
        await client.revokeTeamKey(keyId);
        return { keyId };
      }),
    reinstateTeamKey: (profileId: string, keyId: string) =>
      withClient(profileId, async (client) => {
        await client.reinstateTeamKey(keyId);
        return { keyId };
      }),
    deleteTeamKey: (profileId: string, keyId: string) =>
      withClient(profileId, async (client) => {
        await client.deleteTeamKey(keyId);
        return { keyId };
      }),

    rotateTeamKey: (
      args: RotateTeamKeyArgs,
      onSteps?: (steps: RotationStep[]) => void,
      signal?: AbortSignal,
    ): Promise<RotationResult> =>
      withClient(args.profileId, async (client, profile) => {
        const holder = profileOf(args.holderProfileId);
        if (holder.baseUrl !== profile.baseUrl)
          throw ProblemError.of('KEY_TARGET_OTHER_INSTANCE', { raw: `instance ${holder.name}` });
        if (!journal)
          throw ProblemError.of('INTERNAL_ERROR', { raw: 'no keychain for the rotation journal' });
        // One rotation per holder at a time; quitting asks while it runs.
        const outcome = await rotationsInFlight.run(holder.id, async () => {
          await settleEarlierRotation(holder.id);
          return rotateTeamKey(
            {
              client,
              profiles,
              verify: (id, verifySignal) => deps.doctor.verify(id, undefined, verifySignal),
              onSteps,
              signal,
              journal,
              now,
            },
            {
              keyId: args.keyId,
              holderProfileId: holder.id,
              adminProfileId: profile.id,
              ...(args.newName ? { newName: args.newName } : {}),
            },
          );
        });
        const { teams, self } = await context(client, profile.baseUrl);
        if (outcome.newKey) rememberMade(profile.baseUrl, outcome.newKey.id, self);
        return {
          ok: outcome.ok,
          ...(outcome.cancelled ? { cancelled: true } : {}),
          steps: outcome.steps,
          ...(outcome.newKey
            ? { newKey: describe(outcome.newKey, profile.baseUrl, teams, self) }
            : {}),
        };
      }),
  };
}
