import type { DataSourceHealth, InstanceIntegrations, ProviderHealth } from './integration-health';
import { countHealth } from './integration-health';
import type { Problem } from '../problems/problem';

/** One instance's integrations as read, or why they could not be. */
export interface InstanceIntegrationsRead {
  profileId: string;
  profileName: string;
  integrations?: InstanceIntegrations;
  /** Why the instance could not be read at all. */
  problem?: Problem;
}

/** A failing or stale data source of one instance, for the list across instances. */
export interface SourceNeedingCare {
  /** Unique across the reads and the same from one answer to the next (the list's row key). */
  key: string;
  profileId: string;
  profileName: string;
  provider: Pick<ProviderHealth, 'id' | 'name' | 'type'>;
  source: DataSourceHealth;
  /** When it went wrong, as far as Veza says: its newest event, else its last sync (ISO). */
  since: string | null;
}

/** "Check all"'s Integrations column: the worst state of an instance's data sources. */
export type IntegrationsVerdict = 'failing' | 'stale' | 'all well' | 'not visible' | 'not read';

export function integrationsVerdict(read: InstanceIntegrationsRead): IntegrationsVerdict {
  const { integrations } = read;
  if (!integrations) return 'not read';
  if (integrations.reach.level === 'none') return 'not visible';
  const counts = countHealth(integrations.providers);
  if (counts.failing > 0) return 'failing';
  if (counts.stale > 0) return 'stale';
  return 'all well';
}

/** A row with what it sorts by, worked out once (Date.parse in the comparator cost most). */
interface Ranked {
  care: SourceNeedingCare;
  time: number;
  failing: boolean;
}

// Newest first (never synced as the oldest), failing before stale at the same moment.
const byTrouble = (a: Ranked, b: Ranked): number =>
  b.time - a.time || Number(b.failing) - Number(a.failing);

// Each read's rows, sorted, kept while the read is (reads are replaced, never changed): the
// view lists again on every answer.
const rankedOfRead = new WeakMap<InstanceIntegrationsRead, Ranked[]>();

function rankRead(read: InstanceIntegrationsRead): Ranked[] {
  const known = rankedOfRead.get(read);
  if (known) return known;
  const ranked: Ranked[] = [];
  (read.integrations?.providers ?? []).forEach((provider, providerIndex) =>
    provider.dataSources.forEach((source, sourceIndex) => {
      if (source.status !== 'failing' && !source.stale) return;
      const since = source.events[0]?.timestamp ?? source.syncedAt;
      ranked.push({
        care: {
          key: `${read.profileId}:${providerIndex}:${sourceIndex}`,
          profileId: read.profileId,
          profileName: read.profileName,
          provider: { id: provider.id, name: provider.name, type: provider.type },
          source,
          since,
        },
        time: since === null ? 0 : Date.parse(since),
        failing: source.status === 'failing',
      });
    }),
  );
  ranked.sort(byTrouble);
  rankedOfRead.set(read, ranked);
  return ranked;
}

/**
 * Every failing or stale data source of every instance, most recent trouble first (failing
 * before stale at the same moment), for the view across instances.
 */
export function sourcesNeedingCare(
  reads: readonly InstanceIntegrationsRead[],
): SourceNeedingCare[] {
  // The reads' sorted runs one after another: the (stable, run-merging) sort only merges them.
  return reads
    .flatMap(rankRead)
    .sort(byTrouble)
    .map((ranked) => ranked.care);
}
