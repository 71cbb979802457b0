// npm run sandbox: starts the simulated Veza instance and prints how to reach it.
import { parseSandboxArgs, sandboxUsage, type SandboxArgs } from './cli/parse-sandbox-args';
import { sandboxBanner } from './cli/sandbox-banner';
import { startSandbox } from './start-sandbox';

async function main(): Promise<void> {
  let args: SandboxArgs;
  try {
    args = parseSandboxArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${sandboxUsage}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(sandboxUsage);
    return;
  }
  const sandbox = await startSandbox({
    https: args.https,
    port: args.port,
    host: args.host,
    seed: args.seed,
    caFile: args.https ? true : undefined,
  });
  process.stdout.write(
    args.json
      ? `${JSON.stringify({ url: sandbox.url, caFile: sandbox.caFile ?? null, keys: sandbox.keys })}\n`
      : sandboxBanner(sandbox),
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The simulated Veza instance could not start: ${(error as Error).message}`);
  process.exitCode = 1;
});
