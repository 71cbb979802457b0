import { useId, useState } from 'react';
import { formatDuration, formatSize } from '../../../shared/format/format-size';
import { describeHttpStatus } from '../../../shared/http-protocol/describe-http-status';
import type { Profile } from '../../../shared/profiles/profile';
import type { HistoryEntry, HistorySummary } from '../../../shared/requests/request-records';
import { useAction } from '../data/use-action';
import { useCall } from '../data/use-call';
import { ProblemCard } from '../problems/ProblemCard';
import { ClearHistoryDialog } from './ClearHistoryDialog';

function outcomeOf(entry: HistorySummary): string {
  if (entry.status === undefined)
    return entry.problemCode === 'REQUEST_CANCELLED' ? 'cancelled' : 'no answer';
  return `${entry.status} ${describeHttpStatus(entry.status).name}`;
}

/**
 * Every request sent from this instance, newest first: search, re-open (the request into the
 * composer and its answer into the viewer), send again, delete, clear.
 */
export function HistoryPanel({
  profile,
  onOpen,
  onSendAgain,
}: {
  profile: Pick<Profile, 'id' | 'name'>;
  onOpen: (entry: HistoryEntry) => void;
  onSendAgain: (entry: HistoryEntry) => void;
}) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const [confirmingClear, setConfirmingClear] = useState(false);
  // Main pushes history.changed after every send, delete and clear: the list follows it.
  const listing = useCall(
    'history.list',
    { query, profileId: profile.id },
    { reloadOn: ['history.changed'] },
  );
  const entries = listing.value?.entries ?? [];
  const total = listing.value?.total ?? 0;
  const [readProblemDismissed, setReadProblemDismissed] = useState(false);
  const getting = useAction('history.get');
  const deleting = useAction('history.delete');
  const clearing = useAction('history.clear');
  const actions = [getting, deleting, clearing];
  const problem =
    actions.find((action) => action.problem)?.problem ??
    listing.problem ??
    (readProblemDismissed ? null : (listing.value?.problem ?? null));
  const dismissProblem = () => {
    actions.forEach((action) => action.clearProblem());
    listing.clearProblem();
    setReadProblemDismissed(true);
  };

  const withEntry = (id: string, then: (entry: HistoryEntry) => void) =>
    void getting.run({ id }, then);

  return (
    <section className="history-panel card" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>History</h3>
      <div className="field">
        <label htmlFor={`${ids}-search`}>Search history</label>
        <input
          id={`${ids}-search`}
          type="search"
          value={query}
          placeholder="For example: providers, POST, 404"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {problem && <ProblemCard problem={problem} role="status" onDismiss={dismissProblem} />}
      {entries.length === 0 ? (
        <p className="muted">{query ? 'Nothing in the history matches.' : 'Nothing sent yet.'}</p>
      ) : (
        <ul className="history-list" aria-label="Sent requests">
          {entries.map((entry) => (
            <li key={entry.id} aria-label={`${entry.method} ${entry.target}`}>
              <span className="mono">
                {entry.method} {entry.target}
              </span>
              <span className="muted">
                {outcomeOf(entry)}
                {entry.durationMs !== undefined && `, ${formatDuration(entry.durationMs)}`}
                {entry.size !== undefined && `, ${formatSize(entry.size)}`}
                {entry.pages !== undefined && `, ${entry.pages} pages`}
                {entry.bodyRemoved && ', answer no longer kept'}
                {`, ${new Date(entry.at).toLocaleString()}`}
              </span>
              <span className="button-row">
                <button type="button" onClick={() => withEntry(entry.id, onOpen)}>
                  Open
                </button>
                <button type="button" onClick={() => withEntry(entry.id, onSendAgain)}>
                  Send again
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${entry.method} ${entry.target} from history`}
                  onClick={() => void deleting.run({ id: entry.id })}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > 0 && (
        <button type="button" className="danger" onClick={() => setConfirmingClear(true)}>
          Clear history
        </button>
      )}
      {confirmingClear && (
        <ClearHistoryDialog
          instanceName={profile.name}
          count={total}
          onClose={() => setConfirmingClear(false)}
          onConfirm={() => {
            setConfirmingClear(false);
            void clearing.run({ profileId: profile.id });
          }}
        />
      )}
    </section>
  );
}
