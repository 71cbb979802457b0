import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../data/use-action';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import type { TeamKeyDialogProps } from './team-key-dialog-props';

/** Renames a team key in Veza; the key itself does not change. */
export function RenameTeamKeyDialog({ profileId, teamKey, onClose }: TeamKeyDialogProps) {
  const formId = useId();
  const [name, setName] = useState(teamKey.name);
  const { run, problem } = useAction('keys.renameTeamKey');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void run({ profileId, keyId: teamKey.id, name: name.trim() }, () => onClose(true));
  };
  return (
    <ModalDialog
      title={`Rename the team key “${teamKey.name}”`}
      onClose={() => onClose(false)}
      closeLabel="Cancel"
      actions={
        <button type="submit" form={formId} className="primary" disabled={!name.trim()}>
          Save name
        </button>
      }
    >
      <form id={formId} onSubmit={submit}>
        {problem && <ProblemCard problem={problem} />}
        <div className="field">
          <label htmlFor={`${formId}-name`}>New name</label>
          <input
            id={`${formId}-name`}
            type="text"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <p className="hint">Only the name changes: the key keeps working as before.</p>
        </div>
      </form>
    </ModalDialog>
  );
}
