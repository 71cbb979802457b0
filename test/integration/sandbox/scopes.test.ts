import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

let sandbox: Sandbox;
let providerId: string;
let dataSourceId: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  const providers = await call(sandbox, 'GET', '/api/v1/providers/custom');
  providerId = providers.json.values.find((p: { name: string }) => p.name === 'Legacy ERP').id;
  const sources = await call(sandbox, 'GET', `/api/v1/providers/custom/${providerId}/datasources`);
  dataSourceId = sources.json.values[0].id;
});
afterAll(() => sandbox.close());

describe('team keys reach only the documented oaa_push operations', () => {
  it('lists templates and custom providers, reads itself, and works data sources end to end', async () => {
    const key = sandbox.keys.team;
    expect((await call(sandbox, 'GET', '/api/v1/providers/custom/templates', { key })).status).toBe(
      200,
    );
    expect((await call(sandbox, 'GET', '/api/v1/providers/custom', { key })).status).toBe(200);
    expect((await call(sandbox, 'GET', '/api/v1/users/self', { key })).status).toBe(200);
    const base = `/api/v1/providers/custom/${providerId}/datasources`;
    expect((await call(sandbox, 'GET', base, { key })).status).toBe(200);
    const created = await call(sandbox, 'POST', base, {
      key,
      body: { name: 'pushed-by-team-key' },
    });
    expect(created.status).toBe(200);
    const ds = created.json.value.id;
    expect((await call(sandbox, 'GET', `${base}/${ds}`, { key })).status).toBe(200);
    const pushed = await call(sandbox, 'POST', `${base}/${ds}:push`, {
      key,
      body: { id: providerId, data_source_id: ds, json_data: JSON.stringify({ applications: [] }) },
    });
    expect(pushed.status).toBe(200);
    expect((await call(sandbox, 'DELETE', `${base}/${ds}`, { key })).status).toBe(200);
  });

  it.each([
    ['GET', '/api/v1/providers'],
    ['GET', '/api/v1/providers/types'],
    ['GET', '/api/v1/teams'],
    ['GET', '/api/v1/roles'],
    ['GET', '/api/v1/assessments/queries'],
    ['POST', '/api/v1/providers/custom'],
    ['GET', '/api/preview/teamkeys'],
  ])('refuses %s %s with 403 PermissionDenied', async (method, path) => {
    const answer = await call(sandbox, method, path, {
      key: sandbox.keys.team,
      body: method === 'POST' ? {} : undefined,
    });
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('PermissionDenied');
    expect(answer.json.details.at(-1).reason).toBe('TEAM_API_KEY_NOT_ALLOWED');
  });

  it('refuses a single custom provider read (not in the documented list)', async () => {
    const answer = await call(sandbox, 'GET', `/api/v1/providers/custom/${providerId}`, {
      key: sandbox.keys.team,
    });
    expect(answer.status).toBe(403);
  });

  it('answers 401 instead when switched, since Veza does not document the status', async () => {
    sandbox.configure({ teamKeyRefusalStatus: 401 });
    try {
      const answer = await call(sandbox, 'GET', '/api/v1/providers', { key: sandbox.keys.team });
      expect(answer.status).toBe(401);
    } finally {
      sandbox.configure({ teamKeyRefusalStatus: 403 });
    }
  });
});

describe('personal keys act with their owner’s roles', () => {
  it('a read-only viewer reads but is refused every write', async () => {
    const key = sandbox.keys.viewer;
    expect((await call(sandbox, 'GET', '/api/v1/providers', { key })).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/providers/custom', { name: 'Viewer app', custom_template: 'application' }],
      ['PATCH', `/api/v1/providers/custom/${providerId}`, { name: 'renamed' }],
      ['DELETE', `/api/v1/providers/custom/${providerId}/datasources/${dataSourceId}`, undefined],
      ['POST', '/api/v1/assessments/queries', { name: 'q', query_type: 'SOURCE_TO_DESTINATION' }],
      ['POST', '/api/preview/teamkeys', { name: 'k', team_id: sandbox.demo.teams.platform }],
    ];
    for (const [method, path, body] of writes) {
      const answer = await call(sandbox, method, path, { key, body });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.json.code).toBe('PermissionDenied');
      expect(answer.json.details.at(-1)).toMatchObject({ reason: 'INSUFFICIENT_ROLE' });
      expect(answer.json.details.at(-1).message).toMatch(/viewer/);
    }
  });

  it('a viewer may still run a query (a POST that only reads)', async () => {
    const answer = await call(sandbox, 'POST', '/api/v1/assessments/query_spec:nodes', {
      key: sandbox.keys.viewer,
      body: { query_type: 'SOURCE_TO_DESTINATION' },
    });
    expect(answer.status).toBe(200);
  });

  it('an operator writes, but only an admin creates teams', async () => {
    const created = await call(sandbox, 'POST', '/api/v1/providers/custom', {
      key: sandbox.keys.operator,
      body: { name: 'Operator app', custom_template: 'application' },
    });
    expect(created.status).toBe(200);
    expect(
      (
        await call(sandbox, 'POST', '/api/v1/teams', {
          key: sandbox.keys.operator,
          body: { name: 'Ops 2' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(sandbox, 'POST', '/api/v1/teams', {
          key: sandbox.keys.admin,
          body: { name: 'Ops 2' },
        })
      ).status,
    ).toBe(200);
  });

  it('roles change at once for existing keys (they act with the owner’s current roles)', async () => {
    const { oscar } = sandbox.demo.users;
    sandbox.control.setUserRoles(oscar, ['viewer']);
    try {
      const answer = await call(sandbox, 'POST', '/api/v1/providers/custom', {
        key: sandbox.keys.operator,
        body: { name: 'Demoted app', custom_template: 'application' },
      });
      expect(answer.status).toBe(403);
    } finally {
      sandbox.control.setUserRoles(oscar, ['operator']);
    }
  });
});
