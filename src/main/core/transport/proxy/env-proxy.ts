import { isExemptFromProxy } from './no-proxy';

/** Reads a variable in either case, lower case first as curl does; with the name it was under. */
function readEnv(
  env: Record<string, string | undefined>,
  name: string,
): { value: string; variable: string } | undefined {
  for (const variable of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[variable];
    if (value) return { value, variable };
  }
  return undefined;
}

/**
 * The proxy the environment asks for: HTTPS_PROXY for https URLs, HTTP_PROXY for http ones,
 * nothing when NO_PROXY exempts the host. A value without a scheme means http://. `variable`
 * is the name it was set under, for the words that say where a proxy came from.
 */
export function proxyFromEnv(
  url: URL,
  env: Record<string, string | undefined>,
): { url: string; variable: string } | null {
  const proxy =
    url.protocol === 'https:' ? readEnv(env, 'https_proxy') : readEnv(env, 'http_proxy');
  if (!proxy || isExemptFromProxy(url, readEnv(env, 'no_proxy')?.value)) return null;
  const { value, variable } = proxy;
  return { url: /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`, variable };
}
