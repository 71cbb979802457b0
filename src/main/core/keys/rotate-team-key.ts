import type { VerificationResult } from '../../../shared/doctor/verification';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import type { RotationStep } from '../../../shared/keys/team-keys';
import { ProblemError } from '../problem-error';
import type { ProfileService } from '../profiles/profile-service';
import type { TeamKeysClient, VezaTeamKey } from '../veza/team-keys-client';
import { worthRetrying } from './recover-rotations';
import type { JournalStep, RotationJournal, RotationJournalEntry } from './rotation-journal';
import { RotationSteps } from './rotation-steps';

export interface RotateTeamKeyDeps {
  /** The team key calls, made with the key of an Admin's or Operator's instance. */
  client: TeamKeysClient;
  profiles: ProfileService;
  /**
   * The connection doctor on a saved instance (records its verdict there); throws
   * REQUEST_CANCELLED when `signal` stopped it.
   */
  verify: (profileId: string, signal?: AbortSignal) => Promise<VerificationResult>;
  onSteps?: (steps: RotationStep[]) => void;
  /**
   * The user's cancel. Looked at between steps only: a create or revoke already sent is let
   * finish (stopping it half-way would leave a key in Veza nobody knows of). Before the old key
   * is revoked, a cancel rolls back like a failed check; from then on it changes nothing.
   */
  signal?: AbortSignal;
  /**
   * The rotation's record in the keychain, written before each step is taken and removed when
   * the rotation has settled, so a rotation the app did not finish is finished or rolled back
   * at the next start (recover-rotations.ts).
   */
  journal: RotationJournal;
  now?: () => Date;
}

export interface RotateTeamKeyRequest {
  /** Veza's id of the team key being replaced. */
  keyId: string;
  /** The saved instance whose key is that team key; it gets the new one. */
  holderProfileId: string;
  /** The Admin's or Operator's instance whose key `client` uses (recorded for recovery). */
  adminProfileId: string;
  newName?: string;
}

export interface RotateTeamKeyOutcome {
  ok: boolean;
  /** The user cancelled it and it was rolled back. */
  cancelled?: boolean;
  steps: RotationStep[];
  newKey?: VezaTeamKey;
}

const cancelledNote = 'Cancelled: the old key stays in use.';

const isCancel = (error: unknown): boolean =>
  error instanceof ProblemError && error.problem.code === 'REQUEST_CANCELLED';

const problemOf = (error: unknown): Problem => {
  if (error instanceof ProblemError) return error.problem;
  return makeProblem('INTERNAL_ERROR', { raw: 'rotation step failed' });
};

const laterNote = 'Veza Desk tries again the next time it starts.';

/** "HR sync (rotated 2025-03-04)": the old name and the day, so both keys can be told apart. */
export function rotatedName(oldName: string, at: Date): string {
  return `${oldName} (rotated ${at.toISOString().slice(0, 10)})`.slice(0, 200);
}

/**
 * Replaces a team key without a moment where the instance has no working key: create the new
 * key, save it for the instance that holds the old one, check it with the doctor, and only
 * then revoke the old one. If the new key does not pass, the old key goes back into the
 * keychain (it was never revoked, so it still works) and the new key is revoked in Veza.
 *
 * Each step is recorded in the rotation journal (a keychain entry holding the old key) before
 * it is taken. Nothing is done that the journal on record does not cover: if the app dies,
 * the next start rolls back a rotation whose new key was not yet proven, and finishes one
 * whose new key passed. The journal goes once the rotation has settled; a clean-up Veza
 * refused for now (a revoke while it is unreachable) keeps it, for the next start to finish.
 */
