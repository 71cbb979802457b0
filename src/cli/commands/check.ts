import { createDoctorService } from '../../main/core/doctor/doctor-service';
import { createInstanceClient } from '../../main/core/veza/instance-client';
import { verify } from '../../main/core/doctor/verify';
import { resolveDataFolder } from '../../main/core/data-folder';
import type { ProfileService } from '../../main/core/profiles/profile-service';
import { createTransport, type TransportNetwork } from '../../main/core/transport';
import { formatVerificationText } from '../../shared/doctor/format-verification';
import type { VerificationResult } from '../../shared/doctor/verification';
import type { CliContext, CliStreams } from '../cli-context';
import { findProfile, unknownProfileText } from '../find-profile';
import { withoutFinalNewline } from '../key-input';
import { openCliProfiles } from '../open-cli-profiles';
import { problemJson } from '../problem-json';
import { checkUsage, parseCheckArgs, type CheckArgs } from './parse-check-args';

/**
 * One verdict as `check --json` prints it (docs: README "Command line"). Steps that did not run
 * have `ms: null`; `keyKind`, `identity` and `problem` are null when there is none.
 */
export function checkJson(result: VerificationResult) {
  return {
    ok: result.ok,
    url: result.url,
    keyKind: result.keyKind ?? null,
    identity: result.identity ?? null,
    steps: result.steps.map((step) => ({
      id: step.id,
      status: step.status,
      ms: step.ms === undefined ? null : Math.round(step.ms),
    })),
    problem: problemJson(result.problem),
  };
}

/** The command line's network choices, laid over a profile's (or over nothing for --url). */
function adjustNetwork(args: CheckArgs): (network: TransportNetwork) => TransportNetwork {
  return (network) => ({
    ...network,
    ...(args.caFile !== undefined && { caFile: args.caFile }),
    ...(args.proxy !== undefined && { proxy: { mode: 'manual', url: args.proxy } }),
    ...(args.timeoutMs !== undefined && {
      timeouts: {
        ...network.timeouts,
        connectMs: args.timeoutMs,
        firstByteMs: args.timeoutMs,
        idleMs: args.timeoutMs,
      },
    }),
  });
}

/** The key for --url: the first non-empty variable named, or stdin without its final newline. */
function keyReader(args: CheckArgs, context: CliContext): () => Promise<string | undefined> {
  const source = args.keySource;
  if (source.kind === 'stdin') {
    return async () => {
      const text = (await context.readStdin?.()) ?? '';
      return withoutFinalNewline(text) || undefined;
    };
  }
  return async () => source.names.map((name) => context.env[name]).find((value) => !!value);
}

function print(
  io: CliStreams,
  json: boolean,
  checked: { name?: string; result: VerificationResult }[],
  all: boolean,
): void {
  if (json) {
    const objects = checked.map(({ name, result }) =>
      all ? { profile: name, ...checkJson(result) } : checkJson(result),
    );
    io.stdout.write(`${JSON.stringify(all ? objects : objects[0], null, 2)}\n`);
    return;
  }
  const blocks = checked.map(({ name, result }) =>
    all ? `Instance: ${name}\n${formatVerificationText(result)}` : formatVerificationText(result),
  );
  io.stdout.write(`${blocks.join('\n\n')}\n`);
}

async function openProfiles(
  context: CliContext,
  io: CliStreams,
  adjust: (network: TransportNetwork) => TransportNetwork,
): Promise<ProfileService | number> {
  // A key rotation left unfinished is settled first, so the check meets the key that stays.
  const profiles = await openCliProfiles(resolveDataFolder(context.env), context, io, adjust);
  const { loadProblem } = profiles.state();
  if (loadProblem && profiles.state().profiles.length === 0) {
    io.stderr.write(`${loadProblem.title}\n${loadProblem.explanation}\n`);
    return 1;
  }
  return profiles;
}

/**
 * `veza-desk check`: the connection doctor from a terminal. Exit 0 when every key checked
 * works, 1 when a problem was found, 2 for a usage error (including an unknown profile name).
 * With --profile and --all the verdict is recorded on the profile, as the app does.
 */
export async function runCheckCommand(
  argv: readonly string[],
  io: CliStreams,
  context: CliContext,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(checkUsage);
    return 0;
  }
  const args = parseCheckArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n\n${checkUsage}`);
    return 2;
  }
  const openTransport = () =>
    createTransport({ env: { ...context.env }, ...context.transportDeps });
  const adjust = adjustNetwork(args);

  if (args.target.kind === 'url') {
    const result = await verify(
      { address: args.target.url, readKey: keyReader(args, context), network: adjust({}) },
      { openTransport },
    );
    print(io, args.json, [{ result }], false);
    return result.ok ? 0 : 1;
  }

  const profiles = await openProfiles(context, io, adjust);
  if (typeof profiles === 'number') return profiles;
  const instances = createInstanceClient({ profiles, adjustNetwork: adjust });
  const doctor = createDoctorService({ profiles, instances, openTransport });
  const saved = profiles.state().profiles;

  if (args.target.kind === 'profile') {
    const profile = findProfile(saved, args.target.name);
    if (!profile) {
      io.stderr.write(unknownProfileText(saved, args.target.name));
      return 2;
    }
    const result = await doctor.verify(profile.id);
    print(io, args.json, [{ name: profile.name, result }], false);
    return result.ok ? 0 : 1;
  }

  if (saved.length === 0) {
    if (args.json) io.stdout.write('[]\n');
    io.stderr.write('No instances are saved yet: there is nothing to check.\n');
    return 1;
  }
  const { results } = await doctor.checkAll();
  const named = results.map(({ profileId, result }) => ({
    name: saved.find((profile) => profile.id === profileId)?.name,
    result,
  }));
  print(io, args.json, named, true);
  return named.every(({ result }) => result.ok) ? 0 : 1;
}
