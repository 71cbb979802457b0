import type { VerificationResult } from '../../../shared/doctor/verification';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import type { RotationStep } from '../../../shared/keys/team-keys';
import { ProblemError } from '../problem-error';
import type { ProfileService } from '../profiles/profile-service';
import type { TeamKeysClient, VezaTeamKey } from '../veza/team-keys-client';
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
  now?: () => Date;
}

export interface RotateTeamKeyRequest {
  /** Veza's id of the team key being replaced. */
  keyId: string;
  /** The saved instance whose key is that team key; it gets the new one. */
  holderProfileId: string;
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

/** "HR sync (rotated 2025-03-04)": the old name and the day, so both keys can be told apart. */
export function rotatedName(oldName: string, at: Date): string {
  return `${oldName} (rotated ${at.toISOString().slice(0, 10)})`.slice(0, 200);
}

/**
 * Replaces a team key without a moment where the instance has no working key: create the new
 * key, save it for the instance that holds the old one, check it with the doctor, and only
 * then revoke the old one. If the new key does not pass, the old key goes back into the
 * keychain (it was never revoked, so it still works) and the new key is revoked in Veza.
 */
export async function rotateTeamKey(
  deps: RotateTeamKeyDeps,
  request: RotateTeamKeyRequest,
): Promise<RotateTeamKeyOutcome> {
  const { client, profiles } = deps;
  const now = deps.now ?? (() => new Date());
  const holder = profiles.require(request.holderProfileId);
  const oldKey = await profiles.savedKey(holder.id);
  // Checked before anything changes: the instance must hold exactly this team key.
  if (!oldKey || oldKey.fingerprint.keyId !== request.keyId)
    throw ProblemError.of('ROTATION_KEY_MISMATCH', { raw: `key ${request.keyId}` });
  const old = await client.getTeamKey(request.keyId);

  const steps = new RotationSteps(deps.onSteps);
  const outcome = (ok: boolean, newKey?: VezaTeamKey): RotateTeamKeyOutcome => ({
    ok,
    steps: steps.snapshot(),
    ...(newKey ? { newKey } : {}),
  });
  const cancelRequested = () => deps.signal?.aborted === true;
  const revokeNew = async (created: VezaTeamKey) => {
    steps.start('revoke-new');
    try {
      await client.revokeTeamKey(created.id);
      steps.pass('revoke-new', `"${created.name}" can no longer be used`);
    } catch (error) {
      steps.fail('revoke-new', problemOf(error), `Revoke "${created.name}" in Veza by hand`);
    }
  };

  if (cancelRequested()) {
    steps.skipRest(`${cancelledNote} Nothing was changed.`);
    return { ...outcome(false), cancelled: true };
  }
  steps.start('create');
  let created: { key: VezaTeamKey; accessKey: string };
  try {
    created = await client.createTeamKey(
      request.newName ?? rotatedName(old.name, now()),
      old.teamId,
    );
  } catch (error) {
    steps.fail('create', problemOf(error));
    steps.skipRest('Nothing was changed: the old key stays in use.');
    return outcome(false);
  }
  steps.pass('create', `"${created.key.name}"`);
  if (cancelRequested()) {
    steps.skipRest(cancelledNote);
    await revokeNew(created.key);
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
    await revokeNew(created.key);
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
      steps.fail('restore-old', problemOf(error));
    }
    await revokeNew(created.key);
  };
  const cancelAndRollBack = async (): Promise<RotateTeamKeyOutcome> => {
    steps.stop(cancelledNote);
    await rollBack();
    return { ...outcome(false, created.key), cancelled: true };
  };
  if (cancelRequested()) return cancelAndRollBack();

  steps.start('verify');
  let verdict: VerificationResult;
  try {
    verdict = await deps.verify(holder.id, deps.signal);
  } catch (error) {
    if (isCancel(error)) return cancelAndRollBack();
    throw error;
  }
  if (!verdict.ok) {
    steps.fail(
      'verify',
      verdict.problem ?? makeProblem('INTERNAL_ERROR'),
      'The new key did not pass: rolling back.',
    );
    steps.skipRest('Not done: the old key stays in use.');
    await rollBack();
    return outcome(false, created.key);
  }
  steps.pass('verify', verdict.keyKind === 'team' ? 'it works as a team key' : 'it works');
  if (cancelRequested()) return cancelAndRollBack();

  steps.start('revoke-old');
  try {
    await client.revokeTeamKey(old.id);
    steps.pass('revoke-old', `"${old.name}" can no longer be used`);
  } catch (error) {
    // The instance already uses the new, working key; only the clean-up is left to do.
    steps.fail(
      'revoke-old',
      problemOf(error),
      `The new key is in use. "${old.name}" still works: revoke it in Veza.`,
    );
  }
  return outcome(true, created.key);
}
