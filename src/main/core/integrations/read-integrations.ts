import { buildIntegrations } from '../../../shared/integrations/build-integrations';
import {
  defaultStaleHours,
  type InstanceIntegrations,
  type IntegrationsReach,
} from '../../../shared/integrations/integration-health';
import { ProblemError } from '../problem-error';
import { listAllPages, type VezaCall } from '../veza/list-all-pages';

export interface ReadIntegrationsOptions {
  /** A data source not synced for longer than this is stale (default 24). */
  staleHours?: number;
  /** How far back INTEGRATIONS events are read (default 7 days). */
  eventDays?: number;
  now?: Date;
}

// Safety stops: 100 pages of 100 is more providers and data sources than a tenant has; events
// of 7 days are read up to 50 pages, newest matter most.
const lists = { maxPages: 100, maxItems: 10_000 };
const eventLists = { maxPages: 50, maxItems: 5_000 };

type Loose = Record<string, unknown>;
const asRecord = (raw: unknown): Loose | undefined =>
  typeof raw === 'object' && raw !== null ? (raw as Loose) : undefined;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Veza refused the call to this key (403): less reach, not a failure. */
const refused = (error: unknown): boolean =>
  error instanceof ProblemError &&
  (error.problem.code === 'FORBIDDEN_TEAM_KEY' || error.problem.code === 'FORBIDDEN_ROLE');

/** A list, or `refused` when Veza does not let this key read it; anything else throws. */
async function listOrRefused<T>(
  read: () => Promise<{ values: T[]; complete: boolean }>,
): Promise<{ values: T[]; complete: boolean } | 'refused'> {
  try {
    return await read();
  } catch (error) {
    if (refused(error)) return 'refused';
    throw error;
  }
}

const rootKey = 'A personal key of an admin or operator in the root team sees every integration.';

/**
 * One instance's integrations through its key: providers (with include_datasource_status),
 * every data source, the INTEGRATIONS events of the last days, all pages read here in main.
 * Who the key acts as (users/self) and its team's policy (teams) tell how much it may see: a
 * team key or a team limited to some providers sees part or nothing, and that is data.
 */
export async function readIntegrations(
  call: VezaCall,
  options: ReadIntegrationsOptions = {},
): Promise<InstanceIntegrations> {
  const now = options.now ?? new Date();
  const staleHours = options.staleHours ?? defaultStaleHours;
  const since = new Date(now.getTime() - (options.eventDays ?? 7) * 86_400_000).toISOString();

  // Veza does not document users/self's shape; api_key.type and team are what the sandbox and
  // the doctor read (src/sandbox/resources/user-routes.ts). GUESS, as there.
  const self = asRecord(asRecord(await call('GET', '/api/v1/users/self'))?.value) ?? {};
  const teamKey = text(asRecord(self.api_key)?.type).toUpperCase() === 'TEAM';
  const team = asRecord(self.team) ?? {};

  const providers = await listOrRefused(() =>
    listAllPages(call, '/api/v1/providers', asRecord, {
      ...lists,
      query: 'include_datasource_status=true',
    }),
  );
  // OAA providers are listed apart (developers/api/oaa/rest-api/operations), with the custom
  // template as their type; only their names are wanted here.
  const custom = await listOrRefused(() =>
    listAllPages(call, '/api/v1/providers/custom', asRecord, lists),
  );
  const dataSources = await listOrRefused(() =>
    listAllPages(call, '/api/v1/providers/datasources', asRecord, lists),
  );
  const filter = `category eq "INTEGRATIONS" and timestamp ge "${since}"`;
  const events = await listOrRefused(() =>
    listAllPages(call, '/api/preview/events', asRecord, {
      ...eventLists,
      query: `filter=${encodeURIComponent(filter)}`,
    }),
  );

  const seen = {
    providers: [
      ...(providers === 'refused' ? [] : providers.values),
      ...(custom === 'refused' || dataSources === 'refused'
        ? []
        : custom.values.map((provider) => ({
            ...provider,
            type: text(provider.custom_template).toUpperCase() || 'CUSTOM',
          }))),
    ],
    dataSources: dataSources === 'refused' ? [] : dataSources.values,
    events: events === 'refused' ? [] : events.values,
  };
  const reach: IntegrationsReach =
    dataSources === 'refused'
      ? {
          level: 'none',
          words: teamKey
            ? `This is a team key. Team keys may only push OAA data, so Veza shows them no integrations. ${rootKey}`
            : `Veza does not let this key read integrations. ${rootKey}`,
        }
      : await teamReach(call, text(team.id), text(team.name), seen.dataSources.length);
  const eventsWords =
    events === 'refused' && reach.level !== 'none'
      ? 'Veza does not let this key read its events, so failures show no reason.'
      : '';
  const merged: IntegrationsReach =
    eventsWords === ''
      ? reach
      : {
          level: 'partial',
          words: [reach.words, eventsWords, reach.level === 'full' ? rootKey : '']
            .filter(Boolean)
            .join(' '),
        };
  return {
    reach: merged,
    providers: buildIntegrations({ ...seen, now, staleHours }),
    checkedAt: now.toISOString(),
    staleHours,
    complete: [providers, dataSources, events].every((list) => list === 'refused' || list.complete),
  };
}

/**
 * A team limited to some providers (policy_type PROVIDER_ID_SET, developers/api/users-teams)
 * sees only theirs: partial, or none when it sees no data source. The root team and UNBOUND
 * teams see every provider. A key that may not list teams is taken to see what it was shown.
 */
async function teamReach(
  call: VezaCall,
  teamId: string,
  teamName: string,
  dataSources: number,
): Promise<IntegrationsReach> {
  if (!teamId) return { level: 'full', words: '' };
  const teams = await listOrRefused(() => listAllPages(call, '/api/v1/teams', asRecord, lists));
  const own = teams === 'refused' ? undefined : teams.values.find((t) => text(t.id) === teamId);
  if (text(own?.policy_type).toUpperCase() !== 'PROVIDER_ID_SET')
    return { level: 'full', words: '' };
  return {
    level: dataSources === 0 ? 'none' : 'partial',
    words: `This key's team, ${teamName || teamId}, sees only the providers given to it. ${rootKey}`,
  };
}
