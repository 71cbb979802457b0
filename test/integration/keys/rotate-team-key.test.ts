import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../../support/profile-fixtures';
import { openKeysHarness, type KeysHarness } from './support/keys-harness';

// Rotation of a team key held by a saved instance, managed through an Admin's instance:
// create, save, verify, revoke the old; and the roll-back when the new key fails for real.
describe('rotating a team key', () => {
  let k: KeysHarness;
  let admin: string;
  let holder: string;
  let oldId: string;
  let oldSecret: string;
  beforeEach(async () => {
    k = await openKeysHarness();
    admin = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const created = await k.call('keys.createTeamKey', {
      profileId: admin,
      name: 'HR sync',
      teamId: k.sandbox.demo.teams.platform,
      saveAs: { kind: 'new-profile', name: 'Acme HR sync' },
      copyOnce: false,
    });
    holder = created.value.savedTo.profileId;
    oldId = created.value.key.id;
    oldSecret = (await k.h.profiles.readKey(holder)) as string;
  });
  afterEach(() => k.close());

  const statuses = (steps: { id: string; status: string }[]) =>
    Object.fromEntries(steps.map((step) => [step.id, step.status]));
  const progress = () =>
    k.h.events.filter((event) => event.name === 'keys.rotationProgress') as {
      payload: { keyId: string; steps: { id: string; status: string }[] };
    }[];

  it('creates, saves, verifies, then revokes the old key; every step is reported', async () => {
    const rotated = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.ok).toBe(true);
    expect(rotated.value.ok).toBe(true);
    expect(statuses(rotated.value.steps)).toEqual({
      create: 'passed',
      save: 'passed',
      verify: 'passed',
      'revoke-old': 'passed',
    });
    const newKey = rotated.value.newKey;
    expect(newKey.name).toMatch(/^HR sync \(rotated \d{4}-\d{2}-\d{2}\)$/);
    expect(newKey.heldBy).toEqual([{ profileId: holder, profileName: 'Acme HR sync' }]);

    const newSecret = (await k.h.profiles.readKey(holder)) as string;
    expect(newSecret).not.toBe(oldSecret);
    expect(k.sandbox.control.keyState(newSecret)).toBe('ACTIVE');
    expect(k.sandbox.control.keyState(oldSecret)).toBe('INACTIVE');
    expect(k.h.profiles.get(holder)?.key).toMatchObject({ kind: 'team', keyId: newKey.id });
    expect(k.h.profiles.get(holder)?.lastVerification?.code).toBe('OK_TEAM_KEY');

    // Live steps for the stepper: the first report has create running, the last all done.
    const reports = progress();
    expect(reports[0]?.payload.keyId).toBe(oldId);
    expect(statuses(reports[0]?.payload.steps ?? [])).toMatchObject({ create: 'running' });
    expect(statuses(reports.at(-1)?.payload.steps ?? [])['revoke-old']).toBe('passed');

    for (const secret of [oldSecret, newSecret]) {
      expect(JSON.stringify(k.answers)).not.toContain(secret);
      expect(JSON.stringify(k.h.events)).not.toContain(secret);
      expect(await filesContaining(k.h.home, secret)).toEqual([]);
    }
  });

  it('uses only calls Veza documents: the old key is found by listing, never by GET of its id', async () => {
    // A Veza without the undocumented GET of one team key (the simulator's default, made sure).
    k.sandbox.configure({ teamKeyGetById: false });
    const rotated = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.value.ok).toBe(true);
    const teamKeyCalls = k.sandbox.requests
      .filter((request) => request.path.startsWith('/api/preview/teamkeys'))
      .map((request) => `${request.method} ${request.path.split('?')[0]}`);
    expect(teamKeyCalls).toContain('GET /api/preview/teamkeys');
    expect(teamKeyCalls.filter((call) => /^GET \/api\/preview\/teamkeys\/./.test(call))).toEqual(
      [],
    );
  });

  it('a key Veza no longer lists: TEAM_KEY_NOT_FOUND, nothing changed', async () => {
    const deleted = await k.call('keys.deleteTeamKey', { profileId: admin, keyId: oldId });
    expect(deleted.ok).toBe(true);
    const rotated = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.ok).toBe(false);
    expect(rotated.problem.code).toBe('TEAM_KEY_NOT_FOUND');
    expect(rotated.problem.explanation).toContain('not in Veza');
    expect(await k.h.profiles.readKey(holder)).toBe(oldSecret);
  });

  it('takes a given name for the new key', async () => {
    const rotated = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
      newName: 'HR sync 2025',
    });
    expect(rotated.value.newKey.name).toBe('HR sync 2025');
  });

  it('rolls back when the new key fails verification: the old key stays, the new one is revoked', async () => {
    // Veza fails the new key's first call (the doctor's "who am I"): a real 500, not a stub.
    k.sandbox.faults.add({
      kind: 'serverError',
      status: 500,
      pathPrefix: '/api/v1/users/self',
      times: 1,
    });
    const before = k.h.profiles.get(holder)?.key;
    const rotated = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.ok).toBe(true);
    expect(rotated.value.ok).toBe(false);
    expect(statuses(rotated.value.steps)).toEqual({
      create: 'passed',
      save: 'passed',
      verify: 'failed',
      'revoke-old': 'skipped',
      'restore-old': 'passed',
      'revoke-new': 'passed',
    });
    const verifyStep = rotated.value.steps.find((step: { id: string }) => step.id === 'verify');
    expect(verifyStep.problem.code).toBe('SERVER_ERROR');

    // The old key is back, exactly as it was saved, and it still works.
    expect(await k.h.profiles.readKey(holder)).toBe(oldSecret);
    expect(k.h.profiles.get(holder)?.key).toEqual(before);
    expect(k.sandbox.control.keyState(oldSecret)).toBe('ACTIVE');
    expect(k.sandbox.control.keyState(rotated.value.newKey.id)).toBe('INACTIVE');
    const again = await k.call('doctor.verify', { id: holder });
    expect(again.value).toMatchObject({ ok: true, outcome: 'OK_TEAM_KEY' });
    expect(again.value.identity.keyId).toBe(oldId);
  });

  it('refuses to rotate for an instance that does not hold that key, changing nothing', async () => {
    const other = await k.addInstance('Acme OAA', k.sandbox.keys.team);
    const posts = () => k.sandbox.requests.filter((request) => request.method === 'POST').length;
    const before = posts();
    const refused = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: other,
    });
    expect(refused.problem.code).toBe('ROTATION_KEY_MISMATCH');
    expect(posts()).toBe(before);
    expect(k.sandbox.control.keyState(oldSecret)).toBe('ACTIVE');
  });

  it('a failed create changes nothing and says so', async () => {
    k.sandbox.faults.add({
      kind: 'serverError',
      status: 503,
      pathPrefix: '/api/preview/teamkeys',
      method: 'POST',
      times: 1,
    });
    const rotated = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.value.ok).toBe(false);
    expect(statuses(rotated.value.steps)).toEqual({
      create: 'failed',
      save: 'skipped',
      verify: 'skipped',
      'revoke-old': 'skipped',
    });
    expect(await k.h.profiles.readKey(holder)).toBe(oldSecret);
    expect(k.sandbox.control.keyState(oldSecret)).toBe('ACTIVE');
  });
});
