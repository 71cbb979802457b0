import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRotationJournal } from '../../../../src/main/core/keys/rotation-journal';
import { createKeytarSecretStore } from '../../../../src/main/core/secrets/keytar-secret-store';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/start-sandbox';
import { keychainKey, makeDraft } from '../../../support/profile-fixtures';
import { openProfileHarness, type ProfileHarness } from '../../../support/profile-harness';
import { repoRoot, spawnTsx } from '../../../support/run-tsx';

// The set-up of a key rotation killed half-way, shared by keys/rotation-crash.test.ts (the
// app's next start) and cli/rotation-recovery.test.ts (the built CLI's next run): a sandbox
// Veza behind a relay, a data folder with an admin profile and a team key saved as a profile
// of its own, and a child process (children/rotate-until-killed.ts) that rotates that key and
// is killed (SIGKILL) at a step.

const child = path.join(repoRoot, 'test/integration/keys/children/rotate-until-killed.ts');

/** The rotation journals in the real keychain, read and written as the app does. */
export const journal = createRotationJournal(createKeytarSecretStore());

/** What the app tells the user about a rotation it settled at start (keys.rotationRecovered). */
export type Notice = { holderProfileName: string; outcome: string; detail: string };

/** The keys.rotationRecovered notices a harness has emitted so far. */
export function rotationNotices(harness: ProfileHarness): Notice[] {
  return harness.events
    .filter((event) => event.name === 'keys.rotationRecovered')
    .map((event) => event.payload as Notice);
}

export interface Relay {
  url: string;
  /** Refuses connections (Veza unreachable) until up(). */
  down: () => Promise<void>;
  /** Listens again on the same port. */
  up: () => Promise<void>;
  close: () => Promise<void>;
}

/** A TCP relay to the sandbox on a port of its own: down() refuses connections, up() again. */
export async function startRelay(target: number): Promise<Relay> {
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

/** The profiles of a team key's admin and holder, and the holder's key (id and secret). */
export interface TeamKeyHolder {
  admin: string;
  holder: string;
  oldId: string;
  oldSecret: string;
}

/** Saves "Acme (Alice)" (admin) at `address` and a new team key as profile "Acme HR sync". */
export async function createTeamKeyHolder(
  harness: ProfileHarness,
  sandbox: Sandbox,
  address: string,
): Promise<TeamKeyHolder> {
  const admin = (
    await harness.profiles.create(makeDraft({ name: 'Acme (Alice)', address, colour: '#12805c' }), {
      apiKey: sandbox.keys.admin,
      acceptAsIs: false,
    })
  ).id;
  const created = await harness.call('keys.createTeamKey', {
    profileId: admin,
    name: 'HR sync',
    teamId: sandbox.demo.teams.platform,
    saveAs: { kind: 'new-profile', name: 'Acme HR sync' },
    copyOnce: false,
  });
  const holder: string = created.value.savedTo.profileId;
  const oldId: string = created.value.key.id;
  const oldSecret = (await keychainKey(holder)) as string;
  return { admin, holder, oldId, oldSecret };
}

/** A sandbox behind a relay and a new data folder (no app open on it) holding a team key. */
export interface RotationScene extends TeamKeyHolder {
  sandbox: Sandbox;
  relay: Relay;
  home: string;
}

/** Sets up a RotationScene; `whileOpen` runs on the set-up harness before it is closed. */
export async function setUpRotationScene(
  tmpPrefix: string,
  whileOpen?: (setup: ProfileHarness, scene: RotationScene) => Promise<void>,
): Promise<RotationScene> {
  const sandbox = await startSandbox();
  const relay = await startRelay(sandbox.port);
  const home = await mkdtemp(path.join(os.tmpdir(), tmpPrefix));
  const setup = await openProfileHarness(home);
  const scene = { sandbox, relay, home, ...(await createTeamKeyHolder(setup, sandbox, relay.url)) };
  await whileOpen?.(setup, scene);
  await setup.close({ keepFolder: true });
  return scene;
}

/** Removes a scene's journal, keychain keys, relay (if any), sandbox and folder. */
export async function tearDownRotationScene(
  scene: Pick<RotationScene, 'sandbox' | 'home' | 'admin' | 'holder'> & { relay?: Relay },
): Promise<void> {
  await journal.remove(scene.holder).catch(() => {});
  await createKeytarSecretStore().delete(scene.holder);
  await createKeytarSecretStore().delete(scene.admin);
  await scene.relay?.close();
  await scene.sandbox.close();
  await rm(scene.home, { recursive: true, force: true });
}

/** Makes Veza fail the next "who am I" (a new key's first check) once, with a 500. */
export function failNextWhoAmI(sandbox: Sandbox): void {
  sandbox.faults.add({
    kind: 'serverError',
    status: 500,
    pathPrefix: '/api/v1/users/self',
    times: 1,
  });
}

/** Runs the child's rotation until it pauses at `pauseAt`, then kills it; answers its lines. */
export function rotateUntilKilled(
  home: string,
  ids: { admin: string; holder: string; keyId: string },
  pauseAt: string,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawnTsx(child, [home, ids.admin, ids.holder, ids.keyId], {
      ...process.env,
      ROTATION_PAUSE_AT: pauseAt,
    });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => process_.kill('SIGKILL'), 30_000);
    process_.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line.startsWith('paused ')) process_.kill('SIGKILL');
      }
    });
    process_.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('error', reject);
    process_.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' || !lines.includes(`paused ${pauseAt}`))
        reject(new Error(`the child did not pause at ${pauseAt}: ${lines.join(' | ')} ${stderr}`));
      else resolve(lines);
    });
  });
}
