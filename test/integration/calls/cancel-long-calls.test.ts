import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/ipc/contract';
import { openKeysHarness, type KeysHarness } from '../keys/support/keys-harness';

// calls.cancel, the one way the window stops a long call, on each of them: Verify, Check all
// and a team key rotation (sends and page walks: send-requests.test.ts). Real dispatcher,
// keychain, transport and doctor against the simulated Veza over HTTP on 127.0.0.1.

type Step = { id: string; status: string };
const statuses = (steps: Step[]) => Object.fromEntries(steps.map((step) => [step.id, step.status]));

let k: KeysHarness;
beforeEach(async () => {
  k = await openKeysHarness();
});
afterEach(() => k.close());

/**
 * Runs `act` inside main's own event emit the first time `when` matches it: the cancel lands at
 * that exact point of the call, not after some sleep.
 */
function onEvent(name: EventName, when: (payload: never) => boolean, act: () => void): void {
  const events = k.h.events;
  const push = events.push.bind(events);
  let done = false;
  events.push = (...items) => {
    const length = push(...items);
    for (const item of items)
      if (!done && item.name === name && when(item.payload as never)) {
        done = true;
        act();
      }
    return length;
  };
}

const cancel = (callId: string) => void k.call('calls.cancel', { callId });

describe('cancelling Verify', () => {
  it('stops a check that waits on a server that never answers; nothing is recorded', async () => {
    const id = await k.addInstance('Acme', k.sandbox.keys.admin);
    const hang = k.sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users/self' });
    const callId = randomUUID();
    // A moment after the request went out, so the check really is waiting on the server.
    onEvent(
      'doctor.progress',
      (payload: { steps: Step[] }) => statuses(payload.steps).http === 'running',
      () => setTimeout(() => cancel(callId), 150),
    );
    const answer = await k.call('doctor.verify', { id, callId });
    expect(answer.ok).toBe(false);
    expect(answer.problem.code).toBe('REQUEST_CANCELLED');
    // A half-done check says nothing about the instance.
    expect(k.h.profiles.get(id)?.lastVerification).toBeUndefined();
    k.sandbox.faults.remove(hang);

    // The next check runs normally and is recorded.
    const again = await k.call('doctor.verify', { id, callId: randomUUID() });
    expect(again.value.ok).toBe(true);
    expect(k.h.profiles.get(id)?.lastVerification?.ok).toBe(true);
  });

  it('keeps the earlier verdict when a later check is cancelled', async () => {
    const id = await k.addInstance('Acme', k.sandbox.keys.admin);
    await k.call('doctor.verify', { id });
    const before = k.h.profiles.get(id)?.lastVerification;
    expect(before?.ok).toBe(true);
    k.sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users/self', times: 1 });
    const callId = randomUUID();
    onEvent(
      'doctor.progress',
      (payload: { steps: Step[] }) => statuses(payload.steps).http === 'running',
      () => cancel(callId),
    );
    expect((await k.call('doctor.verify', { id, callId })).problem.code).toBe('REQUEST_CANCELLED');
    expect(k.h.profiles.get(id)?.lastVerification).toEqual(before);
  });

  it('is harmless for an id that has ended or never existed', async () => {
    const id = await k.addInstance('Acme', k.sandbox.keys.admin);
    const callId = randomUUID();
    expect((await k.call('doctor.verify', { id, callId })).value.ok).toBe(true);
    expect((await k.call('calls.cancel', { callId })).ok).toBe(true);
    expect((await k.call('calls.cancel', { callId: randomUUID() })).ok).toBe(true);
    expect((await k.call('calls.cancel', { callId: 'not-an-id' })).problem.code).toBe(
      'IPC_INVALID_ARGUMENT',
    );
  });
});

