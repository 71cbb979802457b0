import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  creatorInWords,
  teamKeysListingSchema,
  type TeamKey,
} from '../../../src/shared/keys/team-keys';
import { openKeysHarness, type KeysHarness } from './support/keys-harness';

// "Created by" in the API keys tab, through main's own calls against the simulated Veza. The
// simulator sends `created_by` as a user id (a guess: Veza's documented list has no creator
// field); the unit tests cover the documented answer, which has none.
describe('who created a team key', () => {
  let k: KeysHarness;
  beforeEach(async () => {
    k = await openKeysHarness();
  });
  afterEach(() => k.close());

  const hrPortal = (listing: { keys: TeamKey[] }) =>
    listing.keys.find((key) => key.name === 'OAA push (HR Portal)');

  it('is "You" for the user of this instance’s key, with their name in the tooltip', async () => {
    const alice = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const listed = await k.call('keys.listTeamKeys', { profileId: alice });
    expect(teamKeysListingSchema.safeParse(listed.value).success).toBe(true);
    const row = hrPortal(listed.value);
    expect(row?.createdBy).toEqual({
      you: true,
      id: k.sandbox.demo.users.alice,
      name: 'Alice Admin',
      email: expect.stringContaining('@'),
    });
    const words = creatorInWords(row?.createdBy);
    expect(words.text).toBe('You');
    expect(words.title).toContain('Alice Admin');
  });

  it('is a user’s shortened id in words when Veza Desk does not know the name', async () => {
    const oscar = await k.addInstance('Acme (Oscar)', k.sandbox.keys.operator);
    const row = hrPortal((await k.call('keys.listTeamKeys', { profileId: oscar })).value);
    expect(row?.createdBy).toEqual({ you: false, id: k.sandbox.demo.users.alice });
    const words = creatorInWords(row?.createdBy);
    expect(words.text).toBe(`A user (id ${k.sandbox.demo.users.alice.slice(0, 8)}…)`);
    expect(words.title).toBe(`User id ${k.sandbox.demo.users.alice}`);
  });

  it('names the user when another instance of the same address already told who they are', async () => {
    const alice = await k.addInstance('Acme (Alice)', k.sandbox.keys.admin);
    const oscar = await k.addInstance('Acme (Oscar)', k.sandbox.keys.operator);
    await k.call('keys.listTeamKeys', { profileId: alice });
    const requestsBefore = k.sandbox.requests.length;
    const row = hrPortal((await k.call('keys.listTeamKeys', { profileId: oscar })).value);
    expect(row?.createdBy).toMatchObject({ you: false, name: 'Alice Admin' });
    expect(creatorInWords(row?.createdBy).text).toBe('Alice Admin');
    // Learned from answers main already had: listing asks Veza nothing more for it.
    const asked = k.sandbox.requests.slice(requestsBefore).map((request) => request.path);
    expect(asked.some((path) => /\/api\/v1\/users\/(?!self)/.test(path))).toBe(false);
  });
});
