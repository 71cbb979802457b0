import { useEffect, useId, useMemo, useState } from 'react';
import {
  sourcesNeedingCare,
  type SourceNeedingCare,
} from '../../../shared/integrations/failing-across-instances';
import type { IntegrationRow } from '../../../shared/integrations/integration-rows';
import type { Profile } from '../../../shared/profiles/profile';
import { formatTimeAgo } from '../../../shared/time/format-time-ago';
import { useNow } from '../components/use-now';
import { landedReads, useIntegrationsAcrossStore } from '../data/integrations-across-store';
import { useProfilesStore } from '../data/profiles-store';
import { useUiStore } from '../data/ui-store';
import { IntegrationsList } from './IntegrationsList';
import './integrations.css';

/** A row of the list: the tab's row (status, name, provider) with its instance. */
interface AcrossRow extends IntegrationRow {
  care: SourceNeedingCare;
  colour: string | undefined;
}

/** Veza's reason in one line: the newest event's, else the data source's own error. */
const reasonOf = ({ source }: SourceNeedingCare): string => {
  const error = source.events[0]?.error ?? source.lastError;
  const words = error ? [error.reason, error.message].filter(Boolean).join(': ') : '';
  return words || source.events[0]?.message || (source.stale ? 'Not synced for a long time' : '');
};

const rowsOf = (cares: readonly SourceNeedingCare[], profiles: readonly Profile[]): AcrossRow[] => {
  const colours = new Map(profiles.map((profile) => [profile.id, profile.colour]));
  return cares.map((care) => ({
    // Not the place in the list: a row keeps its key (and stays chosen) as answers land.
    key: care.key,
    source: care.source,
    provider: care.provider,
    care,
    colour: colours.get(care.profileId),
  }));
};

/**
 * Every failing or stale data source of every instance Check all (or this page) has read, the
 * most recent trouble first, in the tab's windowed list. Opening a row goes to that instance's
 * Integrations tab with the source chosen.
 */
export function FailingAcrossView() {
  const titleId = useId();
  const listId = useId();
  const entries = useIntegrationsAcrossStore((state) => state.entries);
  const readEvery = useIntegrationsAcrossStore((state) => state.readEvery);
  const profiles = useProfilesStore((state) => state.profiles);
  const select = useProfilesStore((state) => state.select);
  const requestTab = useUiStore((state) => state.requestTab);
  const setOpen = useUiStore((state) => state.setFailingAcrossOpen);
  const now = useNow();
  const [selected, setSelected] = useState<string | undefined>(undefined);

  // Opened by itself (the sidebar), before any Check all: read every instance now.
  const empty = Object.keys(entries).length === 0;
  useEffect(() => {
    if (empty) readEvery(useProfilesStore.getState().profiles);
    // Only on arriving: an empty list after that is the user's to refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const reads = useMemo(() => landedReads(entries), [entries]);
  const rows = useMemo(() => rowsOf(sourcesNeedingCare(reads), profiles), [reads, profiles]);
  const reading = Object.values(entries).filter((entry) => entry.reading).length;
  const unread = reads.filter((read) => !read.integrations);
  const current = rows.find((row) => row.key === selected) ?? rows[0];
  const instances = new Set(rows.map((row) => row.care.profileId)).size;

  const open = (row: AcrossRow) => {
    requestTab({
      profileId: row.care.profileId,
      tab: 'integrations',
      source: { providerId: row.provider.id, sourceId: row.source.id },
    });
    setOpen(false);
    select(row.care.profileId);
  };

  return (
    <section className="integrations-view ia-view" aria-labelledby={titleId}>
      <header className="ia-header">
        <h2 id={titleId}>Failing integrations</h2>
        <div className="button-row">
          <button type="button" disabled={reading > 0} onClick={() => readEvery(profiles)}>
            {reading > 0 ? 'Reading…' : 'Read again'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </header>
      <p className="ih-intro">
        Every data source that is failing, or has not synced for over a day, on every instance, the
        most recent trouble first. Open one to see it in its instance’s Integrations tab.
      </p>
      <p role="status" aria-live="polite" className="ih-live">
        {reading > 0
          ? `Reading integrations… ${reads.length} of ${reads.length + reading} instances read.`
          : `${rows.length} ${rows.length === 1 ? 'data source needs' : 'data sources need'} care on ${instances} of ${reads.length} instances.`}
      </p>
      {unread.length > 0 && (
        <p role="note">
          Could not be read: {unread.map((read) => read.profileName).join(', ')}. Check all shows
          why.
        </p>
      )}
      {rows.length > 0 ? (
        <>
          <IntegrationsList
            rows={rows}
            selected={current?.key}
            onSelect={setSelected}
            onOpen={open}
            now={now}
            idPrefix={listId}
            label="Failing data sources of every instance"
            rowClass="ia-row"
            cells={(row) => (
              <>
                <span className="ih-provider">
                  <span className="ih-visually-hidden">, provider </span>
                  {row.provider.name}
                </span>
                <span className="ia-instance">
                  <span className="ih-visually-hidden">, on </span>
                  <span
                    className="colour-dot"
                    style={{ background: row.colour }}
                    aria-hidden="true"
                  />{' '}
                  {row.care.profileName}
                </span>
                <span className="ia-since">
                  <span className="ih-visually-hidden">, </span>since{' '}
                  {row.care.since ? formatTimeAgo(row.care.since, now) : 'never synced'}
                </span>
                <span className="ia-reason">
                  <span className="ih-visually-hidden">, </span>
                  {reasonOf(row.care)}
                </span>
              </>
            )}
          />
          {current && (
            <p className="ia-chosen">
              <button type="button" className="primary" onClick={() => open(current)}>
                Open {current.source.name} in {current.care.profileName}
              </button>{' '}
              <span className="ia-hint">(or press Enter in the list)</span>
            </p>
          )}
        </>
      ) : (
        reading === 0 && (
          <p className="ih-empty">
            {reads.length === 0 ? 'No instance has a key to read.' : 'No data source needs care.'}
          </p>
        )
      )}
    </section>
  );
}
