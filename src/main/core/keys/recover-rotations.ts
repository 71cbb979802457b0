import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import { ProblemError } from '../problem-error';
import type { ProfileService } from '../profiles/profile-service';
import {
  newKeyProven,
  savedKeyOf,
  type RotationJournal,
  type RotationJournalEntry,
} from './rotation-journal';
import { rotationsInFlight, type RotationsInFlight } from './rotations-in-flight';

/** What became of a rotation the app did not finish, as the user is told. */
export interface RotationRecoveredNotice {
  holderProfileName: string;
  /** finished: the new key stays, the old is revoked; rolled-back: the old key is back. */
  outcome: 'finished' | 'rolled-back' | 'pending';
  detail: string;
}

export interface RecoverRotationsDeps {
  profiles: Pick<ProfileService, 'state' | 'get' | 'restoreKey'>;
  journal: RotationJournal;
  /** Revokes a team key in Veza with the Admin's instance, as the keys view does. */
  revokeTeamKey: (adminProfileId: string, keyId: string) => Promise<void>;
  /** Each outcome: the window's `keys.rotationRecovered`, or a CLI's output. */
  notify?: (notice: RotationRecoveredNotice) => void;
  /** Rotations of this process (a holder being rotated here is left alone). */
  inFlight?: RotationsInFlight;
  /** Whether a process runs (default: signal 0). */
  isAlive?: (pid: number) => boolean;
  now?: () => Date;
}

export type RecoveryResult =
  | { state: 'none' }
  /** The rotation was finished or rolled back; its journal is gone. */
  | { state: 'settled'; notice: RotationRecoveredNotice }
  /** Veza (or the keychain) could not be used: the journal stays for the next start. */
  | { state: 'pending'; notice: RotationRecoveredNotice; problem: Problem }
  /** An entry this version cannot read: left untouched. */
  | { state: 'unreadable'; notice: RotationRecoveredNotice }
  /** Another Veza Desk (a CLI, a second app) is running this rotation right now. */
  | { state: 'elsewhere' };

/**
 * A journal written by another live process in the last half hour is its rotation in
 * progress; older, the process id has been reused (after a restart) and the rotation is dead.
 */
const liveRotationMs = 30 * 60_000;

const noticeDetailMax = 2000;

/**
 * Refusals that will not go away by trying again (the Admin's instance is gone, its key
 * refused): the user is told what to do by hand. Any other failure (the network, Veza busy or
 * down, the keychain locked) is tried again the next time the app starts.
 */
const refusals = new Set<string>([
  'PROFILE_NOT_FOUND',
  'KEY_MISSING',
  'AUTH_INVALID_KEY',
  'AUTH_MALFORMED_KEY',
  'FORBIDDEN_TEAM_KEY',
  'FORBIDDEN_ROLE',
  'HTTP_BAD_REQUEST',
]);

export const problemOf = (error: unknown): Problem =>
  error instanceof ProblemError
    ? error.problem
    : makeProblem('INTERNAL_ERROR', { raw: 'rotation recovery step failed' });

/** Whether a failed step is worth trying again later (the journal is kept for it). */
export const worthRetrying = (problem: Problem): boolean =>
  problem.code !== 'HTTP_NOT_FOUND' && !refusals.has(problem.code);

type Revoked =
  | { kind: 'revoked' }
  /** Veza no longer knows the key (deleted): nothing is left to revoke. */
  | { kind: 'gone' }
  | { kind: 'refused'; problem: Problem }
  | { kind: 'unreachable'; problem: Problem };

async function tryRevoke(
  deps: RecoverRotationsDeps,
  adminProfileId: string,
  keyId: string,
): Promise<Revoked> {
  try {
    await deps.revokeTeamKey(adminProfileId, keyId);
    return { kind: 'revoked' };
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'HTTP_NOT_FOUND') return { kind: 'gone' };
    return worthRetrying(problem) ? { kind: 'unreachable', problem } : { kind: 'refused', problem };
  }
}

const defaultIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const clip = (text: string) =>
  text.length > noticeDetailMax ? `${text.slice(0, noticeDetailMax - 1)}…` : text;

const tryAgain = 'Veza Desk tries again the next time it starts.';

/**
 * Finishes or rolls back the rotation recorded for one holder. The caller makes sure no
 * rotation of that holder runs in this process (rotationsInFlight).
 */
