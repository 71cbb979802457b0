import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call, fetchAllPages } from './support/call-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ settings: { emptyPageWhileHasMore: false } });
});
afterAll(() => sandbox.close());

describe('providers', () => {
  it('lists dozens of providers in Veza’s list shape, paged', async () => {
    const first = await call(sandbox, 'GET', '/api/v1/providers?page_size=10');
    expect(Object.keys(first.json)).toEqual(['values', 'has_more', 'next_page_token']);
    expect(first.json.values).toHaveLength(10);
    expect(first.json.has_more).toBe(true);
    expect(first.json.values[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        type: expect.any(String),
        state: expect.stringMatching(/^(ENABLED|DISABLED)$/),
      }),
    );
    const all = await fetchAllPages(sandbox, 'GET', '/api/v1/providers', { pageSize: 10 });
    expect(all.items.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.items.map((p) => p.id)).size).toBe(all.items.length);
  });

  it('filters the documented way (name eq "GitHub", spaces as +) and orders', async () => {
    const answer = await call(
      sandbox,
      'GET',
      '/api/v1/providers?filter=name+eq+%22GitHub%22&order_by=state',
    );
    expect(answer.json.values.map((p: { name: string }) => p.name)).toEqual(['GitHub']);
    const bad = await call(sandbox, 'GET', '/api/v1/providers?filter=name+like+%22Git%22');
    expect(bad.status).toBe(400);
    expect(bad.json.details[0].field_violations[0].field).toBe('filter');
  });

  it('the same seed gives the same data; another seed different data', async () => {
    const again = await startSandbox();
    const other = await startSandbox({ seed: 7 });
    try {
      const names = async (s: Sandbox) =>
        (await call(s, 'GET', '/api/v1/providers?page_size=5')).json.values.map(
          (p: { id: string }) => p.id,
        );
      expect(await names(again)).toEqual(await names(sandbox));
      expect(await names(other)).not.toEqual(await names(sandbox));
      // Keys are never seeded: one instance's keys mean nothing to another.
      expect(
        (await call(again, 'GET', '/api/v1/users/self', { key: sandbox.keys.admin })).status,
      ).toBe(401);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('lists provider types, roles and teams', async () => {
    // Veza's docs (developers/api/management/provider-management): provider types answer
    // {provider_types, unregistered_custom_provider_types}, not a paged `values` list.
    const types = await call(sandbox, 'GET', '/api/v1/providers/types');
    expect(types.json.provider_types.map((t: { type: string }) => t.type)).toContain('AWS');
    const roles = await call(sandbox, 'GET', '/api/v1/roles');
    expect(roles.json.values.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['admin', 'operator', 'viewer', 'oaa_push']),
    );
    // Role ids are UUIDs (developers/api/users-teams, team_roles[].role_id).
    for (const role of roles.json.values)
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const teams = await call(sandbox, 'GET', '/api/v1/teams');
    expect(teams.json.values.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['Platform', 'Identity Ops']),
    );
    const one = await call(sandbox, 'GET', `/api/v1/teams/${sandbox.demo.teams.platform}`);
    expect(one.json).toEqual({
      value: expect.objectContaining({ id: sandbox.demo.teams.platform, name: 'Platform' }),
    });
  });

  it('creates a team and refuses a duplicate name', async () => {
    const created = await call(sandbox, 'POST', '/api/v1/teams', { body: { name: 'Finance IT' } });
    expect(created.json.value.name).toBe('Finance IT');
    expect((await call(sandbox, 'GET', `/api/v1/teams/${created.json.value.id}`)).status).toBe(200);
    expect(
      (await call(sandbox, 'POST', '/api/v1/teams', { body: { name: 'Finance IT' } })).status,
    ).toBe(400);
  });
});

