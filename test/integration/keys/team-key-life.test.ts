import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../../support/profile-fixtures';
import { openKeysHarness, type KeysHarness } from './support/keys-harness';

// The whole life of a team key through the app's own calls, against the simulated Veza over
// real HTTP on 127.0.0.1, with the real keychain (with-keychain.sh).
describe('team keys through Veza Desk', () => {
  let k: KeysHarness;
  beforeEach(async () => {
    k = await openKeysHarness();
  });
  afterEach(() => k.close());

  /** The key is in the keychain and Veza, and in nothing main answered, emitted or wrote. */
  async function expectOnlyInMain(secret: string): Promise<void> {
    expect(JSON.stringify(k.answers)).not.toContain(secret);
    expect(JSON.stringify(k.h.events)).not.toContain(secret);
    expect(await filesContaining(k.h.home, secret)).toEqual([]);
  }

  it('lives a whole life: create into a new instance, verify, rename, revoke, reinstate, delete', async () => {
    const admin = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const { platform } = k.sandbox.demo.teams;

    const teams = await k.call('keys.listTeams', { profileId: admin });
    expect(teams.value.teams).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: platform })]),
    );

    const created = await k.call('keys.createTeamKey', {
      profileId: admin,
      name: 'HR sync',
      teamId: platform,
      saveAs: { kind: 'new-profile', name: 'Acme HR sync' },
      copyOnce: false,
    });
    expect(created.ok).toBe(true);
    const { key, savedTo, copied } = created.value;
    expect(copied).toBe(false);
    expect(key).toMatchObject({ name: 'HR sync', teamId: platform, status: 'active' });
    expect(key.createdBy).toMatchObject({ you: true, name: 'Alice Admin' });
    expect(savedTo.profileName).toBe('Acme HR sync');
    const holder = savedTo.profileId as string;

    // The key went straight into the keychain, for an instance with the same address.
    const secret = (await k.h.profiles.readKey(holder)) as string;
    expect(k.sandbox.control.keyState(secret)).toBe('ACTIVE');
    const saved = k.h.profiles.get(holder);
    expect(saved?.baseUrl).toBe(k.sandbox.url);
    expect(saved?.key).toMatchObject({ kind: 'team', keyId: key.id });

    const verified = await k.call('doctor.verify', { id: holder });
    expect(verified.value).toMatchObject({ ok: true, outcome: 'OK_TEAM_KEY', keyKind: 'team' });
    expect(verified.value.identity.keyId).toBe(key.id);

    const listed = await k.call('keys.listTeamKeys', { profileId: admin });
    const row = listed.value.keys.find((entry: { id: string }) => entry.id === key.id);
    expect(row).toMatchObject({
      status: 'active',
      teamName: 'Platform',
      heldBy: [{ profileId: holder, profileName: 'Acme HR sync' }],
    });
    expect(Date.parse(row.createdAt)).not.toBeNaN();

    expect(
      (await k.call('keys.renameTeamKey', { profileId: admin, keyId: key.id, name: 'HR (prod)' }))
        .ok,
    ).toBe(true);
    const renamed = await k.call('keys.listTeamKeys', { profileId: admin });
    expect(renamed.value.keys.map((entry: { name: string }) => entry.name)).toContain('HR (prod)');

    expect((await k.call('keys.revokeTeamKey', { profileId: admin, keyId: key.id })).ok).toBe(true);
    const refused = await k.call('doctor.verify', { id: holder });
    expect(refused.value).toMatchObject({ ok: false, outcome: 'AUTH_INVALID_KEY' });
    expect(refused.value.problem.detail.serverMessage).toMatch(/revoked/);
    const revokedRow = (await k.call('keys.listTeamKeys', { profileId: admin })).value.keys.find(
      (entry: { id: string }) => entry.id === key.id,
    );
    expect(revokedRow.status).toBe('revoked');

    expect((await k.call('keys.reinstateTeamKey', { profileId: admin, keyId: key.id })).ok).toBe(
      true,
    );
    expect((await k.call('doctor.verify', { id: holder })).value.outcome).toBe('OK_TEAM_KEY');

    expect((await k.call('keys.deleteTeamKey', { profileId: admin, keyId: key.id })).ok).toBe(true);
    expect(k.sandbox.control.keyState(secret)).toBe('DELETED');
    const after = await k.call('keys.listTeamKeys', { profileId: admin });
    expect(after.value.keys.map((entry: { id: string }) => entry.id)).not.toContain(key.id);
    const gone = await k.call('doctor.verify', { id: holder });
    expect(gone.value.problem.detail.serverMessage).toMatch(/deleted/);

    await expectOnlyInMain(secret);
  });

  it('a viewer cannot create: FORBIDDEN_ROLE in Veza’s words, and no key is made', async () => {
    const viewer = await k.addInstance('Acme (Victor)', k.sandbox.keys.viewer);
    const admin = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const before = (await k.call('keys.listTeamKeys', { profileId: admin })).value.keys.length;
    const refused = await k.call('keys.createTeamKey', {
      profileId: viewer,
      name: 'Not allowed',
      teamId: k.sandbox.demo.teams.platform,
      saveAs: { kind: 'new-profile', name: '' },
      copyOnce: false,
    });
    expect(refused.ok).toBe(false);
    expect(refused.problem.code).toBe('FORBIDDEN_ROLE');
    expect(refused.problem.detail.status).toBe(403);
    // Veza's own words say why: the role, and what it needs.
    expect(refused.problem.detail.serverMessage).toMatch(/viewer/);
    expect(refused.problem.detail.serverMessage).toMatch(/admin or operator/);
    expect(refused.problem.detail.serverResolution).toBeTruthy();
    expect(k.h.profiles.state().profiles).toHaveLength(2);
    expect((await k.call('keys.listTeamKeys', { profileId: admin })).value.keys).toHaveLength(
      before,
    );
  });

  it('a team key cannot manage keys: FORBIDDEN_TEAM_KEY, once the doctor knows its kind', async () => {
    const team = await k.addInstance('Acme OAA', k.sandbox.keys.team);
    await k.call('doctor.verify', { id: team });
    const refused = await k.call('keys.listTeamKeys', { profileId: team });
    expect(refused.problem.code).toBe('FORBIDDEN_TEAM_KEY');
  });

  it('copy once: main puts the key on the clipboard as a secret; no answer carries it', async () => {
    const admin = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const created = await k.call('keys.createTeamKey', {
      profileId: admin,
      name: 'For a script',
      teamId: k.sandbox.demo.teams.platform,
      saveAs: { kind: 'none' },
      copyOnce: true,
    });
    expect(created.value.copied).toBe(true);
    expect(created.value.savedTo).toBeUndefined();
    expect(k.h.clipboard).toHaveLength(1);
    const [entry] = k.h.clipboard;
    expect(entry?.containsSecret).toBe(true);
    expect(k.sandbox.control.keyState(entry?.text ?? '')).toBe('ACTIVE');
    await expectOnlyInMain(entry?.text ?? '');
  });

  it('neither saved nor copied is refused before Veza makes a key', async () => {
    const admin = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const refused = await k.call('keys.createTeamKey', {
      profileId: admin,
      name: 'Lost',
      teamId: k.sandbox.demo.teams.platform,
      saveAs: { kind: 'none' },
      copyOnce: false,
    });
    expect(refused.problem.code).toBe('IPC_INVALID_ARGUMENT');
    expect(k.sandbox.requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('saves into an existing instance of the same address; another address is refused first', async () => {
    const admin = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const existing = await k.addInstance('Acme OAA', k.sandbox.keys.team);
    const elsewhere = (
      await k.h.profiles.create({
        name: 'Other instance',
        address: 'https://other.example',
        colour: '#2457c5',
        production: false,
        notes: '',
      })
    ).id;
    const args = {
      profileId: admin,
      name: 'Into existing',
      teamId: k.sandbox.demo.teams.platform,
      copyOnce: false,
    };
    const refused = await k.call('keys.createTeamKey', {
      ...args,
      saveAs: { kind: 'existing-profile', id: elsewhere },
    });
    expect(refused.problem.code).toBe('KEY_TARGET_OTHER_INSTANCE');
    expect(k.sandbox.requests.some((request) => request.method === 'POST')).toBe(false);

    const created = await k.call('keys.createTeamKey', {
      ...args,
      saveAs: { kind: 'existing-profile', id: existing },
    });
    expect(created.value.savedTo.profileId).toBe(existing);
    const secret = (await k.h.profiles.readKey(existing)) as string;
    expect(secret).not.toBe(k.sandbox.keys.team);
    expect(k.sandbox.control.keyState(secret)).toBe('ACTIVE');
    expect(k.h.profiles.get(existing)?.key?.keyId).toBe(created.value.key.id);
    await expectOnlyInMain(secret);
  });
});
