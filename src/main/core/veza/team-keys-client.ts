import { clipText } from '../../../shared/ipc/bounds';
import {
  teamKeysListMax,
  vezaIdMaxLength,
  vezaNameMaxLength,
} from '../../../shared/keys/team-keys';
import { ProblemError } from '../problem-error';
import { listAllPages, type VezaCall } from './list-all-pages';

export type { VezaCall } from './list-all-pages';

/** Who made a team key, as far as the record says (each part may be missing). */
export interface VezaKeyCreator {
  id?: string;
  name?: string;
  email?: string;
}

/** A team key as Veza lists it (our reading of its fields; the key text is never among them). */
export interface VezaTeamKey {
  id: string;
  name: string;
  teamId: string;
  /** The team's name: Veza's documented list items carry `team_name`. */
  teamName?: string;
  /** ACTIVE or INACTIVE (revoked), as Veza spells it; '' when the record says neither. */
  status: string;
  createdAt?: string;
  /** Who created it, when the record says (Veza's docs show no such field: see readCreator). */
  createdBy?: VezaKeyCreator;
}

export interface VezaTeam {
  id: string;
  name: string;
}

/** Who the calling key acts as (users/self); only what the keys view needs. */
export interface VezaSelf {
  userId?: string;
  name?: string;
  email?: string;
}

type Loose = Record<string, unknown>;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const valueOf = (body: unknown): Loose => ((body as Loose | null)?.value ?? {}) as Loose;

const filled = (value: unknown): string | undefined => text(value)?.trim() || undefined;

/**
 * Who made the key. Veza's documented team key record (docs.veza.com, developers/api/users-teams/
 * team-api-keys: id, access_key, name, created_at, last_access_at, status, team_id, team_name)
 * has no field for it, so every name read here is a GUESS, kept for a Veza that adds one:
 * `created_by` as a user id or as an object {id, name, email}; `created_by_name` and
 * `created_by_email`; `user_id` (what Veza's personal key records carry, per its audit-log
 * example). With none of them the creator is unknown, and the view says Veza did not say.
 */
function readCreator(record: Loose): VezaKeyCreator | undefined {
  const nested =
    typeof record.created_by === 'object' && record.created_by !== null
      ? (record.created_by as Loose)
      : {};
  const creator: VezaKeyCreator = {};
  const id = filled(nested.id) ?? filled(record.created_by) ?? filled(record.user_id);
  const name = filled(nested.name) ?? filled(record.created_by_name);
  const email = filled(nested.email) ?? filled(record.created_by_email);
  if (id) creator.id = id;
  if (name) creator.name = name;
  if (email) creator.email = email;
  return id || name || email ? creator : undefined;
}

/** An id the window can hold (vezaIdSchema); a longer one is no id Veza Desk can act on. */
const idOf = (value: unknown): string | undefined => {
  const id = text(value);
  return id && id.length <= vezaIdMaxLength ? id : undefined;
};
const nameOf = (value: unknown): string | undefined => {
  const name = text(value);
  return name === undefined ? undefined : clipText(name, vezaNameMaxLength);
};

/**
 * The key's status. Veza's example answers spell it ("ACTIVE"); the OpenAPI rendering of the
 * same page (developers/api/users-teams/team-api-keys) shows a number (`"status": 1`), as
 * protobuf enums come out when not written as names. GUESS for the numbers: 1 ACTIVE,
 * 2 INACTIVE (0 is protobuf's "unspecified"); anything else reads as unknown.
 */
function readStatus(value: unknown): string {
  if (typeof value === 'number') return value === 1 ? 'ACTIVE' : value === 2 ? 'INACTIVE' : '';
  const status = text(value)?.trim().toUpperCase() ?? '';
  return status === 'ACTIVE' || status === 'INACTIVE' ? status : '';
}

