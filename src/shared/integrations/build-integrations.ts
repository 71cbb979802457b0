import {
  defaultStaleHours,
  healthStatusOf,
  isStale,
  vezaTime,
  type DataSourceHealth,
  type IntegrationError,
  type IntegrationEvent,
  type ProviderHealth,
} from './integration-health';

// From Veza's answers to the model: the records as Veza lists them (snake_case, any extra
// field ignored) grouped by provider, with each failing source's latest INTEGRATIONS events.

type Loose = Record<string, unknown>;
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const record = (value: unknown): Loose =>
  typeof value === 'object' && value !== null ? (value as Loose) : {};

/** How many events a failing source carries (the newest ones). */
export const eventsPerSource = 3;

/**
 * An event's `error`, read from developers/api/events-api ("Veza event schema": error{reason,
 * metadata, message, resolution, request_id}). Its OpenAPI sample shows `reason` as a number
 * (a protobuf enum), the export example as a name: either is kept as text.
 */
export function readIntegrationError(raw: unknown): IntegrationError | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const error = record(raw);
  const read = {
    reason: text(error.reason),
    message: text(error.message),
    resolution: text(error.resolution),
    requestId: text(error.request_id),
  };
  return Object.values(read).some((value) => value !== '') ? read : null;
}

export interface VezaIntegrationEvent extends IntegrationEvent {
  entityId: string;
  entityName: string;
  providerId: string;
}

export function readIntegrationEvent(raw: unknown): VezaIntegrationEvent | undefined {
  const event = record(raw);
  const timestamp = vezaTime(event.timestamp);
  if (!timestamp) return undefined;
  return {
    id: text(event.id),
    timestamp,
    severity: text(event.severity),
    name: text(event.name),
    message: text(event.message),
    error: readIntegrationError(event.error),
    entityId: text(event.entity_id),
    entityName: text(event.entity_name),
    providerId: text(event.provider_id),
  };
}

export interface BuildIntegrationsInput {
  /** `GET /api/v1/providers` values. */
  providers: readonly unknown[];
  /** `GET /api/v1/providers/datasources` values. */
  dataSources: readonly unknown[];
  /** `GET /api/preview/events` (category INTEGRATIONS) events. */
  events: readonly unknown[];
  now: Date;
  staleHours?: number;
}

/**
 * The events about one source: by `entity_id` (the source's id), else by `entity_name`. GUESS:
 * that an INTEGRATIONS event about a data source names it as its entity (the events-api
 * export example has entity DATASOURCE with the source's id and name).
 */
function eventsOf(
  source: { id: string; name: string },
  events: readonly VezaIntegrationEvent[],
): IntegrationEvent[] {
  return events
    .filter(
      (event) =>
        event.entityId === source.id ||
        (event.entityId === '' && event.entityName !== '' && event.entityName === source.name),
    )
    .slice(0, eventsPerSource)
    .map(({ id, timestamp, severity, name, message, error }) => ({
      id,
      timestamp,
      severity,
      name,
      message,
      error,
    }));
}

/** The model of one instance's providers and data sources. */
export function buildIntegrations(input: BuildIntegrationsInput): ProviderHealth[] {
  const staleHours = input.staleHours ?? defaultStaleHours;
  const events = input.events
    .map(readIntegrationEvent)
    .filter((event): event is VezaIntegrationEvent => event !== undefined)
    .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));

  const providers = new Map<string, ProviderHealth>();
  for (const raw of input.providers) {
    const provider = record(raw);
    const id = text(provider.id);
    if (!id) continue;
    providers.set(id, {
      id,
      name: text(provider.name) || id,
      type: text(provider.type),
      dataSources: [],
    });
  }

  for (const raw of input.dataSources) {
    const source = record(raw);
    const id = text(source.id);
    if (!id) continue;
    const providerId = text(source.provider_id);
    let provider = providers.get(providerId);
    if (!provider) {
      // An OAA (custom) provider is not in /api/v1/providers: it is known by its id only.
      provider = {
        id: providerId,
        name: providerId || 'No provider',
        type: 'CUSTOM',
        dataSources: [],
      };
      providers.set(providerId, provider);
    }
    const status = healthStatusOf(source);
    const syncedAt = vezaTime(source.synced_at);
    const name = text(source.name) || id;
    const sourceEvents = status === 'failing' ? eventsOf({ id, name }, events) : [];
    const health: DataSourceHealth = {
      id,
      name,
      type: text(source.agent_type) || text(source.datasource_type),
      status,
      veza: {
        status: text(source.status),
        state: text(source.state),
        effectiveState: text(source.effective_state),
      },
      syncedAt,
      parsedAt: vezaTime(source.parsed_at),
      stale: isStale({ status, syncedAt }, input.now, staleHours),
      lastError: sourceEvents.find((event) => event.error !== null)?.error ?? null,
      events: sourceEvents,
    };
    provider.dataSources.push(health);
  }
  return [...providers.values()];
}
