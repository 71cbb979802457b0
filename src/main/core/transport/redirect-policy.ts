export interface HopTarget {
  method: string;
  url: URL;
  body?: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The request a redirect asks for, or undefined when the answer is not a redirect. As
 * browsers do: 303 turns anything but HEAD into GET, never with a body; 301/302 turn POST
 * into GET; 307/308 keep method and body.
 */
export function followRedirect(
  current: HopTarget,
  status: number,
  location: string | undefined,
): HopTarget | undefined {
  if (!REDIRECTS.has(status) || !location) return undefined;
  const url = new URL(location, current.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (status === 303) return { method: current.method === 'HEAD' ? 'HEAD' : 'GET', url };
  if ((status === 301 || status === 302) && current.method === 'POST')
    return { method: 'GET', url };
  return { method: current.method, url, body: current.body };
}
