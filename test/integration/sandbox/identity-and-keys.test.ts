import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const self = (key: string | null) => call(sandbox, 'GET', '/api/v1/users/self', { key });

describe('who a key acts as (GET /api/v1/users/self)', () => {
  it('a personal key acts as its owner, with their roles, scoped to one team', async () => {
    const answer = await self(sandbox.keys.admin);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json.value).toMatchObject({
      id: sandbox.demo.users.alice,
      name: 'Alice Admin',
      roles: ['admin'],
      team: { id: sandbox.demo.teams.platform, name: 'Platform' },
      api_key: { id: sandbox.demo.keyIds.admin, type: 'PERSONAL' },
    });
    expect((await self(sandbox.keys.viewer)).json.value.roles).toEqual(['viewer']);
  });

  it('a team key acts as itself with the oaa_push role', async () => {
    const answer = await self(sandbox.keys.team);
    expect(answer.status).toBe(200);
    expect(answer.json.value).toMatchObject({
      roles: ['oaa_push'],
      team: { id: sandbox.demo.teams.platform },
      api_key: { id: sandbox.demo.keyIds.team, type: 'TEAM' },
    });
  });

  it('demo keys are base64 text that decodes to an obvious sandbox label', () => {
    for (const key of Object.values(sandbox.keys)) {
      expect(key).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      expect(Buffer.from(key, 'base64').toString()).toMatch(/^veza-sandbox:(personal|team):/);
    }
  });
});

describe('refused keys (401 Unauthenticated in Veza envelope)', () => {
  it.each([
    ['revoked', 'API_KEY_INACTIVE', /revoked/],
    ['deleted', 'API_KEY_DELETED', /deleted/],
    ['removedFromTeam', 'API_KEY_DELETED', /removed from the key's team/],
    ['removedFromPlatform', 'API_KEY_DELETED', /removed from the platform/],
  ] as const)(
    'the %s demo key is refused and, with specific messages, says why',
    async (name, reason, words) => {
      const answer = await self(sandbox.keys[name]);
      expect(answer.status).toBe(401);
      expect(answer.json.code).toBe('Unauthenticated');
      expect(answer.json.message).toMatch(words);
      expect(answer.json.details.at(-1)).toMatchObject({ reason });
    },
  );

  it('an unknown but well-formed key is "not found"', async () => {
    const unknown = Buffer.from(`veza-sandbox:personal:nobody:${'0'.repeat(32)}`).toString(
      'base64',
    );
    const answer = await self(unknown);
    expect(answer.status).toBe(401);
    expect(answer.json.message).toBe('API key not found');
  });

  it("a key that is not base64 gets Veza's documented Invalid API key text", async () => {
    const answer = await self('not base64 at all!');
    expect(answer.status).toBe(401);
    expect(answer.json.message).toBe(
      'Invalid API key: API key is not the correct format (not base64 encoded)',
    );
  });

  it("base64 that is no key gets Veza's documented Malformed API key text", async () => {
    const answer = await self(Buffer.from('pasted the wrong thing').toString('base64'));
    expect(answer.status).toBe(401);
    expect(answer.json.message).toMatch(
      /^Malformed API key: Typically due to a copy and paste error/,
    );
  });

  it('no Authorization header, or not a Bearer one, is refused', async () => {
    expect((await self(null)).status).toBe(401);
    const basic = await call(sandbox, 'GET', '/api/v1/users/self', {
      key: null,
      headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' },
    });
    expect(basic.status).toBe(401);
    expect(basic.json.message).toMatch(/Bearer/);
  });

  it('generic messages say the same for every refused key; the status can be 403', async () => {
    sandbox.configure({ authMessages: 'generic', refusedKeyStatus: 403 });
    try {
      const messages = new Set<string>();
      for (const name of [
        'revoked',
        'deleted',
        'removedFromTeam',
        'removedFromPlatform',
      ] as const) {
        const answer = await self(sandbox.keys[name]);
        expect(answer.status).toBe(403);
        expect(answer.json.code).toBe('PermissionDenied');
        messages.add(answer.json.message);
      }
      expect(messages.size).toBe(1);
      expect([...messages][0]).not.toMatch(/revoked|deleted/);
    } finally {
      sandbox.configure({ authMessages: 'specific', refusedKeyStatus: 401 });
    }
  });
});

describe('the control API sets up each key case', () => {
  it('creates a user, a team and keys, and follows revoke, reinstate and delete', async () => {
    const team = sandbox.control.createTeam('Audit');
    const user = sandbox.control.createUser({
      name: 'Rita Reviewer',
      roles: ['viewer'],
      teamIds: [team.id],
    });
    const { id, key } = sandbox.control.createPersonalKey({ userId: user.id, teamId: team.id });
    expect((await self(key)).json.value).toMatchObject({
      name: 'Rita Reviewer',
      team: { name: 'Audit' },
    });
    sandbox.control.revokeKey(id);
    expect(sandbox.control.keyState(key)).toBe('INACTIVE');
    expect((await self(key)).status).toBe(401);
    sandbox.control.reinstateKey(key);
    expect((await self(key)).status).toBe(200);
    sandbox.control.deleteKey(id);
    expect(sandbox.control.keyState(id)).toBe('DELETED');
    expect((await self(key)).json.message).toMatch(/deleted/);
  });

  it('a personal key must be scoped to a team its owner is in', () => {
    const user = sandbox.control.createUser({ name: 'Loner', roles: ['operator'] });
    expect(() =>
      sandbox.control.createPersonalKey({ userId: user.id, teamId: sandbox.demo.teams.platform }),
    ).toThrow(/not a member/);
  });

  it('leaving a team kills the personal keys of that team only; team keys survive their creator', async () => {
    const { platform, identityOps } = sandbox.demo.teams;
    const user = sandbox.control.createUser({
      name: 'Mia Mover',
      roles: ['operator'],
      teamIds: [platform, identityOps],
    });
    const inPlatform = sandbox.control.createPersonalKey({ userId: user.id, teamId: platform });
    const inOps = sandbox.control.createPersonalKey({ userId: user.id, teamId: identityOps });
    const teamKey = sandbox.control.createTeamKey({ teamId: identityOps, createdBy: user.id });
    sandbox.control.removeUserFromTeam(user.id, identityOps);
    expect((await self(inOps.key)).json.message).toMatch(/removed from the key's team/);
    expect((await self(inPlatform.key)).status).toBe(200);
    sandbox.control.removeUserFromPlatform(user.id);
    expect((await self(inPlatform.key)).json.message).toMatch(/removed from the platform/);
    expect((await self(teamKey.key)).status).toBe(200);
  });

  it('the clock can move, and new keys carry its time', async () => {
    const before = sandbox.clock.now().getTime();
    sandbox.clock.advance(400 * 86_400_000);
    try {
      const created = await call(sandbox, 'POST', '/api/preview/teamkeys', {
        body: { name: 'from the future', team_id: sandbox.demo.teams.platform },
      });
      const createdAt = Date.parse(created.json.value.created_at);
      expect(createdAt - before).toBeGreaterThanOrEqual(400 * 86_400_000);
    } finally {
      sandbox.clock.advance(-400 * 86_400_000);
    }
  });

  it('records what each request carried, without the key', async () => {
    await self(sandbox.keys.operator);
    const last = sandbox.requests.at(-1);
    expect(last).toMatchObject({
      method: 'GET',
      path: '/api/v1/users/self',
      hadAuthorization: true,
      keyId: sandbox.demo.keyIds.operator,
      status: 200,
    });
    expect(JSON.stringify(sandbox.requests)).not.toContain(sandbox.keys.operator);
  });
});
