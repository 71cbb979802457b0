import { useEffect, useId, useState } from 'react';
import { formatDuration, formatSize } from '../../../shared/format/format-size';
import { describeHttpStatus } from '../../../shared/http-protocol/describe-http-status';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile } from '../../../shared/profiles/profile';
import type { HistoryEntry, HistorySummary } from '../../../shared/requests/request-records';
import { veza } from '../bridge/veza';
import { ProblemCard } from '../problems/ProblemCard';
import { ClearHistoryDialog } from './ClearHistoryDialog';
import { useRequestsStore } from './requests-store';

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
  const version = useRequestsStore((state) => state.historyVersion);
  const historyChanged = useRequestsStore((state) => state.historyChanged);
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<HistorySummary[]>([]);
  const [total, setTotal] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);

  useEffect(() => {
    let current = true;
    void veza.invoke('history.list', { query, profileId: profile.id }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEntries(result.value.entries);
        setTotal(result.value.total);
        setProblem(result.value.problem ?? null);
      } else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [query, version, profile.id]);

  const withEntry = async (id: string, then: (entry: HistoryEntry) => void) => {
    const result = await veza.invoke('history.get', { id });
    if (result.ok) then(result.value);
    else setProblem(result.problem);
  };
  const act = async (work: Promise<{ ok: boolean; problem?: Problem }>) => {
    const result = await work;
    if (!result.ok && result.problem) setProblem(result.problem);
    historyChanged();
  };

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
      {problem && (
        <ProblemCard problem={problem} role="status" onDismiss={() => setProblem(null)} />
      )}
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
                <button type="button" onClick={() => void withEntry(entry.id, onOpen)}>
                  Open
                </button>
                <button type="button" onClick={() => void withEntry(entry.id, onSendAgain)}>
                  Send again
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${entry.method} ${entry.target} from history`}
                  onClick={() => void act(veza.invoke('history.delete', { id: entry.id }))}
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
            void act(veza.invoke('history.clear', { profileId: profile.id }));
          }}
        />
      )}
    </section>
  );
}
