import type { IdentityStore } from './identity-store';

// The demo cast: one key for every case the doctor and the keys view must explain. Names are
// plainly made up; emails use example.com.

export const demoKeyNames = [
  'admin',
  'operator',
  'viewer',
  'team',
  'revoked',
  'deleted',
  'removedFromTeam',
  'removedFromPlatform',
] as const;
export type DemoKeyName = (typeof demoKeyNames)[number];
export type DemoKeys = Record<DemoKeyName, string>;

export interface DemoIdentities {
  keys: DemoKeys;
  keyIds: Record<DemoKeyName, string>;
  users: { alice: string; oscar: string; victor: string; tom: string; dora: string };
  teams: { platform: string; identityOps: string };
}

export function seedIdentities(store: IdentityStore): DemoIdentities {
  // Platform is the root team (administration/administration/users: the root team's members
  // may be admin, operator or access reviewer; other teams' only operator or viewer). Guess:
  // the demo's root team keeps the name Platform; a real root team's name is the tenant's.
  const platform = store.createTeam('Platform', 'Runs the identity platform and its integrations', {
    root: true,
  });
  const identityOps = store.createTeam('Identity Ops', 'Joiners, movers and leavers');
  const both = [platform.id, identityOps.id];
  const alice = store.createUser({ name: 'Alice Admin', roles: ['admin'], teamIds: both });
  const oscar = store.createUser({
    name: 'Oscar Operator',
    roles: ['operator'],
    teamIds: [platform.id],
  });
  // Viewer is not a root-team role, so Victor reads from Identity Ops (UNBOUND: every provider).
  const victor = store.createUser({
    name: 'Victor Viewer',
    roles: ['viewer'],
    teamIds: [identityOps.id],
  });
  const tom = store.createUser({ name: 'Tom Mover', roles: ['operator'], teamIds: both });
  const dora = store.createUser({
    name: 'Dora Leaver',
    roles: ['operator'],
    teamIds: [platform.id],
  });

  const personal = (userId: string, teamId: string, name: string) =>
    store.createKey('personal', { userId, teamId, name });
  const made = {
    admin: personal(alice.id, platform.id, 'Alice laptop'),
    operator: personal(oscar.id, platform.id, 'Oscar scripts'),
    viewer: personal(victor.id, identityOps.id, 'Victor reports'),
    team: store.createKey('team', {
      userId: alice.id,
      teamId: platform.id,
      name: 'OAA push (HR Portal)',
    }),
    revoked: personal(alice.id, platform.id, 'Alice old laptop'),
    deleted: personal(oscar.id, platform.id, 'Oscar retired script'),
    removedFromTeam: personal(tom.id, identityOps.id, 'Tom Identity Ops'),
    removedFromPlatform: personal(dora.id, platform.id, 'Dora automation'),
  };
  store.setKeyStatus(made.revoked.id, 'INACTIVE');
  store.deleteKey(made.deleted.id);
  store.removeUserFromTeam(tom.id, identityOps.id);
  store.removeUserFromPlatform(dora.id);

  const keys = {} as DemoKeys;
  const keyIds = {} as Record<DemoKeyName, string>;
  for (const name of demoKeyNames) {
    keys[name] = made[name].key;
    keyIds[name] = made[name].id;
  }
  return {
    keys,
    keyIds,
    users: { alice: alice.id, oscar: oscar.id, victor: victor.id, tom: tom.id, dora: dora.id },
    teams: { platform: platform.id, identityOps: identityOps.id },
  };
}