describe('cancelling Check all', () => {
  it('answers the verdicts that landed, says it was cancelled, records nothing for the rest', async () => {
    const ids = [
      await k.addInstance('One', k.sandbox.keys.admin),
      await k.addInstance('Two', k.sandbox.keys.admin),
      await k.addInstance('Three', k.sandbox.keys.admin),
    ];
    // One of the three checks waits forever; the other two answer.
    k.sandbox.faults.add({ kind: 'hang', pathPrefix: '/api/v1/users/self', times: 1 });
    const callId = randomUUID();
    onEvent(
      'doctor.checked',
      (payload: { done: number }) => payload.done === 2,
      () => cancel(callId),
    );
    const answer = await k.call('doctor.checkAll', { callId });
    expect(answer.ok).toBe(true);
    expect(answer.value.cancelled).toBe(true);
    expect(answer.value.results).toHaveLength(2);
    const checked = answer.value.results.map((entry: { profileId: string }) => entry.profileId);
    const unchecked = ids.filter((id) => !checked.includes(id));
    expect(unchecked).toHaveLength(1);
    expect(k.h.profiles.get(unchecked[0] as string)?.lastVerification).toBeUndefined();
    for (const id of checked) expect(k.h.profiles.get(id)?.lastVerification?.ok).toBe(true);
  });

  it('an uncancelled run says nothing about cancelling', async () => {
    await k.addInstance('One', k.sandbox.keys.admin);
    const answer = await k.call('doctor.checkAll', { callId: randomUUID() });
    expect(answer.value).toEqual({
      results: [expect.objectContaining({ result: expect.anything() })],
    });
  });
});

describe('cancelling a team key rotation', () => {
  let admin: string;
  let holder: string;
  let oldId: string;
  let oldSecret: string;
  beforeEach(async () => {
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
    await k.call('doctor.verify', { id: holder });
  });

  const rotateCancellingWhen = async (stepId: string, status: string) => {
    const callId = randomUUID();
    onEvent(
      'keys.rotationProgress',
      (payload: { steps: Step[] }) => statuses(payload.steps)[stepId] === status,
      () => cancel(callId),
    );
    const answer = await k.call('keys.rotateTeamKey', {
      profileId: admin,
      keyId: oldId,
      holderProfileId: holder,
      callId,
    });
    expect(answer.ok).toBe(true);
    return answer.value as {
      ok: boolean;
      cancelled?: boolean;
      steps: Step[];
      newKey?: { id: string };
    };
  };

  const expectOldKeyInUse = async (newKeyId: string | undefined) => {
    expect(await k.h.profiles.readKey(holder)).toBe(oldSecret);
    expect(k.sandbox.control.keyState(oldSecret)).toBe('ACTIVE');
    expect(k.h.profiles.get(holder)?.key?.keyId).toBe(oldId);
    if (newKeyId) expect(k.sandbox.control.keyState(newKeyId)).toBe('INACTIVE');
    // The holder still works with the old key.
    expect((await k.call('doctor.verify', { id: holder })).value.ok).toBe(true);
  };

  it('while the new key is being created: the create finishes, then the new key is revoked', async () => {
    const result = await rotateCancellingWhen('create', 'running');
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(statuses(result.steps)).toEqual({
      create: 'passed',
      save: 'skipped',
      verify: 'skipped',
      'revoke-old': 'skipped',
      'revoke-new': 'passed',
    });
    await expectOldKeyInUse(result.newKey?.id);
  });

  it('while the new key is being checked: the check stops, the old key goes back, the new one is revoked', async () => {
    const verdictBefore = k.h.profiles.get(holder)?.lastVerification;
    const result = await rotateCancellingWhen('verify', 'running');
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(statuses(result.steps)).toEqual({
      create: 'passed',
      save: 'passed',
      verify: 'skipped',
      'revoke-old': 'skipped',
      'restore-old': 'passed',
      'revoke-new': 'passed',
    });
    // Putting the old key back keeps its saved verdict; the cancelled check recorded nothing.
    expect(k.h.profiles.get(holder)?.lastVerification?.at).not.toBe(undefined);
    expect(k.h.profiles.get(holder)?.lastVerification?.code).toBe(verdictBefore?.code);
    await expectOldKeyInUse(result.newKey?.id);
  });

  it('once the old key is being revoked it is too late: the rotation completes', async () => {
    const result = await rotateCancellingWhen('revoke-old', 'running');
    expect(result.ok).toBe(true);
    expect(result.cancelled).toBeUndefined();
    expect(statuses(result.steps)['revoke-old']).toBe('passed');
    expect(k.sandbox.control.keyState(oldSecret)).toBe('INACTIVE');
    expect(await k.h.profiles.readKey(holder)).not.toBe(oldSecret);
  });
});
