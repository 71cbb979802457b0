import keytar from 'keytar';
import { keychainSteps } from '../../../shared/problems/catalog';
import { ProblemError } from '../problem-error';
import type { SecretStore } from './secret-store';

export const keychainService = 'veza-desk';

/** The keychain's own error text, without anything that could be the key. */
function describe(error: unknown, key?: string): string {
  const text = error instanceof Error ? error.message : String(error);
  const redacted = key ? text.split(key).join('[key]') : text;
  return redacted.slice(0, 300);
}

function unavailable(error: unknown, key?: string): ProblemError {
  // The step for this computer's OS only: a Mac user has no use for Credential Manager.
  const keychainStep =
    keychainSteps[process.platform as keyof typeof keychainSteps] ?? keychainSteps.linux;
  return ProblemError.of('KEYCHAIN_UNAVAILABLE', {
    raw: describe(error, key),
    facts: { keychainStep },
  });
}

/**
 * keytar: Keychain on macOS, Credential Manager on Windows, the Secret Service (libsecret) on
 * Linux. Service `veza-desk`, account = profile id. Nothing here logs or keeps a key.
 */
export function createKeytarSecretStore(service: string = keychainService): SecretStore {
  return {
    async get(profileId) {
      try {
        return (await keytar.getPassword(service, profileId)) ?? undefined;
      } catch (error) {
        throw unavailable(error);
      }
    },
    async set(profileId, key) {
      try {
        await keytar.setPassword(service, profileId, key);
      } catch (error) {
        throw unavailable(error, key);
      }
    },
    async delete(profileId) {
      try {
        return await keytar.deletePassword(service, profileId);
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}
