import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from '../../../src/main/core/transport';

/** Answers a lookup the way dns.lookup does, for callers that ask for one address or all. */
function answer(
  options: unknown,
  callback: (...args: never[]) => void,
  addresses: LookupAddress[],
): void {
  const reply = callback as (error: null, address: unknown, family?: number) => void;
  // net.connect (used by the test proxy) may ask for one address; the transport asks for all.
  if ((options as { all?: boolean }).all === true) setImmediate(() => reply(null, addresses));
  else setImmediate(() => reply(null, addresses[0]?.address, addresses[0]?.family));
}

/** Resolves the given test names (veza.test, acme.vezacloud.invalid...) to 127.0.0.1; anything else is ENOTFOUND. */
export function fakeLookup(
  names: string[] = ['veza.test', 'other.test', 'acme.vezacloud.invalid'],
): LookupFunction & { asked: string[] } {
  return mappedLookup(Object.fromEntries(names.map((name) => [name, ['127.0.0.1']])));
}

/**
 * Resolves each name to the addresses given (IPv6 and IPv4 in the order listed, as a real
 * resolver may answer); anything else is ENOTFOUND.
 */
export function mappedLookup(
  table: Record<string, string[]>,
): LookupFunction & { asked: string[] } {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) {
      setImmediate(() => callback(dnsError('ENOTFOUND', hostname), []));
      return;
    }
    const records = addresses.map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    answer(options, callback, records);
  };
  return Object.assign(lookup, { asked });
}

/** A resolver that always fails with `code`, through the real connect path. */
export function failingLookup(code: 'ENOTFOUND' | 'EAI_AGAIN'): LookupFunction {
  return (hostname, _options, callback) =>
    setImmediate(() => callback(dnsError(code, hostname), []));
}

function dnsError(code: string, hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
    code,
    syscall: 'getaddrinfo',
    hostname,
  });
}
