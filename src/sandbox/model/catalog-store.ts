import type { CustomProvider, DataSource, GraphNode, Provider, SavedQuery } from './catalog-types';
import { seedCustomProviders, seedNodes, seedProviders, seedSavedQueries } from './seed-catalog';
import type { SeededRandom } from './seeded-random';

/** The instance's resources (everything but identities), seeded once per sandbox. */
export class CatalogStore {
  readonly providers: Provider[];
  readonly nodes: GraphNode[];
  readonly customProviders = new Map<string, CustomProvider>();
  readonly dataSources = new Map<string, DataSource>();
  readonly savedQueries: SavedQuery[];

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
  }

  dataSourcesOf(providerId: string): DataSource[] {
    return [...this.dataSources.values()].filter((source) => source.provider_id === providerId);
  }
}
