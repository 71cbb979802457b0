import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RotationJournalEntry } from '../../../src/main/core/keys/rotation-journal';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { filesContaining, keychainBinding, keychainKey } from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import {
  createTeamKeyHolder,
  failNextWhoAmI,
  journal,
  rotateUntilKilled,
  rotationNotices,
  setUpRotationScene,
  tearDownRotationScene,
  type Notice,
  type Relay,
} from './support/interrupted-rotation';

// A rotation killed (SIGKILL) at each of its step boundaries, in a child process running the
// app's services on a real keychain; then the app "starts again" on the same data folder and
// must finish or roll back what the child left, and say which. The simulated Veza runs here,
// behind a relay that can be switched off to make Veza unreachable (support/interrupted-rotation.ts).

describe('a rotation killed half-way is finished or rolled back at the next start', () => {
  let sandbox: Sandbox;
  let relay: Relay;
  let home: string;
  let h: ProfileHarness | undefined;
  let admin: string;
  let holder: string;
  let oldId: string;
  let oldSecret: string;
  let before: { key: unknown; lastVerification: unknown; binding: unknown };

  beforeEach(async () => {
    ({ sandbox, relay, home, admin, holder, oldId, oldSecret } = await setUpRotationScene(
      'veza-rotation-crash-',
      async (setup, scene) => {
        // A verdict on record, so the roll-back can be seen to put it back exactly.
        expect((await setup.call('doctor.verify', { id: scene.holder })).value.ok).toBe(true);
        const profile = setup.profiles.get(scene.holder);
        before = {
          key: profile?.key,
          lastVerification: profile?.lastVerification,
          binding: await keychainBinding(scene.holder),
        };
      },
    ));
  });

  afterEach(async () => {
    await h?.close({ keepFolder: true });
    h = undefined;
    // Whatever a failed test left in the real keychain goes with the folder.
    await tearDownRotationScene({ sandbox, relay, home, admin, holder });
  });

  const ids = () => ({ admin, holder, keyId: oldId });

  /** What the child left: the journal (it must be there) and the holder's keychain key. */
  async function leftByChild(): Promise<{ entry: RotationJournalEntry; saved: string }> {
    const read = await journal.read(holder);
    if (read.state !== 'found') throw new Error(`no journal after the kill: ${read.state}`);
    return { entry: read.entry, saved: (await keychainKey(holder)) as string };
  }

  /** "Starts the app again" on the folder and waits for what recovery tells the user. */
  async function startAgain(): Promise<{ harness: ProfileHarness; notices: Notice[] }> {
    await h?.close({ keepFolder: true });
    const harness = await openProfileHarness(home);
    h = harness;
    const notices = () => rotationNotices(harness);
    await vi.waitFor(() => expect(notices()).toHaveLength(1), { timeout: 15_000, interval: 50 });
    return { harness, notices: notices() };
  }

  const active = (...keys: (string | undefined)[]) =>
    keys.filter((key) => key !== undefined && sandbox.control.keyState(key) === 'ACTIVE');

  async function expectNowhere(harness: ProfileHarness, secrets: string[]) {
    for (const secret of secrets) {
      expect(await filesContaining(home, secret)).toEqual([]);
      expect(JSON.stringify(harness.events)).not.toContain(secret);
    }
  }

  async function expectWorkingKey(harness: ProfileHarness, keyId: string) {
    const verdict = await harness.call('doctor.verify', { id: holder });
    expect(verdict.value).toMatchObject({ ok: true, outcome: 'OK_TEAM_KEY' });
    expect(verdict.value.identity.keyId).toBe(keyId);
  }

  it.each([
    // pause at, the journal's step then, whether Veza made the new key yet
    ['creating', 'creating', false],
    ['created', 'created', true],
    ['saved', 'saved', true],
  ] as const)(
    'killed at "%s": rolled back, the old key exactly as it was, the new one revoked',
    async (pauseAt, step, made) => {
      await rotateUntilKilled(home, ids(), pauseAt);
      const { entry, saved } = await leftByChild();
      expect(entry.step).toBe(step);
      expect(entry.newKeyId !== undefined).toBe(made);
      // Killed after 'saved': the keychain held the new key, and the journal the old.
      if (step === 'saved') expect(saved).not.toBe(oldSecret);
      const newSecret = saved === oldSecret ? undefined : saved;

      const { harness, notices } = await startAgain();
      expect(notices[0]).toMatchObject({
        holderProfileName: 'Acme HR sync',
        outcome: 'rolled-back',
      });
      expect(await journal.read(holder)).toEqual({ state: 'none' });
      expect(await keychainKey(holder)).toBe(oldSecret);
      expect(await keychainBinding(holder)).toEqual(before.binding);
      expect(harness.profiles.get(holder)?.key).toEqual(before.key);
      expect(harness.profiles.get(holder)?.lastVerification).toEqual(before.lastVerification);
      expect(active(oldSecret, entry.newKeyId)).toEqual([oldSecret]);
      if (!made) {
        // Nothing reached Veza: the team has no rotated key at all.
        const listed = await harness.call('keys.listTeamKeys', { profileId: admin });
        expect(
          listed.value.keys.filter((key: { name: string }) => key.name.includes('(rotated')),
        ).toEqual([]);
      }
      await expectWorkingKey(harness, oldId);
      await expectNowhere(harness, [oldSecret, ...(newSecret ? [newSecret] : [])]);
    },
    60_000,
  );

  it.each([
    ['verified', 'verified'],
    ['revoking-old', 'revoking-old'],
    ['settling', 'revoking-old'],
  ] as const)(
    'killed at "%s": finished, the new key kept and the old one revoked',
    async (pauseAt, step) => {
      await rotateUntilKilled(home, ids(), pauseAt);
      const { entry, saved } = await leftByChild();
      expect(entry.step).toBe(step);
      expect(saved).not.toBe(oldSecret);

      const { harness, notices } = await startAgain();
      expect(notices[0]).toMatchObject({ holderProfileName: 'Acme HR sync', outcome: 'finished' });
      expect(await journal.read(holder)).toEqual({ state: 'none' });
      expect(await keychainKey(holder)).toBe(saved);
      expect(active(oldSecret, entry.newKeyId)).toEqual([entry.newKeyId]);
      await expectWorkingKey(harness, entry.newKeyId as string);
      await expectNowhere(harness, [oldSecret, saved]);
    },
    60_000,
  );

  it('killed while rolling back a new key that failed its check: the next start revokes it', async () => {
    // Veza fails the new key's first call (the doctor's "who am I"): the child rolls back.
    failNextWhoAmI(sandbox);
    await rotateUntilKilled(home, ids(), 'saved+old-key-back');
    const { entry, saved } = await leftByChild();
    expect(entry).toMatchObject({ step: 'saved', oldKeyBack: true });
    expect(saved).toBe(oldSecret);
    expect(active(oldSecret, entry.newKeyId)).toHaveLength(2);

    const { harness, notices } = await startAgain();
    expect(notices[0]?.outcome).toBe('rolled-back');
    expect(await journal.read(holder)).toEqual({ state: 'none' });
    expect(active(oldSecret, entry.newKeyId)).toEqual([oldSecret]);
    await expectWorkingKey(harness, oldId);
  }, 60_000);

  it.each([
    ['saved', 'rolled-back'],
    ['revoking-old', 'finished'],
  ] as const)(
    'killed at "%s" with Veza unreachable at the next start: kept as pending, settled the start after',
    async (pauseAt, outcome) => {
      await rotateUntilKilled(home, ids(), pauseAt);
      const { entry, saved } = await leftByChild();
      await relay.down();

      const first = await startAgain();
      expect(first.notices[0]).toMatchObject({ outcome: 'pending' });
      expect(first.notices[0]?.detail).toContain('next time it starts');
      const kept = await journal.read(holder);
      expect(kept.state).toBe('found');
      // Nothing was revoked: both keys still work, and the holder has one of them.
      expect(active(oldSecret, entry.newKeyId)).toHaveLength(2);
      const held = await keychainKey(holder);
      expect(held).toBe(outcome === 'rolled-back' ? oldSecret : saved);
      // A roll-back puts the old key back at once (it is in the keychain); only Veza waits.
      if (outcome === 'rolled-back' && kept.state === 'found')
        expect(kept.entry.oldKeyBack).toBe(true);

      await relay.up();
      const second = await startAgain();
      expect(second.notices[0]).toMatchObject({ outcome });
      expect(await journal.read(holder)).toEqual({ state: 'none' });
      expect(active(oldSecret, entry.newKeyId)).toEqual(
        outcome === 'rolled-back' ? [oldSecret] : [entry.newKeyId],
      );
      await expectWorkingKey(
        second.harness,
        outcome === 'rolled-back' ? oldId : (entry.newKeyId as string),
      );
      await expectNowhere(second.harness, [oldSecret, saved]);
      expect(JSON.stringify(first.harness.events)).not.toContain(oldSecret);
    },
    60_000,
  );
});

