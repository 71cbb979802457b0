import { useUiStore } from '../data/ui-store';
import { useAction } from '../data/use-action';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import { useProfilesStore } from '../data/profiles-store';

/** Asks before deleting, naming the instance, and says what happens to the key and history. */
export function DeleteProfileDialog({ profileId }: { profileId: string }) {
  const closeDialog = useUiStore((state) => state.closeDialog);
  const requestFocus = useUiStore((state) => state.requestFocus);
  const profile = useProfilesStore((state) => state.profiles.find((p) => p.id === profileId));
  const { run, problem } = useAction('profiles.delete');
  if (!profile) return null;
  const confirm = () =>
    void run({ id: profile.id }, () => {
      // The Delete button goes with the instance: focus goes to the list instead.
      requestFocus({ kind: 'instance-list', gone: profile.id });
      closeDialog();
    });
  return (
    <ModalDialog
      title={`Delete ${profile.name}?`}
      onClose={closeDialog}
      closeLabel="Cancel"
      focusClose
      actions={
        <button type="button" className="danger" onClick={confirm}>
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
