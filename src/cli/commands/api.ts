import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ProblemError } from '../../main/core/problem-error';
import {
  pagingLimitProblem,
  problemOf,
  walkAllPages,
} from '../../main/core/requests/request-service';
import { headerRows } from '../../main/core/requests/response-record';
import { createClientCertificateSecrets } from '../../main/core/secrets/client-certificate-secrets';
import { sendToInstance } from '../../main/core/requests/send-to-instance';
import {
  createRedactor,
  createTransport,
  type Redactor,
  type Transport,
  type TransportResponse,
} from '../../main/core/transport';
import { createInstanceClient, type InstanceSession } from '../../main/core/veza/instance-client';
import { makeProblem } from '../../shared/problems/make-problem';
import type { Problem } from '../../shared/problems/problem';
import type { Profile } from '../../shared/profiles/profile';
import { pagingLimits } from '../../shared/requests/request-records';
import { requestSpecSchema, type RequestSpec } from '../../shared/requests/request-spec';
import type { CliContext, CliStreams } from '../cli-context';
import { findProfile, unknownProfileText } from '../find-profile';
import { printProblem } from '../print-problem';
import { problemJson } from '../problem-json';
import { adjustNetwork, openProfilesForCommand, openUrlSession } from '../reach-instance';
import { apiUsage, parseApiArgs, type ApiArgs } from './parse-api-args';

/** A usage error: its words, then the usage text, exit status 2. */
class UsageError extends Error {}

