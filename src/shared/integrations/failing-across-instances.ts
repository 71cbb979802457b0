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

const newestFirst = (a: string | null, b: string | null): number =>
  (b === null ? 0 : Date.parse(b)) - (a === null ? 0 : Date.parse(a));

/**
 * Every failing or stale data source of every instance, most recent trouble first (failing
 * before stale at the same moment), for the view across instances.
 */
export function sourcesNeedingCare(
  reads: readonly InstanceIntegrationsRead[],
): SourceNeedingCare[] {
  const rows: SourceNeedingCare[] = [];
  for (const read of reads)
    for (const provider of read.integrations?.providers ?? [])
      for (const source of provider.dataSources) {
        if (source.status !== 'failing' && !source.stale) continue;
        rows.push({
          profileId: read.profileId,
          profileName: read.profileName,
          provider: { id: provider.id, name: provider.name, type: provider.type },
          source,
          since: source.events[0]?.timestamp ?? source.syncedAt,
        });
      }
  return rows.sort(
    (a, b) =>
      newestFirst(a.since, b.since) ||
      Number(b.source.status === 'failing') - Number(a.source.status === 'failing'),
  );
}
