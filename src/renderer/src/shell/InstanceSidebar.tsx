import { useUiStore } from '../app/ui-store';

/** The list of Veza instances; shows its empty state until instances exist. */
export function InstanceSidebar() {
  const openDialog = useUiStore((state) => state.openDialog);
  return (
    <nav className="sidebar" aria-label="Instances">
      <header className="sidebar-header">
        <h1 className="app-title">Veza Desk</h1>
      </header>
      <div className="sidebar-empty">
        <p>No instances yet.</p>
        <p className="muted">An instance is one Veza tenant: its address and an API key.</p>
      </div>
      <footer className="sidebar-footer">
        <button type="button" className="link-button" onClick={() => openDialog('about')}>
          About Veza Desk
        </button>
      </footer>
    </nav>
  );
}
