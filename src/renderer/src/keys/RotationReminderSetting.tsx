import { useId, useState, type FormEvent } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { ProblemCard } from '../problems/ProblemCard';
import { useSettingsStore } from '../data/settings-store';
import { useRotationDays } from './use-rotation-days';

/** How old a key may get before Veza Desk suggests replacing it (all instances). */
export function RotationReminderSetting() {
  const days = useRotationDays();
  const update = useSettingsStore((state) => state.update);
  const loadProblem = useSettingsStore((state) => state.loadProblem);
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  // The settings store makes the call (and keeps the saved settings), so this is not a
  // useAction: only the last save's outcome is kept here. 'saved' lasts until the next edit; a
  // problem stays until the next save.
  const [outcome, setOutcome] = useState<'saved' | Problem | null>(null);
  const problem = outcome === 'saved' ? null : outcome;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(draft ?? days);
    setOutcome((await update({ keyRotationDays: value })) ?? 'saved');
    setDraft(null);
  };
  const value = draft ?? String(days);
  const valid = /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 3650;
  return (
    <form className="keys-setting" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={id}>Remind me to replace keys older than (days)</label>
        <input
          id={id}
          type="number"
          min={1}
          max={3650}
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setOutcome((last) => (last === 'saved' ? null : last));
          }}
        />
        <p id={`${id}-hint`} className="hint">
          For every instance. From 1 to 3650 days; 90 unless you change it.
        </p>
      </div>
      <button type="submit" disabled={!valid || draft === null}>
        Save reminder
      </button>
      <span role="status" className="copy-status">
        {outcome === 'saved' ? 'Saved' : ''}
      </span>
      {problem && <ProblemCard problem={problem} />}
      {!problem && loadProblem && <ProblemCard problem={loadProblem} role="status" />}
    </form>
  );
}
