import { useState, type ReactNode } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

interface ConfirmTeamKeyDialogProps extends TeamKeyDialogProps {
  title: string;
  confirmLabel: string;
  call: 'keys.revokeTeamKey' | 'keys.deleteTeamKey';
  children: ReactNode;
}

/**
 * Asks before a team key action that stops integrations, with Cancel focused: Enter alone
 * does no harm. Says which saved instances hold the key.
 */
export function ConfirmTeamKeyDialog(props: ConfirmTeamKeyDialogProps) {
  const { profileId, teamKey, onClose, title, confirmLabel, call, children } = props;
  const [problem, setProblem] = useState<Problem | null>(null);
  const confirm = async () => {
    const result = await veza.invoke(call, { profileId, keyId: teamKey.id });
    if (result.ok) onClose(true);
    else setProblem(result.problem);
  };
  return (
    <ModalDialog
      title={title}
      onClose={() => onClose(false)}
      closeLabel="Cancel"
      focusClose
      actions={
        <button type="button" className="danger" onClick={() => void confirm()}>
          {confirmLabel}
        </button>
      }
    >
      {problem && <ProblemCard problem={problem} />}
      {children}
    </ModalDialog>
  );
}
