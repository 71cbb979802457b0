import type { Clock } from './clock';
import type { FaultRegistry } from './faults/fault-rules';
import type { CatalogStore } from './model/catalog-store';
import type { IdentityStore } from './model/identity-store';
import type { SandboxSettings } from './sandbox-settings';

/** One request as the sandbox saw it, for tests that check what a client sent. */
export interface RequestRecord {
  /** The audit-log entry id of this request. */
  id?: string;
  method: string;
  path: string;
  /** Whether an Authorization header arrived (its value is never recorded). */
  hadAuthorization: boolean;
  /** The id of the key that was presented, when it was one of ours. */
  keyId?: string;
  status?: number;
  userAgent?: string;
  startedAt?: Date;
  /** When the answer was sent (the audit log's ended_at). */
  endedAt?: Date;
}

export interface SandboxStats {
  requests: number;
  /** Bytes of streamed large bodies handed to the socket (backpressure tests watch this). */
  largeBodyBytesWritten: number;
}

/** Everything one sandbox instance holds; passed to every handler (no globals). */
export interface SandboxState {
  identities: IdentityStore;
  catalog: CatalogStore;
  settings: SandboxSettings;
  clock: Clock;
  faults: FaultRegistry;
  requestLog: RequestRecord[];
  stats: SandboxStats;
}
