import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vezaEndpoints } from '../../../src/shared/catalog/veza-endpoints';
import type { VezaEndpoint } from '../../../src/shared/catalog/endpoint';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';

// The endpoint catalogue (src/shared/catalog/veza-endpoints.ts) against the simulated Veza,
// which follows Veza's docs (docs/sandbox.md): every example body the composer offers is
// accepted (no 400), and a team key is refused exactly the calls the catalogue marks as not
// for team keys, as Veza's list of team-key operations says.

let sandbox: Sandbox;
const ids: Record<string, string> = {};

type Answer = { status: number; body: Record<string, unknown> };
const send = async (key: string, method: string, path: string, body?: string): Promise<Answer> => {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: the status says enough.
  }
  return { status: response.status, body: parsed };
};
const admin = (method: string, path: string, body?: unknown) =>
  send(sandbox.keys.admin, method, path, body === undefined ? undefined : JSON.stringify(body));
const idOf = (answer: Answer): string =>
  String((answer.body.value as { id?: unknown } | undefined)?.id ?? '');

beforeAll(async () => {
  sandbox = await startSandbox();
  ids.provider = idOf(
    await admin('POST', '/api/v1/providers/custom', {
      name: 'Catalogue test app',
      custom_template: 'application',
    }),
  );
  ids.ds = idOf(
    await admin('POST', `/api/v1/providers/custom/${ids.provider}/datasources`, {
      name: 'Catalogue test source',
    }),
  );
  ids.team = sandbox.demo.teams.platform;
  ids.user = sandbox.demo.users.alice;
  ids.teamKey = idOf(
    await admin('POST', '/api/preview/teamkeys', { name: 'Catalogue test key', team_id: ids.team }),
  );
  for (const [name, id] of Object.entries(ids)) expect(id, name).not.toBe('');
});
afterAll(() => sandbox.close());

/** The path with its parameters filled with things that exist in the simulator. */
function concretePath(endpoint: VezaEndpoint): string {
  const idFor = (name: string): string => {
    if (name === 'ds') return ids.ds as string;
    if (endpoint.area === 'customProviders' || endpoint.area === 'dataSources')
      return ids.provider as string;
    if (endpoint.area === 'teamKeys') return ids.teamKey as string;
    if (endpoint.path.startsWith('/api/v1/teams/')) return ids.team as string;
    if (endpoint.path.startsWith('/api/v1/users/')) return ids.user as string;
    if (endpoint.path.startsWith('/api/v1/providers/datasources/')) return ids.ds as string;
    // Saved queries, access reviews, providers: an id nothing has (a 404 is no refusal).
    return '00000000-0000-4000-8000-000000000000';
  };
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(name));
  const required = endpoint.queryParams.filter((param) => param.required && param.example);
  return required.length === 0
    ? path
    : `${path}?${new URLSearchParams(required.map((param): [string, string] => [param.name, param.example as string]))}`;
}

/** The example with its left-empty fields (the team to make a key for) filled in. */
const concreteBody = (example: string): string =>
  JSON.stringify(JSON.parse(example), (name, value: unknown) =>
    name === 'team_id' && value === '' ? ids.team : value,
  );

describe('the catalogue against the simulated Veza', () => {
  const withExamples = vezaEndpoints.filter((endpoint) => endpoint.exampleBody !== undefined);

  it.each(withExamples.map((endpoint) => [endpoint.id, endpoint] as const))(
    '%s: its example body is accepted',
    async (_id, endpoint) => {
      const answer = await send(
        sandbox.keys.admin,
        endpoint.method,
        concretePath(endpoint),
        concreteBody(endpoint.exampleBody as string),
      );
      expect(answer.status, JSON.stringify(answer.body)).not.toBe(400);
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    },
  );

  it.each(vezaEndpoints.map((endpoint) => [endpoint.id, endpoint] as const))(
    '%s: a team key is refused it exactly when the catalogue says so',
    async (_id, endpoint) => {
      const answer = await send(
        sandbox.keys.team,
        endpoint.method,
        concretePath(endpoint),
        endpoint.exampleBody === undefined ? undefined : concreteBody(endpoint.exampleBody),
      );
      const refused = answer.status === 403 || answer.status === 401;
      expect(refused, `${answer.status} ${JSON.stringify(answer.body)}`).toBe(
        !endpoint.teamKeyAllowed,
      );
    },
  );
});
