import type { TransportNetwork, TransportTimeouts } from '../transport';

/** A check is one small answer: a minute at most, whatever the network. */
export const updateCheckTimeouts: TransportTimeouts = {
  connectMs: 10_000,
  firstByteMs: 20_000,
  idleMs: 20_000,
  totalMs: 60_000,
};

/**
 * How the update check reaches GitHub: this computer's network, never an instance's.
 * - The proxy: this computer's (Electron's resolver: system settings, PAC, WPAD; then
 *   HTTPS_PROXY / NO_PROXY), as for an instance left on "system". A proxy password comes from
 *   the keychain entry of that proxy and user, as it does for instances.
 * - Trust: the bundled roots and the OS store (where the runtime offers it), plus the file
 *   NODE_EXTRA_CA_CERTS names: the setting Node and Electron programs read for a company's
 *   root certificate. An instance's CA file or pinned certificate is that instance's only.
 * - Never a client certificate, never a key: the check sends a GET and a User-Agent.
 */
export function updateCheckNetwork(
  env: Readonly<Record<string, string | undefined>>,
  timeouts: Partial<TransportTimeouts> = {},
): TransportNetwork {
  const caFile = env.NODE_EXTRA_CA_CERTS?.trim();
  return {
    proxy: { mode: 'system' },
    ...(caFile ? { caFile } : {}),
    timeouts: { ...updateCheckTimeouts, ...timeouts },
  };
}
