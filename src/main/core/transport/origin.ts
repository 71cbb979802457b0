/** scheme://host:port with the default port spelled out, so "https://a" equals "https://a:443". */
export function originOf(url: string | URL): string {
  if (typeof url === 'string' && url === lastText) return lastOrigin;
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  const origin = `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${port}`;
  if (typeof url === 'string') [lastText, lastOrigin] = [url, origin];
  return origin;
}

// The last address given as text and its origin: an instance's base address is checked
// before each of its requests (a URL parse each time otherwise).
let lastText: string | undefined;
let lastOrigin = '';

export function sameOrigin(a: string | URL, b: string | URL): boolean {
  return originOf(a) === originOf(b);
}
