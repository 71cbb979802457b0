import { encodeDomainSlash } from '../../../shared/http-protocol/encode-domain-slash';
import { ProblemError } from '../problem-error';
import type { ProxyPasswordLookup } from '../transport';
import type { SecretStore } from './secret-store';

/** Keychain account of a proxy user's password; profile ids (UUIDs) never look like this. */
const accountOf = (origin: string, username: string) => `proxy ${origin} ${username}`;

/** The proxy's origin and user from an address such as http://alice@proxy.corp:3128. */
function proxyUser(proxyUrl: string): { origin: string; username: string } {
  const refuse = () =>
    ProblemError.of('IPC_INVALID_ARGUMENT', {
      raw: 'The proxy address must look like http://user@proxy:port, with no password in it.',
    });
  let parsed: URL;
  try {
    parsed = new URL(encodeDomainSlash(proxyUrl));
  } catch {
    throw refuse();
  }
  const username = decodeURIComponent(parsed.username);
  if (!username || parsed.password) throw refuse();
  return { origin: `${parsed.protocol}//${parsed.host}`, username };
}

/**
 * Proxy passwords for Basic proxy sign-in, kept in the keychain next to the API keys and never
 * in a profile file: a profile stores http://user@proxy:port, the transport asks here.
 */
export function createProxyPasswords(secrets: SecretStore) {
  return {
    lookup: (({ origin, username }) =>
      secrets.get(accountOf(origin, username))) satisfies ProxyPasswordLookup,
    save: async (proxyUrl: string, password: string): Promise<void> => {
      const { origin, username } = proxyUser(proxyUrl);
      await secrets.set(accountOf(origin, username), password);
    },
    remove: async (proxyUrl: string): Promise<boolean> => {
      const { origin, username } = proxyUser(proxyUrl);
      return secrets.delete(accountOf(origin, username));
    },
    has: async (proxyUrl: string): Promise<boolean> => {
      const { origin, username } = proxyUser(proxyUrl);
      return (await secrets.get(accountOf(origin, username))) !== undefined;
    },
  };
}

export type ProxyPasswords = ReturnType<typeof createProxyPasswords>;
