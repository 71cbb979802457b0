import type {
  CreateTeamKeyArgs,
  CreatedTeamKey,
  RotateTeamKeyArgs,
  RotationResult,
  RotationStep,
  Team,
  TeamKey,
  TeamKeysListing,
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
import { rotateTeamKey } from './rotate-team-key';

export interface TeamKeysServiceDeps {
  profiles: ProfileService;
  instances: InstanceClient;
  doctor: DoctorService;
  clipboard: ClipboardWriter;
  openTransport: () => Transport;
  now?: () => Date;
}

export type TeamKeysService = ReturnType<typeof createTeamKeysService>;

const statusWords = (status: string): TeamKey['status'] =>
  status === 'ACTIVE' ? 'active' : status === 'INACTIVE' ? 'revoked' : 'unknown';

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
    const byYou = key.createdBy !== undefined && key.createdBy === self.userId;
    return {
      id: key.id,
      name: key.name,
      teamId: key.teamId,
      ...(teams.has(key.teamId) ? { teamName: teams.get(key.teamId) } : {}),
      status: statusWords(key.status),
      ...(createdAt ? { createdAt: new Date(key.createdAt as string).toISOString() } : {}),
      ...(key.createdBy
        ? { createdBy: byYou ? `you (${self.name ?? key.createdBy})` : key.createdBy }
        : {}),
      heldBy: holdersOf(baseUrl, key.id),
    };
  }

  /** Team names and who "you" are make the list readable; the list works without them. */
  async function context(client: TeamKeysClient) {
    const [teams, self] = await Promise.all([
      client.listTeams().catch(() => ({ values: [] as Team[] })),
      client.whoAmI().catch((): VezaSelf => ({})),
    ]);
    return { teams: new Map(teams.values.map((team) => [team.id, team.name])), self };
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

  return {
    listTeamKeys: (profileId: string): Promise<TeamKeysListing> =>
      withClient(profileId, async (client, profile) => {
        const [listed, { teams, self }] = await Promise.all([
          client.listTeamKeys(),
          context(client),
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
        const { teams, self } = await context(client);
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
        const outcome = await rotateTeamKey(
          {
            client,
            profiles,
            verify: (id, verifySignal) => deps.doctor.verify(id, undefined, verifySignal),
            onSteps,
            signal,
            now,
          },
          {
            keyId: args.keyId,
            holderProfileId: holder.id,
            ...(args.newName ? { newName: args.newName } : {}),
          },
        );
        const { teams, self } = await context(client);
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