describe('OAA custom providers and data sources', () => {
  it('lists templates', async () => {
    const answer = await call(sandbox, 'GET', '/api/v1/providers/custom/templates');
    expect(answer.json.values.map((t: { id: string }) => t.id)).toEqual([
      'application',
      'identity_provider',
      'hris',
    ]);
  });

  it('creates, reads, renames and deletes a custom provider', async () => {
    const created = await call(sandbox, 'POST', '/api/v1/providers/custom', {
      body: { name: 'Door Access', custom_template: 'application' },
    });
    expect(created.status).toBe(200);
    const { id } = created.json.value;
    expect((await call(sandbox, 'GET', `/api/v1/providers/custom/${id}`)).json.value.name).toBe(
      'Door Access',
    );
    const renamed = await call(sandbox, 'PATCH', `/api/v1/providers/custom/${id}`, {
      body: { name: 'Door Access v2' },
    });
    expect(renamed.json.value.name).toBe('Door Access v2');
    const listed = await call(
      sandbox,
      'GET',
      '/api/v1/providers/custom?filter=name+eq+%22Door+Access+v2%22',
    );
    expect(listed.json.values).toHaveLength(1);
    expect((await call(sandbox, 'DELETE', `/api/v1/providers/custom/${id}`)).json).toEqual({});
    expect((await call(sandbox, 'GET', `/api/v1/providers/custom/${id}`)).status).toBe(404);
  });

  describe('data sources and push', () => {
    let base: string;
    let ds: string;
    beforeAll(async () => {
      const provider = await call(sandbox, 'POST', '/api/v1/providers/custom', {
        body: { name: 'Push Target', custom_template: 'application' },
      });
      base = `/api/v1/providers/custom/${provider.json.value.id}/datasources`;
      ds = (await call(sandbox, 'POST', base, { body: { name: 'push-target-prod' } })).json.value
        .id;
    });

    it('creates, lists, reads and refuses duplicates', async () => {
      expect(
        (await call(sandbox, 'GET', base)).json.values.map((s: { id: string }) => s.id),
      ).toEqual([ds]);
      expect((await call(sandbox, 'GET', `${base}/${ds}`)).json.value).toMatchObject({
        id: ds,
        name: 'push-target-prod',
      });
      expect(
        (await call(sandbox, 'POST', base, { body: { name: 'push-target-prod' } })).status,
      ).toBe(400);
      expect((await call(sandbox, 'GET', `${base}/not-there`)).status).toBe(404);
    });

    it('accepts a gzip + base64 payload, as oaaclient sends it, and records the push', async () => {
      const payload = { applications: [{ name: 'erp', application_type: 'erp' }], local_users: [] };
      const json_data = gzipSync(JSON.stringify(payload)).toString('base64');
      const answer = await call(sandbox, 'POST', `${base}/${ds}:push`, {
        body: { compression_type: 'GZIP', json_data },
      });
      expect(answer.status).toBe(200);
      expect(answer.json.value).toMatchObject({
        id: ds,
        status: 'PENDING',
        last_push_bytes: JSON.stringify(payload).length,
      });
      expect(answer.json.warnings).toEqual([]);
    });

    it('routes the custom method when the colon is sent as %3A (either case)', async () => {
      for (const colon of ['%3A', '%3a']) {
        const answer = await call(sandbox, 'POST', `${base}/${ds}${colon}push`, {
          body: { json_data: '{"applications":[]}' },
        });
        expect(answer.status).toBe(200);
      }
    });

    it.each([
      ['not base64', { compression_type: 'GZIP', json_data: 'not base64!' }, 'json_data'],
      [
        'not gzip',
        { compression_type: 'GZIP', json_data: Buffer.from('plain').toString('base64') },
        'json_data',
      ],
      ['not JSON', { json_data: '{nope' }, 'json_data'],
      ['a JSON array', { json_data: '[]' }, 'json_data'],
      ['an unknown compression', { compression_type: 'ZSTD', json_data: '{}' }, 'compression_type'],
      ['no json_data', {}, 'json_data'],
      ['a provider id that is not the path’s', { id: 'other', json_data: '{}' }, 'id'],
    ])('refuses a push with %s', async (_what, body, field) => {
      const answer = await call(sandbox, 'POST', `${base}/${ds}:push`, { body });
      expect(answer.status).toBe(400);
      expect(
        answer.json.details[0].field_violations.map((v: { field: string }) => v.field),
      ).toContain(field);
    });

    it('deletes a data source', async () => {
      const extra = (await call(sandbox, 'POST', base, { body: { name: 'short-lived' } })).json
        .value.id;
      expect((await call(sandbox, 'DELETE', `${base}/${extra}`)).json).toEqual({});
      expect((await call(sandbox, 'GET', `${base}/${extra}`)).status).toBe(404);
    });
  });
});

describe('saved queries', () => {
  it('lists and saves assessment queries', async () => {
    const before = (await call(sandbox, 'GET', '/api/v1/assessments/queries')).json.values.length;
    const saved = await call(sandbox, 'POST', '/api/v1/assessments/queries', {
      body: {
        name: 'Okta users',
        query_type: 'SOURCE_TO_DESTINATION',
        source_node_types: { nodes: [{ node_type: 'OktaUser' }] },
      },
    });
    expect(saved.json.value).toMatchObject({
      name: 'Okta users',
      query_type: 'SOURCE_TO_DESTINATION',
    });
    expect((await call(sandbox, 'GET', '/api/v1/assessments/queries')).json.values.length).toBe(
      before + 1,
    );
  });
});
