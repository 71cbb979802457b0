import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../../src/sandbox/resources/all-routes';
import { defaultSettings } from '../../../src/sandbox/sandbox-settings';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call, type Answer } from './support/call-sandbox';

// What the simulator does because Veza's docs say so (docs/sandbox.md names each source), over
// real HTTP on 127.0.0.1: answer shapes that are not value/values, paging without has_more,
// VQL's cursor in the query text, the undocumented GET of one team key, and exactly the
// calls a team key may make.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterEach(() => {
  sandbox.configure({ ...defaultSettings });
  sandbox.faults.clear();
});
afterAll(() => sandbox.close());

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const teamKeys = '/api/preview/teamkeys';

/** Follows next_page_token only (as for lists without has_more); stops on "" or a repeat. */
async function byToken(path: string, listKey = 'values', key = sandbox.keys.admin) {
  const pages: Answer[] = [];
  const seen = new Set<string>();
  let token = '';
  for (;;) {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(
      sandbox,
      'GET',
      token ? `${path}${separator}page_token=${encodeURIComponent(token)}` : path,
      { key },
    );
    expect(page.status, page.text).toBe(200);
    pages.push(page);
    token = page.json.next_page_token;
    if (!token) return { pages, items: pages.flatMap((p) => p.json[listKey]), repeated: false };
    if (seen.has(token))
      return { pages, items: pages.flatMap((p) => p.json[listKey]), repeated: true };
    seen.add(token);
    if (pages.length > 100) throw new Error('paging did not end');
  }
}

