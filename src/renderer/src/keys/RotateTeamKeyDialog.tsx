import { useEffect, useId, useState } from 'react';
import {
  rotationStepLabels,
  type RotationResult,
  type RotationStep,
} from '../../../shared/keys/team-keys';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { StepList } from '../doctor/StepList';
import { ProblemCard } from '../problems/ProblemCard';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

const plannedSteps: RotationStep[] = (['create', 'save', 'verify', 'revoke-old'] as const).map(
  (id) => ({ id, status: 'pending' }),
);

/**
 * Replaces a team key held by a saved instance: the user confirms once, then sees each step's
 * outcome live. Main does the steps in one go, so a roll-back never waits on a click.
 */
export function RotateTeamKeyDialog({ profileId, teamKey, onClose }: TeamKeyDialogProps) {
  const id = useId();
  const [holderId, setHolderId] = useState(teamKey.heldBy[0]?.profileId ?? '');
  const [newName, setNewName] = useState('');
  const [steps, setSteps] = useState<RotationStep[]>(plannedSteps);
  const [phase, setPhase] = useState<'ready' | 'running' | 'done'>('ready');
  const [result, setResult] = useState<RotationResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
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
    setPhase('running');
    const outcome = await veza.invoke('keys.rotateTeamKey', {
      profileId,
      keyId: teamKey.id,
      holderProfileId: holderId,
      ...(newName.trim() ? { newName: newName.trim() } : {}),
    });
    setPhase('done');
    if (outcome.ok) {
      setResult(outcome.value);
      setSteps(outcome.value.steps);
    } else setProblem(outcome.problem);
  };
  const failed = steps.filter((step) => step.status === 'failed' && step.problem);

  return (
    <ModalDialog
      title={`Rotate the team key “${teamKey.name}”`}
      onClose={() => onClose(phase === 'done')}
      closeLabel={phase === 'done' ? 'Close' : 'Cancel'}
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
      {phase === 'running' && <p role="status">Rotating…</p>}
      {result && (
        <p role="status" className={result.ok ? 'keys-done' : 'keys-rolled-back'}>
          {result.ok
            ? `Done: ${holder?.profileName ?? 'the instance'} now uses “${result.newKey?.name ?? 'the new key'}”.`
            : 'The rotation did not complete. The old key is still in use; see below.'}
        </p>
      )}
      {failed.map((step) => (
        <ProblemCard key={step.id} problem={step.problem as Problem} role="status" />
      ))}
      {problem && <ProblemCard problem={problem} />}
    </ModalDialog>
  );
}
