import { useState } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

/** Deleting is for good; the dialog says so and points to Revoke for "off for a while". */
export function DeleteTeamKeyDialog({ profileId, teamKey, onClose }: TeamKeyDialogProps) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const remove = async () => {
    const result = await veza.invoke('keys.deleteTeamKey', { profileId, keyId: teamKey.id });
    if (result.ok) onClose(true);
    else setProblem(result.problem);
  };
  return (
    <ModalDialog
      title={`Delete the team key “${teamKey.name}”?`}
      onClose={() => onClose(false)}
      closeLabel="Cancel"
      focusClose
      actions={
        <button type="button" className="danger" onClick={() => void remove()}>
          Delete for good
        </button>
      }
    >
      {problem && <ProblemCard problem={problem} />}
      <p>
        <strong>This cannot be undone.</strong> The key stops working at once and can never be
        reinstated. To switch it off for a while, choose Revoke instead.
      </p>
      {teamKey.heldBy.length > 0 && (
        <p>
          Saved in Veza Desk as the key of:{' '}
          {teamKey.heldBy.map((holder) => holder.profileName).join(', ')}. Those instances will stop
          working until they get a new key.
        </p>
      )}
    </ModalDialog>
  );
}
