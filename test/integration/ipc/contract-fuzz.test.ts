import fc from 'fast-check';
import { readdir, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { httpMethods } from '../../../src/shared/http-protocol/http-method';
import { calls, events, type CallName, type EventName } from '../../../src/shared/ipc/contract';
import { problemSchema } from '../../../src/shared/problems/problem';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import { invalidOf, validOf, type Hints } from '../../support/zod-arbitraries';

// Proof by force (issue 14): every call of the IPC contract, through the real dispatcher with
// the real services over a temp data folder and the real keychain, with generated payloads,
// valid and malformed. Nothing may crash or reject unhandled; every payload the schema refuses
// is answered IPC_INVALID_ARGUMENT and writes nothing in the data folder; nothing is contacted
// but 127.0.0.1.

const callNames = Object.keys(calls) as CallName[];
/** At least 10,000 payloads in all, spread over every call. */
const runsPerCall = Math.ceil(10_200 / callNames.length);

// Calls whose every valid payload does a lot (checks every instance, starts a server): their
// valid payloads are sent a few times by hand, the generated ones are all malformed.
const fewValid: ReadonlySet<CallName> = new Set(['doctor.checkAll', 'demo.start']);
// Calls that change or delete the instance they name get the spare instance, so the one the
// other calls reach keeps its key and address.
const changesInstance: ReadonlySet<CallName> = new Set([
  'profiles.update',
  'profiles.rebindKey',
  'profiles.settleImportedNetwork',
  'profiles.duplicate',
  'profiles.delete',
  'profiles.setKey',
  'profiles.removeKey',
  'profiles.trustCertificate',
  'profiles.forgetCertificate',
]);

let sandbox: Sandbox;
let harness: ProfileHarness;
let sandboxId: string;
let spareId: string;

// ---- Nothing but 127.0.0.1: every TCP connection of this process is looked at.
const outside: string[] = [];
const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost']);
const originalConnect = net.Socket.prototype.connect;
function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  // net.connect() hands over its arguments already normalised, as an array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  const options =
    typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
  const host = options
    ? options.path
      ? undefined
      : String(options.host ?? 'localhost')
    : typeof args[1] === 'string'
      ? args[1]
      : typeof first === 'string'
        ? undefined // a pipe or socket path
        : 'localhost';
  // A name is only allowed through the harness's resolver, which answers 127.0.0.1 or nothing.
  const resolvedHere = typeof options?.lookup === 'function';
  if (host !== undefined && !loopback.has(host) && !(net.isIP(host) === 0 && resolvedHere)) {
    outside.push(host);
    this.destroy(new Error(`contract fuzz: connection to ${host} refused by the test`));
    return this;
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
}

// ---- No unhandled rejection anywhere in the run.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** The data folder's files with size and modification time: what "nothing written" compares. */
async function snapshot(folder: string): Promise<string> {
  const names = (await readdir(folder, { recursive: true })).sort();
  const lines = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(folder, name)).catch(() => undefined);
      if (!info) return `${name} (gone)`;
      return info.isDirectory() ? `${name}/` : `${name} ${info.size} ${info.mtimeMs}`;
    }),
  );
  return lines.join('\n');
}

const hex = (bytes: number) =>
  fc
    .array(fc.integer({ min: 0, max: 255 }), { minLength: bytes, maxLength: bytes })
    .map((list) => list.map((byte) => byte.toString(16).padStart(2, '0')));

/** Values for fields whose schema a generic string cannot meet, or must not reach the network. */
function hintsFor(name: CallName): Hints {
  const ids = changesInstance.has(name) ? [spareId] : [sandboxId];
  const instanceId = fc.oneof(fc.constantFrom(...ids), fc.uuid({ version: 4 }));
  const loopbackProxy = fc.constantFrom('http://127.0.0.1:9', 'http://user@127.0.0.1:9');
  return {
    id: instanceId,
    profileId: instanceId,
    holderProfileId: instanceId,
    // Only addresses on this computer, or names the harness's resolver does not know.
    address: fc.constantFrom(
      sandbox.url,
      'http://127.0.0.1:1',
      'https://acme.vezacloud.invalid',
      'veza.test',
      'not an address',
      '',
    ),
    url: loopbackProxy,
    proxyUrl: loopbackProxy,
    caFile: fc.constantFrom('/nonexistent/company-ca.pem'),
    colour: hex(3).map((parts) => `#${parts.join('')}`),
    pinnedCertSha256: hex(32).map((parts) => parts.join(':')),
    sha256: hex(32).map((parts) => parts.join('')),
    apiKey: fc.oneof(fc.constant(sandbox.keys.admin), fc.string({ maxLength: 40 })),
    method: fc.constantFrom(...httpMethods),
    path: fc.constantFrom(
      '/api/v1/providers',
      '/api/v1/users/self',
      '/api/v1/assessments/query_spec:nodes',
      '/api/preview/teamkeys',
      '/api/v1/nothing-here',
    ),
    'headers[]': fc.record({
      name: fc.constantFrom('accept', 'x-fuzz', 'content-type', ''),
      value: fc.string({ maxLength: 20 }),
      enabled: fc.boolean(),
    }),
    body: fc.option(
      fc.constantFrom('{"query_type": "SOURCE_TO_DESTINATION"}', '{}', 'not json', ''),
      { nil: undefined },
    ),
  };
}