function readTeamKey(raw: unknown): VezaTeamKey | undefined {
  const record = (raw ?? {}) as Loose;
  const id = idOf(record.id);
  if (!id) return undefined;
  const teamName = nameOf(filled(record.team_name));
  const createdBy = readCreator(record);
  return {
    id,
    name: nameOf(record.name) ?? '',
    teamId: idOf(record.team_id) ?? '',
    ...(teamName ? { teamName } : {}),
    status: readStatus(record.status),
    createdAt: text(record.created_at),
    ...(createdBy ? { createdBy } : {}),
  };
}

function readTeam(raw: unknown): VezaTeam | undefined {
  const record = (raw ?? {}) as Loose;
  const id = idOf(record.id);
  return id ? { id, name: nameOf(record.name) ?? id } : undefined;
}

// A safety stop for an endless list: 100 pages of 100 is more keys than any tenant has.
const maxPages = 100;

const listAll = <T>(
  call: VezaCall,
  path: string,
  read: (raw: unknown) => T | undefined,
  /** More of the query, already encoded (`filter=...`). */
  query = '',
) => listAllPages(call, path, read, { query, maxPages, maxItems: teamKeysListMax });

const teamKeysPath = '/api/preview/teamkeys';
const keyPath = (id: string) => `${teamKeysPath}/${encodeURIComponent(id)}`;

/**
 * Veza's team key calls (preview API) and the teams list the create form offers, over one
 * instance's key. The new key's text comes back from create only, to main's caller, which
 * saves it in the keychain at once.
 */
export function createTeamKeysClient(call: VezaCall) {
  return {
    listTeamKeys: () => listAll(call, teamKeysPath, readTeamKey),
    listTeams: () => listAll(call, '/api/v1/teams', readTeam),

    /**
     * One key, found by listing: Veza documents no GET of one team key. With its team known,
     * the list is filtered to that team (`filter=team_id eq "..."`, as Veza's docs show).
     */
    findTeamKey: async (id: string, teamId?: string): Promise<VezaTeamKey> => {
      const filter = teamId ? `filter=${encodeURIComponent(`team_id eq "${teamId}"`)}` : '';
      const { values } = await listAll(call, teamKeysPath, readTeamKey, filter);
      const key = values.find((candidate) => candidate.id === id);
      if (!key) {
        throw ProblemError.of('TEAM_KEY_NOT_FOUND', {
          raw: `No team key ${id} in the list of team keys${teamId ? ` of team ${teamId}` : ''}`,
        });
      }
      return key;
    },

    /** The one answer that holds the key text (`access_key`), shown once by Veza. */
    createTeamKey: async (
      name: string,
      teamId: string,
    ): Promise<{ key: VezaTeamKey; accessKey: string }> => {
      const value = valueOf(await call('POST', teamKeysPath, { name, team_id: teamId }));
      const key = readTeamKey(value);
      const accessKey = text(value.access_key);
      if (!key || !accessKey)
        throw ProblemError.of('HTTP_NOT_VEZA', {
          raw: 'Veza answered the new team key without its id or its access_key',
        });
      return { key, accessKey };
    },

    renameTeamKey: async (id: string, name: string): Promise<VezaTeamKey> => {
      const key = readTeamKey(valueOf(await call('PATCH', keyPath(id), { name })));
      return key ?? { id, name, teamId: '', status: '' };
    },
    revokeTeamKey: async (id: string): Promise<void> => {
      await call('POST', `${keyPath(id)}:revoke`);
    },
    reinstateTeamKey: async (id: string): Promise<void> => {
      await call('POST', `${keyPath(id)}:reinstate`);
    },
    deleteTeamKey: async (id: string): Promise<void> => {
      await call('DELETE', keyPath(id));
    },

    whoAmI: async (): Promise<VezaSelf> => {
      const value = valueOf(await call('GET', '/api/v1/users/self'));
      return { userId: filled(value.id), name: filled(value.name), email: filled(value.email) };
    },
  };
}

export type TeamKeysClient = ReturnType<typeof createTeamKeysClient>;
