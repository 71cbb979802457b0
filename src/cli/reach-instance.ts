import { resolveDataFolder } from '../main/core/data-folder';
import { ProblemError } from '../main/core/problem-error';
import type { Transport } from '../main/core/transport';
import { createInstanceSession, type InstanceSession } from '../main/core/veza/instance-client';
import { lintApiKey } from '../shared/profiles/lint-api-key';
import { normalizeInstanceUrl } from '../shared/profiles/normalize-instance-url';
import type { ProfileService } from '../main/core/profiles/profile-service';
import type { TransportNetwork } from '../main/core/transport';
import type { InstanceArgs } from './commands/parse-check-args';
import type { CliContext, CliStreams } from './cli-context';
import { withoutFinalNewline } from './key-input';
import { openCliProfiles } from './open-cli-profiles';

/**
 * The command line's network choices, laid over a profile's (or over nothing for --url). A
 * client certificate's passphrase comes from VEZA_CLIENT_CERT_PASSPHRASE, never a flag (flags
 * show in the process list).
 */
export function adjustNetwork(
  args: InstanceArgs,
  env: Readonly<Record<string, string | undefined>> = {},
): (network: TransportNetwork) => TransportNetwork {
  const passphrase = env.VEZA_CLIENT_CERT_PASSPHRASE;
  return (network) => ({
    ...network,
    ...(args.caFile !== undefined && { caFile: args.caFile }),
    ...(args.clientCert !== undefined && {
      clientCertificate: {
        certFile: args.clientCert,
        ...(args.clientKey !== undefined && { keyFile: args.clientKey }),
        ...(passphrase ? { passphrase } : {}),
      },
    }),
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
export function keyReader(
  args: InstanceArgs,
  context: CliContext,
): () => Promise<string | undefined> {
  const source = args.keySource;
  if (source.kind === 'stdin') {
    return async () => {
      const text = (await context.readStdin?.()) ?? '';
      return withoutFinalNewline(text) || undefined;
    };
  }
  return async () => source.names.map((name) => context.env[name]).find((value) => !!value);
}

/**
 * The saved instances for a command that uses them (check --profile, api --profile), or exit
 * status 1 when the profiles file cannot be read and nothing is saved.
 */
export async function openProfilesForCommand(
  context: CliContext,
  io: CliStreams,
  adjust: (network: TransportNetwork) => TransportNetwork,
): Promise<ProfileService | number> {
  // A key rotation left unfinished is settled first, so the command meets the key that stays.
  const profiles = await openCliProfiles(resolveDataFolder(context.env), context, io, adjust);
  const { loadProblem } = profiles.state();
  if (loadProblem && profiles.state().profiles.length === 0) {
    io.stderr.write(`${loadProblem.title}\n${loadProblem.explanation}\n`);
    return 1;
  }
  return profiles;
}

/**
 * A session on an address that is not saved (--url), with the key from the environment or
 * stdin (keyReader). The address must be an instance's origin; the key must pass the format
 * check before anything is sent. `onKey` learns the key first, to mask it in what is printed.
 */
export async function openUrlSession(
  url: string,
  args: InstanceArgs,
  context: CliContext,
  transport: Transport,
  onKey: (key: string) => void = () => {},
): Promise<InstanceSession> {
  const normalized = normalizeInstanceUrl(url);
  if (!normalized.ok) throw new ProblemError(normalized.problem);
  if (normalized.notices.some((notice) => notice.code === 'REDUCED_TO_ORIGIN'))
    throw ProblemError.of('URL_HAS_PATH', { url, facts: { url } });
  const key = await keyReader(args, context)();
  if (!key) throw ProblemError.of('KEY_MISSING');
  onKey(key);
  const keyProblem = lintApiKey(key).problems[0];
  if (keyProblem) throw new ProblemError(keyProblem);
  return createInstanceSession(transport, {
    baseUrl: normalized.baseUrl,
    key,
    network: adjustNetwork(args, context.env)({}),
  });
}
