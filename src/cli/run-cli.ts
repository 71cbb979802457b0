import { readAppInfo } from '../main/core/app-info';
import packageJson from '../../package.json';
import { defaultCliContext, type CliContext, type CliStreams } from './cli-context';
import { runApiCommand } from './commands/api';
import { runCheckCommand } from './commands/check';
import { runIntegrationsCommand } from './commands/integrations';
import { runProfilesCommand } from './commands/profiles';

export type { CliStreams } from './cli-context';

const usage = `Usage: veza-desk <command> [options]

Commands:
  check       Check that an instance answers and its API key works (veza-desk check --help)
  api         Send one request to Veza's API and print its JSON answer, for scripts:
                api PATH (--profile NAME | --url URL) [-X METHOD] [--data JSON|@FILE]
                    [-q NAME=VALUE]... [--paginate] [--include] [--json-errors] [--yes]
              (veza-desk api --help)
  integrations
              Show each provider and data source: working, waiting, failing or switched off,
              stale ones, and why a failing one fails (veza-desk integrations --help)
  profiles    List the saved instances (--json for machine-readable output), or change them:
                profiles add --name NAME --url URL [--key-env VAR | --key-stdin]
                profiles set-key NAME (--key-env VAR | --key-stdin)
                profiles edit NAME [--name NEW] [--url URL] [--rebind-key] ...
                profiles remove NAME
              (veza-desk profiles --help, veza-desk profiles add --help, ...)
  version     Print the version of Veza Desk and its runtime
  help        Show this help
`;

/** Runs one CLI command and answers its exit code: 0 done, 1 a problem found, 2 usage error. */
export async function runCli(
  argv: readonly string[],
  io: CliStreams,
  context: CliContext = defaultCliContext(),
): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(usage);
      return command === undefined ? 2 : 0;
    case 'version':
    case '--version': {
      const info = readAppInfo('veza-desk', packageJson.version);
      io.stdout.write(`veza-desk ${info.version} (node ${info.versions.node})\n`);
      return rest.length === 0 ? 0 : 2;
    }
    case 'profiles':
      return runProfilesCommand(rest, io, context);
    case 'check':
      return runCheckCommand(rest, io, context);
    case 'api':
      return runApiCommand(rest, io, context);
    case 'integrations':
      return runIntegrationsCommand(rest, io, context);
    default:
      io.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}
