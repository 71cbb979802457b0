// Flags of `npm run sandbox` (out/main/sandbox.js).

export interface SandboxArgs {
  https: boolean;
  port: number;
  host: string;
  seed: number;
  json: boolean;
  help: boolean;
}

export const sandboxUsage = `Usage: npm run sandbox -- [--https] [--port N] [--host 127.0.0.1|::1] [--seed N] [--json]

Starts a simulated Veza instance on this machine (loopback only) and prints its URL,
the exports for the seed's curl check, and the demo API keys.
  --https    serve https with a private CA (written to a file; curl needs --cacert)
  --port N   listen on port N (default: any free port)
  --host H   127.0.0.1 (default) or ::1
  --seed N   seed for the made-up data (default 1)
  --json     print one JSON line (url, caFile, keys) instead of the banner`;

/** Parses argv (without node and the script); throws an Error with a plain message on misuse. */
export function parseSandboxArgs(argv: readonly string[]): SandboxArgs {
  const args: SandboxArgs = {
    https: false,
    port: 0,
    host: '127.0.0.1',
    seed: 1,
    json: false,
    help: false,
  };
  const number = (flag: string, value: string | undefined, max: number): number => {
    const parsed = Number(value);
    if (value === undefined || !Number.isInteger(parsed) || parsed < 0 || parsed > max)
      throw new Error(`${flag} needs a whole number from 0 to ${max}`);
    return parsed;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--https') args.https = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--port') args.port = number(flag, argv[(index += 1)], 65535);
    else if (flag === '--seed') args.seed = number(flag, argv[(index += 1)], 2 ** 32 - 1);
    else if (flag === '--host') {
      const host = argv[(index += 1)];
      if (!host) throw new Error('--host needs 127.0.0.1 or ::1');
      args.host = host;
    } else throw new Error(`Unknown option: ${flag}`);
  }
  return args;
}
