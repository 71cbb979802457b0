import { isExemptFromProxy } from './no-proxy';

/** Reads a variable in either case, lower case first as curl does. */
function readEnv(env: Record<string, string | undefined>, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

/**
 * The proxy the environment asks for: HTTPS_PROXY for https URLs, HTTP_PROXY for http ones,
 * nothing when NO_PROXY exempts the host. A value without a scheme means http://.
 */
export function proxyFromEnv(url: URL, env: Record<string, string | undefined>): string | null {
  const proxy =
    url.protocol === 'https:' ? readEnv(env, 'https_proxy') : readEnv(env, 'http_proxy');
  if (!proxy || isExemptFromProxy(url, readEnv(env, 'no_proxy'))) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
