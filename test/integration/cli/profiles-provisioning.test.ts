import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { startEchoServer } from '../../support/echo-server';
import { filesContaining, keychainKey, makeFakeKey } from '../../support/profile-fixtures';
import { withoutKeychain } from '../../support/run-tsx';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// `veza-desk profiles add | set-key | edit | remove`, as IT scripts run them: the built CLI
// (out/main/cli.js) as a child process, a temp VEZA_DESK_HOME, the real keychain, and
// `veza-desk check` against the simulated Veza and a spy server, all on 127.0.0.1.

let sandbox: Sandbox;
let spy: Awaited<ReturnType<typeof startEchoServer>>;
let home: string;
const runs: CliRun[] = [];
/** Every key given to any command: none may show up in any output or file. */
const keys: string[] = [];

beforeAll(async () => {
  ensureBuiltCli();
  sandbox = await startSandbox();
  spy = await startEchoServer();
  home = await mkdtemp(path.join(os.tmpdir(), 'veza-cli-profiles-'));
}, 120_000);

afterAll(async () => {
  const { default: keytar } = await import('keytar');
  for (const profile of await savedProfiles()) await keytar.deletePassword('veza-desk', profile.id);
  await Promise.all([sandbox.close(), spy.close()]);
  await rm(home, { recursive: true, force: true });
});

async function run(
  args: string[],
  env: Record<string, string> = {},
  stdin = '',
  dataFolder = home,
): Promise<CliRun> {
  const result = await runBuiltCli(args, cleanEnv({ VEZA_DESK_HOME: dataFolder, ...env }), stdin);
  runs.push(result);
  return result;
}

const profiles = (args: string[], env: Record<string, string> = {}, stdin = '') =>
  run(['profiles', ...args], env, stdin);
const check = (name: string) => run(['check', '--profile', name, '--json']);

interface SavedProfile {
  id: string;
  name: string;
  baseUrl: string;
  colour: string;
  production: boolean;
  key?: { length: number; last4: string };
}

const json = (result: CliRun) =>
  JSON.parse(result.stdout) as {
    ok: boolean;
    profile: SavedProfile | null;
    warning: { code: string } | null;
    problem: { code: string; title: string; explanation: string; fix: string[] } | null;
  };

/** The profiles as the app would read them from the file the CLI wrote. */
async function savedProfiles(folder = home): Promise<SavedProfile[]> {
  const text = await readFile(path.join(folder, 'profiles.json'), 'utf8').catch(() => undefined);
  return text === undefined ? [] : (JSON.parse(text) as { profiles: SavedProfile[] }).profiles;
}

const authorizations = () =>
  spy.received.map((request) => request.headers.authorization).filter(Boolean);

