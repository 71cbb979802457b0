import net from 'node:net';
import type { LookupFunction } from '../transport-types';

/** Resolves a host name through the injected resolver; IP literals skip it. */
export function resolveHost(
  lookup: LookupFunction,
  hostname: string,
): Promise<{ address: string; family: number }> {
  const family = net.isIP(hostname);
  if (family) return Promise.resolve({ address: hostname, family });
  return new Promise((resolve, reject) => {
    lookup(hostname, {}, (error, address, resolvedFamily) => {
      if (error) reject(error);
      else resolve({ address, family: resolvedFamily });
    });
  });
}

/** Opens a TCP connection; the caller owns the timeout (it spans every stage). */
export function openTcp(
  address: string,
  port: number,
  onSocket: (socket: net.Socket) => void,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    onSocket(socket);
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 60_000);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}
