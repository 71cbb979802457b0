import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src/sandbox/start-sandbox';
import { keychainKey } from '../../support/profile-fixtures';
import {
  journal,
  rotateUntilKilled,
  setUpRotationScene,
  tearDownRotationScene,
  type Relay,
} from '../keys/support/interrupted-rotation';
import { cleanEnv, ensureBuiltCli, runBuiltCli, type CliRun } from './support/built-cli';

// The built CLI settles a key rotation some Veza Desk left unfinished, as the app does at
// start: a child running the app's services is killed (SIGKILL) half-way through a rotation
// (test/integration/keys/children/rotate-until-killed.ts, as in rotation-crash.test.ts), then
// `veza-desk check` or `veza-desk profiles add` runs on the same data folder and keychain. It
// finishes or undoes the rotation before its own work and says which on stderr, never a key.
// The set-up is shared with that test: ../keys/support/interrupted-rotation.ts.

describe('the CLI settles a key rotation left unfinished', () => {
  let sandbox: Sandbox;
  let relay: Relay;
  let home: string;
  let admin: string;
  let holder: string;
  let oldId: string;
  let oldSecret: string;
  const runs: CliRun[] = [];

  beforeAll(() => ensureBuiltCli(), 120_000);

  beforeEach(async () => {
    ({ sandbox, relay, home, admin, holder, oldId, oldSecret } =
      await setUpRotationScene('veza-cli-rotation-'));
  });

  afterEach(async () => {
    // No run printed a key: the sandbox's, the old team key, or the one the rotation made.
    const secrets = [...Object.values(sandbox.keys), oldSecret];
    const now = await keychainKey(holder);
    if (now) secrets.push(now);
    for (const run of runs.splice(0))
      for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    await tearDownRotationScene({ sandbox, relay, home, admin, holder });
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