describe('answers that are not value/values', () => {
  it('provider types: {provider_types, unregistered_custom_provider_types}, not paged', async () => {
    const answer = await call(sandbox, 'GET', '/api/v1/providers/types?page_size=1');
    expect(Object.keys(answer.json).sort()).toEqual([
      'provider_types',
      'unregistered_custom_provider_types',
    ]);
    expect(answer.json.provider_types.length).toBeGreaterThan(1);
    const google = answer.json.provider_types.find(
      (t: { type: string }) => t.type === 'GOOGLE_CLOUD',
    );
    expect(google.schema_integration_type).toBe('google');
    const unused = answer.json.provider_types.find((t: { enabled: boolean }) => !t.enabled);
    expect(unused.provider_ids).toEqual([]);
  });

  it('events: {events, next_page_token}, no has_more, INTEGRATIONS errors with Veza’s advice', async () => {
    const since = new Date(sandbox.clock.now().getTime() - 10 * 86_400_000).toISOString();
    const { pages, items } = await byToken(
      `/api/preview/events?page_size=10&filter=category+eq+"INTEGRATIONS"+and+timestamp+ge+"${since}"`,
      'events',
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.json).not.toHaveProperty('has_more');
      expect(page.json).not.toHaveProperty('values');
    }
    expect(new Set(items.map((e: { id: string }) => e.id)).size).toBe(items.length);
    for (const event of items) {
      expect(event.category).toBe('INTEGRATIONS');
      expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(Date.parse(since));
    }
    const failed = items.find((e: { severity: string }) => e.severity === 'ERROR');
    expect(failed.error).toEqual({
      reason: expect.any(String),
      metadata: {},
      message: expect.any(String),
      resolution: expect.any(String),
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('counts: number_value is a string, and agrees with the nodes listed', async () => {
    const spec = {
      query_type: 'SOURCE_TO_DESTINATION',
      source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
    };
    const count = await call(sandbox, 'POST', '/api/v1/assessments/query_spec:result', {
      body: spec,
    });
    expect(count.json).toEqual({
      result_type: 'number',
      number_value: expect.stringMatching(/^\d+$/),
    });
    const nodes = await call(
      sandbox,
      'POST',
      '/api/v1/assessments/query_spec:nodes?page_size=100',
      {
        body: spec,
      },
    );
    expect(Number(count.json.number_value)).toBeGreaterThan(nodes.json.values.length - 1);
    const saved = (await call(sandbox, 'GET', '/api/v1/assessments/queries')).json.values[0];
    const savedCount = await call(sandbox, 'GET', `/api/v1/assessments/queries/${saved.id}:result`);
    expect(typeof savedCount.json.number_value).toBe('string');
    expect(savedCount.json.result_type).toBe('number');
  });

  it('VQL: pages with AFTER CURSOR inside the query text, until has_more is false', async () => {
    const total = Number(
      (
        await call(sandbox, 'POST', '/api/v1/assessments/query_spec:result', {
          body: {
            query_type: 'SOURCE_TO_DESTINATION',
            source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
          },
        })
      ).json.number_value,
    );
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const query = `SHOW OktaUser${cursor ? ` AFTER CURSOR '${cursor}'` : ''} LIMIT 50;`;
      const page = await call(sandbox, 'POST', '/api/v1/assessments/vql:nodes', {
        body: { query },
      });
      expect(page.status, page.text).toBe(200);
      expect(Object.keys(page.json).sort()).toEqual(['cursor', 'has_more', 'path_values']);
      pages += 1;
      seen.push(...page.json.path_values.map((row: { source: { id: string } }) => row.source.id));
      if (!page.json.has_more) break;
      expect(page.json.cursor).not.toBe(cursor);
      cursor = page.json.cursor;
    }
    expect(pages).toBe(Math.ceil(total / 50));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const bad = await call(sandbox, 'POST', '/api/v1/assessments/vql:nodes', {
      body: { query: "SHOW OktaUser AFTER CURSOR 'not-a-cursor' LIMIT 5;" },
    });
    expect(bad.status).toBe(400);
  });

  it('VQL switched off for the instance is refused, in the envelope', async () => {
    sandbox.configure({ vqlEnabled: false });
    const answer = await call(sandbox, 'POST', '/api/v1/assessments/vql:nodes', {
      body: { query: 'SHOW OktaUser LIMIT 5;' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('FailedPrecondition');
  });
});

describe('paging as Veza’s lists do it', () => {
  it('team keys over three pages, without has_more, by next_page_token alone', async () => {
    sandbox.configure({ emptyPageWhileHasMore: false });
    for (let index = 0; index < 5; index += 1)
      sandbox.control.createTeamKey({
        teamId: sandbox.demo.teams.identityOps,
        name: `paged ${index}`,
      });
    const filter = `filter=team_id+eq+%22${sandbox.demo.teams.identityOps}%22`;
    const { pages, items } = await byToken(`${teamKeys}?page_size=2&${filter}`);
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page.json).not.toHaveProperty('has_more');
    expect(pages.at(-1)?.json.next_page_token).toBe('');
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining([
          'id',
          'access_key',
          'name',
          'created_at',
          'last_access_at',
          'status',
          'team_id',
          'team_name',
        ]),
      );
      expect(item.access_key).toBe('');
      expect(item.team_id).toBe(sandbox.demo.teams.identityOps);
    }
  });

  it('providers page by 25 when no page_size is given', async () => {
    sandbox.configure({ emptyPageWhileHasMore: false, tokenOnLastPage: false });
    const first = await call(sandbox, 'GET', '/api/v1/providers');
    expect(first.json.values).toHaveLength(25);
    expect(first.json.has_more).toBe(true);
    const second = await call(
      sandbox,
      'GET',
      `/api/v1/providers?page_token=${first.json.next_page_token}`,
    );
    expect(second.json.values).toHaveLength(42 - 25);
    expect(second.json.has_more).toBe(false);
    // Veza's own client asks for 250: clamped to 100 by default, never refused.
    expect(
      (await call(sandbox, 'GET', '/api/v1/providers?page_size=250')).json.values,
    ).toHaveLength(42);
    const nodes = '/api/v1/assessments/query_spec:nodes?page_size=250';
    const body = { query_type: 'SOURCE_TO_DESTINATION' };
    expect((await call(sandbox, 'POST', nodes, { body })).json.values).toHaveLength(100);
    sandbox.configure({ pageSizeOverMax: 'allow' });
    expect((await call(sandbox, 'POST', nodes, { body })).json.values).toHaveLength(250);
  });

  it('a list whose last page repeats its token (repeatTokenOnLastPage): a token-only reader would loop', async () => {
    sandbox.configure({ repeatTokenOnLastPage: true, emptyPageWhileHasMore: false });
    const { repeated, pages } = await byToken(`${teamKeys}?page_size=1`);
    expect(repeated).toBe(true);
    const last = pages.at(-1)?.json;
    const before = pages.at(-2)?.json;
    expect(last.next_page_token).toBe(before.next_page_token);
    // A has_more list says false on that page, so a client that obeys has_more stops.
    const providersLast = await call(sandbox, 'GET', '/api/v1/providers?page_size=100');
    expect(providersLast.json.has_more).toBe(false);
    sandbox.configure({ repeatTokenOnLastPage: false });
    expect((await byToken(`${teamKeys}?page_size=1`)).repeated).toBe(false);
  });
});

describe('team API keys as documented', () => {
  it('GET /api/preview/teamkeys/{id} is a 404 like any unknown path, unless teamKeyGetById', async () => {
    const id = sandbox.demo.keyIds.team;
    const off = await call(sandbox, 'GET', `${teamKeys}/${id}`);
    const unknown = await call(sandbox, 'GET', '/api/preview/nothing-here');
    expect(off.status).toBe(404);
    expect(off.json.code).toBe('NotFound');
    const strip = (body: { details: unknown }) => ({ ...body, request_id: 'x', timestamp: 'x' });
    expect(strip(off.json)).toEqual(strip(unknown.json));
    sandbox.configure({ teamKeyGetById: true });
    const on = await call(sandbox, 'GET', `${teamKeys}/${id}`);
    expect(on.status).toBe(200);
    expect(on.json.value).toMatchObject({
      id,
      access_key: '',
      team_id: sandbox.demo.teams.platform,
    });
  });

  it('status as a number and the creator fields follow their switches', async () => {
    const item = async () =>
      (await call(sandbox, 'GET', teamKeys)).json.values.find(
        (k: { id: string }) => k.id === sandbox.demo.keyIds.team,
      );
    expect(await item()).toMatchObject({ status: 'ACTIVE', created_by: sandbox.demo.users.alice });
    sandbox.configure({ teamKeyStatusFormat: 'number', teamKeyCreator: 'named' });
    const named = await item();
    expect(named).toMatchObject({
      status: 1,
      created_by_name: 'Alice Admin',
      created_by_email: expect.stringContaining('@'),
      user_id: sandbox.demo.users.alice,
    });
    expect(named).not.toHaveProperty('created_by');
    sandbox.configure({ teamKeyCreator: 'none' });
    expect(Object.keys(await item()).sort()).toEqual([
      'access_key',
      'created_at',
      'id',
      'last_access_at',
      'name',
      'status',
      'team_id',
      'team_name',
    ]);
  });

  it('a non-root team’s key sees its team’s keys only, even when filtering for another', async () => {
    const viewer = sandbox.keys.viewer;
    const other = await call(
      sandbox,
      'GET',
      `${teamKeys}?filter=team_id+eq+'${sandbox.demo.teams.platform}'`,
      {
        key: viewer,
      },
    );
    expect(other.json.values).toEqual([]);
    const admin = await call(
      sandbox,
      'GET',
      `${teamKeys}?filter=team_id+eq+'${sandbox.demo.teams.platform}'`,
    );
    expect(admin.json.values.map((k: { id: string }) => k.id)).toContain(sandbox.demo.keyIds.team);
  });
});

describe('exactly the calls Veza’s list gives team keys', () => {
  // developers/api/users-teams/team-api-keys: list custom provider templates, list custom
  // providers, create / get / delete / list data sources, push a data source, push CSV, get user.
  const allowed = [
    'GET /api/v1/providers/custom/templates',
    'GET /api/v1/providers/custom',
    'GET /api/v1/providers/custom/{id}/datasources',
    'POST /api/v1/providers/custom/{id}/datasources',
    'GET /api/v1/providers/custom/{id}/datasources/{ds}',
    'DELETE /api/v1/providers/custom/{id}/datasources/{ds}',
    'POST /api/v1/providers/custom/{id}/datasources/{ds}:push',
    'POST /api/v1/providers/custom/{id}/datasources/{ds}:push_csv',
    'GET /api/v1/users/self',
    // Get User is GET /api/v1/users/{id}, "self" being one id (developers/api/users-teams).
    'GET /api/v1/users/{id}',
  ];

  it('marks those routes, and no other', () => {
    const marked = allRoutes
      .filter((route) => route.teamKey)
      .map((route) => `${route.method} ${route.pattern}`);
    expect(marked.sort()).toEqual([...allowed].sort());
  });

  it('over HTTP: every listed call is let through, every other one is 403', async () => {
    sandbox.configure({ teamKeyGetById: true });
    const provider = (
      await call(sandbox, 'GET', '/api/v1/providers/custom?filter=name+eq+"HR+Portal"')
    ).json.values[0].id;
    const results: string[] = [];
    for (const route of allRoutes) {
      if (route.pattern === '/api/v1/sandbox/large') continue;
      // A fresh data source each time, so a DELETE leaves the next call something to reach.
      const source = (
        await call(sandbox, 'POST', `/api/v1/providers/custom/${provider}/datasources`, {
          body: { name: `scoped ${results.length}` },
        })
      ).json.value.id;
      const path = route.pattern
        .replace(
          '{id}',
          route.pattern.includes('/custom/')
            ? provider
            : route.pattern.includes('/users/')
              ? sandbox.demo.users.alice
              : 'x',
        )
        .replace('{ds}', source);
      const answer = await call(sandbox, route.method, path, { key: sandbox.keys.team, body: {} });
      const name = `${route.method} ${route.pattern}`;
      const refused =
        answer.status === 403 &&
        answer.json?.details?.at(-1)?.reason === 'TEAM_API_KEY_NOT_ALLOWED';
      results.push(`${name}: ${refused ? 'refused' : 'let through'}`);
    }
    expect(results).toEqual(
      allRoutes
        .filter((route) => route.pattern !== '/api/v1/sandbox/large')
        .map((route) => {
          const name = `${route.method} ${route.pattern}`;
          return `${name}: ${allowed.includes(name) ? 'let through' : 'refused'}`;
        }),
    );
  });
});

describe('the docs’ request forms are accepted', () => {
  it('filters in single or double quotes, spaces as +', async () => {
    const single = await call(
      sandbox,
      'GET',
      "/api/v1/providers?filter=state+eq+'ENABLED'&page_size=100",
    );
    const double = await call(
      sandbox,
      'GET',
      '/api/v1/providers?filter=state+eq+"ENABLED"&page_size=100',
    );
    expect(single.status).toBe(200);
    expect(single.json.values.length).toBeGreaterThan(0);
    expect(single.json.values).toEqual(double.json.values);
  });

  it('PATCH a custom provider with {"provisioning": true}', async () => {
    const provider = (await call(sandbox, 'GET', '/api/v1/providers/custom')).json.values[0];
    const patched = await call(sandbox, 'PATCH', `/api/v1/providers/custom/${provider.id}`, {
      body: { provisioning: true },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.value).toMatchObject({
      id: provider.id,
      name: provider.name,
      provisioning: true,
    });
    expect(
      (await call(sandbox, 'PATCH', `/api/v1/providers/custom/${provider.id}`, { body: {} }))
        .status,
    ).toBe(400);
  });

  it('compression_type "none" in any case, and "gzip" in lower case', async () => {
    const provider = (
      await call(sandbox, 'GET', '/api/v1/providers/custom?filter=name+eq+"HR+Portal"')
    ).json.values[0].id;
    const source = (await call(sandbox, 'GET', `/api/v1/providers/custom/${provider}/datasources`))
      .json.values[0].id;
    for (const compression of ['none', 'NONE', 'None'])
      expect(
        (
          await call(
            sandbox,
            'POST',
            `/api/v1/providers/custom/${provider}/datasources/${source}:push`,
            {
              key: sandbox.keys.team,
              body: { compression_type: compression, json_data: '{"applications": []}' },
            },
          )
        ).status,
        compression,
      ).toBe(200);
    const refused = await call(
      sandbox,
      'POST',
      `/api/v1/providers/custom/${provider}/datasources/${source}:push`,
      {
        key: sandbox.keys.team,
        body: { compression_type: 'zip', json_data: '{}' },
      },
    );
    expect(refused.status).toBe(400);
  });

  it('DESTINATION_NODES and the enum numbers as query_type; the saved query body flat or nested', async () => {
    for (const queryType of ['DESTINATION_NODES', 1, 2])
      expect(
        (
          await call(sandbox, 'POST', '/api/v1/assessments/query_spec:result', {
            body: {
              query_type: queryType,
              source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
            },
          })
        ).status,
      ).toBe(200);
    const flat = await call(sandbox, 'POST', '/api/v1/assessments/queries', {
      body: {
        name: 'Flat',
        description: 'as the docs send it',
        query_type: 'SOURCE_TO_DESTINATION',
        source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
      },
    });
    expect(flat.status, flat.text).toBe(200);
    // The app's catalogue example (the spec under "query").
    const nested = await call(sandbox, 'POST', '/api/v1/assessments/queries', {
      body: {
        name: 'Okta users with S3 access',
        query: {
          node_relationship_type: 'EFFECTIVE_ACCESS',
          query_type: 'SOURCE_TO_DESTINATION',
          source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
          destination_node_types: { nodes: [{ node_type: 'S3Bucket' }] },
        },
      },
    });
    expect(nested.status, nested.text).toBe(200);
    const id = nested.json.value.id;
    expect((await call(sandbox, 'GET', `/api/v1/assessments/queries/${id}`)).json.value.name).toBe(
      'Okta users with S3 access',
    );
    const replaced = await call(sandbox, 'PUT', `/api/v1/assessments/queries/${id}`, {
      body: { name: 'Renamed', query_type: 'DESTINATION_NODES' },
    });
    expect(replaced.json.value).toMatchObject({
      id,
      name: 'Renamed',
      query_type: 'DESTINATION_NODES',
    });
    expect((await call(sandbox, 'DELETE', `/api/v1/assessments/queries/${id}`)).json).toEqual({});
    expect((await call(sandbox, 'GET', `/api/v1/assessments/queries/${id}`)).status).toBe(404);
  });
});

describe('integration health and admin calls', () => {
  it('data sources with their status, filtered by status eq "ERROR", and their parse status', async () => {
    const failing = await call(
      sandbox,
      'GET',
      '/api/v1/providers/datasources?filter=status+eq+"ERROR"&page_size=100',
    );
    expect(failing.json.values.length).toBeGreaterThan(0);
    for (const source of failing.json.values) expect(source.status).toBe('ERROR');
    const parse = await call(
      sandbox,
      'GET',
      `/api/v1/providers/datasources/${failing.json.values[0].id}/parse_status`,
    );
    expect(parse.json.job_status).toMatchObject({
      job_type: 'PARSE',
      state: 'COMPLETED',
      status: 'INTERNAL',
    });
    expect(
      (await call(sandbox, 'GET', '/api/v1/providers/datasources/nope/parse_status')).status,
    ).toBe(404);
  });

  it('providers with include_datasource_status=true carry their data sources’ status', async () => {
    const plain = await call(sandbox, 'GET', '/api/v1/providers?page_size=5');
    expect(plain.json.values[0]).not.toHaveProperty('datasource_status');
    const rich = await call(
      sandbox,
      'GET',
      '/api/v1/providers?page_size=5&include_datasource_status=true',
    );
    expect(rich.json.values[0].datasource_status).toEqual({
      SUCCESS: expect.any(Number),
      PENDING: expect.any(Number),
      ERROR: expect.any(Number),
    });
  });

  it('audit log: ended_at filter within 90 days and page_size required; pages by token', async () => {
    const recent = new Date(sandbox.clock.now().getTime() - 86_400_000).toISOString();
    const old = new Date(sandbox.clock.now().getTime() - 91 * 86_400_000).toISOString();
    const audit = '/api/preview/system/audit';
    expect((await call(sandbox, 'GET', `${audit}?page_size=5`)).status).toBe(400);
    expect((await call(sandbox, 'GET', `${audit}?filter=ended_at+GE+"${recent}"`)).status).toBe(
      400,
    );
    expect(
      (await call(sandbox, 'GET', `${audit}?page_size=5&filter=ended_at+GE+"${old}"`)).status,
    ).toBe(400);
    const first = await call(sandbox, 'GET', `${audit}?page_size=2&filter=ended_at+GE+"${recent}"`);
    expect(first.status, first.text).toBe(200);
    expect(first.json.values).toHaveLength(2);
    expect(first.json.values[0].intent.api_key_id).toBe(sandbox.demo.keyIds.admin);
    expect(first.json.values[0].result.http_status).toEqual(expect.any(Number));
    const token = first.json.next_page_token;
    expect(token).not.toBe('');
    expect(
      (
        await call(
          sandbox,
          'GET',
          `${audit}?page_size=2&page_token=${token}&filter=ended_at+GE+"${recent}"`,
        )
      ).status,
    ).toBe(400);
    const second = await call(sandbox, 'GET', `${audit}?page_size=2&page_token=${token}`);
    expect(second.json.values[0].id).not.toBe(first.json.values[0].id);
  });

  it('provider enable / disable: admins only, and the state follows', async () => {
    const provider = (await call(sandbox, 'GET', '/api/v1/providers?page_size=1')).json.values[0];
    expect(
      (
        await call(sandbox, 'PUT', `/api/v1/providers/${provider.id}:disable`, {
          key: sandbox.keys.operator,
        })
      ).status,
    ).toBe(403);
    expect((await call(sandbox, 'PUT', `/api/v1/providers/${provider.id}:disable`)).json).toEqual(
      {},
    );
    const listed = await call(
      sandbox,
      'GET',
      `/api/v1/providers?filter=state+eq+"DISABLED"&page_size=100`,
    );
    expect(listed.json.values.map((p: { id: string }) => p.id)).toContain(provider.id);
    sandbox.configure({ providerToggleAnswer: 'value' });
    const enabled = await call(sandbox, 'PUT', `/api/v1/providers/${provider.id}%3Aenable`);
    expect(enabled.json.value).toMatchObject({ id: provider.id, state: 'ENABLED' });
  });

  it('teams: PATCH changes some fields, PUT replaces the team', async () => {
    const team = sandbox.control.createTeam('To change', 'before');
    const patched = await call(sandbox, 'PATCH', `/api/v1/teams/${team.id}`, {
      body: { description: 'after' },
    });
    expect(patched.json.value).toMatchObject({
      id: team.id,
      name: 'To change',
      description: 'after',
      policy_type: 'UNBOUND',
    });
    const provider = (await call(sandbox, 'GET', '/api/v1/providers?page_size=1')).json.values[0];
    const replaced = await call(sandbox, 'PUT', `/api/v1/teams/${team.id}`, {
      body: { name: 'Changed', policy_type: 'PROVIDER_ID_SET', providers: [{ id: provider.id }] },
    });
    expect(replaced.json.value).toMatchObject({
      name: 'Changed',
      description: '',
      policy_type: 'PROVIDER_ID_SET',
      providers: [{ id: provider.id, name: provider.name, type: provider.type }],
    });
    expect(
      (
        await call(sandbox, 'PATCH', `/api/v1/teams/${team.id}`, {
          key: sandbox.keys.operator,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('roles and teams', () => {
  it('role ids are UUIDs', async () => {
    for (const role of (await call(sandbox, 'GET', '/api/v1/roles')).json.values)
      expect(role.id).toMatch(uuid);
  });

  it('the root team takes admin, operator, access reviewer; other teams operator or viewer', async () => {
    const self = async (key: string) =>
      (await call(sandbox, 'GET', '/api/v1/users/self', { key })).json.value;
    expect((await self(sandbox.keys.admin)).roles).toEqual(['admin']);
    expect((await self(sandbox.keys.viewer)).team.id).toBe(sandbox.demo.teams.identityOps);
    // Alice, admin at the root, acts as operator in Identity Ops.
    const aliceOps = sandbox.control.createPersonalKey({
      userId: sandbox.demo.users.alice,
      teamId: sandbox.demo.teams.identityOps,
    });
    expect((await self(aliceOps.key)).roles).toEqual(['operator']);
    const created = await call(sandbox, 'POST', '/api/v1/teams', {
      key: aliceOps.key,
      body: { name: 'No' },
    });
    expect(created.status).toBe(403);
    // A viewer placed in the root team has no role there.
    const user = sandbox.control.createUser({
      name: 'Root Viewer',
      roles: ['viewer'],
      teamIds: [sandbox.demo.teams.platform],
    });
    const rootViewer = sandbox.control.createPersonalKey({
      userId: user.id,
      teamId: sandbox.demo.teams.platform,
    });
    expect((await call(sandbox, 'GET', '/api/v1/providers', { key: rootViewer.key })).status).toBe(
      403,
    );
  });

  it('a PROVIDER_ID_SET team’s keys see only that team’s providers', async () => {
    const all = (await call(sandbox, 'GET', '/api/v1/providers?page_size=3')).json.values;
    const team = sandbox.control.createTeam('Scoped', '', { providerIds: [all[0].id, all[1].id] });
    const user = sandbox.control.createUser({
      name: 'Scoped Op',
      roles: ['operator'],
      teamIds: [team.id],
    });
    const key = sandbox.control.createPersonalKey({ userId: user.id, teamId: team.id }).key;
    const seen = (await call(sandbox, 'GET', '/api/v1/providers?page_size=100', { key })).json
      .values;
    expect(seen.map((p: { id: string }) => p.id).sort()).toEqual([all[0].id, all[1].id].sort());
    expect((await call(sandbox, 'GET', '/api/v1/providers/custom', { key })).json.values).toEqual(
      [],
    );
    const types = (await call(sandbox, 'GET', '/api/v1/providers/types', { key })).json
      .provider_types;
    expect(types.flatMap((t: { provider_ids: string[] }) => t.provider_ids).sort()).toEqual(
      [all[0].id, all[1].id].sort(),
    );
  });
});

describe('errors as Veza and its gateway send them', () => {
  it('404: Veza’s client’s body (Not Found, ResourceInfo, NOT_FOUND with an empty resolution)', async () => {
    const answer = await call(sandbox, 'GET', '/api/v1/teams/not-a-team');
    expect(answer.json).toMatchObject({ code: 'NotFound', message: 'Not Found' });
    expect(answer.json.details).toEqual([
      {
        '@type': 'type.googleapis.com/errorstatus.v1.ResourceInfo',
        resource_type: 'team',
        resource: 'not-a-team',
      },
      {
        '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
        reason: 'NOT_FOUND',
        metadata: {},
        message: 'Requested resource was not found.',
        resolution: '',
      },
    ]);
  });

  it('502 says the service is temporarily unavailable (HTML by default, or an envelope)', async () => {
    sandbox.faults.add({ kind: 'serverError', status: 502, times: 1 });
    const page = await call(sandbox, 'GET', '/api/v1/providers');
    expect(page.status).toBe(502);
    expect(page.text).toMatch(/the service is temporarily unavailable/i);
    sandbox.faults.add({ kind: 'serverError', status: 502, body: 'envelope', times: 1 });
    const envelope = await call(sandbox, 'GET', '/api/v1/providers');
    expect(envelope.status).toBe(502);
    expect(envelope.json).toMatchObject({
      code: 'Unavailable',
      message: expect.stringMatching(/temporarily unavailable/i),
    });
  });
});

describe('users, team deletion and access reviews (the rest of veza-api.md’s table)', () => {
  it('creates, reads, changes and deletes a user with team_roles of role UUIDs', async () => {
    const roleList = (await call(sandbox, 'GET', '/api/v1/roles')).json.values;
    const operatorId = roleList.find((role: { name: string }) => role.name === 'operator').id;
    const created = await call(sandbox, 'POST', '/api/v1/users', {
      body: {
        name: 'Demo User',
        email: 'demo.user@example.com',
        team_roles: [{ team_id: sandbox.demo.teams.identityOps, role_id: operatorId }],
      },
    });
    expect(created.status, created.text).toBe(200);
    const { id } = created.json.value;
    expect(created.json.value.team_roles).toEqual([
      { team_id: sandbox.demo.teams.identityOps, role_id: operatorId },
    ]);
    expect(
      (await call(sandbox, 'GET', `/api/v1/users/${id}`, { key: sandbox.keys.team })).json.value
        .name,
    ).toBe('Demo User');
    const renamed = await call(sandbox, 'PATCH', `/api/v1/users/${id}`, {
      body: { name: 'Demo Renamed' },
    });
    expect(renamed.json.value.name).toBe('Demo Renamed');
    expect(
      (
        await call(sandbox, 'POST', '/api/v1/users', {
          key: sandbox.keys.operator,
          body: { name: 'x', email: 'x@example.com' },
        })
      ).status,
    ).toBe(403);
    expect((await call(sandbox, 'DELETE', `/api/v1/users/${id}`)).json).toEqual({});
    expect((await call(sandbox, 'GET', `/api/v1/users/${id}`)).status).toBe(404);
  });

  it('deleting a team stops its team keys; the root team cannot be deleted', async () => {
    const team = sandbox.control.createTeam('Short-lived');
    const key = sandbox.control.createTeamKey({ teamId: team.id });
    expect((await call(sandbox, 'GET', '/api/v1/users/self', { key: key.key })).status).toBe(200);
    expect((await call(sandbox, 'DELETE', `/api/v1/teams/${team.id}`)).json).toEqual({});
    expect((await call(sandbox, 'GET', '/api/v1/users/self', { key: key.key })).status).toBe(401);
    expect(
      (await call(sandbox, 'DELETE', `/api/v1/teams/${sandbox.demo.teams.platform}`)).status,
    ).toBe(400);
  });

  it('access reviews: workflows, their certifications, and results by offset and size', async () => {
    const workflows = (await call(sandbox, 'GET', '/api/preview/awf/workflows')).json.values;
    expect(workflows.length).toBeGreaterThan(0);
    expect((await call(sandbox, 'GET', '/api/preview/awf/certifications')).status).toBe(400);
    const certs = await call(
      sandbox,
      'GET',
      `/api/preview/awf/certifications?workflow_id=${workflows[0].id}`,
    );
    expect(certs.json).toMatchObject({ has_more: false, total_result_count: 1 });
    const id = certs.json.values[0].certification_id;
    const page = await call(
      sandbox,
      'GET',
      `/api/preview/awf/certifications/${id}/results?offset=60&size=30`,
    );
    expect(page.json.values).toHaveLength(15);
    expect(page.json).toMatchObject({ has_more: false, total_result_count: 75 });
  });
});
