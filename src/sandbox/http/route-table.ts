import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal';
import type { RoleName } from '../model/identity-types';
import type { SandboxState } from '../sandbox-state';

// A small router for Veza's paths, including custom methods after a colon
// (`/datasources/{ds}:push`, `/teamkeys/{id}:revoke`). Clients may send the colon encoded as
// %3A, so paths are matched with %3A decoded and each parameter decoded afterwards.

export interface RouteContext {
  request: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  principal: Principal;
  state: SandboxState;
  /** The request body parsed as JSON (limited to the route's maxBodyBytes). */
  readJson(): Promise<unknown>;
}

export type RouteResult =
  { status?: number; body: unknown } | { stream: (response: ServerResponse) => Promise<void> };

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** e.g. '/api/v1/providers/custom/{id}/datasources/{ds}:push' */
  pattern: string;
  /** 'write' routes are refused to read-only roles. */
  access: 'read' | 'write';
  /** Roles allowed to write (default admin and operator). */
  writeRoles?: RoleName[];
  /** One of the documented oaa_push operations a team key may call. */
  teamKey?: boolean;
  maxBodyBytes?: number;
  /** A route that exists only while this says so (an undocumented call behind a setting). */
  enabled?: (state: SandboxState) => boolean;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/:]+)';
    })
    .join('');
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

/** '%3A' and '%3a' become ':' so `:push` routes match however the client wrote them. */
export function normalizePath(rawPath: string): string {
  return rawPath.replace(/%3a/gi, ':');
}

export function createRouter(
  routes: readonly Route[],
): (method: string, path: string, state?: SandboxState) => RouteMatch {
  const compiled = routes.map(compile);
  return (method, rawPath, state) => {
    const path = normalizePath(rawPath);
    let candidates = compiled
      .map((entry) => ({ ...entry, match: entry.regex.exec(path) }))
      .filter((entry) => entry.match !== null);
    // A literal path wins over a pattern that would take it as an id: /users/self is not
    // /users/{id} with id "self", so its methods are the literal route's only.
    if (candidates.some((entry) => entry.names.length === 0))
      candidates = candidates.filter((entry) => entry.names.length === 0);
    const allowed: string[] = [];
    for (const { route, match, names } of candidates) {
      // A switched-off route is not there at all: its method and path answer 404, as any
      // unknown path does (not 405, which would tell that the path exists).
      if (route.enabled && state && !route.enabled(state)) {
        if (route.method === method) return { kind: 'none' };
        continue;
      }
      if (route.method !== method) {
        if (!allowed.includes(route.method)) allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = safeDecode(match?.[index + 1] ?? '');
      });
      return { kind: 'found', route, params };
    }
    return allowed.length ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
