import { useId, useState, type FormEvent } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { useUiStore } from '../data/ui-store';
import { veza } from '../bridge/veza';
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
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!profile) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const keyProblem = keyDraft.blockingProblem();
    if (keyProblem) {
      setProblem(keyProblem);
      return;
    }
    const result = await veza.invoke('profiles.setKey', {
      id: profile.id,
      key: { apiKey, acceptAsIs },
    });
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    keyDraft.clear();
    closeDialog();
  };
  const removeKey = async () => {
    const result = await veza.invoke('profiles.removeKey', { id: profile.id });
    if (result.ok) closeDialog();
    else setProblem(result.problem);
  };

  return (
    <ModalDialog
      title={profile.key ? `Replace the key of ${profile.name}` : `Add a key to ${profile.name}`}
      onClose={closeDialog}
      closeLabel="Cancel"
      actions={
        <>
          {profile.key && (
            <button type="button" className="danger" onClick={() => void removeKey()}>
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
