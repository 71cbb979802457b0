// Who can call the simulated Veza: users with roles, teams, and the two kinds of API key.

/** Veza's built-in roles as the sandbox models them; `viewer` is the read-only one. */
export type RoleName = 'admin' | 'operator' | 'viewer' | 'access_reviewer' | 'oaa_push';

export interface Team {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
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
  /** Tombstone: kept so the 'specific' messages can say what happened to the key. */
  deleted?: { reason: KeyDeletionReason; at: Date };
}
