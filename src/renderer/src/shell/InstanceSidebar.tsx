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
  return (
    <nav className="sidebar" aria-label="Instances">
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