/** Per call: how many payloads the schema refused and accepted. */
const tally = new Map<CallName, { refused: number; accepted: number }>();
/** The data folder as it was after the last call, while only refused payloads came since. */
let known: string | undefined;

async function dispatchOne(name: CallName, payload: unknown): Promise<void> {
  const accepted = calls[name].args.safeParse(payload).success;
  const counts = tally.get(name) ?? { refused: 0, accepted: 0 };
  tally.set(name, counts);
  if (accepted) counts.accepted += 1;
  else counts.refused += 1;

  known ??= await snapshot(harness.home);
  const answer = await harness.call(name, payload);
  expect(typeof answer.ok).toBe('boolean');
  if (!accepted) {
    expect(answer.ok).toBe(false);
    expect(answer.problem?.code).toBe('IPC_INVALID_ARGUMENT');
    expect(await snapshot(harness.home)).toBe(known);
  } else {
    // A valid payload may be refused for what it asks (no such instance, a CA file main's
    // dialog did not choose: IPC_INVALID_ARGUMENT from the handler...), never crash.
    if (!answer.ok) {
      expect(problemSchema.safeParse(answer.problem).success).toBe(true);
      const said = `${name}: ${answer.problem.code} ${answer.problem.detail?.raw ?? ''}`;
      expect(said).not.toMatch(/: INTERNAL_ERROR /);
    }
    // It may have written (that is its job): the next refused payload compares afresh.
    known = undefined;
  }
  expect(Object.prototype).not.toHaveProperty('polluted');
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  net.Socket.prototype.connect = guardedConnect as typeof net.Socket.prototype.connect;
  sandbox = await startSandbox();
  harness = await openProfileHarness();
  const create = async (instanceName: string) => {
    const made = await harness.call('profiles.create', {
      draft: {
        name: instanceName,
        address: sandbox.url,
        colour: '#2563eb',
        production: false,
        notes: '',
      },
      key: { apiKey: sandbox.keys.admin, acceptAsIs: false },
    });
    expect(made.ok, JSON.stringify(made.problem)).toBe(true);
    return made.value.id as string;
  };
  sandboxId = await create('Sandbox');
  spareId = await create('Spare');
});

afterAll(async () => {
  net.Socket.prototype.connect = originalConnect;
  process.off('unhandledRejection', onUnhandled);
  await harness?.close();
  await sandbox?.close();
});

describe('the IPC contract under generated payloads', () => {
  it.each(callNames)(
    '%s',
    async (name) => {
      const args = calls[name].args;
      const hints = hintsFor(name);
      const payloads = fewValid.has(name)
        ? invalidOf(args, hints).filter((payload) => !args.safeParse(payload).success)
        : fc.oneof(
            { weight: 4, arbitrary: invalidOf(args, hints) },
            { weight: 1, arbitrary: validOf(args, hints) },
          );
      await fc.assert(
        fc.asyncProperty(payloads, (payload) => dispatchOne(name, payload)),
        { numRuns: runsPerCall },
      );
    },
    60_000,
  );

  it('the calls with few valid payloads, sent valid by hand', async () => {
    await dispatchOne('demo.start', undefined);
    await dispatchOne('doctor.checkAll', undefined);
    await dispatchOne('doctor.checkAll', { callId: crypto.randomUUID() });
  }, 60_000);

  it('no crash, no unhandled rejection, nothing but 127.0.0.1, at least 10,000 payloads', async () => {
    // Let late rejections surface before counting them.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unhandled).toEqual([]);
    expect(outside).toEqual([]);
    const counts = [...tally.values()];
    const refused = counts.reduce((sum, count) => sum + count.refused, 0);
    const accepted = counts.reduce((sum, count) => sum + count.accepted, 0);
    expect(tally.size).toBe(callNames.length);
    expect(refused + accepted).toBeGreaterThanOrEqual(10_000);
    // Both kinds, mostly refused (extra fields and polluting keys are stripped: those pass).
    expect(refused).toBeGreaterThan(6000);
    expect(accepted).toBeGreaterThan(1000);
    console.info(
      `contract fuzz: ${refused + accepted} payloads over ${tally.size} calls, ${refused} refused, ${accepted} accepted`,
    );
  });

  it('every event main emitted on the way fits the contract', () => {
    expect(harness.events.length).toBeGreaterThan(0);
    for (const { name, payload } of harness.events) {
      const parsed = events[name as EventName].safeParse(payload);
      expect([name, parsed.error?.issues]).toEqual([name, undefined]);
    }
  });
});
