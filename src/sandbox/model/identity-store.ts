import { makeKeyText } from '../auth/api-key-text';
import type { Clock } from '../clock';
import type {
  ApiKeyRecord,
  KeyDeletionReason,
  KeyKind,
  NewTeamOptions,
  RoleName,
  Team,
  User,
} from './identity-types';
import type { SeededRandom } from './seeded-random';

// Users, teams and keys, with the life rules of Veza's docs (seed): a personal key acts as its
// owner within one team and dies when the owner leaves that team or the platform; a team key
// belongs to its team and survives its creator.

export interface NewUser {
  name: string;
  email?: string;
  roles: RoleName[];
  teamIds?: string[];
}

export interface CreatedKey {
  id: string;
  /** The key text, shown once (as Veza does). */
  key: string;
}

export class IdentityStore {
  readonly users = new Map<string, User>();
  readonly teams = new Map<string, Team>();
  /** Every key ever made, deleted ones included as tombstones. */
  readonly keys = new Map<string, ApiKeyRecord>();
  private readonly keysBySecret = new Map<string, ApiKeyRecord>();

  constructor(
    private readonly random: SeededRandom,
    private readonly clock: Clock,
  ) {}

  createTeam(name: string, description = '', options: NewTeamOptions = {}): Team {
    if (this.teamNamed(name)) throw new Error(`A team named "${name}" already exists`);
    if (options.root && this.rootTeam()) throw new Error('There is a root team already');
    const now = this.clock.now();
    const team: Team = {
      id: this.random.uuid(),
      name,
      description,
      createdAt: now,
      updatedAt: now,
      isRoot: options.root === true,
      policyType: options.providerIds ? 'PROVIDER_ID_SET' : 'UNBOUND',
      providerIds: [...(options.providerIds ?? [])],
      ssoAlias: '',
    };
    this.teams.set(team.id, team);
    return team;
  }

  rootTeam(): Team | undefined {
    return [...this.teams.values()].find((team) => team.isRoot);
  }

  teamNamed(name: string): Team | undefined {
    return [...this.teams.values()].find((team) => team.name === name);
  }

  createUser(input: NewUser): User {
    const user: User = {
      id: this.random.uuid(),
      name: input.name,
      email: input.email ?? `${input.name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      roles: [...input.roles],
      teamIds: (input.teamIds ?? []).map((id) => this.team(id).id),
    };
    this.users.set(user.id, user);
    return user;
  }

  setUserRoles(userId: string, roles: RoleName[]): void {
    this.user(userId).roles = [...roles];
  }

  addUserToTeam(userId: string, teamId: string): void {
    const user = this.user(userId);
    if (!user.teamIds.includes(this.team(teamId).id)) user.teamIds.push(teamId);
  }

  createKey(kind: KeyKind, input: { userId: string; teamId: string; name?: string }): CreatedKey {
    const user = this.user(input.userId);
    const team = this.team(input.teamId);
    if (kind === 'personal' && !user.teamIds.includes(team.id))
      throw new Error(`${user.name} is not a member of ${team.name}`);
    const record: ApiKeyRecord = {
      id: this.random.uuid(),
      kind,
      name: input.name ?? `${kind} key of ${kind === 'team' ? team.name : user.name}`,
      secret: makeKeyText(kind, kind === 'team' ? team.name : user.name),
      teamId: team.id,
      userId: user.id,
      status: 'ACTIVE',
      createdAt: this.clock.now(),
    };
    this.keys.set(record.id, record);
    this.keysBySecret.set(record.secret, record);
    return { id: record.id, key: record.secret };
  }

  /** A key by its id or its key text, deleted ones included. */
  findKey(idOrSecret: string): ApiKeyRecord | undefined {
    return this.keys.get(idOrSecret) ?? this.keysBySecret.get(idOrSecret);
  }

  /** A live (not deleted) key, or an Error naming what is missing. */
  liveKey(idOrSecret: string): ApiKeyRecord {
    const record = this.findKey(idOrSecret);
    if (!record || record.deleted) throw new Error(`No such key: ${idOrSecret.slice(0, 8)}…`);
    return record;
  }

  setKeyStatus(idOrSecret: string, status: 'ACTIVE' | 'INACTIVE'): ApiKeyRecord {
    const record = this.liveKey(idOrSecret);
    record.status = status;
    return record;
  }

  deleteKey(idOrSecret: string, reason: KeyDeletionReason = 'deleted'): void {
    const record = this.liveKey(idOrSecret);
    record.deleted = { reason, at: this.clock.now() };
  }

  renameKey(idOrSecret: string, name: string): ApiKeyRecord {
    const record = this.liveKey(idOrSecret);
    record.name = name;
    return record;
  }

  /** Leaving a team deletes the personal keys scoped to it; team keys stay with the team. */
  removeUserFromTeam(userId: string, teamId: string): void {
    const user = this.user(userId);
    user.teamIds = user.teamIds.filter((id) => id !== teamId);
    for (const record of this.liveKeys())
      if (record.kind === 'personal' && record.userId === userId && record.teamId === teamId)
        this.deleteKey(record.id, 'owner-removed-from-team');
  }

  /** Leaving the platform deletes every personal key of the user. */
  removeUserFromPlatform(userId: string): void {
    const user = this.user(userId);
    user.removedAt = this.clock.now();
    user.teamIds = [];
    for (const record of this.liveKeys())
      if (record.kind === 'personal' && record.userId === userId)
        this.deleteKey(record.id, 'owner-removed-from-platform');
  }

  liveKeys(): ApiKeyRecord[] {
    return [...this.keys.values()].filter((record) => !record.deleted);
  }

  user(id: string): User {
    const user = this.users.get(id);
    if (!user) throw new Error(`No such user: ${id}`);
    return user;
  }

  team(id: string): Team {
    const team = this.teams.get(id);
    if (!team) throw new Error(`No such team: ${id}`);
    return team;
  }
}
