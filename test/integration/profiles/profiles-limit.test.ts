import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { profilesFileName } from '../../../src/main/core/profiles/profiles-file';
import { openProfileStore } from '../../../src/main/core/profiles/profile-store';
import { decodeKeyEntry } from '../../../src/main/core/secrets/key-envelope';
import { bounds } from '../../../src/shared/ipc/bounds';
import {
  keychainKey,
  makeDraft,
  makeFakeKey,
  makeStoredProfile,
  writeProfilesExport,
} from '../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';

// Bounds everywhere (issue 14): the contract lists at most bounds.profiles instances, so the
// profile service never keeps more. Add instance, Duplicate and both imports stop at the limit
// with PROFILES_LIMIT_REACHED, through the real dispatcher and keychain, at the real limit
// (instances without keys, written once to profiles.json before main opens the folder).

const limit = bounds.profiles;
let h: ProfileHarness | undefined;
let outside: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (outside) await rm(outside, { recursive: true, force: true });
  outside = undefined;
});

/** The real main side on a data folder that already holds `count` instances without keys. */
async function harnessWith(count: number): Promise<ProfileHarness> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'veza-profiles-limit-'));
  const store = await openProfileStore(home);
  await store.commit(() => ({
    profiles: Array.from({ length: count }, (_, i) =>
      makeStoredProfile({ name: `Seeded ${i + 1}`, baseUrl: `https://seeded-${i + 1}.example` }),
    ),
    value: undefined,
  }));
  store.close();
  h = await openProfileHarness(home);
  outside = `${home}-files`;
  await mkdir(outside, { recursive: true });
  return h;
}

const profilesFile = (harness: ProfileHarness) =>
  readFile(path.join(harness.home, profilesFileName), 'utf8');

/** Whether any keychain entry of Veza Desk holds this key. */
async function keychainHolds(key: string): Promise<boolean> {
  const entries = await keytar.findCredentials('veza-desk');
  return entries.some(({ password }) => {
    try {
      return decodeKeyEntry(password).key === key;
    } catch {
      return false;
    }
  });
}

const listed = async (harness: ProfileHarness): Promise<number> => {
  const list = await harness.call('profiles.list');
  expect(list.ok, JSON.stringify(list.problem)).toBe(true);
  return list.value.profiles.length;
};

