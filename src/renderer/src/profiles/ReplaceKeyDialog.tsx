import { useId, type FormEvent } from 'react';
import { useUiStore } from '../data/ui-store';
import { useAction } from '../data/use-action';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import { ApiKeyField } from './ApiKeyField';
import { useApiKeyDraft } from './use-api-key-draft';
import { useProfilesStore } from '../data/profiles-store';

/** Saves a new key for an instance; the old one is overwritten in the keychain. */
export function ReplaceKeyDialog({ profileId }: { profileId: string }) {
  const closeDialog = useUiStore((state) => state.closeDialog);
  const profile = useProfilesStore((state) => state.profiles.find((p) => p.id === profileId));
  const formId = useId();
  const keyDraft = useApiKeyDraft();
  const { apiKey, acceptAsIs } = keyDraft;
  const saveKey = useAction('profiles.setKey');
  const removeKey = useAction('profiles.removeKey');
  // One card: the problem of whichever was tried last (each one clears the other's).
  const problem = saveKey.problem ?? removeKey.problem;
  if (!profile) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const keyProblem = keyDraft.blockingProblem();
    if (keyProblem) {
      saveKey.showProblem(keyProblem);
      removeKey.clearProblem();
      return;
    }
    const saved = await saveKey.run({ id: profile.id, key: { apiKey, acceptAsIs } }, () => {
      keyDraft.clear();
      closeDialog();
    });
    if (!saved) removeKey.clearProblem();
  };
  const remove = async () => {
    const removed = await removeKey.run({ id: profile.id }, () => closeDialog());
    if (!removed) saveKey.clearProblem();
  };

  return (
    <ModalDialog
      title={profile.key ? `Replace the key of ${profile.name}` : `Add a key to ${profile.name}`}
      onClose={closeDialog}
      closeLabel="Cancel"
      actions={
        <>
          {profile.key && (
            <button type="button" className="danger" onClick={() => void remove()}>
              Remove the saved key
            </button>
          )}
          <button type="submit" form={formId} className="primary">
            Save key
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        {problem && <ProblemCard problem={problem} />}
        <ApiKeyField
          {...keyDraft.fieldProps}
          label="New API key"
          hint="Saved in this computer's keychain in place of the old one, and never shown again."
        />
      </form>
    </ModalDialog>
  );
}
