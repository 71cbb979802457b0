import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainService } from '../../../src/main/core/secrets/keytar-secret-store';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import {
  filesContaining,
  keychainKey,
  makeDraft,
  makeFakeKey,
} from '../../support/profile-fixtures';

// Real keychain: keytar -> libsecret -> gnome-keyring on a private D-Bus (with-keychain.sh).
describe('profiles with the real keychain', () => {
  let h: ProfileHarness;
  beforeEach(async () => {
    h = await openProfileHarness();
  });
  afterEach(() => h.close());

  /** Nothing main sent back (results, events) and no file holds the key. */
  async function expectKeyOnlyInKeychain(key: string, answers: unknown[]): Promise<void> {
    expect(JSON.stringify(answers)).not.toContain(key);
    expect(JSON.stringify(h.events)).not.toContain(key);
    expect(await filesContaining(h.home, key)).toEqual([]);
  }

  it('saves a key in the keychain (service veza-desk, account = id) and reads it back in main', async () => {
    const key = makeFakeKey();
    const created = await h.call('profiles.create', {
      draft: makeDraft(),
      key: { apiKey: key, acceptAsIs: false },
    });
    expect(created.ok).toBe(true);
    const id = created.value.id as string;
    expect(keychainService).toBe('veza-desk');
    expect(await keychainKey(id)).toBe(key);
    expect(await h.profiles.readKey(id)).toBe(key);
    // The window sees a fingerprint only.
    expect(created.value.key).toEqual({
      length: key.length,
      last4: key.slice(-4),
      savedAt: expect.any(String),
    });
    await expectKeyOnlyInKeychain(key, [created]);
  });

  it('replaces and removes a key; deleting the profile deletes its key', async () => {
    const first = makeFakeKey();
    const second = makeFakeKey();
    const created = await h.call('profiles.create', {
      draft: makeDraft(),
      key: { apiKey: first, acceptAsIs: false },
    });
    const id = created.value.id as string;
    const replaced = await h.call('profiles.setKey', {
      id,
      key: { apiKey: second, acceptAsIs: false },
    });
    expect(replaced.value.key.last4).toBe(second.slice(-4));
    expect(await keychainKey(id)).toBe(second);

    const removed = await h.call('profiles.removeKey', { id });
    expect(removed.ok).toBe(true);
    expect(removed.value.key).toBeUndefined();
    expect(await keychainKey(id)).toBeNull();

    await h.call('profiles.setKey', { id, key: { apiKey: first, acceptAsIs: false } });
    expect(await keychainKey(id)).toBe(first);
    const deleted = await h.call('profiles.delete', { id });
    expect(deleted).toEqual({ ok: true, value: { id } });
    expect(await keychainKey(id)).toBeNull();
    expect(h.profiles.state().profiles).toEqual([]);
    await expectKeyOnlyInKeychain(first, [created, replaced, removed, deleted]);
    await expectKeyOnlyInKeychain(second, [created, replaced, removed, deleted]);
  });

  it('renaming (and moving) a profile never touches its key', async () => {
    const key = makeFakeKey();
    const created = await h.call('profiles.create', {
      draft: makeDraft(),
      key: { apiKey: key, acceptAsIs: false },
    });
    const id = created.value.id as string;
    const renamed = await h.call('profiles.update', {
      id,
      draft: makeDraft({ name: 'Renamed', address: 'acme-eu.vezacloud.com', production: true }),
    });
    expect(renamed.value).toMatchObject({
      id,
      name: 'Renamed',
      baseUrl: 'https://acme-eu.vezacloud.com',
      production: true,
      key: created.value.key,
    });
    expect(await keychainKey(id)).toBe(key);
  });

  it('a duplicate gets a free name and no key; the original keeps its key', async () => {
    const key = makeFakeKey();
    const created = await h.call('profiles.create', {
      draft: makeDraft({ name: 'Acme' }),
      key: { apiKey: key, acceptAsIs: false },
    });
    const one = await h.call('profiles.duplicate', { id: created.value.id });
    const two = await h.call('profiles.duplicate', { id: created.value.id });
    expect([one.value.name, two.value.name]).toEqual(['Acme (copy)', 'Acme (copy) (2)']);
    expect(one.value.key).toBeUndefined();
    expect(await keychainKey(one.value.id)).toBeNull();
    expect(await keychainKey(created.value.id)).toBe(key);
  });

  it('round-trips 200 profiles with their keys', async () => {
    const keys = new Map<string, string>();
    for (let i = 0; i < 200; i += 1) {
      const key = makeFakeKey();
      const created = await h.profiles.create(
        makeDraft({ name: `Instance ${i}`, address: `i${i}.vezacloud.com` }),
        { apiKey: key, acceptAsIs: false },
      );
      keys.set(created.id, key);
    }
    const reopened = await openProfileHarness(h.home);
    const listed = await reopened.call('profiles.list');
    expect(listed.value.profiles).toHaveLength(200);
    expect(listed.value.profiles.map((p: { name: string }) => p.name)).toEqual(
      Array.from({ length: 200 }, (_, i) => `Instance ${i}`),
    );
    for (const [id, key] of keys) expect(await reopened.profiles.readKey(id)).toBe(key);
    const sample = [...keys.values()].slice(0, 20);
    for (const key of sample) await expectKeyOnlyInKeychain(key, [listed]);
    for (const id of keys.keys()) await h.profiles.remove(id);
    const accounts = new Set((await keytar.findCredentials('veza-desk')).map((c) => c.account));
    expect([...keys.keys()].filter((id) => accounts.has(id))).toEqual([]);
  }, 60_000);

  it('refuses bad input with a clear problem and loses nothing', async () => {
    const key = makeFakeKey();
    await h.call('profiles.create', {
      draft: makeDraft({ name: 'Acme' }),
      key: { apiKey: key, acceptAsIs: false },
    });
    const attempt = (draft: object, apiKey?: string) =>
      h.call('profiles.create', {
        draft: makeDraft(draft),
        ...(apiKey === undefined ? {} : { key: { apiKey, acceptAsIs: false } }),
      });
    const code = async (p: Promise<{ problem?: { code: string } }>) => (await p).problem?.code;

    expect(await code(attempt({ name: 'ACME ' }))).toBe('PROFILE_NAME_TAKEN');
    expect(await code(attempt({ name: 'B', address: '' }))).toBe('URL_MISSING');
    expect(await code(attempt({ name: 'B', address: 'https://u:p@acme.example' }))).toBe(
      'URL_HAS_CREDENTIALS',
    );
    expect(await code(attempt({ name: 'B', address: 'javascript:alert(1)' }))).toBe(
      'URL_UNSUPPORTED_SCHEME',
    );
    expect(await code(attempt({ name: 'B', address: 'http://acme.example' }))).toBe(
      'URL_NOT_HTTPS',
    );
    expect(await code(attempt({ name: 'B' }, ''))).toBe('KEY_MISSING');
    const huge = 'QUJD'.repeat(2.5 * 1024 * 1024);
    expect(await code(attempt({ name: 'B' }, huge))).toBe('KEY_TOO_LONG');
    expect(await code(attempt({ name: 'B' }, `Bearer ${key}`))).toBe('KEY_BEARER_PREFIX');
    expect(await code(attempt({ name: 'B' }, 'not a key!'))).toBe('KEY_WHITESPACE');
    // Nothing was added, and no refused key reached the keychain.
    expect(h.profiles.state().profiles.map((p) => p.name)).toEqual(['Acme']);
    const stored = (await keytar.findCredentials('veza-desk')).map((c) => c.password);
    expect(stored).not.toContain(`Bearer ${key}`);
    expect(stored).not.toContain(huge);
  });

  it('saves an unusual key only on explicit request, and only for the base64 warning', async () => {
    const odd = 'not-base64-but-the-users-choice!';
    const refused = await h.call('profiles.create', {
      draft: makeDraft(),
      key: { apiKey: odd, acceptAsIs: false },
    });
    expect(refused.problem.code).toBe('KEY_NOT_BASE64');
    const accepted = await h.call('profiles.create', {
      draft: makeDraft(),
      key: { apiKey: odd, acceptAsIs: true },
    });
    expect(accepted.ok).toBe(true);
    expect(await keychainKey(accepted.value.id)).toBe(odd);
    const bearer = await h.call('profiles.setKey', {
      id: accepted.value.id,
      key: { apiKey: `Bearer ${makeFakeKey()}`, acceptAsIs: true },
    });
    expect(bearer.problem.code).toBe('KEY_BEARER_PREFIX');
  });

  it('an IDN address is stored as punycode and named as typed', async () => {
    const created = await h.call('profiles.create', {
      draft: makeDraft({ name: '', address: 'bücher.example/app' }),
    });
    expect(created.value).toMatchObject({
      baseUrl: 'https://xn--bcher-kva.example',
      name: 'bücher.example',
    });
  });

  it('tells the window about every change with a profiles.changed event', async () => {
    const created = await h.call('profiles.create', { draft: makeDraft() });
    await h.call('profiles.update', { id: created.value.id, draft: makeDraft({ name: 'X' }) });
    expect(h.events.map((e) => e.name)).toEqual(['profiles.changed', 'profiles.changed']);
    expect(h.events[1]?.payload).toMatchObject({ profiles: [{ name: 'X' }], readOnly: false });
  });
});
