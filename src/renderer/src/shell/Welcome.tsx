import { useState } from 'react';
import { useUiStore } from '../data/ui-store';
import { veza } from '../bridge/veza';
import { useProfilesStore } from '../data/profiles-store';

/** What a first start shows: what the app is for, and the one thing to do first. */
export function Welcome() {
  const openDialog = useUiStore((state) => state.openDialog);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const select = useProfilesStore((state) => state.select);
  const showProblem = useProfilesStore((state) => state.showProblem);
  const [starting, setStarting] = useState(false);
  const tryDemo = async () => {
    setStarting(true);
    const result = await veza.invoke('demo.start', undefined);
    setStarting(false);
    if (result.ok) select(result.value.id);
    else showProblem(result.problem);
  };
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
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={readOnly}
          onClick={() => openDialog({ kind: 'profile-form' })}
        >
          Add your first instance
        </button>
        <button type="button" disabled={readOnly || starting} onClick={() => void tryDemo()}>
          {starting ? 'Starting the demo…' : 'Try the demo instance'}
        </button>
      </div>
      <p className="muted">
        The demo is a simulated Veza that runs on this computer only, so you can try everything
        without a Veza tenant.
      </p>
    </section>
  );
}
