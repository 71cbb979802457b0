import type { DataSourceHealth, HealthStatus, ProviderHealth } from './integration-health';

/** One line of the list: a data source with the provider it belongs to. */
export interface IntegrationRow {
  /** Unique in the list (a data source id may repeat under two providers in odd answers). */
  key: string;
  source: DataSourceHealth;
  provider: Pick<ProviderHealth, 'id' | 'name' | 'type'>;
}

export type IntegrationsSort = 'status' | 'age';

export interface RowChoices {
  failingOnly: boolean;
  /** Part of a data source's or its provider's name, any case. */
  search: string;
  sort: IntegrationsSort;
}

/** The status in words as a label starts ("Switched off"). */
export const statusLabel = (status: HealthStatus): string =>
  status.charAt(0).toUpperCase() + status.slice(1);

/** A sign beside the word, so the status never rests on colour alone. */
export const statusIcon: Record<HealthStatus, string> = {
  failing: '✕',
  waiting: '◷',
  working: '✓',
  'switched off': '○',
};

// Failing first, then working-but-stale, then what waits, works, and is switched off.
const rank = (source: DataSourceHealth): number =>
  source.status === 'failing'
    ? 0
    : source.stale
      ? 1
      : { waiting: 2, working: 3, 'switched off': 4 }[source.status];

/** Never synced counts as the oldest. */
const syncedTime = (source: DataSourceHealth): number =>
  source.syncedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(source.syncedAt);

const byName = (a: IntegrationRow, b: IntegrationRow) =>
  a.source.name.localeCompare(b.source.name) || a.provider.name.localeCompare(b.provider.name);

/** Every data source of every provider, one row each, in the provider order Veza gave. */
export function rowsOf(providers: readonly ProviderHealth[]): IntegrationRow[] {
  return providers.flatMap((provider, providerIndex) =>
    provider.dataSources.map((source, sourceIndex) => ({
      key: `${providerIndex}:${sourceIndex}:${source.id}`,
      source,
      provider: { id: provider.id, name: provider.name, type: provider.type },
    })),
  );
}

/** The rows the user asked for: filtered, searched and sorted. */
export function chooseRows(rows: readonly IntegrationRow[], choices: RowChoices): IntegrationRow[] {
  const needle = choices.search.trim().toLocaleLowerCase();
  const chosen = rows.filter(
    (row) =>
      (!choices.failingOnly || row.source.status === 'failing') &&
      (needle === '' ||
        row.source.name.toLocaleLowerCase().includes(needle) ||
        row.provider.name.toLocaleLowerCase().includes(needle)),
  );
  // What each row sorts by, worked out once per row rather than twice in every comparison.
  const keyOf = choices.sort === 'status' ? rank : syncedTime;
  return chosen
    .map((row) => ({ row, key: keyOf(row.source) }))
    .sort((a, b) => a.key - b.key || byName(a.row, b.row))
    .map(({ row }) => row);
}
