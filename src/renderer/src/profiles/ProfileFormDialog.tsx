import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { displayOrigin } from '../../../shared/profiles/display-origin';
import {
  bindingChanges,
  bindingOf,
  describeBindingChanges,
} from '../../../shared/profiles/key-binding';
import {
  networkFormOf,
  networkFromForm,
  type NetworkFormProblem,
} from '../../../shared/profiles/network-form';
import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import {
  profileNameMaxLength,
  profileNotesMaxLength,
  type Profile,
  type ProfileDraft,
} from '../../../shared/profiles/profile';
import { defaultProfileColour } from '../../../shared/profiles/profile-colours';
import { useUiStore } from '../data/ui-store';
import { useAction } from '../data/use-action';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';
import { AddressField } from './AddressField';
import { ApiKeyField } from './ApiKeyField';
import { useApiKeyDraft } from './use-api-key-draft';
import { ColourPicker } from './ColourPicker';
import { KeyFollowsDialog } from './KeyFollowsDialog';
import { NetworkSettingsFields } from './NetworkSettingsFields';
import { useProfilesStore } from '../data/profiles-store';

/** Add an instance (with its key) or edit one (its key is replaced from the details view). */
export function ProfileFormDialog({
  profileId,
  openNetwork = false,
}: {
  profileId?: string;
  /** Start with the network settings open (from a problem card's Network settings button). */
  openNetwork?: boolean;
}) {
  const closeDialog = useUiStore((state) => state.closeDialog);
  const select = useProfilesStore((state) => state.select);
  const requestFocus = useUiStore((state) => state.requestFocus);
  const existing = useProfilesStore((state) => state.profiles.find((p) => p.id === profileId));
  const formId = useId();
  const [name, setName] = useState(existing?.name ?? '');
  const [address, setAddress] = useState(existing ? displayOrigin(existing.baseUrl) : '');
  const [colour, setColour] = useState(existing?.colour ?? defaultProfileColour);
  const [production, setProduction] = useState(existing?.production ?? false);
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [networkForm, setNetworkForm] = useState(() => networkFormOf(existing?.network));
  const [networkProblems, setNetworkProblems] = useState<readonly NetworkFormProblem[]>([]);
  const proxyPasswordRef = useRef<HTMLInputElement>(null);
  // The key as typed: in this component only, sent once on save, gone when the form closes.
  const keyDraft = useApiKeyDraft();
  const { apiKey, acceptAsIs } = keyDraft;
  const [addressTouched, setAddressTouched] = useState(false);
  // Adding and editing are two calls, and a typed proxy password a third once either is saved:
  // a new try clears all three, so at most one has a problem to show.
  const create = useAction('profiles.create');
  const update = useAction('profiles.update');
  const proxyPassword = useAction('network.saveProxyPassword');
  const problem = create.problem ?? update.problem ?? proxyPassword.problem;
  const saving = create.pending || update.pending || proxyPassword.pending;
  // Each refused save bumps this: the first field in error (or the card) is brought into view.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals === 0) return;
    const form = formRef.current;
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else form?.querySelector('.form-problem')?.scrollIntoView({ block: 'nearest' });
  }, [refusals]);
  const refuse = () => setRefusals((count) => count + 1);
  /** A taken name is the Name field's problem: shown under it; any other under the form. */
  const nameProblem = problem?.code === 'PROFILE_NAME_TAKEN' ? problem : null;
  // An edit that would send the saved key somewhere new waits here for the user's answer.
  const [askKey, setAskKey] = useState<{ draft: ProfileDraft; changed: string; to: string }>();

  /** A typed proxy password goes to main's keychain with the proxy it belongs to. */
  const saveProxyPassword = async (draft: ProfileDraft): Promise<boolean> => {
    const password = proxyPasswordRef.current?.value ?? '';
    const proxyUrl = draft.network?.proxy?.url;
    if (password === '' || !proxyUrl) return true;
    return proxyPassword.run({ proxyUrl, password }, () => {
      if (proxyPasswordRef.current) proxyPasswordRef.current.value = '';
    });
  };

  const save = async (draft: ProfileDraft, keyFollows: boolean) => {
    setAskKey(undefined);
    const saved = async (profile: Profile) => {
      if (!(await saveProxyPassword(draft))) return refuse();
      keyDraft.clear();
      select(profile.id);
      // A new instance: focus goes to its name once it is shown (not back to "Add instance").
      if (!existing) requestFocus({ kind: 'instance', profileId: profile.id });
      closeDialog();
    };
    const ok = existing
      ? await update.run({ id: existing.id, draft, ...(keyFollows ? { keyFollows } : {}) }, saved)
      : await create.run(
          { draft, ...(apiKey !== '' ? { key: { apiKey, acceptAsIs } } : {}) },
          saved,
        );
    if (!ok) refuse();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAddressTouched(true);
    create.clearProblem();
    update.clearProblem();
    proxyPassword.clearProblem();
    const url = normalizeInstanceUrl(address);
    // A pinned certificate is trusted or forgotten from the Verify tab; editing keeps it.
    const network = networkFromForm(networkForm, existing?.network?.pinnedCertSha256);
    const password = proxyPasswordRef.current?.value ?? '';
    const proxyUser = network.network?.proxy?.url && new URL(network.network.proxy.url).username;
    if (password !== '' && networkForm.proxyMode === 'manual' && !proxyUser) {
      network.problems.push({
        field: 'proxyUrl',
        message:
          'Put the proxy user name in front of the address (http://name@proxy.example.com:8080) for the password to go with it.',
      });
    }
    setNetworkProblems(network.problems);
    if (!url.ok || network.problems.length > 0) {
      refuse();
      return;
    }
    // The key field shows its own problem, next to it; focus goes there.
    if (apiKey !== '' && keyDraft.blockingProblem()) {
      refuse();
      return;
    }
    const draft: ProfileDraft = {
      name,
      address,
      colour,
      production,
      notes,
      ...(network.network ? { network: network.network } : {}),
    };
    const changes = existing?.key
      ? bindingChanges(bindingOf(existing), { baseUrl: url.baseUrl, network: network.network })
      : [];
    if (changes.length > 0) {
      setAskKey({ draft, changed: describeBindingChanges(changes), to: url.displayUrl });
      return;
    }
    await save(draft, false);
  };

  return (
    <ModalDialog
      title={existing ? `Edit ${existing.name}` : 'Add instance'}
      onClose={closeDialog}
      closeLabel="Cancel"
      actions={
        <button type="submit" form={formId} className="primary" disabled={saving}>
          {existing ? 'Save changes' : 'Add instance'}
        </button>
      }
    >
      <form
        ref={formRef}
        id={formId}
        className="profile-form"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        {askKey && existing && (
          <KeyFollowsDialog
            instanceName={existing.name}
            savedFor={displayOrigin(existing.baseUrl)}
            nowNames={askKey.to}
            changed={askKey.changed}
            busy={saving}
            onKeep={() => void save(askKey.draft, false)}
            onUse={() => void save(askKey.draft, true)}
            onClose={() => setAskKey(undefined)}
          />
        )}
        <div className="field">
          <label htmlFor={`${formId}-name`}>Name</label>
          <input
            id={`${formId}-name`}
            type="text"
            maxLength={profileNameMaxLength}
            value={name}
            placeholder="e.g. Acme production"
            aria-describedby={`${formId}-name-hint`}
            aria-invalid={nameProblem !== null}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <p id={`${formId}-name-hint`} className="hint">
            How you tell your instances apart. Left empty, the server name is used.
          </p>
          {nameProblem && <ProblemCard problem={nameProblem} withDetails={false} />}
        </div>
        <AddressField
          value={address}
          onChange={setAddress}
          showProblems={addressTouched}
          onBlur={() => setAddressTouched(true)}
        />
        <ColourPicker value={colour} onChange={setColour} />
        <label className="checkbox field">
          <input
            type="checkbox"
            checked={production}
            onChange={(event) => setProduction(event.currentTarget.checked)}
          />
          This is a production instance
        </label>
        {production && (
          <p className="hint production-hint">
            Veza Desk shows a red PRODUCTION band whenever this instance is open.
          </p>
        )}
        <div className="field">
          <label htmlFor={`${formId}-notes`}>Notes</label>
          <textarea
            id={`${formId}-notes`}
            rows={3}
            maxLength={profileNotesMaxLength}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
        </div>
        <NetworkSettingsFields
          startOpen={openNetwork}
          proxyPasswordRef={proxyPasswordRef}
          value={networkForm}
          onChange={setNetworkForm}
          problems={networkProblems}
        />
        {!existing && (
          <ApiKeyField
            {...keyDraft.fieldProps}
            hint="Optional now. Saved in this computer's keychain and never shown again."
          />
        )}
        {problem && !nameProblem && (
          <div className="form-problem">
            <ProblemCard problem={problem} />
          </div>
        )}
      </form>
    </ModalDialog>
  );
}