describe('a rotation whose clean-up Veza refuses for now keeps its journal', () => {
  let sandbox: Sandbox;
  let home: string;
  const opened: ProfileHarness[] = [];
  let holder = '';
  let admin = '';
  afterEach(async () => {
    for (const harness of opened.splice(0)) await harness.close({ keepFolder: true });
    await tearDownRotationScene({ sandbox, home, admin, holder });
  });

  const recovered = rotationNotices;

  /**
   * An instance holding a team key whose rotation failed its check and whose new key Veza
   * would not revoke (503): the rotation ends, its journal stays for later.
   */
  async function leaveUnrevokedNewKey() {
    sandbox = await startSandbox();
    home = await mkdtemp(path.join(os.tmpdir(), 'veza-rotation-later-'));
    const h = await openProfileHarness(home);
    opened.push(h);
    let oldId: string;
    let oldSecret: string;
    ({ admin, holder, oldId, oldSecret } = await createTeamKeyHolder(h, sandbox, sandbox.url));
    failNextWhoAmI(sandbox);
    // Revokes (POST /api/preview/teamkeys/<id>:revoke) answer "unavailable"; create does not.
    const down = sandbox.faults.add({
      kind: 'serverError',
      status: 503,
      pathPrefix: '/api/preview/teamkeys/',
      method: 'POST',
    });
    const rotated = await h.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.value.ok).toBe(false);
    const revokeNew = rotated.value.steps.find((step: { id: string }) => step.id === 'revoke-new');
    expect(revokeNew).toMatchObject({ status: 'failed' });
    expect(revokeNew.note).toContain('next time it starts');
    const newKeyId = rotated.value.newKey.id as string;
    expect(await keychainKey(holder)).toBe(oldSecret);
    const kept = await journal.read(holder);
    expect(kept).toMatchObject({ state: 'found', entry: { oldKeyBack: true, newKeyId } });
    expect(sandbox.control.keyState(newKeyId)).toBe('ACTIVE');
    return { h, oldId, oldSecret, newKeyId, veza: { up: () => sandbox.faults.remove(down) } };
  }

  it('the new key failed its check and could not be revoked: the next start revokes it', async () => {
    const { oldSecret, newKeyId, veza } = await leaveUnrevokedNewKey();
    veza.up();
    const next = await openProfileHarness(home);
    opened.push(next);
    await vi.waitFor(() => expect(recovered(next)).toHaveLength(1), {
      timeout: 15_000,
      interval: 50,
    });
    expect(recovered(next)[0]).toMatchObject({ outcome: 'rolled-back' });
    expect(sandbox.control.keyState(newKeyId)).toBe('INACTIVE');
    expect(sandbox.control.keyState(oldSecret)).toBe('ACTIVE');
    expect(await journal.read(holder)).toEqual({ state: 'none' });
    expect(await filesContaining(home, oldSecret)).toEqual([]);
  }, 60_000);

  it('rotating again in the same session settles the earlier one first, then rotates', async () => {
    const { h, oldId, oldSecret, newKeyId, veza } = await leaveUnrevokedNewKey();
    // Veza still refuses revokes: the earlier rotation cannot be settled, so none starts.
    const refused = await h.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(refused.ok).toBe(false);
    expect(refused.problem.code).toBe('SERVICE_UNAVAILABLE');
    expect(recovered(h).at(-1)).toMatchObject({ outcome: 'pending' });
    expect((await journal.read(holder)).state).toBe('found');

    veza.up();
    const rotated = await h.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
    });
    expect(rotated.value.ok).toBe(true);
    expect(recovered(h).at(-1)).toMatchObject({ outcome: 'rolled-back' });
    // The earlier new key is revoked, the old one too; only the newest works, and it is saved.
    expect(sandbox.control.keyState(newKeyId)).toBe('INACTIVE');
    expect(sandbox.control.keyState(oldSecret)).toBe('INACTIVE');
    expect(sandbox.control.keyState(rotated.value.newKey.id)).toBe('ACTIVE');
    expect(h.profiles.get(holder)?.key?.keyId).toBe(rotated.value.newKey.id);
    expect(await journal.read(holder)).toEqual({ state: 'none' });
  }, 60_000);
});
