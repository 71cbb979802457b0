import { useId } from 'react';
import { displayOrigin } from '../../../shared/profiles/display-origin';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../app/ui-store';
import { veza } from '../bridge/veza';
import { EnvSnippetPanel } from './EnvSnippetPanel';
import { InstanceHeader } from './InstanceHeader';
import { KeyFingerprint } from './KeyFingerprint';
import { useProfilesStore } from './profiles-store';

/** The open instance: what is saved about it and what can be done with it. */
export function InstanceView({ profile }: { profile: Profile }) {
  const titleId = useId();
  const openDialog = useUiStore((state) => state.openDialog);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const select = useProfilesStore((state) => state.select);
  const showProblem = useProfilesStore((state) => state.showProblem);
  const duplicate = async () => {
    const result = await veza.invoke('profiles.duplicate', { id: profile.id });
    if (result.ok) select(result.value.id);
    else showProblem(result.problem);
  };
  const last = profile.lastVerification;
  return (
    <article className="instance-view" aria-labelledby={titleId}>
      <InstanceHeader profile={profile} titleId={titleId} />
      <div className="button-row" role="group" aria-label="Instance actions">
        <button
          type="button"
          disabled={readOnly}
          onClick={() => openDialog({ kind: 'profile-form', profileId: profile.id })}
        >
          Edit
        </button>
        <button type="button" disabled={readOnly} onClick={() => void duplicate()}>
          Duplicate
        </button>
        <button
          type="button"
          disabled={readOnly}
          onClick={() => openDialog({ kind: 'replace-key', profileId: profile.id })}
        >
          {profile.key ? 'Replace key' : 'Add key'}
        </button>
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => openDialog({ kind: 'delete-profile', profileId: profile.id })}
        >
          Delete
        </button>
      </div>
      <dl className="facts">
        <dt>Address</dt>
        <dd>{displayOrigin(profile.baseUrl)}</dd>
        <dt>API key</dt>
        <dd>
          <KeyFingerprint fingerprint={profile.key} />
        </dd>
        <dt>Last check</dt>
        <dd>
          {last
            ? `${last.ok ? 'Worked' : 'Failed'}: ${last.summary} (${new Date(last.at).toLocaleString()})`
            : 'Not verified yet'}
        </dd>
        {profile.notes && (
          <>
            <dt>Notes</dt>
            <dd className="notes">{profile.notes}</dd>
          </>
        )}
      </dl>
      <EnvSnippetPanel profile={profile} />
    </article>
  );
}
