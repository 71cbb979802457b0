import { useEffect, useId, useRef, useState } from 'react';
import {
  rotationStepLabels,
  type RotationResult,
  type RotationStep,
} from '../../../shared/keys/team-keys';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { useAction } from '../data/use-action';
import { cancelCall, newCallId } from '../data/long-calls';
import { StepList } from '../doctor/StepList';
import { ProblemCard } from '../problems/ProblemCard';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

const plannedSteps: RotationStep[] = (['create', 'save', 'verify', 'revoke-old'] as const).map(
  (id) => ({ id, status: 'pending' }),
);

/** Once the old key is being revoked there is nothing left to roll back to. */
const pastUndoing = (steps: RotationStep[]): boolean =>
  steps.some(
    (step) => step.id === 'revoke-old' && step.status !== 'pending' && step.status !== 'skipped',
  );

/**
 * Replaces a team key held by a saved instance: the user confirms once, then sees each step's
 * outcome live. Main does the steps in one go, so a roll-back never waits on a click. Cancel
 * works until the old key is being revoked: main then rolls back as after a failed check.
 */
export function RotateTeamKeyDialog({ profileId, teamKey, onClose }: TeamKeyDialogProps) {
  const id = useId();
  const [holderId, setHolderId] = useState(teamKey.heldBy[0]?.profileId ?? '');
  const [newName, setNewName] = useState('');
  const [steps, setSteps] = useState<RotationStep[]>(plannedSteps);
  const [phase, setPhase] = useState<'ready' | 'running' | 'done'>('ready');
  const [result, setResult] = useState<RotationResult | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const rotation = useAction('keys.rotateTeamKey');
  const callId = useRef<string | null>(null);
  const holder = teamKey.heldBy.find((entry) => entry.profileId === holderId);
  const others = teamKey.heldBy.filter((entry) => entry.profileId !== holderId);

  useEffect(
    () =>
      veza.on('keys.rotationProgress', (progress) => {
        if (progress.keyId === teamKey.id) setSteps(progress.steps);
      }),
    [teamKey.id],
  );

  const start = async () => {
    callId.current = newCallId();
    setPhase('running');
    await rotation.run(
      {
        profileId,
        keyId: teamKey.id,
        holderProfileId: holderId,
        ...(newName.trim() ? { newName: newName.trim() } : {}),
        callId: callId.current,
      },
      (value) => {
        setResult(value);
        setSteps(value.steps);
      },
    );
    callId.current = null;
    setPhase('done');
  };
  const failed = steps.filter((step) => step.status === 'failed' && step.problem);
  const tooLate = phase === 'running' && pastUndoing(steps);
  const close = () => {
    if (phase !== 'running') onClose(phase === 'done');
    else if (callId.current && !tooLate) {
      cancelCall(callId.current);
      setCancelling(true);
    }
  };

  return (
    <ModalDialog
      title={`Rotate the team key “${teamKey.name}”`}
      onClose={close}
      closeLabel={
        phase === 'done'
          ? 'Close'
          : phase === 'ready'
            ? 'Cancel'
            : cancelling
              ? 'Cancelling…'
              : 'Cancel rotation'
      }
      closeDisabled={phase === 'running' && (cancelling || tooLate)}
      actions={
        phase === 'ready' && (
          <button type="button" className="primary" disabled={!holder} onClick={() => void start()}>
            Rotate now
          </button>
        )
      }
    >
      {phase === 'ready' && (
        <>
          <p>
            Veza Desk makes a new key for the same team, saves it for the instance, checks it works,
            and only then revokes the old key. If the new key does not work, the old key stays in
            use and the new one is revoked.
          </p>
          {teamKey.heldBy.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-holder`}>Instance that gets the new key</label>
              <select
                id={`${id}-holder`}
                value={holderId}
                onChange={(event) => setHolderId(event.currentTarget.value)}
              >
                {teamKey.heldBy.map((entry) => (
                  <option key={entry.profileId} value={entry.profileId}>
                    {entry.profileName}
                  </option>
                ))}
              </select>
            </div>
          )}
          {others.length > 0 && (
            <p role="note">
              Also saved as the key of {others.map((entry) => entry.profileName).join(', ')}: those
              instances stop working when the old key is revoked.
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-name`}>Name of the new key (optional)</label>
            <input
              id={`${id}-name`}
              type="text"
              value={newName}
              maxLength={200}
              placeholder={`${teamKey.name} (rotated ${new Date().toISOString().slice(0, 10)})`}
              onChange={(event) => setNewName(event.currentTarget.value)}
            />
          </div>
        </>
      )}
      <StepList steps={steps} labels={rotationStepLabels} label="Rotation steps" />
      {phase === 'running' && (
        <p role="status">
          {tooLate
            ? 'Revoking the old key: it is too late to cancel.'
            : cancelling
              ? 'Cancelling: putting things back as they were…'
              : 'Rotating…'}
        </p>
      )}
      {result && (
        <p role="status" className={result.ok ? 'keys-done' : 'keys-rolled-back'}>
          {result.ok
            ? `Done: ${holder?.profileName ?? 'the instance'} now uses “${result.newKey?.name ?? 'the new key'}”.`
            : result.cancelled
              ? 'Cancelled. The old key is still in use; the steps below show what was undone.'
              : 'The rotation did not complete. The old key is still in use; see below.'}
        </p>
      )}
      {failed.map((step) => (
        <ProblemCard key={step.id} problem={step.problem as Problem} role="status" />
      ))}
      {rotation.problem && <ProblemCard problem={rotation.problem} />}
    </ModalDialog>
  );
}
