import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { AgentPool } from './agent-pool';
import type { CancelSwitch } from './cancel-switch';
import { codedError, ConnectFailure } from './connect/connect-failure';
import { traceDispatch, type RequestTrace } from './connect/connection-timings';
import type { Route } from './proxy/choose-route';
import type { TrustStore } from './tls/trusted-cas';
import type { LookupFunction, TransportTimeouts } from './transport-types';

export interface Hop {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HopSettings {
  route: Route;
  agents: AgentPool;
  lookup: LookupFunction;
  trust: TrustStore;
  pin?: string;
  timeouts: TransportTimeouts;
  signal: CancelSwitch;
}

export interface HopAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Readable & { dump(options?: { limit: number }): Promise<void> };
  trace: RequestTrace;
  dispatchedAt: number;
  headersAt: number;
}

/**
 * Sends one request (no redirects) and resolves at the response headers. https targets and
 * direct routes go through the connector (tunnelling through a proxy when there is one);
 * plain http through a proxy is sent to the proxy in absolute-URI form, as proxies expect.
 */
export async function dispatchHop(hop: Hop, settings: HopSettings): Promise<HopAnswer> {
  const { route } = settings;
  const forward = route.kind === 'proxy' && hop.url.protocol === 'http:';
  const agent = settings.agents.get({
    route,
    proxyMode: forward ? 'forward' : 'tunnel',
    lookup: settings.lookup,
    trust: settings.trust,
    pin: settings.pin,
    connectTimeoutMs: settings.timeouts.connectMs,
  });
  const headers = { ...hop.headers };
  if (forward && route.authorization) headers['proxy-authorization'] = route.authorization;
  if (forward) headers.host = hop.url.host;
  const trace: RequestTrace = {};
  const dispatchedAt = performance.now();
  const response = await traceDispatch(trace, () =>
    agent.request({
      origin: forward && route.kind === 'proxy' ? route.origin : hop.url.origin,
      path: forward ? hop.url.href : `${hop.url.pathname}${hop.url.search}`,
      method: hop.method as 'GET',
      headers,
      body: hop.body,
      signal: settings.signal,
      headersTimeout: settings.timeouts.firstByteMs,
      bodyTimeout: settings.timeouts.idleMs,
    }),
  );
  const headersAt = performance.now();
  const responseHeaders: Record<string, string | string[]> = {};
  for (const name in response.headers) {
    const value = response.headers[name];
    if (value !== undefined) responseHeaders[name] = value;
  }
  if (forward && response.statusCode === 407) {
    // Only the proxy itself answers 407: treat it like a refused CONNECT.
    await response.body.dump({ limit: 64 * 1024 }).catch(() => {});
    const authenticate = ([] as string[]).concat(responseHeaders['proxy-authenticate'] ?? []);
    // NTLM signs in a connection, not a request: forwarded plain http does not try it.
    const proxyResponse = { status: 407, authenticate };
    throw new ConnectFailure('proxy', codedError('VEZA_PROXY_STATUS', 'The proxy answered 407.'), {
      proxyResponse,
    });
  }
  return {
    status: response.statusCode,
    headers: responseHeaders,
    body: response.body,
    trace,
    dispatchedAt,
    headersAt,
  };
}
