import { createDoctorService } from '../../main/core/doctor/doctor-service';
import { createClientCertificateSecrets } from '../../main/core/secrets/client-certificate-secrets';
import { createInstanceClient } from '../../main/core/veza/instance-client';
import { verify } from '../../main/core/doctor/verify';
import { createTransport } from '../../main/core/transport';
import { formatVerificationText } from '../../shared/doctor/format-verification';
import type { VerificationResult } from '../../shared/doctor/verification';
import type { CliContext, CliStreams } from '../cli-context';
import { findProfile, unknownProfileText } from '../find-profile';
import { adjustNetwork, keyReader, openProfilesForCommand } from '../reach-instance';
import { problemJson } from '../problem-json';
import { checkUsage, parseCheckArgs } from './parse-check-args';

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
  const adjust = adjustNetwork(args, context.env);

  if (args.target.kind === 'url') {
    const result = await verify(
      {
        address: args.target.url,
        readKey: keyReader(args, context),
        network: adjust({}),
        checkMs: args.checkMs,
      },
      { openTransport },
    );
    print(io, args.json, [{ result }], false);
    return result.ok ? 0 : 1;
  }

  const profiles = await openProfilesForCommand(context, io, adjust);
  if (typeof profiles === 'number') return profiles;
  const instances = createInstanceClient({
    profiles,
    adjustNetwork: adjust,
    clientCertificates: createClientCertificateSecrets(context.secrets()).lookup,
  });
  const doctor = createDoctorService({ profiles, instances, openTransport, checkMs: args.checkMs });
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
