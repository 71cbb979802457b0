import { useId } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../app/ui-store';
import { veza } from '../bridge/veza';
import { Tabs } from '../components/Tabs';
import { RequestsTab } from '../requests/RequestsTab';
import { InstanceHeader } from './InstanceHeader';
import { InstanceOverview } from './InstanceOverview';
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
      <Tabs
        label={`${profile.name} views`}
        tabs={[
          {
            id: 'overview',
            label: 'Overview',
            render: () => <InstanceOverview profile={profile} />,
          },
          { id: 'requests', label: 'Requests', render: () => <RequestsTab profile={profile} /> },
        ]}
      />
    </article>
  );
}
