import { useState } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { useUiStore } from '../data/ui-store';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import { useProfilesStore } from '../data/profiles-store';

/** Asks before deleting, naming the instance, and says what happens to the key and history. */
export function DeleteProfileDialog({ profileId }: { profileId: string }) {
  const closeDialog = useUiStore((state) => state.closeDialog);
  const requestFocus = useUiStore((state) => state.requestFocus);
  const profile = useProfilesStore((state) => state.profiles.find((p) => p.id === profileId));
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!profile) return null;
  const confirm = async () => {
    const result = await veza.invoke('profiles.delete', { id: profile.id });
    if (result.ok) {
      // The Delete button goes with the instance: focus goes to the list instead.
      requestFocus({ kind: 'instance-list', gone: profile.id });
      closeDialog();
    } else setProblem(result.problem);
  };
  return (
    <ModalDialog
      title={`Delete ${profile.name}?`}
      onClose={closeDialog}
      closeLabel="Cancel"
      focusClose
      actions={
        <button type="button" className="danger" onClick={() => void confirm()}>
          Delete instance
        </button>
      }
    >
      {problem && <ProblemCard problem={problem} />}
      <p>
        Veza Desk forgets <strong>{profile.name}</strong> ({profile.baseUrl})
        {profile.key ? ', removes its API key from this computer’s keychain' : ''} and deletes the
        requests sent to it from the history. Saved requests are kept.
      </p>
      {profile.key && (
        <p className="muted">
          The key itself still works in Veza. If nobody needs it any more, revoke or delete it there
          under Administration &gt; API Keys.
        </p>
      )}
    </ModalDialog>
  );
}
