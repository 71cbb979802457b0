/**
 * A request's route as main reports it ("direct", or "proxy http://host:port (where it came
 * from)") in words, so people behind a company proxy can see which way a request went and
 * which setting sent it there.
 */
export function routeInWords(route: string): string {
  if (route === 'direct') return 'Direct (no proxy)';
  const proxy = /^proxy (\S+)(?: \((.+)\))?$/.exec(route);
  if (!proxy) return route;
  return `Through the proxy ${proxy[1]}${proxy[2] ? `, ${proxy[2]}` : ''}`;
}
