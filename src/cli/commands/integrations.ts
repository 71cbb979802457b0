import { createIntegrationsService } from '../../main/core/integrations/integrations-service';
import { readIntegrations } from '../../main/core/integrations/read-integrations';
import { ProblemError } from '../../main/core/problem-error';
import { createRedactor, createTransport, type Redactor } from '../../main/core/transport';
import { createInstanceClient } from '../../main/core/veza/instance-client';
import { formatIntegrationsText } from '../../shared/integrations/format-integrations-text';
import {
  allWell,
  onlyNeedingCare,
  type InstanceIntegrations,
} from '../../shared/integrations/integration-health';
import type { Problem } from '../../shared/problems/problem';
import type { CliContext, CliStreams } from '../cli-context';
import { findProfile, unknownProfileText } from '../find-profile';
import { printProblem } from '../print-problem';
import { problemJson } from '../problem-json';
import { adjustNetwork, openProfilesForCommand, openUrlSession } from '../reach-instance';
import {
  integrationsUsage,
  parseIntegrationsArgs,
  type IntegrationsArgs,
} from './parse-integrations-args';

/** One instance read, or the problem that stopped it. */
interface Outcome {
  profile: string | null;
  url: string;
  read?: InstanceIntegrations;
  problem?: Problem;
}

const problemOf = (error: unknown): Problem => {
  if (error instanceof ProblemError) return error.problem;
  throw error;
};

/**
 * One instance as `integrations --json` prints it (docs: README "Command line"): the issue's
 * shape, plus what the key could see (`reach`) and the problem that stopped the read, if any.
 */
export function integrationsJson(outcome: Outcome, failingOnly: boolean) {
  const providers = outcome.read
    ? failingOnly
      ? onlyNeedingCare(outcome.read.providers)
      : outcome.read.providers
    : [];
  return {
    profile: outcome.profile,
    url: outcome.url,
    reach: outcome.read?.reach ?? null,
    staleHours: outcome.read?.staleHours ?? null,
    complete: outcome.read?.complete ?? null,
    providers: providers.map((provider) => ({
      id: provider.id,
      name: provider.name,
      type: provider.type,
      dataSources: provider.dataSources.map((source) => ({
        id: source.id,
        name: source.name,
        status: source.status,
        syncedAt: source.syncedAt,
        parsedAt: source.parsedAt,
        stale: source.stale,
        lastError: source.lastError,
      })),
    })),
    problem: problemJson(outcome.problem),
  };
}

function print(io: CliStreams, args: IntegrationsArgs, outcomes: Outcome[], redact: Redactor) {
  const all = args.target.kind === 'all';
  if (args.json) {
    const objects = outcomes.map((outcome) => integrationsJson(outcome, args.failing));
    io.stdout.write(redact(`${JSON.stringify(all ? objects : objects[0], null, 2)}\n`));
    return;
  }
  const stderr = { write: (text: string) => io.stderr.write(redact(text)) };
  outcomes.forEach((outcome, index) => {
    const heading = `${outcome.profile ?? outcome.url}${outcome.profile ? ` (${outcome.url})` : ''}`;
    io.stdout.write(redact(`${index > 0 ? '\n' : ''}${heading}\n`));
    if (outcome.read)
      io.stdout.write(
        redact(`${formatIntegrationsText(outcome.read, { failingOnly: args.failing })}\n`),
      );
    if (outcome.problem) printProblem({ stdout: io.stdout, stderr }, outcome.problem);
  });
}

const wellOf = (outcome: Outcome) =>
  outcome.read !== undefined && outcome.problem === undefined && allWell(outcome.read.providers);

/**
 * `veza-desk integrations`: integration health from a terminal, for one instance or all. Exit 0
 * when all are well, 1 when a data source fails or is stale or an instance could not be read,
 * 2 for a usage error (including an unknown profile name).
 */
export async function runIntegrationsCommand(
  argv: readonly string[],
  io: CliStreams,
  context: CliContext,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(integrationsUsage);
    return 0;
  }
  const args = parseIntegrationsArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n\n${integrationsUsage}`);
    return 2;
  }
  const openTransport = () =>
    createTransport({ env: { ...context.env }, ...context.transportDeps });
  const adjust = adjustNetwork(args, context.env);
  const options = { staleHours: args.staleHours };

  if (args.target.kind === 'url') {
    let redact: Redactor = createRedactor([]);
    const transport = openTransport();
    const outcome: Outcome = { profile: null, url: args.target.url };
    try {
      const session = await openUrlSession(args.target.url, args, context, transport, (key) => {
        redact = createRedactor([key]);
      });
      outcome.url = session.baseUrl;
      outcome.read = await readIntegrations(session.call, options);
    } catch (error) {
      outcome.problem = problemOf(error);
    } finally {
      await transport.close();
    }
    print(io, args, [outcome], redact);
    return wellOf(outcome) ? 0 : 1;
  }

  const profiles = await openProfilesForCommand(context, io, adjust);
  if (typeof profiles === 'number') return profiles;
  const service = createIntegrationsService({
    instances: createInstanceClient({ profiles, adjustNetwork: adjust }),
    openTransport,
  });
  const saved = profiles.state().profiles;
  let chosen = saved;
  if (args.target.kind === 'profile') {
    const profile = findProfile(saved, args.target.name);
    if (!profile) {
      io.stderr.write(unknownProfileText(saved, args.target.name));
      return 2;
    }
    chosen = [profile];
  } else if (saved.length === 0) {
    if (args.json) io.stdout.write('[]\n');
    io.stderr.write('No instances are saved yet: there is nothing to read.\n');
    return 1;
  }
  // Keys stay in main: nothing read from Veza carries one (the instance client masks echoes),
  // and a saved key is never printed; problems come from the catalog with redacted details.
  const outcomes = await Promise.all(
    chosen.map(async (profile): Promise<Outcome> => {
      try {
        return {
          profile: profile.name,
          url: profile.baseUrl,
          read: await service.read(profile.id, options),
        };
      } catch (error) {
        return { profile: profile.name, url: profile.baseUrl, problem: problemOf(error) };
      }
    }),
  );
  print(io, args, outcomes, createRedactor([]));
  return outcomes.every(wellOf) ? 0 : 1;
}
