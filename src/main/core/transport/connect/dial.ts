import net from 'node:net';
import type { LookupFunction } from '../transport-types';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** One address tried for a connection, and how it went (an error code, or none yet). */
export interface ConnectAttempt extends ResolvedAddress {
  /** ECONNREFUSED, ETIMEDOUT, ENETUNREACH...; absent while it is still being tried or once it worked. */
  error?: string;
}

/** More addresses than this are not tried: a name has one or two of each kind. */
const maxAddresses = 4;
/** RFC 8305's "connection attempt delay": the next address is tried if this one is slow. */
const attemptDelayMs = 250;

/**
 * Every address of a host name through the injected resolver (IP literals skip it), IPv6
 * and IPv4 taken in turns, as Happy Eyeballs (RFC 8305) orders them, so a name whose first
 * kind of address is broken still connects.
 */
export function resolveAddresses(
  lookup: LookupFunction,
  hostname: string,
): Promise<ResolvedAddress[]> {
  const family = net.isIP(hostname);
  if (family) return Promise.resolve([{ address: hostname, family }]);
  return new Promise((resolve, reject) => {
    lookup(hostname, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else if (addresses.length === 0)
        reject(Object.assign(new Error(`getaddrinfo ENODATA ${hostname}`), { code: 'ENODATA' }));
      else resolve(interleaveFamilies(addresses).slice(0, maxAddresses));
    });
  });
}

function interleaveFamilies(addresses: readonly ResolvedAddress[]): ResolvedAddress[] {
  const first = addresses[0]?.family;
  const same = addresses.filter((a) => a.family === first);
  const other = addresses.filter((a) => a.family !== first);
  return same
    .flatMap((address, i) => [address, other[i]])
    .concat(other.slice(same.length))
    .filter((address): address is ResolvedAddress => address !== undefined);
}

/** Opens a TCP connection to one address; the caller owns the timeout (it spans every stage). */
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

/** Which failure speaks for all of them: a server that answered says more than silence. */
const errorRank = ['ECONNREFUSED', 'ECONNRESET'];
const rankOf = (code: string | undefined) => {
  const index = errorRank.indexOf(code ?? '');
  return index === -1 ? errorRank.length : index;
};

/**
 * Connects to the first of `addresses` that answers: each address in turn, the next one
 * started when the last failed or after 250 ms without an answer (the slower one keeps
 * trying), as browsers do. `attempts` records every address tried and how it failed, for the
 * problem that follows when none works; the sockets that lose are closed. When all fail, the
 * error of the most telling one is thrown.
 */
export function openTcpToAny(
  addresses: readonly ResolvedAddress[],
  port: number,
  attempts: ConnectAttempt[],
  onSockets: (close: () => void) => void,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sockets = new Set<net.Socket>();
    const errors: Error[] = [];
    let next = 0;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    onSockets(() => {
      clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
    });
    const finishIfAllFailed = () => {
      if (done || sockets.size > 0 || next < addresses.length) return;
      done = true;
      const worst = [...errors].sort(
        (a, b) =>
          rankOf((a as NodeJS.ErrnoException).code) - rankOf((b as NodeJS.ErrnoException).code),
      )[0];
      reject(worst ?? new Error('No address to connect to.'));
    };
    const tryNext = () => {
      clearTimeout(timer);
      const target = addresses[next];
      next += 1;
      if (!target) return;
      const attempt: ConnectAttempt = { ...target };
      attempts.push(attempt);
      let socket: net.Socket | undefined;
      openTcp(target.address, port, (s) => {
        socket = s;
        sockets.add(s);
      }).then(
        (connected) => {
          sockets.delete(connected);
          if (done) return void connected.destroy();
          done = true;
          clearTimeout(timer);
          for (const other of sockets) other.destroy();
          resolve(connected);
        },
        (error: NodeJS.ErrnoException) => {
          if (socket) sockets.delete(socket);
          if (done) return;
          attempt.error = error.code ?? 'ERROR';
          errors.push(error);
          if (next < addresses.length) tryNext();
          else finishIfAllFailed();
        },
      );
      if (next < addresses.length) timer = setTimeout(tryNext, attemptDelayMs);
    };
    tryNext();
  });
}
