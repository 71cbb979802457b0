import { z } from 'zod';
import { bounds, clipText } from '../ipc/bounds';
import { eventsPerSource } from './build-integrations';
import type {
  DataSourceHealth,
  InstanceIntegrations,
  IntegrationError,
  IntegrationEvent,
  ProviderHealth,
} from './integration-health';

// The integrations model as it crosses IPC ('integrations.read'): every string and list
// bounded (test/unit/shared/ipc/contract-bounds.test.ts walks it). Veza's answers are relayed
// by main, so main clips them to these bounds first (clipIntegrations) rather than let a long
// name fail the whole answer.

/** The most data sources and providers one answer carries (main reads at most 10,000 of each). */
export const integrationsLimits = {
  providers: 20_000,
  dataSourcesPerProvider: 10_000,
  /** Events kept per failing source (build-integrations keeps the newest few). */
  events: Math.max(eventsPerSource, 10),
  /** Veza's ids, types and status values. */
  id: bounds.id,
  /** Names of providers, data sources and events. */
  name: bounds.line,
  /** Veza's messages and resolutions, and the reach in words. */
  text: bounds.problemText,
  timestamp: bounds.timestamp,
} as const;

const id = z.string().max(integrationsLimits.id);
const name = z.string().max(integrationsLimits.name);
const text = z.string().max(integrationsLimits.text);
const time = z.string().max(integrationsLimits.timestamp);

export const integrationErrorSchema = z.object({
  reason: name,
  message: text,
  resolution: text,
  requestId: id,
});

export const integrationEventSchema = z.object({
  id,
  timestamp: time,
  severity: id,
  name,
  message: text,
  error: integrationErrorSchema.nullable(),
});

export const dataSourceHealthSchema = z.object({
  id,
  name,
  type: id,
  status: z.enum(['working', 'waiting', 'failing', 'switched off']),
  veza: z.object({ status: id, state: id, effectiveState: id }),
  syncedAt: time.nullable(),
  parsedAt: time.nullable(),
  stale: z.boolean(),
  lastError: integrationErrorSchema.nullable(),
  events: z.array(integrationEventSchema).max(integrationsLimits.events),
});

export const providerHealthSchema = z.object({
  id,
  name,
  type: id,
  dataSources: z.array(dataSourceHealthSchema).max(integrationsLimits.dataSourcesPerProvider),
});

export const instanceIntegrationsSchema = z.object({
  reach: z.object({ level: z.enum(['full', 'partial', 'none']), words: text }),
  providers: z.array(providerHealthSchema).max(integrationsLimits.providers),
  checkedAt: time,
  staleHours: z.number().positive(),
  complete: z.boolean(),
});

/** The stale threshold the window may ask for: an hour to a year. */
export const staleHoursSchema = z.number().int().min(1).max(8760);

export const readIntegrationsArgsSchema = z.object({
  profileId: z.uuid(),
  staleHours: staleHoursSchema.optional(),
});

// The schema and the model stay one shape: each must be assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameShape: Same<z.output<typeof instanceIntegrationsSchema>, InstanceIntegrations> = true;
void sameShape;

const clipError = (error: IntegrationError): IntegrationError => ({
  reason: clipText(error.reason, integrationsLimits.name),
  message: clipText(error.message, integrationsLimits.text),
  resolution: clipText(error.resolution, integrationsLimits.text),
  requestId: clipText(error.requestId, integrationsLimits.id),
});

const clipEvent = (event: IntegrationEvent): IntegrationEvent => ({
  id: clipText(event.id, integrationsLimits.id),
  timestamp: clipText(event.timestamp, integrationsLimits.timestamp),
  severity: clipText(event.severity, integrationsLimits.id),
  name: clipText(event.name, integrationsLimits.name),
  message: clipText(event.message, integrationsLimits.text),
  error: event.error && clipError(event.error),
});

const clipSource = (source: DataSourceHealth): DataSourceHealth => ({
  ...source,
  id: clipText(source.id, integrationsLimits.id),
  name: clipText(source.name, integrationsLimits.name),
  type: clipText(source.type, integrationsLimits.id),
  veza: {
    status: clipText(source.veza.status, integrationsLimits.id),
    state: clipText(source.veza.state, integrationsLimits.id),
    effectiveState: clipText(source.veza.effectiveState, integrationsLimits.id),
  },
  lastError: source.lastError && clipError(source.lastError),
  events: source.events.slice(0, integrationsLimits.events).map(clipEvent),
});

/**
 * The model within the schema's bounds: long texts cut (ending in "…"), lists capped. A list
 * that had to be capped makes the answer incomplete, as a safety stop of the paging does.
 */
export function clipIntegrations(read: InstanceIntegrations): InstanceIntegrations {
  let cut = read.providers.length > integrationsLimits.providers;
  const providers = read.providers
    .slice(0, integrationsLimits.providers)
    .map((provider): ProviderHealth => {
      if (provider.dataSources.length > integrationsLimits.dataSourcesPerProvider) cut = true;
      return {
        id: clipText(provider.id, integrationsLimits.id),
        name: clipText(provider.name, integrationsLimits.name),
        type: clipText(provider.type, integrationsLimits.id),
        dataSources: provider.dataSources
          .slice(0, integrationsLimits.dataSourcesPerProvider)
          .map(clipSource),
      };
    });
  return {
    reach: { level: read.reach.level, words: clipText(read.reach.words, integrationsLimits.text) },
    providers,
    checkedAt: read.checkedAt,
    staleHours: read.staleHours,
    complete: read.complete && !cut,
  };
}