describe('at the most instances Veza Desk keeps', () => {
  it('lists them all; Add instance and Duplicate are refused in plain words, nothing saved', async () => {
    const harness = await harnessWith(limit);
    expect(await listed(harness)).toBe(limit);
    const before = await profilesFile(harness);
    const keychainWrites = vi.spyOn(harness.secrets, 'set');

    const key = makeFakeKey();
    const added = await harness.call('profiles.create', {
      draft: makeDraft({ name: 'One too many' }),
      key: { apiKey: key, acceptAsIs: false },
    });
    expect(added.ok).toBe(false);
    expect(added.problem.code).toBe('PROFILES_LIMIT_REACHED');
    expect(added.problem.explanation).toBe(
      'Veza Desk keeps at most 10,000 instances, and 10,000 are saved now. The new instance was not added.',
    );
    expect(added.problem.fix.join(' ')).toContain('press Delete and then Delete instance');
    // Refused before the keychain: the key never went there.
    expect(keychainWrites).not.toHaveBeenCalled();
    expect(await keychainHolds(key)).toBe(false);

    const first = (await harness.call('profiles.list')).value.profiles[0];
    const copy = await harness.call('profiles.duplicate', { id: first.id });
    expect(copy.ok).toBe(false);
    expect(copy.problem.code).toBe('PROFILES_LIMIT_REACHED');
    expect(copy.problem.explanation).toContain('No copy was made.');

    expect(await profilesFile(harness)).toBe(before);
    expect(await listed(harness)).toBe(limit);

    // Deleting one makes room for one.
    expect((await harness.call('profiles.delete', { id: first.id })).ok).toBe(true);
    const again = await harness.call('profiles.create', {
      draft: makeDraft({ name: 'Fits now' }),
      key: { apiKey: key, acceptAsIs: false },
    });
    expect(again.ok, JSON.stringify(again.problem)).toBe(true);
    expect(await keychainKey(again.value.id)).toBe(key);
    expect(await listed(harness)).toBe(limit);
    await harness.call('profiles.delete', { id: again.value.id });
  });

  it('two adds racing for the last place: one is saved, the other refused and its key taken back', async () => {
    const harness = await harnessWith(limit - 1);
    const keys = [makeFakeKey(), makeFakeKey()];
    const answers = await Promise.all(
      keys.map((apiKey, i) =>
        harness.call('profiles.create', {
          draft: makeDraft({ name: `Racer ${i + 1}` }),
          key: { apiKey, acceptAsIs: false },
        }),
      ),
    );
    const won = answers.filter((answer) => answer.ok);
    const lost = answers.filter((answer) => !answer.ok);
    expect(won).toHaveLength(1);
    expect(lost.map((answer) => answer.problem.code)).toEqual(['PROFILES_LIMIT_REACHED']);
    const wonKey = keys[answers.indexOf(won[0] as (typeof answers)[number])] as string;
    const lostKey = keys.find((key) => key !== wonKey) as string;
    expect(await keychainKey(won[0]?.value.id)).toBe(wonKey);
    expect(await keychainHolds(lostKey)).toBe(false);
    expect(await listed(harness)).toBe(limit);
    await harness.call('profiles.delete', { id: won[0]?.value.id });
  });

  it('an import adds what fits and lists the rest as left out, with a notice saying how many', async () => {
    const harness = await harnessWith(limit - 3);
    const file = path.join(outside as string, 'five.json');
    const names = ['North', 'East', 'South', 'West', 'Centre'];
    await writeProfilesExport(
      file,
      names.map((name) => ({
        name,
        baseUrl: `https://${name.toLowerCase()}.vezacloud.com`,
        colour: '#2457c5',
        production: false,
        notes: '',
        // The proxy of one that is left out must not wait for anyone to accept it.
        ...(name === 'Centre'
          ? { network: { proxy: { mode: 'manual', url: 'http://proxy.example:8080' } } }
          : {}),
      })),
    );
    harness.dialogs.nextOpen = file;
    const result = await harness.call('profiles.importFile');
    expect(result.ok, JSON.stringify(result.problem)).toBe(true);
    expect(result.value.imported.map((p: { name: string }) => p.name)).toEqual([
      'North',
      'East',
      'South',
    ]);
    expect(result.value.skipped).toEqual([
      { name: 'West', reason: 'Not added: Veza Desk keeps at most 10,000 instances.' },
      { name: 'Centre', reason: 'Not added: Veza Desk keeps at most 10,000 instances.' },
    ]);
    expect(result.value.withheld).toEqual([]);
    expect(result.value.notices.map((n: { code: string }) => n.code)).toEqual([
      'PROFILES_LIMIT_REACHED',
    ]);
    expect(result.value.notices[0].explanation).toBe(
      'Veza Desk keeps at most 10,000 instances, and 10,000 are saved now. Only the first 3 instances of the 5 found in five.json were added; the other 2 are listed as left out.',
    );
    expect(await listed(harness)).toBe(limit);

    // Full now: the same file again adds nothing and says why.
    const refused = await harness.call('profiles.importFile');
    expect(refused.ok).toBe(false);
    expect(refused.problem.code).toBe('PROFILES_LIMIT_REACHED');
    expect(refused.problem.explanation).toContain(
      'None of the 2 instances found in five.json were added.',
    );
  });

  it('two imports racing for the last place: one adds its instance, the other is refused', async () => {
    const harness = await harnessWith(limit - 1);
    const file = path.join(outside as string, 'solo.json');
    await writeProfilesExport(file, [
      { name: 'Solo', baseUrl: 'https://solo.vezacloud.com', colour: '#2457c5', production: false },
    ]);
    harness.dialogs.nextOpen = file;
    const answers = await Promise.all([
      harness.call('profiles.importFile'),
      harness.call('profiles.importFile'),
    ]);
    expect(answers.map((answer) => answer.ok).sort()).toEqual([false, true]);
    expect(answers.find((answer) => !answer.ok)?.problem.code).toBe('PROFILES_LIMIT_REACHED');
    expect(answers.find((answer) => answer.ok)?.value.imported).toHaveLength(1);
    expect(await listed(harness)).toBe(limit);
  });

  it('an import from the environment at the limit is refused before its key is saved', async () => {
    const harness = await harnessWith(limit);
    const before = await profilesFile(harness);
    const keychainWrites = vi.spyOn(harness.secrets, 'set');
    const key = makeFakeKey();
    harness.env.VEZA_URL = 'https://acme.vezacloud.com';
    harness.env.VEZA_TOKEN = key;
    const result = await harness.call('profiles.importFromEnv');
    expect(result.ok).toBe(false);
    expect(result.problem.code).toBe('PROFILES_LIMIT_REACHED');
    expect(result.problem.explanation).toContain(
      'The instance found in the environment was not added.',
    );
    expect(keychainWrites).not.toHaveBeenCalled();
    expect(await keychainHolds(key)).toBe(false);
    expect(await profilesFile(harness)).toBe(before);
  });
});

describe('below the limit', () => {
  it('an import of exactly the room left adds every one, without a notice', async () => {
    const harness = await harnessWith(limit - 2);
    const file = path.join(outside as string, 'two.json');
    await writeProfilesExport(
      file,
      ['Left', 'Right'].map((name) => ({
        name,
        baseUrl: `https://${name.toLowerCase()}.vezacloud.com`,
        colour: '#2457c5',
        production: false,
      })),
    );
    harness.dialogs.nextOpen = file;
    const result = await harness.call('profiles.importFile');
    expect(result.ok, JSON.stringify(result.problem)).toBe(true);
    expect(result.value.imported).toHaveLength(2);
    expect(result.value.skipped).toEqual([]);
    expect(result.value.notices).toEqual([]);
    expect(await listed(harness)).toBe(limit);
  });
});