export async function rotateTeamKey(
  deps: RotateTeamKeyDeps,
  request: RotateTeamKeyRequest,
): Promise<RotateTeamKeyOutcome> {
  const { client, profiles, journal } = deps;
  const now = deps.now ?? (() => new Date());
  const holder = profiles.require(request.holderProfileId);
  const oldKey = await profiles.savedKey(holder.id);
  // Checked before anything changes: the instance must hold exactly this team key.
  if (!oldKey || oldKey.fingerprint.keyId !== request.keyId)
    throw ProblemError.of('ROTATION_KEY_MISMATCH', { raw: `key ${request.keyId}` });
  const old = await client.findTeamKey(request.keyId);

  const steps = new RotationSteps(deps.onSteps);
  const outcome = (ok: boolean, newKey?: VezaTeamKey): RotateTeamKeyOutcome => ({
    ok,
    steps: steps.snapshot(),
    ...(newKey ? { newKey } : {}),
  });
  const cancelRequested = () => deps.signal?.aborted === true;

  if (cancelRequested()) {
    steps.skipRest(`${cancelledNote} Nothing was changed.`);
    return { ...outcome(false), cancelled: true };
  }

  const newName = request.newName ?? rotatedName(old.name, now());
  const startedAt = now().toISOString();
  const entry: RotationJournalEntry = {
    v: 1,
    holderProfileId: holder.id,
    holderProfileName: holder.name,
    adminProfileId: request.adminProfileId,
    oldKeyId: old.id,
    oldKeyName: old.name,
    oldKey,
    newKeyName: newName,
    step: 'creating',
    startedAt,
    updatedAt: startedAt,
    owner: { pid: process.pid },
  };
  const record = async (step: JournalStep, changes: Partial<RotationJournalEntry> = {}) => {
    Object.assign(entry, changes, { step, updatedAt: now().toISOString() });
    await journal.write(entry);
  };
  /** The rotation has settled: its record goes (if that fails, the next start settles it again). */
  const settled = () => journal.remove(holder.id).catch(() => {});
  /** Whether the record is kept because a clean-up is left for the next start. */
  let keepRecord = false;
  const leaveForLater = (error: unknown): boolean => {
    const later = worthRetrying(problemOf(error));
    if (later) keepRecord = true;
    return later;
  };

  // Recorded before Veza is asked: without the record, nothing happens.
  await record('creating');
  steps.start('create');
  let created: { key: VezaTeamKey; accessKey: string };
  try {
    created = await client.createTeamKey(newName, old.teamId);
  } catch (error) {
    steps.fail('create', problemOf(error));
    steps.skipRest('Nothing was changed: the old key stays in use.');
    await settled();
    return outcome(false);
  }
  steps.pass('create', `"${created.key.name}"`);

  const revokeNew = async () => {
    steps.start('revoke-new');
    try {
      await client.revokeTeamKey(created.key.id);
      steps.pass('revoke-new', `"${created.key.name}" can no longer be used`);
    } catch (error) {
      const later = leaveForLater(error);
      steps.fail(
        'revoke-new',
        problemOf(error),
        later
          ? `"${created.key.name}" still works. ${laterNote} Or revoke it in Veza.`
          : `Revoke "${created.key.name}" in Veza by hand`,
      );
    }
  };
  /** Stops before the new key was saved: the holder never lost the old key. */
  const stopUnsaved = async (): Promise<void> => {
    await record('created', { oldKeyBack: true }).catch(() => {});
    await revokeNew();
    if (!keepRecord) await settled();
  };

  try {
    await record('created', { newKeyId: created.key.id });
  } catch (error) {
    steps.fail('save', problemOf(error), 'The old key is still saved for this instance.');
    steps.skipRest('Stopped: the rotation could not be recorded in the keychain.');
    await stopUnsaved();
    return outcome(false, created.key);
  }
  if (cancelRequested()) {
    steps.skipRest(cancelledNote);
    await stopUnsaved();
    return { ...outcome(false, created.key), cancelled: true };
  }

  steps.start('save');
  try {
    await profiles.setKey(
      holder.id,
      { apiKey: created.accessKey, acceptAsIs: true },
      { kind: 'team', keyId: created.key.id },
    );
  } catch (error) {
    // setKey leaves the old key in the keychain when it fails.
    steps.fail('save', problemOf(error), 'The old key is still saved for this instance.');
    steps.skipRest('Stopped: the new key was not saved.');
    await stopUnsaved();
    return outcome(false, created.key);
  }
  steps.pass('save', `for ${holder.name}`);

  // From here on the keychain holds the new key: stopping means putting the old one back.
  const rollBack = async (): Promise<void> => {
    steps.start('restore-old');
    try {
      await profiles.restoreKey(holder.id, oldKey);
      steps.pass('restore-old', `${holder.name} uses the old key again`);
    } catch (error) {
      // The record still says to put it back: the next start does, and revokes the new key.
      keepRecord = true;
      steps.fail(
        'restore-old',
        problemOf(error),
        'The new key stays saved for now: Veza Desk puts the old key back and revokes the new one the next time it starts.',
      );
      return;
    }
    await record(entry.step, { oldKeyBack: true }).catch(() => {});
    await revokeNew();
    if (!keepRecord) await settled();
  };
  const cancelAndRollBack = async (): Promise<RotateTeamKeyOutcome> => {
    steps.stop(cancelledNote);
    await rollBack();
    return { ...outcome(false, created.key), cancelled: true };
  };
  const failAndRollBack = async (
    id: 'verify',
    problem: Problem,
    note: string,
  ): Promise<RotateTeamKeyOutcome> => {
    steps.fail(id, problem, note);
    steps.skipRest('Not done: the old key stays in use.');
    await rollBack();
    return outcome(false, created.key);
  };

  try {
    await record('saved');
  } catch (error) {
    return failAndRollBack(
      'verify',
      problemOf(error),
      'Stopped: the rotation could not be recorded.',
    );
  }
  if (cancelRequested()) return cancelAndRollBack();

  steps.start('verify');
  let verdict: VerificationResult;
  try {
    verdict = await deps.verify(holder.id, deps.signal);
  } catch (error) {
    if (isCancel(error)) return cancelAndRollBack();
    return failAndRollBack(
      'verify',
      problemOf(error),
      'The new key could not be checked: rolling back.',
    );
  }
  if (!verdict.ok)
    return failAndRollBack(
      'verify',
      verdict.problem ?? makeProblem('INTERNAL_ERROR'),
      'The new key did not pass: rolling back.',
    );
  steps.pass('verify', verdict.keyKind === 'team' ? 'it works as a team key' : 'it works');
  // The last moment a cancel rolls back: once 'verified' is on record, the rotation finishes.
  if (cancelRequested()) return cancelAndRollBack();
  try {
    await record('verified');
  } catch (error) {
    // The record still says 'saved' (roll back), so the old key must not be revoked now.
    return failAndRollBack(
      'verify',
      problemOf(error),
      'Stopped: the rotation could not be recorded.',
    );
  }

  // 'verified' covers revoking the old key already; 'revoking-old' says it was being sent.
  await record('revoking-old').catch(() => {});
  steps.start('revoke-old');
  try {
    await client.revokeTeamKey(old.id);
    steps.pass('revoke-old', `"${old.name}" can no longer be used`);
  } catch (error) {
    // The instance already uses the new, working key; only the clean-up is left to do.
    const later = leaveForLater(error);
    steps.fail(
      'revoke-old',
      problemOf(error),
      later
        ? `The new key is in use. "${old.name}" still works: ${laterNote} Or revoke it in Veza.`
        : `The new key is in use. "${old.name}" still works: revoke it in Veza.`,
    );
  }
  if (!keepRecord) await settled();
  return outcome(true, created.key);
}
