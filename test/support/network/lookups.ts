import type { LookupFunction } from '../../../src/main/core/transport';

/** Resolves the given test names (veza.test, acme.vezacloud.invalid...) to 127.0.0.1; anything else is ENOTFOUND. */
export function fakeLookup(
  names: string[] = ['veza.test', 'other.test', 'acme.vezacloud.invalid'],
): LookupFunction & { asked: string[] } {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    asked.push(hostname);
    // net.connect (used by the test proxy) asks for all addresses; the transport for one.
    const all = (options as { all?: boolean }).all === true;
    const answer = (all ? [{ address: '127.0.0.1', family: 4 }] : '127.0.0.1') as string;
    if (names.includes(hostname)) setImmediate(() => callback(null, answer, 4));
    else setImmediate(() => callback(dnsError('ENOTFOUND', hostname), '', 0));
  };
  return Object.assign(lookup, { asked });
}

/** A resolver that always fails with `code`, through the real connect path. */
export function failingLookup(code: 'ENOTFOUND' | 'EAI_AGAIN'): LookupFunction {
  return (hostname, _options, callback) =>
    setImmediate(() => callback(dnsError(code, hostname), '', 0));
}

function dnsError(code: string, hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
    code,
    syscall: 'getaddrinfo',
    hostname,
  });
}
