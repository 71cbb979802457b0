import { BlockList, isIP } from 'node:net';
import { encodeDomainSlash } from '../../../../shared/http-protocol/encode-domain-slash';
import { ProblemError } from '../../problem-error';
import type { ProxyPasswordLookup, ResolveSystemProxy, TransportNetwork } from '../transport-types';
import { proxyFromEnv } from './env-proxy';
import { parsePacResult } from './parse-pac-result';

export type Route =
  | { kind: 'direct' }
  | {
      kind: 'proxy';
      /** The proxy's origin, e.g. http://proxy.corp:8080: never with credentials. */
      origin: string;
      /** Where the decision came from, for the doctor's "proxy" step. */
      source: 'manual' | 'system' | 'environment';
      /** The environment variable it came from (source 'environment'), as it was spelled. */
      variable?: string;
      /** The Proxy-Authorization value for Basic, when the proxy has a user. */
      authorization?: string;
      /** The proxy user, for NTLM (signed in per connection by the connector). */
      user?: { username: string; password: string };
      /** The secret parts, so error texts can be scrubbed of them. */
      secrets: string[];
    };

export interface RouteDeps {
  env: Record<string, string | undefined>;
  resolveSystemProxy?: ResolveSystemProxy;
  proxyPassword?: ProxyPasswordLookup;
}

/** Where a proxy came from, in words: on every proxy problem and the route a response shows. */
export function proxySourceWords(route: Route): string | undefined {
  if (route.kind !== 'proxy') return undefined;
  if (route.source === 'manual') return "set in this instance's network settings";
  if (route.source === 'system') return "from this computer's proxy settings (system, PAC or WPAD)";
  return fromVariable(route.variable ?? 'HTTPS_PROXY');
}

const fromVariable = (variable: string) => `from the ${variable} environment variable`;

/** The proxy facts a failure's problem names: the proxy, where it came from, its variable. */
export function proxyContext(route: Route): {
  proxy?: string;
  proxySource?: string;
  proxyVariable?: string;
} {
  if (route.kind !== 'proxy') return {};
  return {
    proxy: route.origin,
    proxySource: proxySourceWords(route),
    ...(route.variable ? { proxyVariable: route.variable } : {}),
  };
}

/** What a response reports as its route: "direct", or "proxy <origin> (<where it came from>)". */
export function describeRoute(route: Route): string {
  return route.kind === 'direct' ? 'direct' : `proxy ${route.origin} (${proxySourceWords(route)})`;
}

const DIRECT: Route = { kind: 'direct' };

/**
 * The proxy decision, first match wins: a loopback target goes direct; the profile's manual
 * proxy; "none"; the system proxy (Electron's resolver, so PAC and WPAD are honoured) when it
 * names one; the environment's HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts the host; else
 * direct.
 * Synchronous when nothing needs asking (no system resolver, no keychain lookup): it runs
 * before every request.
 */
export function chooseRoute(
  url: URL,
  network: TransportNetwork | undefined,
  deps: RouteDeps,
): Route | Promise<Route> {
  // Loopback is never proxied, as curl and Chromium do: a proxy cannot reach this computer's
  // own servers anyway, and a plain-http one (the demo instance) would hand it the key in clear.
  if (isLoopback(url)) return DIRECT;
  const mode = network?.proxy?.mode ?? 'system';
  if (mode === 'none') return DIRECT;
  if (mode === 'manual') {
    if (!network?.proxy?.url)
      throw unusableProxy('(none)', 'Manual proxy chosen but no proxy address is set.');
    return proxyRoute(network.proxy.url, 'manual', deps);
  }
  if (deps.resolveSystemProxy) {
    return deps.resolveSystemProxy(url.href).then((answer) => {
      const proxy = parsePacResult(answer);
      return proxy ? proxyRoute(proxy, 'system', deps) : routeFromEnv(url, deps);
    });
  }
  return routeFromEnv(url, deps);
}

const loopbackAddresses = new BlockList();
loopbackAddresses.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackAddresses.addAddress('::1', 'ipv6');
loopbackAddresses.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/**
 * Whether the URL's host is this computer: localhost and *.localhost (a trailing dot too),
 * 127.0.0.0/8, ::1 and IPv4-mapped ::ffff:127.x. The URL parser has already normalized the
 * spellings (127.1, 0x7f.0.0.1, [0:0:0:0:0:0:0:1], [::ffff:127.0.0.1] -> [::ffff:7f00:1]).
 */
export function isLoopback(url: URL): boolean {
  const known = loopbackByHost.get(url.hostname);
  if (known !== undefined) return known;
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  let loopback = host === 'localhost' || host.endsWith('.localhost');
  if (!loopback) {
    const family = isIP(host);
    loopback = family !== 0 && loopbackAddresses.check(host, family === 4 ? 'ipv4' : 'ipv6');
  }
  // Remembered per host name: it runs before every request, and the address check builds a
  // socket address object each time (a tenth of a page's cost in a long fetch-all).
  if (loopbackByHost.size >= 256) loopbackByHost.clear();
  loopbackByHost.set(url.hostname, loopback);
  return loopback;
}

const loopbackByHost = new Map<string, boolean>();

function routeFromEnv(url: URL, deps: RouteDeps): Route | Promise<Route> {
  const fromEnv = proxyFromEnv(url, deps.env);
  if (!fromEnv) return DIRECT;
  const { variable } = fromEnv;
  let route: Route | Promise<Route>;
  try {
    route = proxyRoute(fromEnv.url, 'environment', deps);
  } catch (error) {
    // A variable that names no usable proxy: the problem says which variable it is.
    if (!(error instanceof ProblemError)) throw error;
    const { detail } = error.problem;
    const facts = {
      ...detail.facts,
      variable,
      proxySource: fromVariable(variable),
    };
    throw ProblemError.of(error.problem.code, { ...detail, facts });
  }
  const named = (chosen: Route): Route =>
    chosen.kind === 'proxy' ? { ...chosen, variable } : chosen;
  return route instanceof Promise ? route.then(named) : named(route);
}

function proxyRoute(
  proxyUrl: string,
  source: 'manual' | 'system' | 'environment',
  deps: RouteDeps,
): Route | Promise<Route> {
  let parsed: URL;
  try {
    parsed = new URL(encodeDomainSlash(proxyUrl));
  } catch {
    throw unusableProxy(stripPassword(proxyUrl), 'The proxy address is not a valid URL.');
  }
  const origin = `${parsed.protocol}//${parsed.host}`;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw unusableProxy(
      origin,
      `Only http:// and https:// proxies are supported, not ${parsed.protocol}`,
    );
  }
  if (!parsed.username) return { kind: 'proxy', origin, source, secrets: [] };
  const username = decodeURIComponent(parsed.username);
  if (parsed.password)
    return basicRoute(origin, source, username, decodeURIComponent(parsed.password));
  const lookup = deps.proxyPassword?.({ origin, username }) ?? Promise.resolve(undefined);
  return lookup.then((password) => basicRoute(origin, source, username, password ?? ''));
}

function basicRoute(
  origin: string,
  source: 'manual' | 'system' | 'environment',
  username: string,
  password: string,
): Route {
  const token = Buffer.from(`${username}:${password}`).toString('base64');
  return {
    kind: 'proxy',
    origin,
    source,
    authorization: `Basic ${token}`,
    user: { username, password },
    secrets: [password, token].filter(Boolean),
  };
}

function stripPassword(text: string): string {
  return text.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1@');
}

function unusableProxy(proxy: string, raw: string): ProblemError {
  return ProblemError.of('PROXY_UNREACHABLE', { raw, facts: { proxy } });
}
