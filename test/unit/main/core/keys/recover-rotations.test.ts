import { describe, expect, it } from 'vitest';
import {
  recoverRotation,
  recoverRotations,
  type RecoverRotationsDeps,
} from '../../../../../src/main/core/keys/recover-rotations';
import {
  createRotationJournal,
  journalAccount,
  type RotationJournalEntry,
} from '../../../../../src/main/core/keys/rotation-journal';
import { createRotationsInFlight } from '../../../../../src/main/core/keys/rotations-in-flight';
import { ProblemError } from '../../../../../src/main/core/problem-error';
import type { SecretStore } from '../../../../../src/main/core/secrets/secret-store';

// The decisions of recovery that the crash test (test/integration/keys/rotation-crash.test.ts)
// does not reach with a real child: whose rotation it is, what it cannot read, what Veza
// refuses for good. An in-memory keychain and a recording Veza.

const holderId = '11111111-2222-4333-8444-555555555555';
const adminId = '66666666-7777-4888-9999-000000000000';
const at = '2025-03-04T10:00:00.000Z';

function entry(changes: Partial<RotationJournalEntry> = {}): RotationJournalEntry {
  return {
    v: 1,
    holderProfileId: holderId,
    holderProfileName: 'Acme HR sync',
    adminProfileId: adminId,
    oldKeyId: 'old-id',
    oldKeyName: 'HR sync',
    oldKey: {
      key: 'b2xkLWtleS1zZWNyZXQ=',
      fingerprint: { length: 20, last4: 'ZXQ=', savedAt: at, kind: 'team', keyId: 'old-id' },
    },
    newKeyName: 'HR sync (rotated 2025-03-04)',
    newKeyId: 'new-id',
    step: 'saved',
    startedAt: at,
    updatedAt: at,
    owner: { pid: 999_999 },
    ...changes,
  };
}

function setUp(options: { revoke?: (keyId: string) => void; alive?: boolean; now?: string } = {}) {
  const keychain = new Map<string, string>();
  const secrets: SecretStore = {
    get: async (account) => keychain.get(account),
    set: async (account, text) => void keychain.set(account, text),
    delete: async (account) => keychain.delete(account),
  };
  const revoked: string[] = [];
  const restored: unknown[] = [];
  const notices: unknown[] = [];
  const holder = { id: holderId, name: 'Acme HR sync' };
  const deps: RecoverRotationsDeps = {
    profiles: {
      state: () => ({ profiles: [holder], readOnly: false }) as never,
      get: (id) => (id === holderId ? (holder as never) : undefined),
      restoreKey: async (id, saved) => {
        restored.push({ id, saved });
        return holder as never;
      },
    },
    journal: createRotationJournal(secrets),
    revokeTeamKey: async (admin, keyId) => {
      expect(admin).toBe(adminId);
      options.revoke?.(keyId);
      revoked.push(keyId);
    },
    notify: (notice) => notices.push(notice),
    inFlight: createRotationsInFlight(),
    isAlive: () => options.alive ?? false,
    now: () => new Date(options.now ?? '2025-03-04T10:05:00.000Z'),
  };
  const put = (value: RotationJournalEntry | string) =>
    keychain.set(
      journalAccount(holderId),
      typeof value === 'string' ? value : JSON.stringify(value),
    );
  return { deps, keychain, revoked, restored, notices, put };
}

describe('recovering a rotation left unfinished', () => {
  it('leaves alone a rotation another live Veza Desk is running', async () => {
    const t = setUp({ alive: true });
    t.put(entry());
    expect(await recoverRotation(t.deps, holderId)).toEqual({ state: 'elsewhere' });
    expect(t.revoked).toEqual([]);
    expect(t.restored).toEqual([]);
    expect(t.keychain.has(journalAccount(holderId))).toBe(true);
  });

  it('takes over a "live" process id whose rotation stopped moving half an hour ago (a reused id)', async () => {
    const t = setUp({ alive: true, now: '2025-03-04T10:31:00.000Z' });
    t.put(entry());
    expect(await recoverRotation(t.deps, holderId)).toMatchObject({ state: 'settled' });
    expect(t.revoked).toEqual(['new-id']);
  });

  it('a journal of this very process (a clean-up left for later) is settled', async () => {
    const t = setUp({ alive: true });
    t.put(entry({ owner: { pid: process.pid }, oldKeyBack: true }));
    expect(await recoverRotation(t.deps, holderId)).toMatchObject({ state: 'settled' });
    // The old key was already back: the keychain is left alone, only Veza is asked.
    expect(t.restored).toEqual([]);
    expect(t.revoked).toEqual(['new-id']);
  });

  it('puts the old key back exactly as the journal holds it, then revokes the new', async () => {
    const t = setUp();
    t.put(entry());
    const result = await recoverRotation(t.deps, holderId);
    expect(result).toMatchObject({ state: 'settled', notice: { outcome: 'rolled-back' } });
    expect(t.restored).toEqual([{ id: holderId, saved: entry().oldKey }]);
    expect(t.revoked).toEqual(['new-id']);
    expect(t.keychain.size).toBe(0);
  });

  it('a key Veza deleted already counts as gone, not as a failure', async () => {
    const t = setUp({
      revoke: () => {
        throw ProblemError.of('HTTP_NOT_FOUND');
      },
    });
    t.put(entry({ step: 'verified' }));
    const result = await recoverRotation(t.deps, holderId);
    expect(result).toMatchObject({ state: 'settled', notice: { outcome: 'finished' } });
    if (result.state === 'settled') expect(result.notice.detail).toContain('no longer in Veza');
  });

  it('a refusal that will not pass (the Admin instance is gone) settles it, telling what to do by hand', async () => {
    const t = setUp({
      revoke: () => {
        throw ProblemError.of('PROFILE_NOT_FOUND');
      },
    });
    t.put(entry({ step: 'revoking-old' }));
    const result = await recoverRotation(t.deps, holderId);
    expect(result).toMatchObject({ state: 'settled', notice: { outcome: 'finished' } });
    if (result.state === 'settled') expect(result.notice.detail).toContain('revoke it in Veza');
    expect(t.keychain.size).toBe(0);
  });

  it('a record it cannot read is left untouched and reported', async () => {
    const t = setUp();
    t.put('{"v":2,"something":"else"}');
    const notices = await recoverRotations(t.deps);
    expect(notices).toEqual([expect.objectContaining({ outcome: 'pending' })]);
    expect(t.notices).toEqual(notices);
    expect(t.keychain.get(journalAccount(holderId))).toBe('{"v":2,"something":"else"}');
    expect(t.revoked).toEqual([]);
  });

  it('never names the key in what it tells the user', async () => {
    const t = setUp({
      revoke: () => {
        throw ProblemError.of('TCP_REFUSED');
      },
    });
    t.put(entry());
    const notices = await recoverRotations(t.deps);
    expect(notices).toEqual([expect.objectContaining({ outcome: 'pending' })]);
    expect(JSON.stringify(notices)).not.toContain(entry().oldKey.key);
    // Pending: the record stays, now saying the old key is back.
    const kept = JSON.parse(t.keychain.get(journalAccount(holderId)) as string);
    expect(kept.oldKeyBack).toBe(true);
  });
});
