/**
 * Reads a PAC-style answer, as Electron's session.resolveProxy gives it:
 * "DIRECT", "PROXY host:port; DIRECT", "HTTPS host:port", "SOCKS5 host:port; PROXY b:3128".
 * Returns the first entry we can use, in the order given: a proxy URL, or null for DIRECT.
 * SOCKS entries are skipped (the transport speaks HTTP proxies only); an answer with nothing
 * usable, or an empty one, means direct.
 */
export function parsePacResult(answer: string): string | null {
  for (const entry of answer.split(';')) {
    const [keyword = '', hostPort] = entry.trim().split(/\s+/);
    const kind = keyword.toUpperCase();
    if (kind === 'DIRECT') return null;
    if (!hostPort) continue;
    if (kind === 'PROXY' || kind === 'HTTP') return `http://${hostPort}`;
    if (kind === 'HTTPS') return `https://${hostPort}`;
  }
  return null;
}
