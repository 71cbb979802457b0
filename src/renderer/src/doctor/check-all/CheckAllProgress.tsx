import type { CheckAllRun } from '../../data/doctor-store';

/** "3 of 5 checked", in words for everyone and as a progress bar for assistive technology. */
export function CheckAllProgress({ run, working }: { run: CheckAllRun; working: number }) {
  const words = `${run.done} of ${run.total} checked`;
  const percent = run.total === 0 ? 100 : Math.round((run.done / run.total) * 100);
  return (
    <div className="check-all-progress">
      <p role="status">
        {run.running
          ? `Checking… ${words}`
          : `${run.cancelled ? 'Cancelled. ' : ''}${words}: ${working} working, ${run.done - working} with a problem${run.cancelled ? '. The others were not checked.' : ''}`}
      </p>
      <div
        role="progressbar"
        aria-label="Instances checked"
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.done}
        aria-valuetext={words}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
