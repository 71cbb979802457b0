import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import {
  countHealth,
  type InstanceIntegrations,
} from '../../../shared/integrations/integration-health';
import type { Profile } from '../../../shared/profiles/profile';
import { formatTimeAgo } from '../../../shared/time/format-time-ago';
import { useNow } from '../components/use-now';
import { useCall } from '../data/use-call';
import { useSettingsStore } from '../data/settings-store';
import { useUiStore } from '../data/ui-store';
import { ProblemCard } from '../problems/ProblemCard';
import { DataSourceDetails } from './DataSourceDetails';
import { IntegrationsList } from './IntegrationsList';
import {
  chooseRows,
  rowsOf,
  type IntegrationsSort,
} from '../../../shared/integrations/integration-rows';
import './integrations.css';

/** Thresholds offered for "stale" (hours); the contract takes any from 1 to 8760. */
const staleChoices = [6, 12, 24, 48, 72, 168] as const;
const hoursInWords = (hours: number) => (hours === 168 ? '1 week' : `${hours} hours`);

/** What the key could see, in words: less reach is information, not a failure. */
function ReachNote({ reach }: { reach: InstanceIntegrations['reach'] }) {
  if (reach.level === 'full') return null;
  return (
    <p role="note" className="ih-reach">
      <strong>
        {reach.level === 'none'
          ? 'This key sees no integrations.'
          : 'This key sees only part of the integrations.'}
      </strong>{' '}
      {reach.words}
    </p>
  );
}

function Summary({ read }: { read: InstanceIntegrations }) {
  const counts = countHealth(read.providers);
  return (
    <p className="ih-summary">
      {counts.dataSources} data {counts.dataSources === 1 ? 'source' : 'sources'} in{' '}
      {read.providers.length} {read.providers.length === 1 ? 'provider' : 'providers'}:{' '}
      <strong>{counts.failing} failing</strong>, {counts.stale} stale (not synced for over{' '}
      {hoursInWords(read.staleHours)}), {counts.working} working, {counts.waiting} waiting,{' '}
      {counts.switchedOff} switched off.
    </p>
  );
}

/**
 * The Integrations tab of an instance: every provider's data sources with their health, read
 * by main with the instance's key; filter, search and sort here; the chosen source's details,
 * with Veza's reason for a failure explained, below the list.
 */
export function IntegrationsView({ profile }: { profile: Profile }) {
  const titleId = useId();
  const listId = useId();
  // The threshold is the user's setting (settings.json), shared with the list across instances.
  const staleHours = useSettingsStore((state) => state.settings.integrationsStaleHours);
  const updateSettings = useSettingsStore((state) => state.update);
  const { value, problem, loading, reload } = useCall(
    'integrations.read',
    profile.key ? { profileId: profile.id, staleHours } : null,
  );
  const [failingOnly, setFailingOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<IntegrationsSort>('status');
  const [selected, setSelected] = useState<string | undefined>(undefined);
  // A source chosen in the list across instances: selected once this instance's list is read.
  const [wanted, setWanted] = useState(() => {
    const request = useUiStore.getState().tabRequest;
    return request?.profileId === profile.id ? request.source : undefined;
  });
  const [reveal, setReveal] = useState<string | undefined>(undefined);
  const now = useNow();
  // Typing stays quick on 10,000 sources: the list follows the search a moment later.
  const deferredSearch = useDeferredValue(search);

  const read = problem ? undefined : value;
  const allRows = useMemo(() => (read ? rowsOf(read.providers) : []), [read]);
  const rows = useMemo(
    () => chooseRows(allRows, { failingOnly, search: deferredSearch, sort }),
    [allRows, failingOnly, deferredSearch, sort],
  );
  // The request is taken: a later visit to this tab starts as usual.
  useEffect(() => {
    if (wanted) useUiStore.getState().requestTab(null);
  }, [wanted]);
  if (wanted && allRows.length > 0) {
    // Adjusted while rendering (React's pattern for state that follows what arrived).
    const row = allRows.find(
      (candidate) =>
        candidate.provider.id === wanted.providerId && candidate.source.id === wanted.sourceId,
    );
    setWanted(undefined);
    if (row) {
      setSelected(row.key);
      setReveal(row.key);
    }
  }
  // The chosen row, or the first one (the first failing one, sorted by status) when it is gone.
  const current = rows.find((row) => row.key === selected) ?? rows[0];

  const status = loading
    ? 'Reading integrations from Veza…'
    : read
      ? `Showing ${rows.length} of ${allRows.length} data sources.`
      : '';
  return (
    <section className="integrations-view" aria-labelledby={titleId}>
      <h3 id={titleId}>Integrations</h3>
      <p className="ih-intro">
        Every provider’s data sources on this instance: whether Veza can read them, when they last
        synced, and for a failing one what Veza says went wrong and what to do.
      </p>
      {!profile.key && <p role="note">Add this instance’s API key first.</p>}
      <p role="status" aria-live="polite" className="ih-live">
        {status}
      </p>
      {problem && <ProblemCard problem={problem} instance={profile} />}
      {profile.key && (
        <div className="ih-controls" role="group" aria-label="Show and sort data sources">
          <label className="ih-check">
            <input
              type="checkbox"
              checked={failingOnly}
              onChange={(event) => setFailingOnly(event.target.checked)}
            />{' '}
            Failing only
          </label>
          <label>
            Search by name{' '}
            <input
              type="search"
              value={search}
              maxLength={200}
              onChange={(event) => setSearch(event.target.value)}
            />
          </label>
          <label>
            Sort by{' '}
            <select
              value={sort}
              onChange={(event) => setSort(event.target.value as IntegrationsSort)}
            >
              <option value="status">Status (failing first)</option>
              <option value="age">Age (longest since a sync first)</option>
            </select>
          </label>
          <label>
            Stale after{' '}
            <select
              value={staleHours}
              onChange={(event) =>
                void updateSettings({ integrationsStaleHours: Number(event.target.value) })
              }
            >
              {staleChoices.map((hours) => (
                <option key={hours} value={hours}>
                  {hoursInWords(hours)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={loading} onClick={() => void reload()}>
            {loading ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      )}
      {read && (
        <>
          <ReachNote reach={read.reach} />
          <Summary read={read} />
          <p className="ih-checked">Read {formatTimeAgo(read.checkedAt, now)}.</p>
          {!read.complete && (
            <p role="note">
              Veza’s lists were too long to read to the end: some data sources may be missing.
            </p>
          )}
          {rows.length > 0 ? (
            <IntegrationsList
              rows={rows}
              selected={current?.key}
              onSelect={setSelected}
              now={now}
              idPrefix={listId}
              label={`Data sources of ${profile.name}`}
              reveal={reveal}
            />
          ) : (
            <p className="ih-empty">
              {allRows.length === 0
                ? 'Veza shows this key no data sources.'
                : failingOnly && deferredSearch.trim() === ''
                  ? 'No data source is failing.'
                  : 'No data source matches.'}
            </p>
          )}
          {current && <DataSourceDetails row={current} staleHours={read.staleHours} now={now} />}
        </>
      )}
    </section>
  );
}
