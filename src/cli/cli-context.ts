import { createKeytarSecretStore } from '../main/core/secrets/keytar-secret-store';
import type { SecretStore } from '../main/core/secrets/secret-store';

export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What commands read from the outside world; tests pass their own. */
export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Made on first use, so commands that need no keychain never load it. */
  secrets: () => SecretStore;
}

export function defaultCliContext(): CliContext {
  let secrets: SecretStore | undefined;
  return {
    env: process.env,
    secrets: () => (secrets ??= createKeytarSecretStore()),
  };
}
