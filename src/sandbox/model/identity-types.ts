// Who can call the simulated Veza: users with roles, teams, and the two kinds of API key.

/** Veza's built-in roles as the sandbox models them; `viewer` is the read-only one. */
export type RoleName = 'admin' | 'operator' | 'viewer' | 'access_reviewer' | 'oaa_push';

/**
 * A team. The root team's members may be admin, operator or access reviewer; other teams'
 * only operator or viewer (administration/administration/users). A team's `policyType`
 * bounds what its keys see: UNBOUND = every provider, like the root team; PROVIDER_ID_SET =
 * only `providerIds` (developers/api/users-teams, Create Team).
 */
export interface Team {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  isRoot: boolean;
  policyType: 'UNBOUND' | 'PROVIDER_ID_SET';
  providerIds: string[];
  ssoAlias: string;
}

export interface NewTeamOptions {
  root?: boolean;
  /** Given: the team is PROVIDER_ID_SET with these providers; absent: UNBOUND. */
  providerIds?: string[];
}

export interface User {
  id: string;
  name: string;
  email: string;
  roles: RoleName[];
  teamIds: string[];
  /** Set when the user was removed from the platform (their personal keys died with it). */
  removedAt?: Date;
}

export type KeyKind = 'personal' | 'team';

/** Why a key no longer exists; the 'specific' auth messages tell these apart. */
export type KeyDeletionReason =
  'deleted' | 'owner-removed-from-team' | 'owner-removed-from-platform';

export interface ApiKeyRecord {
  id: string;
  kind: KeyKind;
  name: string;
  /** The base64 key text the client sends as the Bearer token. */
  secret: string;
  teamId: string;
  /** Personal keys: the owner, whose roles the key acts with. Team keys: who created it. */
  userId: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: Date;
  /** The last request made with the key (Veza's list shows it as last_access_at). */
  lastAccessAt?: Date;
  /** Tombstone: kept so the 'specific' messages can say what happened to the key. */
  deleted?: { reason: KeyDeletionReason; at: Date };
}