/** The body --data names: the text itself, a file, or standard input (@-); checked as JSON. */
async function readData(args: ApiArgs, context: CliContext): Promise<string | undefined> {
  const { data } = args;
  if (!data) return undefined;
  let text: string;
  if (data.kind === 'text') text = data.text;
  else if (data.path === '-') text = (await context.readStdin?.()) ?? '';
  else {
    try {
      text = await readFile(data.path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--data @${data.path}: the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--data is not JSON, which is all Veza's API takes: ${(error as Error).message}`,
    );
  }
  return text;
}

/** The request as the app's workspace would hold it, within the same bounds. */
function requestOf(args: ApiArgs, body: string | undefined): RequestSpec {
  const checked = requestSpecSchema.safeParse({
    method: args.method,
    path: args.path,
    query: args.query,
    headers: [],
    ...(body !== undefined ? { body } : {}),
  });
  if (!checked.success) throw new UsageError(checked.error.issues[0]?.message ?? 'Bad request.');
  return checked.data;
}

/** An address that is not saved, as a profile for this run only (never stored). */
function unsavedProfile(baseUrl: string): Profile {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    name: new URL(baseUrl).host,
    baseUrl,
    colour: '#2457c5',
    production: false,
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
}

interface Target {
  profile: Profile;
  session: InstanceSession;
}

/** The instance --profile or --url names, with its key; a number is the exit status. */
async function openTarget(
  args: ApiArgs,
  context: CliContext,
  io: CliStreams,
  transport: Transport,
  onKey: (key: string) => void,
): Promise<Target | number> {
  const adjust = adjustNetwork(args, context.env);
  if (args.target.kind === 'url') {
    const session = await openUrlSession(args.target.url, args, context, transport, onKey);
    return { profile: unsavedProfile(session.baseUrl), session };
  }
  const profiles = await openProfilesForCommand(context, io, adjust);
  if (typeof profiles === 'number') return profiles;
  const saved = profiles.state().profiles;
  const profile = findProfile(saved, args.target.name);
  if (!profile) {
    io.stderr.write(unknownProfileText(saved, args.target.name));
    return 2;
  }
  // The same instance client as the app: the key only for the address it was saved for.
  const instances = createInstanceClient({
    profiles,
    adjustNetwork: adjust,
    clientCertificates: createClientCertificateSecrets(context.secrets()).lookup,
  });
  return instances.open(profile.id, transport, { keyRequired: true });
}

/** --include: the answer's status line and headers, on stderr. */
function printHead(io: CliStreams, response: TransportResponse): void {
  const rows = headerRows(response.headers).map(({ name, value }) => `${name}: ${value}\n`);
  io.stderr.write(`HTTP ${response.status}\n${rows.join('')}\n`);
}

/** Veza's answer on stdout, as received (the key masked by the instance session). */
async function printBody(io: CliStreams, response: TransportResponse): Promise<void> {
  let last = '';
  if (response.body.kind === 'memory') {
    const text = response.body.bytes.toString('utf8');
    io.stdout.write(text);
    last = text.slice(-1);
  } else {
    for await (const chunk of createReadStream(response.body.path, { encoding: 'utf8' })) {
      const text = String(chunk);
      io.stdout.write(text);
      last = text.slice(-1) || last;
    }
  }
  if (last !== '' && last !== '\n') io.stdout.write('\n');
}

/** A failure on stderr: the problem's words (or JSON with --json-errors), never the key. */
function reportProblem(io: CliStreams, args: ApiArgs, redact: Redactor, problem: Problem): void {
  const shown =
    problem.code === 'PRODUCTION_NOT_CONFIRMED'
      ? { ...problem, fix: ['Run the same command again with --yes to confirm the change.'] }
      : problem;
  const stderr = { write: (text: string) => io.stderr.write(redact(text)) };
  if (args.jsonErrors) {
    const json = {
      ok: false,
      request_id: shown.detail.requestId ?? null,
      problem: problemJson(shown),
    };
    stderr.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  printProblem({ stdout: io.stdout, stderr }, shown);
}

async function send(
  args: ApiArgs,
  io: CliStreams,
  target: Target,
  spec: RequestSpec,
): Promise<{ code: number; problem?: Problem }> {
  const { profile, session } = target;
  const call = {
    profile,
    spec,
    confirmedProduction: args.yes,
    signal: new AbortController().signal,
  };
  if (args.paginate) {
    const parts: (string | Uint8Array)[] = [];
    const all = await walkAllPages(session, call, {
      limits: pagingLimits,
      ...(args.include ? { onPage: (response) => printHead(io, response) } : {}),
      write: (part) => parts.push(part),
      compact: true,
    });
    // Written once the walk is through, so a script never reads half a list as a whole one.
    for (const part of parts.splice(0)) io.stdout.write(part);
    io.stdout.write('\n');
    const problem = pagingLimitProblem(all, pagingLimits);
    return problem ? { code: 1, problem } : { code: 0 };
  }
  const response = await sendToInstance(session, call);
  try {
    if (args.include) printHead(io, response);
    const problem = await problemOf(response, profile, session);
    if (problem) return { code: 1, problem };
    await printBody(io, response);
    if (response.status >= 200 && response.status < 300) return { code: 0 };
    const host = new URL(response.url).host;
    const url = response.url;
    return {
      code: 1,
      problem: makeProblem('HTTP_NOT_VEZA', { status: response.status, url, facts: { host, url } }),
    };
  } finally {
    await response.release();
  }
}

/**
 * `veza-desk api PATH`: one request to Veza's API from a terminal, through the same instance
 * client, key binding, production guard and key masking as the app's request workspace (its
 * history is not written). Exit 0 on a 2xx answer, 1 on a problem, 2 on a usage error.
 */
export async function runApiCommand(
  argv: readonly string[],
  io: CliStreams,
  context: CliContext,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(apiUsage);
    return 0;
  }
  const args = parseApiArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n\n${apiUsage}`);
    return 2;
  }
  let redact: Redactor = createRedactor([]);
  const transport = createTransport({ env: { ...context.env }, ...context.transportDeps });
  try {
    const spec = requestOf(args, await readData(args, context));
    const target = await openTarget(args, context, io, transport, (key) => {
      redact = createRedactor([key]);
    });
    if (typeof target === 'number') return target;
    redact = target.session.redact;
    const { code, problem } = await send(args, io, target, spec);
    if (problem) reportProblem(io, args, redact, problem);
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${apiUsage}`);
      return 2;
    }
    if (!(error instanceof ProblemError)) throw error;
    reportProblem(io, args, redact, error.problem);
    return 1;
  } finally {
    transport.cleanupAll();
    await transport.close();
  }
}
