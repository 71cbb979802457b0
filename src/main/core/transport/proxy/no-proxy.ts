import { isIP } from 'node:net';

/**
 * Whether NO_PROXY exempts a URL, following curl's reading of the variable: a comma or space
 * separated list of `*`, host names (matching the name and its subdomains; a leading `.` or
 * `*.` means the same), `host:port`, IP addresses and IPv4/IPv6 CIDR ranges.
 */
export function isExemptFromProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitHostPort(entry);
    if (entryPort && entryPort !== port) continue;
    if (name.includes('/')) {
      if (inCidr(host, name)) return true;
      continue;
    }
    const bare = name.replace(/^\*?\./, '');
    if (isIP(bare)) {
      if (bare === host) return true;
      continue;
    }
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

function splitHostPort(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1] ?? '', entryPort: bracketed[2] };
  // One colon means host:port; more mean a bare IPv6 address.
  const parts = entry.split(':');
  if (parts.length === 2 && /^\d+$/.test(parts[1] ?? ''))
    return { name: parts[0] ?? '', entryPort: parts[1] };
  return { name: entry };
}

function inCidr(host: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  const family = isIP(base);
  if (!family || family !== isIP(host) || !Number.isInteger(bits)) return false;
  const a = ipToBigInt(host, family);
  const b = ipToBigInt(base, family);
  const width = family === 4 ? 32 : 128;
  const shift = BigInt(width - Math.min(bits, width));
  return a >> shift === b >> shift;
}

function ipToBigInt(ip: string, family: number): bigint {
  if (family === 4) return ip.split('.').reduce((n, part) => (n << 8n) + BigInt(part), 0n);
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
    : headParts;
  return groups.reduce((n: bigint, group: string) => (n << 16n) + BigInt(parseInt(group, 16)), 0n);
}
