import type { ReactNode } from 'react';
import { useAction } from '../data/use-action';
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
  const { run, pending, problem } = useAction(call);
  const confirm = () => void run({ profileId, keyId: teamKey.id }, () => onClose(true));
  return (
    <ModalDialog
      title={title}
      onClose={() => onClose(false)}
      closeLabel="Cancel"
      focusClose
      actions={
        <button type="button" className="danger" disabled={pending} onClick={confirm}>
          {confirmLabel}
        </button>
      }
    >
      {problem && <ProblemCard problem={problem} />}
      {children}
    </ModalDialog>
  );
}
