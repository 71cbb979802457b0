import { createKeytarSecretStore } from '../main/core/secrets/keytar-secret-store';
import type { SecretStore } from '../main/core/secrets/secret-store';
import type { TransportDeps } from '../main/core/transport';

export interface CliStreams {
  /** Text, or bytes as they are (`api --paginate` passes Veza's own bytes on). */
  stdout: { write(text: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
}

/** What commands read from the outside world; tests pass their own. */
export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Made on first use, so commands that need no keychain never load it. */
  secrets: () => SecretStore;
  /** Everything on standard input (`check --key-stdin`). */
  readStdin?: () => Promise<string>;
  /**
   * How the CLI's transport reaches the network. By default the environment's proxy settings
   * (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) and the OS resolver: a terminal has no system proxy
   * lookup of its own.
   */
  transportDeps?: TransportDeps;
}

async function readAllStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

export function defaultCliContext(): CliContext {
  let secrets: SecretStore | undefined;
  return {
    env: process.env,
    secrets: () => (secrets ??= createKeytarSecretStore()),
    readStdin: readAllStdin,
  };
}
