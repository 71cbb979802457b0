// The sandbox listens on loopback only: it holds demo keys and answers anything, so it must
// never be reachable from another machine. Host names (even "localhost") are refused too, so
// starting it never needs a name lookup.

export const loopbackHosts = ['127.0.0.1', '::1'] as const;
export type LoopbackHost = (typeof loopbackHosts)[number];

export function requireLoopbackHost(host: string): LoopbackHost {
  const found = loopbackHosts.find((candidate) => candidate === host);
  if (!found)
    throw new Error(
      `The simulated Veza listens on loopback only (127.0.0.1 or ::1); refusing to bind to "${host}".`,
    );
  return found;
}

/** The URL origin for a loopback address (IPv6 in brackets). */
export function originFor(scheme: 'http' | 'https', host: LoopbackHost, port: number): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