export async function recoverRotation(
  deps: RecoverRotationsDeps,
  holderProfileId: string,
): Promise<RecoveryResult> {
  const now = deps.now ?? (() => new Date());
  const isAlive = deps.isAlive ?? defaultIsAlive;
  const holder = deps.profiles.get(holderProfileId);
  // Throws when the keychain cannot be read: nothing is known, so nothing is touched.
  const read = await deps.journal.read(holderProfileId);
  if (read.state === 'none') return { state: 'none' };
  if (read.state === 'unreadable') {
    return {
      state: 'unreadable',
      notice: {
        holderProfileName: holder?.name ?? 'An instance',
        outcome: 'pending',
        detail: clip(
          'Veza Desk found a record of a key rotation it cannot read (from another version of Veza Desk?), so it changed nothing. Check the instance with Verify, and in Veza revoke any team key of this instance that no instance uses.',
        ),
      },
    };
  }
  const entry = read.entry;
  const age = now().getTime() - Date.parse(entry.updatedAt);
  if (entry.owner.pid !== process.pid && isAlive(entry.owner.pid) && age < liveRotationMs)
    return { state: 'elsewhere' };

  const name = entry.holderProfileName;
  const newKey = `the new key “${entry.newKeyName}”`;
  const oldKey = `the old key “${entry.oldKeyName}”`;
  const settle = async (notice: RotationRecoveredNotice): Promise<RecoveryResult> => {
    try {
      await deps.journal.remove(holderProfileId);
    } catch (error) {
      // Done in Veza and the keychain; the record goes next time (doing it again is harmless).
      return { state: 'pending', notice, problem: problemOf(error) };
    }
    return { state: 'settled', notice };
  };
  const pending = (detail: string, problem: Problem): RecoveryResult => ({
    state: 'pending',
    notice: { holderProfileName: name, outcome: 'pending', detail: clip(detail) },
    problem,
  });
  const record = async (changes: Partial<RotationJournalEntry>) => {
    Object.assign(entry, changes, { updatedAt: now().toISOString() });
    await deps.journal.write(entry);
  };

  if (newKeyProven(entry.step)) {
    // The new key passed the doctor and is saved for the holder: finish by revoking the old.
    const revoked = await tryRevoke(deps, entry.adminProfileId, entry.oldKeyId);
    const start = `Veza Desk stopped after ${newKey} was saved and checked. ${name} uses it`;
    if (revoked.kind === 'unreachable')
      return pending(
        `${start}, but ${oldKey} still works: it could not be revoked yet (${revoked.problem.title}). ${tryAgain}`,
        revoked.problem,
      );
    const end =
      revoked.kind === 'revoked'
        ? `, and ${oldKey} is now revoked.`
        : revoked.kind === 'gone'
          ? `; ${oldKey} is no longer in Veza.`
          : `. ${oldKey[0]?.toUpperCase()}${oldKey.slice(1)} still works and could not be revoked (${revoked.problem.title}): revoke it in Veza.`;
    return settle({ holderProfileName: name, outcome: 'finished', detail: clip(start + end) });
  }

  // The new key was never proven: the old key (never revoked) goes back, the new one is revoked.
  if (!entry.oldKeyBack && entry.step !== 'creating' && holder) {
    try {
      await deps.profiles.restoreKey(holder.id, savedKeyOf(entry));
    } catch (error) {
      const problem = problemOf(error);
      return pending(
        `Veza Desk stopped before ${newKey} was checked, and could not put the old key back yet (${problem.title}). ${tryAgain}`,
        problem,
      );
    }
    try {
      await record({ oldKeyBack: true });
    } catch {
      // Restoring again next time is harmless: the record still says to.
    }
  }
  const start =
    entry.step === 'creating' || !holder
      ? `Veza Desk stopped before the rotation of ${oldKey} got far: ${holder ? `${name} still uses the old key` : 'nothing was changed in the keychain'}`
      : `Veza Desk stopped before ${newKey} was checked, so the rotation was undone: ${name} uses the old key again`;
  if (!entry.newKeyId) {
    const maybe =
      entry.step === 'creating'
        ? ` If Veza lists a team key named “${entry.newKeyName}” that no instance uses, revoke it: Veza may have made it just before Veza Desk stopped.`
        : '';
    return settle({
      holderProfileName: name,
      outcome: 'rolled-back',
      detail: clip(`${start}.${maybe}`),
    });
  }
  const revoked = await tryRevoke(deps, entry.adminProfileId, entry.newKeyId);
  if (revoked.kind === 'unreachable')
    return pending(
      `${start}, but ${newKey} could not be revoked in Veza yet (${revoked.problem.title}). ${tryAgain}`,
      revoked.problem,
    );
  const end =
    revoked.kind === 'revoked'
      ? `, and ${newKey} was revoked.`
      : revoked.kind === 'gone'
        ? `; ${newKey} is no longer in Veza.`
        : `. ${newKey[0]?.toUpperCase()}${newKey.slice(1)} could not be revoked (${revoked.problem.title}): revoke it in Veza.`;
  return settle({ holderProfileName: name, outcome: 'rolled-back', detail: clip(start + end) });
}

/**
 * At start (and from the CLI): every rotation some Veza Desk did not finish, finished or
 * rolled back, and the user told which. Never throws; a rotation it cannot settle now is kept
 * for the next start and reported as pending.
 */
export async function recoverRotations(
  deps: RecoverRotationsDeps,
): Promise<RotationRecoveredNotice[]> {
  const inFlight = deps.inFlight ?? rotationsInFlight;
  const notices: RotationRecoveredNotice[] = [];
  for (const { id } of deps.profiles.state().profiles) {
    let result: RecoveryResult;
    try {
      result = await inFlight.run(id, () => recoverRotation(deps, id));
    } catch {
      continue;
    }
    if (result.state === 'none' || result.state === 'elsewhere') continue;
    notices.push(result.notice);
    try {
      deps.notify?.(result.notice);
    } catch {
      // A listener's failure does not stop the others.
    }
  }
  return notices;
}
