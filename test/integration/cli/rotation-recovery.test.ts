import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRotationJournal } from '../../../src/main/core/keys/rotation-journal';
import { createKeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { keychainKey, makeDraft } from '../../support/profile-fixtures';
import { openProfileHarness } from '../../support/profile-harness';
import { repoRoot, spawnTsx } from '../../support/run-tsx';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// The built CLI settles a key rotation some Veza Desk left unfinished, as the app does at
// start: a child running the app's services is killed (SIGKILL) half-way through a rotation
// (test/integration/keys/children/rotate-until-killed.ts, as in rotation-crash.test.ts), then
// `veza-desk check` or `veza-desk profiles add` runs on the same data folder and keychain. It
// finishes or undoes the rotation before its own work and says which on stderr, never a key.

const child = path.join(repoRoot, 'test/integration/keys/children/rotate-until-killed.ts');
const journal = createRotationJournal(createKeytarSecretStore());

/** A TCP relay to the sandbox: down() makes Veza unreachable, up() brings it back. */
async function startRelay(target: number) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const upstream = net.connect(target, '127.0.0.1');
    for (const end of [socket, upstream]) {
      sockets.add(end);
      end.on('error', () => {});
      end.on('close', () => sockets.delete(end));
    }
    socket.pipe(upstream).pipe(socket);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, down: close, up: () => listen(port), close };
}

/** Runs the child's rotation until it pauses at `pauseAt`, then kills it there. */
function rotateUntilKilled(
  home: string,
  ids: { admin: string; holder: string; keyId: string },
  pauseAt: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const rotating = spawnTsx(child, [home, ids.admin, ids.holder, ids.keyId], {
      ...process.env,
      ROTATION_PAUSE_AT: pauseAt,
    });
    let out = '';
    let paused = false;
    const timer = setTimeout(() => rotating.kill('SIGKILL'), 30_000);
    rotating.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`paused ${pauseAt}\n`)) {
        paused = true;
        rotating.kill('SIGKILL');
      }
    });
    rotating.on('error', reject);
    rotating.on('close', () => {
      clearTimeout(timer);
      if (paused) resolve();
      else reject(new Error(`the child did not pause at ${pauseAt}: ${out}`));
    });
  });
}

describe('the CLI settles a key rotation left unfinished', () => {
  let sandbox: Sandbox;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let home: string;
  let admin: string;
  let holder: string;
  let oldId: string;
  let oldSecret: string;
  const runs: CliRun[] = [];

  beforeAll(() => ensureBuiltCli(), 120_000);

  beforeEach(async () => {
    sandbox = await startSandbox();
    relay = await startRelay(sandbox.port);
    home = await mkdtemp(path.join(os.tmpdir(), 'veza-cli-rotation-'));
    const setup = await openProfileHarness(home);
    admin = (
      await setup.profiles.create(
        makeDraft({ name: 'Acme (Alice)', address: relay.url, colour: '#12805c' }),
        { apiKey: sandbox.keys.admin, acceptAsIs: false },
      )
    ).id;
    const created = await setup.call('keys.createTeamKey', {
      profileId: admin,
      name: 'HR sync',
      teamId: sandbox.demo.teams.platform,
      saveAs: { kind: 'new-profile', name: 'Acme HR sync' },
      copyOnce: false,
    });
    holder = created.value.savedTo.profileId;
    oldId = created.value.key.id;
    oldSecret = (await keychainKey(holder)) as string;
    await setup.close({ keepFolder: true });
  });

  afterEach(async () => {
    // No run printed a key: the sandbox's, the old team key, or the one the rotation made.
    const secrets = [...Object.values(sandbox.keys), oldSecret];
    const now = await keychainKey(holder);
    if (now) secrets.push(now);
    for (const run of runs.splice(0))
      for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    await journal.remove(holder).catch(() => {});
    await createKeytarSecretStore().delete(holder);
    await createKeytarSecretStore().delete(admin);
    await relay.close();
    await sandbox.close();
    await rm(home, { recursive: true, force: true });
  });

  const ids = () => ({ admin, holder, keyId: oldId });

  async function cli(args: string[]): Promise<CliRun> {
    const run = await runBuiltCli(args, cleanEnv({ VEZA_DESK_HOME: home }));
    runs.push(run);
    return run;
  }

  /** The new key the killed rotation made, and the key the holder has in the keychain now. */
  async function leftByChild() {
    const read = await journal.read(holder);
    if (read.state !== 'found') throw new Error(`no journal after the kill: ${read.state}`);
    return { newKeyId: read.entry.newKeyId as string, held: await keychainKey(holder) };
  }

  it('check --profile: a rotation killed before the new key was checked is undone first', async () => {
    await rotateUntilKilled(home, ids(), 'saved');
    const { newKeyId, held } = await leftByChild();
    expect(held).not.toBe(oldSecret);

    const run = await cli(['check', '--profile', 'Acme HR sync', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('The key rotation of “Acme HR sync” was undone.');
    expect(run.stderr).toContain('Acme HR sync uses the old key again');
    // stdout is the check's own: its --json verdict, met with the old key put back.
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, problem: null });
    expect(await journal.read(holder)).toEqual({ state: 'none' });
    expect(await keychainKey(holder)).toBe(oldSecret);
    expect(sandbox.control.keyState(oldSecret)).toBe('ACTIVE');
    expect(sandbox.control.keyState(newKeyId)).toBe('INACTIVE');

    // Settled: the next run has nothing to say about it.
    const again = await cli(['check', '--profile', 'Acme HR sync']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('key rotation');
  }, 60_000);

  it('profiles add: a rotation killed after the new key was checked is finished first', async () => {
    await rotateUntilKilled(home, ids(), 'revoking-old');
    const { newKeyId, held } = await leftByChild();

    const run = await cli(['profiles', 'add', '--name', 'Lab', '--url', sandbox.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('The key rotation of “Acme HR sync” was finished.');
    expect(run.stderr).toContain('is now revoked');
    expect(run.stdout).toContain('Lab');
    expect(await journal.read(holder)).toEqual({ state: 'none' });
    expect(await keychainKey(holder)).toBe(held);
    expect(sandbox.control.keyState(oldSecret)).toBe('INACTIVE');
    expect(sandbox.control.keyState(newKeyId)).toBe('ACTIVE');
  }, 60_000);

  it('with Veza unreachable it is kept as pending and said so; the next run settles it', async () => {
    await rotateUntilKilled(home, ids(), 'revoking-old');
    const { newKeyId } = await leftByChild();
    await relay.down();

    const first = await cli(['check', '--all']);
    expect(first.stderr).toContain('The key rotation of “Acme HR sync” is not settled yet.');
    expect(first.stderr).toContain('tries again the next time it starts');
    expect((await journal.read(holder)).state).toBe('found');
    expect(sandbox.control.keyState(oldSecret)).toBe('ACTIVE');

    await relay.up();
    const second = await cli(['check', '--all']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('The key rotation of “Acme HR sync” was finished.');
    expect(await journal.read(holder)).toEqual({ state: 'none' });
    expect(sandbox.control.keyState(oldSecret)).toBe('INACTIVE');
    expect(sandbox.control.keyState(newKeyId)).toBe('ACTIVE');
  }, 60_000);
});
