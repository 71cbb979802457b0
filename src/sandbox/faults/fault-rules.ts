// Faults a test (or a curious user) can switch on per instance, at runtime, optionally only for
// some paths, methods or a number of requests. Each imitates something a real client meets
// between it and Veza: a slow link, rate limiting, a failing backend or gateway, an SSO proxy
// that answers with a login page, a response that never comes or stops half-way.

export type FaultSpec =
  /** Adds delay before the answer (stacks with other faults). */
  | { kind: 'latency'; ms: number }
  /** 429 with Retry-After (seconds) and a ResourceExhausted envelope. */
  | { kind: 'rateLimit'; retryAfterSeconds?: number }
  /**
   * 500 = Veza's Internal envelope; 502/504 = a gateway's HTML page (a 502 saying "the service
   * is temporarily unavailable"); 503 = Unavailable envelope. `body: 'envelope'` answers a 502
   * as a Veza Unavailable envelope with those words instead (Guess: which one Veza's edge
   * sends is not documented).
   */
  | {
      kind: 'serverError';
      status: 500 | 502 | 503 | 504;
      retryAfterSeconds?: number;
      body?: 'html' | 'envelope';
    }
  /** 200 text/html: an SSO login page where JSON was expected. */
  | { kind: 'ssoPage' }
  /** 302 to the SSO login page: this server's /sso/login, or `location` (e.g. another origin). */
  | { kind: 'ssoRedirect'; location?: string }
  /** Headers never come: the socket stays open and silent until the client gives up. */
  | { kind: 'hang' }
  /** The real answer, but cut: Content-Length promises more than is sent, then the socket closes. */
  | { kind: 'truncate'; fraction?: number }
  /** The real answer, a few bytes at a time. */
  | { kind: 'trickle'; chunkBytes?: number; intervalMs?: number };

export interface FaultScope {
  /** Only paths starting with this (after %3A decoding), e.g. '/api/v1/providers'. */
  pathPrefix?: string;
  method?: string;
  /** Only the next N matching requests; then the fault removes itself. */
  times?: number;
}

export type FaultRule = FaultSpec & FaultScope;
export type DeliveryFault = Extract<FaultSpec, { kind: 'truncate' | 'trickle' }>;
export type TerminalFault = Exclude<FaultSpec, { kind: 'latency' } | DeliveryFault>;

export interface FaultsInRequest {
  latencyMs: number;
  terminal?: TerminalFault;
  delivery?: DeliveryFault;
}

export interface FaultControl {
  /** Switches a fault on; returns its id for remove(). */
  add(rule: FaultRule): string;
  remove(id: string): void;
  clear(): void;
  list(): (FaultRule & { id: string })[];
}

export interface FaultRegistry extends FaultControl {
  /** The faults that apply to one request (consuming their `times`). */
  take(method: string, path: string): FaultsInRequest;
}

export function createFaultRegistry(initial: readonly FaultRule[] = []): FaultRegistry {
  const rules = new Map<string, FaultRule & { id: string }>();
  let counter = 0;
  const add = (rule: FaultRule): string => {
    const id = `fault-${(counter += 1)}`;
    rules.set(id, { ...rule, id });
    return id;
  };
  initial.forEach(add);
  return {
    add,
    remove: (id) => void rules.delete(id),
    clear: () => rules.clear(),
    list: () => [...rules.values()].map((rule) => ({ ...rule })),
    take(method, path) {
      const found: FaultsInRequest = { latencyMs: 0 };
      for (const rule of rules.values()) {
        if (rule.pathPrefix && !path.startsWith(rule.pathPrefix)) continue;
        if (rule.method && rule.method.toUpperCase() !== method) continue;
        if (rule.kind === 'latency') found.latencyMs += rule.ms;
        else if (rule.kind === 'truncate' || rule.kind === 'trickle') {
          if (found.delivery) continue;
          found.delivery = rule;
        } else {
          if (found.terminal) continue;
          found.terminal = rule;
        }
        if (rule.times !== undefined) {
          rule.times -= 1;
          if (rule.times <= 0) rules.delete(rule.id);
        }
      }
      return found;
    },
  };
}
