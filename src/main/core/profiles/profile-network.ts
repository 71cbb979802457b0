import type { NetworkSettings } from '../../../shared/profiles/profile';
import type { TransportNetwork } from '../transport';

/**
 * A profile's network settings as the transport takes them. The profile's "response" timeout
 * is the wait for the first byte of an answer; the rest keep the transport's defaults.
 */
export function toTransportNetwork(settings: NetworkSettings | undefined): TransportNetwork {
  if (!settings) return {};
  const { timeouts, ...rest } = settings;
  return {
    ...rest,
    timeouts: timeouts && {
      ...(timeouts.connectMs !== undefined && { connectMs: timeouts.connectMs }),
      ...(timeouts.responseMs !== undefined && { firstByteMs: timeouts.responseMs }),
    },
  };
}