describe('veza-desk profiles add / set-key / edit / remove', () => {
  it('add --key-stdin saves the instance and its key; check --profile then passes', async () => {
    const key = sandbox.keys.admin;
    keys.push(key);
    const added = await profiles(
      ['add', '--name', 'Lab', '--url', sandbox.url, '--colour', 'green', '--key-stdin', '--json'],
      {},
      `${key}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    const { ok, profile, problem } = json(added);
    expect(ok).toBe(true);
    expect(problem).toBeNull();
    expect(profile).toMatchObject({
      name: 'Lab',
      baseUrl: sandbox.url,
      colour: '#12805c',
      production: false,
      key: { length: key.length, last4: key.slice(-4) },
    });
    // The key in the keychain is the one piped in, without the echo's newline.
    expect(await keychainKey(profile?.id ?? '')).toBe(key);
    expect(await savedProfiles()).toEqual([profile]);

    const checked = await check('lab');
    expect(checked.code, checked.stdout).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, keyKind: 'personal' });
  });

  it('add without a key, then set-key --key-env: KEY_MISSING before, a working key after', async () => {
    const added = await profiles(['add', '--name', 'Later', '--url', sandbox.url, '--production']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Added "Later" (${sandbox.url}), without a key`);
    expect(added.stdout).toContain('veza-desk profiles set-key Later --key-stdin');
    const later = (await savedProfiles()).find((profile) => profile.name === 'Later');
    expect(later).toMatchObject({ production: true, colour: '#2457c5' });
    expect(later?.key).toBeUndefined();
    const before = await check('Later');
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).problem.code).toBe('KEY_MISSING');

    const key = sandbox.keys.operator;
    keys.push(key);
    const set = await profiles(['set-key', 'later', '--key-env', 'ACME_KEY'], { ACME_KEY: key });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(`Saved a new key for "Later" (${sandbox.url}) in the keychain.\n`);
    expect(await keychainKey(later?.id ?? '')).toBe(key);
    const after = await check('Later');
    expect(after.code, after.stdout).toBe(0);
    expect(JSON.parse(after.stdout).identity.name).toBe('Oscar Operator');
  });

  it('edit --url without --rebind-key: the key stays behind (KEY_BOUND_ELSEWHERE), nothing is sent; --rebind-key carries it over', async () => {
    const key = makeFakeKey();
    keys.push(key);
    const added = await profiles(
      ['add', '--name', 'Moved', '--url', sandbox.url, '--key-env', 'K'],
      { K: key },
    );
    expect(added.code, added.stderr).toBe(0);

    const edited = await profiles(['edit', 'Moved', '--url', spy.origin]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toContain(`from ${sandbox.url} to ${spy.origin}`);
    // Said plainly on stderr: both addresses, and both ways out.
    expect(edited.stderr).toContain(`was saved for ${sandbox.url}`);
    expect(edited.stderr).toContain(`now names ${spy.origin}`);
    expect(edited.stderr).toContain('veza-desk profiles edit Moved --rebind-key');
    expect(edited.stderr).toContain('veza-desk profiles set-key Moved');

    const refused = await check('Moved');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).problem.code).toBe('KEY_BOUND_ELSEWHERE');
    expect(authorizations()).toEqual([]);

    const rebound = await profiles(['edit', 'Moved', '--rebind-key', '--json']);
    expect(rebound.code, rebound.stderr).toBe(0);
    expect(rebound.stderr).toBe('');
    expect(json(rebound)).toMatchObject({
      ok: true,
      warning: null,
      profile: { baseUrl: spy.origin },
    });
    await check('Moved');
    expect(authorizations()).toContain(`Bearer ${key}`);
  });

  it('edit --url --rebind-key in one go sends the key to the new address, and only there', async () => {
    const key = makeFakeKey();
    keys.push(key);
    await profiles(['add', '--name', 'Carried', '--url', sandbox.url, '--key-stdin'], {}, key);
    spy.received.length = 0;
    const edited = await profiles([
      'edit',
      'carried',
      '--url',
      spy.origin,
      '--name',
      'Carried over',
      '--production',
      'true',
      '--rebind-key',
      '--json',
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toBe('');
    expect(json(edited)).toMatchObject({
      ok: true,
      warning: null,
      profile: { name: 'Carried over', baseUrl: spy.origin, production: true },
    });
    await check('Carried over');
    expect(authorizations()).toEqual(expect.arrayContaining([`Bearer ${key}`]));
    expect(new Set(authorizations())).toEqual(new Set([`Bearer ${key}`]));
  });

  it('edit --json names the key left behind as a KEY_BOUND_ELSEWHERE warning', async () => {
    const edited = await profiles(['edit', 'Carried over', '--url', sandbox.url, '--json']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(json(edited)).toMatchObject({
      ok: true,
      warning: { code: 'KEY_BOUND_ELSEWHERE' },
      problem: null,
    });
    expect(edited.stderr).toContain(`was saved for ${spy.origin}`);
  });

  it('remove deletes the instance and its keychain entry', async () => {
    const lab = (await savedProfiles()).find((profile) => profile.name === 'Lab');
    expect(await keychainKey(lab?.id ?? '')).not.toBeNull();
    const removed = await profiles(['remove', 'LAB', '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(json(removed)).toMatchObject({ ok: true, profile: { id: lab?.id, name: 'Lab' } });
    expect(await keychainKey(lab?.id ?? '')).toBeNull();
    expect((await savedProfiles()).map((profile) => profile.name)).not.toContain('Lab');
    const gone = await run(['check', '--profile', 'Lab']);
    expect(gone.code).toBe(2);
  });

  it('the list shows what the commands saved, with the list alias too', async () => {
    const listed = await profiles(['list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const names = (
      JSON.parse(listed.stdout) as { profiles: { name: string; keyPresent: boolean }[] }
    ).profiles.map((profile) => [profile.name, profile.keyPresent]);
    expect(names).toEqual([
      ['Later', true],
      ['Moved', true],
      ['Carried over', true],
    ]);
    const plain = await profiles([]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^NAME\s+ADDRESS/);
  });

  it('a key with a line break inside (--key-env) is refused with its problem, exit 1, nothing saved', async () => {
    const halves = [makeFakeKey(), makeFakeKey()];
    keys.push(...halves);
    const before = await savedProfiles();
    const text = await profiles(
      ['add', '--name', 'Broken', '--url', sandbox.url, '--key-env', 'K'],
      {
        K: halves.join('\n'),
      },
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('The API key contains spaces or line breaks');
    const asJson = await profiles(['set-key', 'Later', '--key-env', 'K', '--json'], {
      K: halves.join('\n'),
    });
    expect(asJson.code).toBe(1);
    expect(json(asJson)).toMatchObject({
      ok: false,
      profile: null,
      problem: {
        code: 'KEY_WHITESPACE',
        title: expect.any(String),
        explanation: expect.any(String),
        fix: expect.arrayContaining([expect.any(String)]),
      },
    });
    expect(await savedProfiles()).toEqual(before);
  });

  it('problems are exit 1: a taken name, a bad address, an empty key variable', async () => {
    const taken = await profiles(['add', '--name', 'later', '--url', sandbox.url, '--json']);
    expect(taken.code).toBe(1);
    expect(json(taken).problem?.code).toBe('PROFILE_NAME_TAKEN');
    const renamed = await profiles(['edit', 'Moved', '--name', 'LATER']);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain('Another instance already has this name');
    const plainHttp = await profiles([
      'add',
      '--name',
      'Web',
      '--url',
      'http://veza.example',
      '--json',
    ]);
    expect(plainHttp.code).toBe(1);
    expect(json(plainHttp).problem?.code).toBe('URL_NOT_HTTPS');
    const empty = await profiles([
      'add',
      '--name',
      'Web',
      '--url',
      sandbox.url,
      '--key-env',
      'UNSET',
    ]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('UNSET is empty or not set');
    expect((await savedProfiles()).map((profile) => profile.name)).not.toContain('Web');
  });

  it.each([
    [['add', '--url', 'https://a.example']],
    [['add', '--name', 'A']],
    [['add', '--name', 'A', '--url', 'https://a.example', '--key-env', 'K', '--key-stdin']],
    [['add', '--name', 'A', '--url', 'https://a.example', '--colour', 'mauve']],
    [['add', '--name', 'A', '--url', 'https://a.example', '--frobnicate']],
    [['add', '--name', 'A', '--url']],
    [['set-key', 'Later']],
    [['set-key', '--key-stdin']],
    [['edit', 'Later']],
    [['edit', 'Later', '--production', 'maybe']],
    [['remove']],
    [['remove', 'Later', 'Moved']],
    [['rename', 'Later']],
  ])('a usage error is exit 2 with the usage on stderr, and changes nothing: %j', async (args) => {
    const before = await savedProfiles();
    const result = await profiles(args, { K: makeFakeKey() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: veza-desk profiles');
    expect(await savedProfiles()).toEqual(before);
  });

  it('an unknown instance name is exit 2, listing the saved names (and PROFILE_NOT_FOUND with --json)', async () => {
    const text = await profiles(['remove', 'Nope']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('No saved instance is called "Nope"');
    expect(text.stderr).toContain('  Carried over');
    const asJson = await profiles(['edit', 'Nope', '--colour', 'blue', '--json']);
    expect(asJson.code).toBe(2);
    expect(json(asJson).problem?.code).toBe('PROFILE_NOT_FOUND');
  });

  it('--help for each subcommand', async () => {
    for (const sub of ['add', 'set-key', 'edit', 'remove', 'list']) {
      const help = await profiles([sub, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: veza-desk profiles ${sub === 'list' ? '[list]' : sub}`);
    }
  });

  it('a damaged profiles file: exit 1, and the file is neither moved nor rewritten', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-cli-damaged-'));
    try {
      const file = path.join(folder, 'profiles.json');
      await writeFile(file, '{"version": 1, "profi');
      const key = makeFakeKey();
      keys.push(key);
      const added = await run(
        ['profiles', 'add', '--name', 'A', '--url', sandbox.url, '--key-stdin', '--json'],
        {},
        key,
        folder,
      );
      expect(added.code).toBe(1);
      expect(json(added).problem?.code).toBe('PROFILES_FILE_DAMAGED');
      expect(await readFile(file, 'utf8')).toBe('{"version": 1, "profi');
      expect(await readdir(folder)).toEqual(['profiles.json']);
      const tooNew = path.join(folder, 'profiles.json');
      await writeFile(tooNew, '{"version": 99, "profiles": []}');
      const newer = await run(
        ['profiles', 'add', '--name', 'A', '--url', sandbox.url],
        {},
        '',
        folder,
      );
      expect(newer.code).toBe(1);
      expect(newer.stderr).toContain('comes from a newer Veza Desk');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('the keychain unavailable: exit 1 KEYCHAIN_UNAVAILABLE, and no instance is saved without its key', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-cli-nokeychain-'));
    try {
      const key = makeFakeKey();
      keys.push(key);
      const env = cleanEnv({
        VEZA_DESK_HOME: folder,
        DBUS_SESSION_BUS_ADDRESS: withoutKeychain().DBUS_SESSION_BUS_ADDRESS ?? '',
      });
      delete env.DISPLAY;
      delete env.WAYLAND_DISPLAY;
      const added = await runBuiltCli(
        ['profiles', 'add', '--name', 'A', '--url', sandbox.url, '--key-stdin', '--json'],
        env,
        key,
      );
      runs.push(added);
      expect(added.code).toBe(1);
      expect(json(added).problem?.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(await savedProfiles(folder)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('no key appears in any output of any command, nor in any file under VEZA_DESK_HOME', async () => {
    expect(runs.length).toBeGreaterThan(30);
    for (const key of keys) {
      for (const result of runs) {
        expect(result.stdout).not.toContain(key);
        expect(result.stderr).not.toContain(key);
      }
      expect(await filesContaining(home, key)).toEqual([]);
    }
  });
});
