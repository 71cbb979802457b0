/**
 * Where API keys live: the OS keychain and nowhere else. Every method throws a ProblemError
 * with KEYCHAIN_UNAVAILABLE when the keychain cannot be used; there is no fallback store.
 */
export interface SecretStore {
  get(profileId: string): Promise<string | undefined>;
  set(profileId: string, key: string): Promise<void>;
  /** Answers whether there was a key to delete. */
  delete(profileId: string): Promise<boolean>;
}
