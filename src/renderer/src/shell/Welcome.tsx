import { useUiStore } from '../app/ui-store';
import { useProfilesStore } from '../profiles/profiles-store';

/** What a first start shows: what the app is for, and the one thing to do first. */
export function Welcome() {
  const openDialog = useUiStore((state) => state.openDialog);
  const readOnly = useProfilesStore((state) => state.readOnly);
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Veza Desk</h2>
      <p>
        Keep each Veza instance you look after in one place, check in one click that its API key
        still works, and send API requests without pasting keys into scripts.
      </p>
      <p className="muted">
        Your API keys stay in this computer&apos;s keychain and are never shown again.
      </p>
      <button
        type="button"
        className="primary"
        disabled={readOnly}
        onClick={() => openDialog({ kind: 'profile-form' })}
      >
        Add your first instance
      </button>
    </section>
  );
}
