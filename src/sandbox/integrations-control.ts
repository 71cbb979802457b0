import type { Clock } from './clock';
import type { CatalogStore } from './model/catalog-store';
import type { DataSource, PlatformEvent } from './model/catalog-types';
import { integrationFailureEvent } from './model/seed-catalog';

// What tests (and the demo) may do to integrations behind the API's back, so every state the
// integrations view must explain can be set up in one line: a status, a source switched off,
// one that synced long ago, and a failure with the INTEGRATIONS event Veza would record.

export type DataSourceChanges = Partial<
  Pick<DataSource, 'status' | 'state' | 'effective_state' | 'synced_at' | 'parsed_at'>
>;

/** An event's error as developers/api/events-api shows it; request_id is made when absent. */
export interface IntegrationFailure {
  reason: string;
  message: string;
  resolution: string;
  request_id?: string;
}

export interface IntegrationsControl {
  /** Every data source (built-in providers' first), as GET /api/v1/providers/datasources has them. */
  dataSources(): readonly DataSource[];
  /** Changes one data source's fields; `syncedHoursAgo` sets synced_at and parsed_at. */
  setDataSource(id: string, changes: DataSourceChanges & { syncedHoursAgo?: number }): DataSource;
  /**
   * The source fails: status ERROR and an INTEGRATIONS event (severity ERROR) about it, now or
   * `hoursAgo` (for a list across instances sorted by when things went wrong).
   */
  recordFailure(id: string, failure: IntegrationFailure, hoursAgo?: number): PlatformEvent;
}

export function createIntegrationsControl(
  catalog: CatalogStore,
  clock: Clock,
): IntegrationsControl {
  const find = (id: string): DataSource => {
    const source = catalog.allDataSources().find((candidate) => candidate.id === id);
    if (!source) throw new Error(`No data source ${id} in the sandbox`);
    return source;
  };
  return {
    dataSources: () => catalog.allDataSources(),
    setDataSource: (id, { syncedHoursAgo, ...changes }) => {
      const source = find(id);
      if (syncedHoursAgo !== undefined) {
        const at = new Date(clock.now().getTime() - syncedHoursAgo * 3_600_000).toISOString();
        Object.assign(source, { synced_at: at, parsed_at: at });
      }
      return Object.assign(source, changes);
    },
    recordFailure: (id, failure, hoursAgo = 0) => {
      const source = find(id);
      const now = new Date(clock.now().getTime() - hoursAgo * 3_600_000).toISOString();
      Object.assign(source, { status: 'ERROR', updated_at: now });
      const event = integrationFailureEvent(catalog.random, source, failure, () => now);
      catalog.events.push(event);
      return event;
    },
  };
}
