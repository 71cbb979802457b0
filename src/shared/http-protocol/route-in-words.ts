/**
 * A request's route as main reports it ("direct" or "proxy http://host:port") in words, so
 * people behind a company proxy can see which way a request went.
 */
export function routeInWords(route: string): string {
  if (route === 'direct') return 'Direct (no proxy)';
  const proxy = /^proxy (.+)$/.exec(route);
  return proxy ? `Through the proxy ${proxy[1]}` : route;
}
