import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../data/ui-store';
import { veza } from '../bridge/veza';
import { Tabs } from '../components/Tabs';
import { KeyAgeReminder } from '../keys/KeyAgeReminder';
import { ImportedNetworkNotice } from '../profiles/ImportedNetworkNotice';
import { VerifyPanel } from '../doctor/VerifyPanel';
import { useDoctorStore } from '../data/doctor-store';
import { useVerifyShortcut, verifyShortcutText } from '../doctor/use-verify-shortcut';
import { LazyIntegrationsView, LazyKeysView, LazyRequestsTab } from './lazy-views';
import { InstanceHeader } from '../profiles/InstanceHeader';
import { InstanceOverview } from '../profiles/InstanceOverview';
import { useProfilesStore } from '../data/profiles-store';

/** The open instance: what is saved about it and what can be done with it. */
export function InstanceView({
  profile,
  notices,
}: {
  profile: Profile;
  /** The answer to the last action (a problem or a short notice), shown under the buttons. */
  notices?: ReactNode;
}) {
  const titleId = useId();
  const openDialog = useUiStore((state) => state.openDialog);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const select = useProfilesStore((state) => state.select);
  const showProblem = useProfilesStore((state) => state.showProblem);
  // The list of failing integrations across instances opens this instance on its tab.
  const [tab, setTab] = useState(() => {
    const request = useUiStore.getState().tabRequest;
    return request?.profileId === profile.id ? request.tab : 'overview';
  });
  const startVerify = useDoctorStore((state) => state.verify);
  const verifying = useDoctorStore((state) => state.live[profile.id] !== undefined);
  // Where focus was when Verify was asked for: the verdict takes focus only if it is still
  // there (or fell to the page), so a user who moved on keeps their place.
  const verifyFrom = useRef<Element | null>(null);
  const verify = useCallback(() => {
    verifyFrom.current = document.activeElement;
    setTab('verify');
    void startVerify(profile.id);
  }, [startVerify, profile.id]);
  useVerifyShortcut(verify);
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
          className="primary"
          disabled={verifying}
          aria-keyshortcuts="Control+Shift+V Meta+Shift+V"
          title={`Check the connection and the API key (${verifyShortcutText})`}
          onClick={verify}
        >
          Verify
        </button>
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
      {notices}
      <KeyAgeReminder profile={profile} />
      <ImportedNetworkNotice profile={profile} />
      <div id="instance-tabs">
        <Tabs
          label={`${profile.name} views`}
          selected={tab}
          onSelect={setTab}
          tabs={[
            {
              id: 'overview',
              label: 'Overview',
              render: () => <InstanceOverview profile={profile} />,
            },
            {
              id: 'verify',
              label: 'Verify',
              render: () => <VerifyPanel profile={profile} startedFrom={verifyFrom} />,
            },
            {
              id: 'requests',
              label: 'Requests',
              render: () => <LazyRequestsTab profile={profile} />,
            },
            {
              id: 'integrations',
              label: 'Integrations',
              render: () => <LazyIntegrationsView profile={profile} />,
            },
            { id: 'api-keys', label: 'API keys', render: () => <LazyKeysView profile={profile} /> },
          ]}
        />
      </div>
    </article>
  );
}
