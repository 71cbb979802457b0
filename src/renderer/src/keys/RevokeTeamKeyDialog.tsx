import { useState } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

/** Revoking stops every integration that uses the key at once, so it asks first (Cancel focused). */
export function RevokeTeamKeyDialog({ profileId, teamKey, onClose }: TeamKeyDialogProps) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const revoke = async () => {
    const result = await veza.invoke('keys.revokeTeamKey', { profileId, keyId: teamKey.id });
    if (result.ok) onClose(true);
    else setProblem(result.problem);
  };
  return (
    <ModalDialog
      title={`Revoke the team key “${teamKey.name}”?`}
      onClose={() => onClose(false)}
      closeLabel="Cancel"
      focusClose
      actions={
        <button type="button" className="danger" onClick={() => void revoke()}>
          Revoke
        </button>
      }
    >
      {problem && <ProblemCard problem={problem} />}
      <p>
        Every integration that uses this key stops working at once. You can reinstate the key later
        to make it work again.
      </p>
      {teamKey.heldBy.length > 0 && (
        <p>
          Saved in Veza Desk as the key of:{' '}
          {teamKey.heldBy.map((holder) => holder.profileName).join(', ')}.
        </p>
      )}
    </ModalDialog>
  );
}
