import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

// GET /api/preview/teamkeys/{id} is not in Veza's docs (developers/api/users-teams/
// team-api-keys): this file switches it on where it reads one key; team-keys-docs.test.ts
// covers the default, where it is a 404 like any unknown path.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ settings: { teamKeyGetById: true } });
});
afterAll(() => sandbox.close());

const teamKeys = '/api/preview/teamkeys';
const self = (key: string) => call(sandbox, 'GET', '/api/v1/users/self', { key });

describe('team API keys (/api/preview/teamkeys)', () => {
  it('lives a whole life: create (key shown once), use, rename, revoke, reinstate, delete', async () => {
    const { platform } = sandbox.demo.teams;
    const created = await call(sandbox, 'POST', teamKeys, {
      body: { name: 'HR sync', team_id: platform },
    });
    expect(created.status).toBe(200);
    const { id, access_key: accessKey } = created.json.value;
    expect(created.json.value).toMatchObject({
      name: 'HR sync',
      team_id: platform,
      status: 'ACTIVE',
    });
    expect(accessKey).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);

    // Never again: not in the list, not in a read.
    const listed = await call(sandbox, 'GET', teamKeys);
    expect(listed.json.values.find((k: { id: string }) => k.id === id)).toEqual(
      expect.objectContaining({ id, name: 'HR sync' }),
    );
    expect(listed.text).not.toContain(accessKey);
    // The documented list item carries access_key, always "" outside the create answer.
    for (const item of listed.json.values) expect(item.access_key).toBe('');
    const read = await call(sandbox, 'GET', `${teamKeys}/${id}`);
    expect(read.text).not.toContain(accessKey);

    expect((await self(accessKey)).json.value.api_key).toEqual({
      id,
      name: 'HR sync',
      type: 'TEAM',
    });

    const renamed = await call(sandbox, 'PATCH', `${teamKeys}/${id}`, {
      body: { name: 'HR sync (prod)' },
    });
    expect(renamed.json.value.name).toBe('HR sync (prod)');

    expect((await call(sandbox, 'POST', `${teamKeys}/${id}:revoke`)).json).toEqual({});
    expect((await call(sandbox, 'GET', `${teamKeys}/${id}`)).json.value.status).toBe('INACTIVE');
    const refused = await self(accessKey);
    expect(refused.status).toBe(401);
    expect(refused.json.message).toMatch(/revoked/);

    expect((await call(sandbox, 'POST', `${teamKeys}/${id}%3Areinstate`)).json).toEqual({});
    expect((await self(accessKey)).status).toBe(200);

    // Veza's docs: DELETE answers the deleted key as {"value": {...}} (access_key "").
    const deleted = await call(sandbox, 'DELETE', `${teamKeys}/${id}`);
    expect(deleted.json.value).toMatchObject({ id, name: 'HR sync (prod)', access_key: '' });
    expect((await call(sandbox, 'GET', `${teamKeys}/${id}`)).status).toBe(404);
    expect((await call(sandbox, 'POST', `${teamKeys}/${id}:reinstate`)).status).toBe(404);
    expect((await self(accessKey)).json.message).toMatch(/deleted/);
  });

  it('only Admins and Operators create keys; a viewer is told why', async () => {
    const body = { name: 'viewer try', team_id: sandbox.demo.teams.platform };
    const refused = await call(sandbox, 'POST', teamKeys, { key: sandbox.keys.viewer, body });
    expect(refused.status).toBe(403);
    expect(refused.json.details.at(-1).message).toMatch(/viewer/);
    expect(
      (await call(sandbox, 'POST', teamKeys, { key: sandbox.keys.operator, body })).status,
    ).toBe(200);
  });

  it('an operator creates keys only for their own teams; unknown teams are invalid', async () => {
    const other = await call(sandbox, 'POST', teamKeys, {
      key: sandbox.keys.operator,
      body: { name: 'not mine', team_id: sandbox.demo.teams.identityOps },
    });
    expect(other.status).toBe(403);
    expect(other.json.details.at(-1).reason).toBe('NOT_A_TEAM_MEMBER');
    const unknown = await call(sandbox, 'POST', teamKeys, { body: { name: 'x', team_id: 'nope' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.details[0].field_violations[0].field).toBe('team_id');
    const noName = await call(sandbox, 'POST', teamKeys, {
      body: { team_id: sandbox.demo.teams.platform },
    });
    expect(noName.json.details[0].field_violations[0].field).toBe('name');
  });

  // Veza's docs: with a key of a non-root team the team_id filter is applied automatically;
  // only root-team admins see every team's keys. Victor (viewer) is in Identity Ops, as
  // viewer is not a root-team role (administration/administration/users).
  it("team members see their team's keys (a viewer too); root admins see every team's", async () => {
    const opsKey = sandbox.control.createTeamKey({
      teamId: sandbox.demo.teams.identityOps,
      name: 'ops key',
    });
    const ids = async (key: string) =>
      (await call(sandbox, 'GET', teamKeys, { key })).json.values.map((k: { id: string }) => k.id);
    expect(await ids(sandbox.keys.admin)).toContain(opsKey.id);
    expect(await ids(sandbox.keys.viewer)).toContain(opsKey.id);
    expect(await ids(sandbox.keys.viewer)).not.toContain(sandbox.demo.keyIds.team);
    expect(await ids(sandbox.keys.operator)).toContain(sandbox.demo.keyIds.team);
    expect(await ids(sandbox.keys.operator)).not.toContain(opsKey.id);
    expect(
      (await call(sandbox, 'GET', `${teamKeys}/${opsKey.id}`, { key: sandbox.keys.operator }))
        .status,
    ).toBe(404);
  });

  it('a viewer may not revoke, rename or delete', async () => {
    const id = sandbox.control.createTeamKey({
      teamId: sandbox.demo.teams.identityOps,
      name: 'ops key the viewer sees',
    }).id;
    for (const [method, path, body] of [
      ['POST', `${teamKeys}/${id}:revoke`, undefined],
      ['PATCH', `${teamKeys}/${id}`, { name: 'x' }],
      ['DELETE', `${teamKeys}/${id}`, undefined],
    ] as const)
      expect((await call(sandbox, method, path, { key: sandbox.keys.viewer, body })).status).toBe(
        403,
      );
    expect(sandbox.control.keyState(id)).toBe('ACTIVE');
  });
});
