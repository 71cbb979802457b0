import { useEffect, useRef } from 'react';
import { useUiStore } from '../data/ui-store';
import { useOpenCheckAll } from '../doctor/check-all/use-open-check-all';
import { InstanceList } from '../profiles/InstanceList';
import { useProfilesStore } from '../data/profiles-store';
import { useProfileTransfer } from '../profiles/use-profile-transfer';

/** The list of Veza instances, and the ways to add, import and export them. */
export function InstanceSidebar() {
  const openDialog = useUiStore((state) => state.openDialog);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const hasProfiles = useProfilesStore((state) => state.profiles.length > 0);
  const transfer = useProfileTransfer();
  const openCheckAll = useOpenCheckAll();
  const openFailingAcross = useUiStore((state) => state.setFailingAcrossOpen);
  const nav = useRef<HTMLElement>(null);
  const focusRequest = useUiStore((state) => state.focusRequest);
  const requestFocus = useUiStore((state) => state.requestFocus);
  const profiles = useProfilesStore((state) => state.profiles);
  const activeId = useProfilesStore((state) => state.activeId);
  // After a delete, focus goes to the instance now open in the list (or Add instance when
  // none is left), once the deleted one has gone from it.
  useEffect(() => {
    if (focusRequest?.kind !== 'instance-list') return;
    if (focusRequest.gone && profiles.some((p) => p.id === focusRequest.gone)) return;
    const list = nav.current;
    const target =
      list?.querySelector<HTMLElement>('.instance-item[aria-current="true"]') ??
      list?.querySelector<HTMLElement>('.instance-item') ??
      list?.querySelector<HTMLElement>('.sidebar-header button');
    target?.focus();
    requestFocus(null);
  }, [focusRequest, profiles, activeId, requestFocus]);
  return (
    <nav className="sidebar" aria-label="Instances" ref={nav}>
      <header className="sidebar-header">
        <h1 className="app-title">Veza Desk</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly}
          onClick={() => openDialog({ kind: 'profile-form' })}
        >
          Add instance
        </button>
      </header>
      <InstanceList />
      <footer className="sidebar-footer">
        {hasProfiles && (
          <button
            type="button"
            className="link-button"
            title="Verify every instance at once (Ctrl+Shift+K)"
            onClick={openCheckAll}
          >
            Check all instances
          </button>
        )}
        {hasProfiles && (
          <button
            type="button"
            className="link-button"
            title="Every failing or stale data source of every instance"
            onClick={() => openFailingAcross(true)}
          >
            Failing integrations
          </button>
        )}
        <button
          type="button"
          className="link-button"
          disabled={readOnly}
          onClick={() => void transfer.importFromEnv()}
        >
          Import from environment
        </button>
        <button
          type="button"
          className="link-button"
          disabled={readOnly}
          onClick={() => void transfer.importFile()}
        >
          Import from a file…
        </button>
        {hasProfiles && (
          <button type="button" className="link-button" onClick={() => void transfer.exportFile()}>
            Export instances…
          </button>
        )}
        <button type="button" className="link-button" onClick={() => openDialog({ kind: 'about' })}>
          About Veza Desk
        </button>
      </footer>
    </nav>
  );
}
