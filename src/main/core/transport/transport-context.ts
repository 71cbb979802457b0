import type { AgentPool } from './agent-pool';
import type { TempBodyStore } from './body/temp-body-store';
import type { RouteDeps } from './proxy/choose-route';
import type { LookupFunction, TransportLimits, TransportTimeouts } from './transport-types';

/** What every call of one transport shares: its injected dependencies, pools and defaults. */
export interface TransportContext {
  lookup: LookupFunction;
  routeDeps: RouteDeps;
  agents: AgentPool;
  store: TempBodyStore;
  timeouts: TransportTimeouts;
  limits: TransportLimits;
}
