import type {
  CustomProvider,
  DataSource,
  GraphNode,
  PlatformEvent,
  Provider,
  SavedQuery,
} from './catalog-types';
import {
  seedCustomProviders,
  seedEvents,
  seedLatestFailures,
  seedNodes,
  seedPlatformDataSources,
  seedProviders,
  seedSavedQueries,
} from './seed-catalog';
import type { SeededRandom } from './seeded-random';

/** The instance's resources (everything but identities), seeded once per sandbox. */
export class CatalogStore {
  readonly providers: Provider[];
  readonly nodes: GraphNode[];
  readonly customProviders = new Map<string, CustomProvider>();
  readonly dataSources = new Map<string, DataSource>();
  readonly savedQueries: SavedQuery[];
  /** The built-in providers' data sources (the OAA ones are in `dataSources`). */
  readonly platformDataSources: DataSource[];
  readonly events: PlatformEvent[];

  constructor(
    readonly random: SeededRandom,
    now: Date,
    customProviderTeamId: string,
  ) {
    this.providers = seedProviders(random, now);
    this.nodes = seedNodes(random, now);
    this.savedQueries = seedSavedQueries(random, now);
    const custom = seedCustomProviders(random, now, customProviderTeamId);
    for (const provider of custom.providers) this.customProviders.set(provider.id, provider);
    for (const source of custom.dataSources) this.dataSources.set(source.id, source);
    // Seeded after everything else, so the data above keeps its seeded ids.
    this.platformDataSources = seedPlatformDataSources(random, this.providers, now);
    this.events = seedEvents(random, now, [...this.platformDataSources, ...custom.dataSources]);
    // Last, so everything above keeps its seeded ids; newest last, as before.
    this.events.push(...seedLatestFailures(random, now, this.platformDataSources));
    this.events.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  }

  /** Every data source, built-in providers' first (GET /api/v1/providers/datasources). */
  allDataSources(): DataSource[] {
    return [...this.platformDataSources, ...this.dataSources.values()];
  }

  dataSourcesOf(providerId: string): DataSource[] {
    return [...this.dataSources.values()].filter((source) => source.provider_id === providerId);
  }
}
