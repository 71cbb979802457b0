import { describe, expect, it } from 'vitest';
import { createTeamKeysService } from '../../../../../src/main/core/keys/team-keys-service';
import { createTeamKeysClient } from '../../../../../src/main/core/veza/team-keys-client';
import { ProblemError } from '../../../../../src/main/core/problem-error';
import {
  creatorInWords,
  teamKeysListingSchema,
  type TeamKey,
} from '../../../../../src/shared/keys/team-keys';

// "Created by" against a Veza that answers as its docs show (docs.veza.com, developers/api/
// users-teams/team-api-keys): list items {id, access_key:"", name, created_at, last_access_at,
// status, team_id, team_name}, with no field for who made the key.

const aliceId = '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
const documentedItem = {
  id: '54807783-c5ec-4efd-9d1b-853bada658dd',
  access_key: '',
  name: 'AWS Team Key',
  created_at: '2024-06-25T08:30:17.087351612Z',
  last_access_at: '2024-06-25T08:30:17.087351612Z',
  status: 'ACTIVE',
  team_id: '60437fa0-15ab-4c1f-a211-010543ac8a89',
  team_name: 'AWS Dev Team',
};

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** A Veza as documented; the teams list is refused (a non-admin's key may meet that). */
function documentedVeza(extra: Record<string, unknown>[] = []) {
  const made: Record<string, unknown>[] = [];
  const call: Call = async (method, path, body) => {
    if (method === 'GET' && path.startsWith('/api/preview/teamkeys'))
      return { values: [documentedItem, ...extra, ...made], next_page_token: '' };
    if (method === 'POST' && path === '/api/preview/teamkeys') {
      const { name, team_id } = body as { name: string; team_id: string };
      const item = { ...documentedItem, id: `new-${made.length}`, name, team_id };
      made.push(item);
      return { value: { ...item, access_key: 'bmV3LWtleS10ZXh0LWZvci10ZXN0cw==' } };
    }
    if (method === 'GET' && path === '/api/v1/users/self')
      return { value: { id: aliceId, name: 'Alice Admin', email: 'alice@example.com' } };
    if (method === 'GET' && path.startsWith('/api/v1/teams'))
      throw ProblemError.of('FORBIDDEN_ROLE', { raw: 'teams refused' });
    throw new Error(`unexpected call ${method} ${path}`);
  };
  return call;
}

/** The service over one instance at `baseUrl` whose calls go to `call`. */
function serviceOver(call: Call, baseUrl = 'https://acme.vezacloud.com') {
  const profile = { id: '2f0e6a41-8a3c-4d5e-9b7f-1c2d3e4f5a6b', name: 'Acme', baseUrl };
  return createTeamKeysService({
    profiles: {
      state: () => ({ profiles: [], readOnly: false }),
      require: () => profile,
    } as never,
    instances: { open: async () => ({ profile, session: { call } }) } as never,
    doctor: {} as never,
    clipboard: { writeText: async () => {} },
    openTransport: () => ({ close: async () => {} }) as never,
  });
}

const row = (keys: TeamKey[], name: string) => keys.find((key) => key.name === name);

describe('reading who made a team key', () => {
  it('finds nobody in Veza’s documented record, and reads its team_name', async () => {
    const client = createTeamKeysClient(documentedVeza());
    const [key] = (await client.listTeamKeys()).values;
    expect(key?.createdBy).toBeUndefined();
    expect(key?.teamName).toBe('AWS Dev Team');
  });

  it('reads the guessed fields: an id, an object, separate name and email, user_id', async () => {
    const guessed = [
      { ...documentedItem, id: 'a', created_by: aliceId },
      { ...documentedItem, id: 'b', created_by: { id: 'u-2', name: 'Bob', email: 'b@x.example' } },
      { ...documentedItem, id: 'c', created_by_name: 'Cleo', created_by_email: 'c@x.example' },
      { ...documentedItem, id: 'd', user_id: 'u-4' },
      { ...documentedItem, id: 'e', created_by: '  ' },
    ];
    const call: Call = async () => ({ values: guessed, next_page_token: '' });
    const keys = (await createTeamKeysClient(call).listTeamKeys()).values;
    expect(keys.map((key) => key.createdBy)).toEqual([
      { id: aliceId },
      { id: 'u-2', name: 'Bob', email: 'b@x.example' },
      { name: 'Cleo', email: 'c@x.example' },
      { id: 'u-4' },
      undefined,
    ]);
  });
});

describe('the Created by column', () => {
  it('says Veza did not say for a documented record nobody here made', async () => {
    const listing = await serviceOver(documentedVeza()).listTeamKeys('any');
    expect(teamKeysListingSchema.parse(listing)).toEqual(listing);
    const key = row(listing.keys, 'AWS Team Key');
    expect(key?.createdBy).toBeUndefined();
    expect(key?.teamName).toBe('AWS Dev Team');
    expect(creatorInWords(key?.createdBy).text).toBe('Veza did not say');
  });

  it('says You for a key Veza Desk made, though Veza’s list does not say who made it', async () => {
    const service = serviceOver(documentedVeza());
    await service.createTeamKey({
      profileId: '2f0e6a41-8a3c-4d5e-9b7f-1c2d3e4f5a6b',
      name: 'HR sync',
      teamId: documentedItem.team_id,
      saveAs: { kind: 'none' },
      copyOnce: true,
    });
    const key = row((await service.listTeamKeys('any')).keys, 'HR sync');
    expect(key?.createdBy).toEqual({
      you: true,
      id: aliceId,
      name: 'Alice Admin',
      email: 'alice@example.com',
    });
    expect(creatorInWords(key?.createdBy)).toEqual({
      text: 'You',
      title: `The user this instance’s key acts as: Alice Admin, alice@example.com, user id ${aliceId}`,
    });
  });

  it('clips what a hostile answer sends, so the list still fits the window’s bounds', async () => {
    const huge = {
      ...documentedItem,
      id: 'h',
      created_by: { id: 'u'.repeat(5000), name: 'N'.repeat(5000) },
    };
    const listing = await serviceOver(documentedVeza([huge])).listTeamKeys('any');
    expect(teamKeysListingSchema.safeParse(listing).success).toBe(true);
    const key = listing.keys.find((entry) => entry.id === 'h');
    expect(key?.createdBy?.name).toHaveLength(200);
  });
});

describe('creatorInWords', () => {
  it('prefers a name, then an email, then a shortened id said in words', () => {
    expect(creatorInWords({ you: false, name: 'Bob', email: 'b@x.example', id: 'u-2' })).toEqual({
      text: 'Bob',
      title: 'b@x.example, user id u-2',
    });
    expect(creatorInWords({ you: false, email: 'b@x.example' })).toEqual({ text: 'b@x.example' });
    expect(creatorInWords({ you: false, id: aliceId })).toEqual({
      text: 'A user (id 9f1c2d3e…)',
      title: `User id ${aliceId}`,
    });
    expect(creatorInWords({ you: false, id: 'u-2' })).toEqual({
      text: 'A user (id u-2)',
      title: 'User id u-2',
    });
    expect(creatorInWords({ you: true })).toEqual({
      text: 'You',
      title: 'The user this instance’s key acts as',
    });
  });
});

describe('a team key’s status as Veza may send it', () => {
  // The docs' example spells it; the OpenAPI rendering of the same page shows a number.
  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['active', 'ACTIVE'],
    ['INACTIVE', 'INACTIVE'],
    [1, 'ACTIVE'],
    [2, 'INACTIVE'],
    [0, ''],
    ['SOMETHING_NEW', ''],
    [null, ''],
  ])('%j reads as %j', async (status, read) => {
    const client = createTeamKeysClient(async () => ({
      values: [{ ...documentedItem, status }],
      next_page_token: '',
    }));
    const { values } = await client.listTeamKeys();
    expect(values[0]?.status).toBe(read);
  });

  it('one key is found by listing with its team as the filter, as Veza documents', async () => {
    const asked: string[] = [];
    const client = createTeamKeysClient(async (_method, path) => {
      asked.push(path);
      return { values: [documentedItem], next_page_token: '' };
    });
    const key = await client.findTeamKey(documentedItem.id, documentedItem.team_id);
    expect(key.name).toBe('AWS Team Key');
    const url = new URL(asked[0] ?? '', 'https://acme.vezacloud.com');
    expect(url.pathname).toBe('/api/preview/teamkeys');
    expect(url.searchParams.get('filter')).toBe(`team_id eq "${documentedItem.team_id}"`);
    await expect(client.findTeamKey('gone')).rejects.toMatchObject({
      problem: { code: 'TEAM_KEY_NOT_FOUND' },
    });
  });
});
