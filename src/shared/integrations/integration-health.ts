// The integration health of one instance, as the window and `veza-desk integrations` show it:
// every provider with its data sources, each source's status in words, when it last synced and
// parsed, whether it is stale, and for a failing one the latest INTEGRATIONS events with Veza's
// own reason, message, resolution and request id. Pure: main reads Veza, this reads the answers.

/** A data source's status in words. */
export type HealthStatus = 'working' | 'waiting' | 'failing' | 'switched off';

/** Veza's own words for a failure (an INTEGRATIONS event's `error`), camel-cased. */
export interface IntegrationError {
  reason: string;
  message: string;
  resolution: string;
  requestId: string;
}

/** One INTEGRATIONS event about a data source, newest first in a source's list. */
export interface IntegrationEvent {
  id: string;
  timestamp: string;
  severity: string;
  name: string;
  message: string;
  error: IntegrationError | null;
}

export interface DataSourceHealth {
  id: string;
  name: string;
  /** Veza's `datasource_type` / `agent_type`, for the reader who knows them. */
  type: string;
  status: HealthStatus;
  /** Veza's own values, as they came: status, state, effective_state. */
  veza: { status: string; state: string; effectiveState: string };
  /** The last sync and parse (ISO), null when Veza says none. */
  syncedAt: string | null;
  parsedAt: string | null;
  /** Not synced for longer than the threshold while switched on. */
  stale: boolean;
  /** The newest event's error for a failing source, else null. */
  lastError: IntegrationError | null;
  /** The latest INTEGRATIONS events of a failing source (at most a few), newest first. */
  events: IntegrationEvent[];
}

export interface ProviderHealth {
  id: string;
  name: string;
  type: string;
  dataSources: DataSourceHealth[];
}

/** How much of the instance's integrations the key could see. */
export interface IntegrationsReach {
  level: 'full' | 'partial' | 'none';
  /** In words: why, and which key would see more (empty for full reach). */
  words: string;
}

export interface InstanceIntegrations {
  reach: IntegrationsReach;
  providers: ProviderHealth[];
  /** When main read the answers (ISO). */
  checkedAt: string;
  /** The threshold stale was judged by, in hours. */
  staleHours: number;
  /** Veza's lists ended as Veza said (not cut by a safety stop). */
  complete: boolean;
}

/** The default threshold for a stale data source (issue 17: "default 24 hours"). */
export const defaultStaleHours = 24;

const upper = (value: unknown): string =>
  typeof value === 'string'
    ? value.trim().toUpperCase()
    : typeof value === 'number'
      ? String(value)
      : '';

/**
 * A data source's status in words from Veza's `status`, `state` and `effective_state`
 * (docs.veza.com developers/api/management/datasources: status SUCCESS / PENDING / ERROR,
 * state and effective_state ENABLED / DISABLED).
 * - state or effective_state DISABLED: switched off (GUESS: effective_state DISABLED is the
 *   provider being disabled, as the page's field name suggests; either way nothing syncs).
 * - ERROR: failing. GUESS: any other value naming a failure (FAILED, FAILURE) reads the same.
 * - PENDING: waiting. GUESS: so does any value Veza Desk does not know (IN_PROGRESS, RUNNING,
 *   a protobuf number, empty): it is not known to fail, and it is not known to work.
 * - SUCCESS: working.
 */
export function healthStatusOf(source: {
  status?: unknown;
  state?: unknown;
  effective_state?: unknown;
}): HealthStatus {
  if (upper(source.state) === 'DISABLED' || upper(source.effective_state) === 'DISABLED')
    return 'switched off';
  const status = upper(source.status);
  if (status === 'ERROR' || status.includes('FAIL')) return 'failing';
  if (status === 'SUCCESS') return 'working';
  return 'waiting';
}

/**
 * A time Veza gave, or null for none: empty, unreadable, or Go's zero time
 * ("0001-01-01T00:00:00Z"; GUESS: how a Veza built in Go might spell "never").
 */
export function vezaTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const at = Date.parse(value);
  if (Number.isNaN(at) || at <= Date.parse('0001-01-02T00:00:00Z')) return null;
  return new Date(at).toISOString();
}

/**
 * Stale: switched on and not synced for longer than `staleHours`. Veza's data source record
 * carries no sync interval (developers/api/management/datasources), so the threshold is the
 * user's (default 24 h). A source that never synced is not stale while it waits for its first
 * run; one that works or fails without ever having synced is.
 */
export function isStale(
  source: { status: HealthStatus; syncedAt: string | null },
  now: Date,
  staleHours: number = defaultStaleHours,
): boolean {
  if (source.status === 'switched off') return false;
  if (source.syncedAt === null) return source.status !== 'waiting';
  return now.getTime() - Date.parse(source.syncedAt) > staleHours * 3_600_000;
}

/** Counts over the instance's data sources, for a summary line and the exit status. */
export function countHealth(providers: readonly ProviderHealth[]) {
  const counts = { dataSources: 0, working: 0, waiting: 0, failing: 0, switchedOff: 0, stale: 0 };
  for (const provider of providers)
    for (const source of provider.dataSources) {
      counts.dataSources += 1;
      if (source.status === 'working') counts.working += 1;
      else if (source.status === 'waiting') counts.waiting += 1;
      else if (source.status === 'failing') counts.failing += 1;
      else counts.switchedOff += 1;
      if (source.stale) counts.stale += 1;
    }
  return counts;
}

/** All well: nothing fails and nothing is stale. */
export const allWell = (providers: readonly ProviderHealth[]): boolean => {
  const counts = countHealth(providers);
  return counts.failing === 0 && counts.stale === 0;
};

/** Only the failing or stale data sources, and the providers that have one. */
export function onlyNeedingCare(providers: readonly ProviderHealth[]): ProviderHealth[] {
  return providers
    .map((provider) => ({
      ...provider,
      dataSources: provider.dataSources.filter(
        (source) => source.status === 'failing' || source.stale,
      ),
    }))
    .filter((provider) => provider.dataSources.length > 0);
}
