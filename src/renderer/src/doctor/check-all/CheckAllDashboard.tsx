import { useEffect, useId, useRef } from 'react';
import type { VerificationResult } from '../../../../shared/doctor/verification';
import { useUiStore } from '../../data/ui-store';
import { ProblemCard } from '../../problems/ProblemCard';
import { useProfilesStore } from '../../data/profiles-store';
import { useDoctorStore } from '../../data/doctor-store';
import { CheckAllProgress } from './CheckAllProgress';
import { CheckAllTable } from './CheckAllTable';
import { useOpenCheckAll } from './use-open-check-all';
import { FailingIntegrationsButton } from './FailingIntegrationsButton';
import './check-all.css';

/** "Check all instances": every instance verified at once, with progress and a results table. */
export function CheckAllDashboard() {
  const titleId = useId();
  const profiles = useProfilesStore((state) => state.profiles);
  const select = useProfilesStore((state) => state.select);
  const run = useDoctorStore((state) => state.checkAll);
  const allResults = useDoctorStore((state) => state.results);
  const cancelCheckAll = useDoctorStore((state) => state.cancelCheckAll);
  const setCheckAllOpen = useUiStore((state) => state.setCheckAllOpen);
  const checkAgain = useOpenCheckAll();
  const results: Record<string, VerificationResult> = {};
  for (const id of run?.checked ?? []) {
    const result = allResults[id];
    if (result) results[id] = result;
  }
  const working = Object.values(results).filter((result) => result.ok).length;
  // Cancel goes away when the run ends: focus lands on Check again instead of the page.
  const checkAgainButton = useRef<HTMLButtonElement>(null);
  const running = run?.running === true;
  const wasRunning = useRef(running);
  useEffect(() => {
    const ended = wasRunning.current && !running;
    wasRunning.current = running;
    const now = document.activeElement;
    if (ended && (now === null || now === document.body)) checkAgainButton.current?.focus();
  }, [running]);
  return (
    <section className="check-all" aria-labelledby={titleId}>
      <header className="check-all-header">
        <h2 id={titleId}>Check all instances</h2>
        <div className="button-row">
          <button
            ref={checkAgainButton}
            type="button"
            className="primary"
            disabled={running || profiles.length === 0}
            onClick={checkAgain}
          >
            Check again
          </button>
          {run?.running && (
            <button type="button" onClick={cancelCheckAll}>
              Cancel
            </button>
          )}
          <FailingIntegrationsButton />
          <button type="button" onClick={() => setCheckAllOpen(false)}>
            Close
          </button>
        </div>
      </header>
      {profiles.length === 0 && <p>There are no instances to check yet.</p>}
      {run && <CheckAllProgress run={run} working={working} />}
      {run?.problem && <ProblemCard problem={run.problem} />}
      {profiles.length > 0 && (
        <CheckAllTable
          profiles={profiles}
          results={results}
          running={run?.running === true}
          onOpen={(id) => {
            select(id);
            setCheckAllOpen(false);
          }}
        />
      )}
    </section>
  );
}
