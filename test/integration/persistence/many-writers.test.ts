import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfileService } from '../../../src/main/core/profiles/open-profile-service';
import { openProfileStore } from '../../../src/main/core/profiles/profile-store';
import { createKeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import type { ProfilesState } from '../../../src/shared/profiles/profile';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { keychainKey, makeDraft, makeStoredProfile } from '../../support/profile-fixtures';
import { repoRoot, spawnTsx } from '../../support/run-tsx';
import { cleanEnv, ensureBuiltCli, runBuiltCli } from '../cli/support/built-cli';

// Several processes on one data folder at once (issue 14): the app's store in this process,
// the built CLI as child processes, and plain writers killed with SIGKILL half-way. Nothing
// any of them was told is saved may be missing at the end.

const writer = path.join(repoRoot, 'test/integration/profiles/children/write-profiles-forever.ts');
const secrets = createKeytarSecretStore();
let sandbox: Sandbox;
const homes: string[] = [];
const savedIds: string[] = [];

const newHome = async () => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'veza-many-writers-'));
  homes.push(home);
  return home;
};

beforeAll(async () => {
  ensureBuiltCli();
  sandbox = await startSandbox();
}, 120_000);

afterAll(async () => {
  for (const id of savedIds) await secrets.delete(id).catch(() => false);
  await sandbox.close();
  await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })));
});

/** What a fresh process finds in the folder now. */
const onDisk = async (home: string) =>
  (await openProfileStore(home, { inspectOnly: true })).state();

describe('the CLI beside the app', () => {
  it('check --all while the app and other CLIs add profiles and set keys: every profile, key and verdict is there', async () => {
    const home = await newHome();
    const seen: ProfilesState[] = [];
    const app = await openProfileService({
      folder: home,
      secrets,
      onChange: (state) => seen.push(state),
      followOtherProcesses: true,
    });
    const key = sandbox.keys.admin;
    const checked: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const profile = await app.create(makeDraft({ name: `Checked ${i}`, address: sandbox.url }), {
        apiKey: key,
        acceptAsIs: false,
      });
      checked.push(profile.id);
    }
    savedIds.push(...checked);

    const env = cleanEnv({ VEZA_DESK_HOME: home });
    const cli = (args: string[], stdin = '') => runBuiltCli(args, env, stdin);
    const [checkRun, ...rest] = await Promise.all([
      cli(['check', '--all', '--json']),
      ...Array.from({ length: 5 }, (_, i) =>
        cli(
          ['profiles', 'add', '--name', `From CLI ${i}`, '--url', sandbox.url, '--key-stdin'],
          key,
        ),
      ),
      // The app meanwhile: new instances with keys, and a key set again on a checked one.
      (async () => {
        for (let i = 0; i < 10; i += 1) {
          const made = await app.create(
            makeDraft({ name: `From app ${i}`, address: sandbox.url }),
            {
              apiKey: key,
              acceptAsIs: false,
            },
          );
          savedIds.push(made.id);
        }
        await app.setKey(checked[0] as string, { apiKey: key, acceptAsIs: false });
        return { code: 0, stdout: '', stderr: '' };
      })(),
    ]);
    expect(checkRun?.code, checkRun?.stderr).toBe(0);
    for (const run of rest) expect(run.code, run.stderr).toBe(0);

    const state = await onDisk(home);
    const names = state.profiles.map((profile) => profile.name).sort();
    expect(names).toEqual(
      [
        ...Array.from({ length: 8 }, (_, i) => `Checked ${i}`),
        ...Array.from({ length: 5 }, (_, i) => `From CLI ${i}`),
        ...Array.from({ length: 10 }, (_, i) => `From app ${i}`),
      ].sort(),
    );
    savedIds.push(...state.profiles.map((profile) => profile.id));
    for (const profile of state.profiles) {
      expect(profile.key, profile.name).toBeDefined();
      expect(await keychainKey(profile.id), profile.name).toBe(key);
    }
    // Every instance the check saw got its verdict (the CLI recorded them under the lock).
    for (const id of checked)
      expect(state.profiles.find((profile) => profile.id === id)?.lastVerification?.ok).toBe(true);
    expect(state.loadProblem).toBeUndefined();

    // The app shows what the CLIs added without a restart.
    await expect
      .poll(() => seen.at(-1)?.profiles.filter((p) => p.name.startsWith('From CLI')).length, {
        timeout: 5000,
      })
      .toBe(5);
    expect(app.state().profiles).toHaveLength(23);
  }, 120_000);
});

/** Runs the plain writer; kills it after `killAfter` acks (if given); answers the acked ids. */
function runWriter(home: string, run: number, count: number, killAfter?: number) {
  return new Promise<string[]>((resolve, reject) => {
    const child = spawnTsx(writer, [home, String(run), String(count)], process.env);
    const acked: string[] = [];
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        acked.push(line.slice(4));
        if (acked.length === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.random() * 5);
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(acked));
  });
}

describe('writers killed half-way', () => {
  it('four writer processes (two killed) and this process write at once: every acknowledged change is there', async () => {
    const home = await newHome();
    const here = await openProfileStore(home);
    const mine: string[] = [];
    const writeHere = (async () => {
      for (let i = 0; i < 50; i += 1) {
        const id = await here.commit((profiles) => {
          const profile = makeStoredProfile({ name: `here ${i}` });
          return { profiles: [...profiles, profile], value: profile.id };
        });
        mine.push(id);
      }
    })();
    const runs = await Promise.all([
      runWriter(home, 1, 50),
      runWriter(home, 2, 50),
      runWriter(home, 3, 50, 5 + Math.floor(Math.random() * 30)),
      runWriter(home, 4, 50, 5 + Math.floor(Math.random() * 30)),
    ]);
    await writeHere;
    const acknowledged = [...mine, ...runs.flat()];
    expect(runs[0]).toHaveLength(50);
    expect(runs[1]).toHaveLength(50);
    expect(runs[2]?.length).toBeLessThan(50);

    const state = await onDisk(home);
    const present = new Set(state.profiles.map((profile) => profile.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(state.loadProblem).toBeUndefined();
    const text = await readFile(path.join(home, 'profiles.json'), 'utf8');
    expect(JSON.parse(text).profiles).toHaveLength(state.profiles.length);
  }, 120_000);
});

describe('ten writers started at the same moment', () => {
  it('each waits for the lock in turn: all 500 changes are there', async () => {
    const home = await newHome();
    // The bench's writer: opens the store, says "ready", waits for "go", then commits 50.
    const writerScript = path.join(repoRoot, 'bench/support/profile-writer.ts');
    const writers = Array.from({ length: 10 }, (_, i) => {
      const child = spawnTsx(writerScript, [home, String(i), '50'], process.env);
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      return {
        child,
        ready: new Promise<void>((resolve) => {
          const check = () => (out.includes('ready\n') ? resolve() : setTimeout(check, 20));
          check();
        }),
        acked: new Promise<string[]>((resolve) =>
          child.on('close', () =>
            resolve(
              out.split('\n').flatMap((line) => (line.startsWith('ack ') ? [line.slice(4)] : [])),
            ),
          ),
        ),
      };
    });
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.child.stdin?.write('go\n');
    const acked = (await Promise.all(writers.map((w) => w.acked))).flat();
    expect(acked).toHaveLength(500);
    const present = new Set((await onDisk(home)).profiles.map((profile) => profile.id));
    expect(acked.filter((id) => !present.has(id))).toEqual([]);
  }, 120_000);
});
