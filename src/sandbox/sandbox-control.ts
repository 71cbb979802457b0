import type { IdentityStore, CreatedKey } from './model/identity-store';
import type { NewTeamOptions, RoleName } from './model/identity-types';

// What tests (and the demo) may do to identities behind the API's back, so each case the
// doctor and the keys view must explain can be set up in one line.

export type KeyState = 'ACTIVE' | 'INACTIVE' | 'DELETED' | 'UNKNOWN';

export interface SandboxControl {
  /** A non-root team; `providerIds` makes it PROVIDER_ID_SET (its keys see only those). */
  createTeam(
    name: string,
    description?: string,
    options?: Omit<NewTeamOptions, 'root'>,
  ): { id: string; name: string };
  createUser(input: { name: string; email?: string; roles: RoleName[]; teamIds?: string[] }): {
    id: string;
  };
  setUserRoles(userId: string, roles: RoleName[]): void;
  addUserToTeam(userId: string, teamId: string): void;
  /** A personal key: acts as `userId` with their roles, scoped to `teamId` (a team they are in). */
  createPersonalKey(input: { userId: string; teamId: string; name?: string }): CreatedKey;
  /** A team key (role oaa_push); `createdBy` defaults to the demo admin. */
  createTeamKey(input: { teamId: string; name?: string; createdBy?: string }): CreatedKey;
  /** Each takes a key id or the key text. */
  revokeKey(idOrKey: string): void;
  reinstateKey(idOrKey: string): void;
  deleteKey(idOrKey: string): void;
  renameKey(idOrKey: string, name: string): void;
  keyState(idOrKey: string): KeyState;
  /** Deletes the user's personal keys scoped to that team (team keys stay). */
  removeUserFromTeam(userId: string, teamId: string): void;
  /** Deletes all the user's personal keys. */
  removeUserFromPlatform(userId: string): void;
}

export function createSandboxControl(store: IdentityStore, defaultCreator: string): SandboxControl {
  return {
    createTeam: (name, description, options) => {
      const team = store.createTeam(name, description, { providerIds: options?.providerIds });
      return { id: team.id, name: team.name };
    },
    createUser: (input) => ({ id: store.createUser(input).id }),
    setUserRoles: (userId, roles) => store.setUserRoles(userId, roles),
    addUserToTeam: (userId, teamId) => store.addUserToTeam(userId, teamId),
    createPersonalKey: (input) => store.createKey('personal', input),
    createTeamKey: ({ teamId, name, createdBy }) =>
      store.createKey('team', { teamId, name, userId: createdBy ?? defaultCreator }),
    revokeKey: (idOrKey) => void store.setKeyStatus(idOrKey, 'INACTIVE'),
    reinstateKey: (idOrKey) => void store.setKeyStatus(idOrKey, 'ACTIVE'),
    deleteKey: (idOrKey) => store.deleteKey(idOrKey),
    renameKey: (idOrKey, name) => void store.renameKey(idOrKey, name),
    keyState: (idOrKey) => {
      const record = store.findKey(idOrKey);
      if (!record) return 'UNKNOWN';
      return record.deleted ? 'DELETED' : record.status;
    },
    removeUserFromTeam: (userId, teamId) => store.removeUserFromTeam(userId, teamId),
    removeUserFromPlatform: (userId) => store.removeUserFromPlatform(userId),
  };
}
