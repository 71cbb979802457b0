import type { SecretStore } from '../../src/main/core/secrets/secret-store';

/** A keychain in memory: benches measure their own subject, not the OS keychain. */
export function memorySecrets(): SecretStore {
  const keys = new Map<string, string>();
  return {
    get: async (id) => keys.get(id),
    set: async (id, key) => void keys.set(id, key),
    delete: async (id) => keys.delete(id),
  };
}
