/**
 * Who answered with a web page where Veza's API should have answered: a firewall, gateway,
 * load balancer, CDN or proxy, named from what it says about itself (the `Server` and `Via`
 * headers, headers only one vendor adds, the page's title), so the user and IT know where a
 * request was stopped. Nothing here decides whether the answer is Veza's (recognize-answer).
 */
export interface PageAnswerer {
  /** A name people know ("nginx", "Cloudflare", "the proxy proxy.corp (squid/5.7)"); undefined when nothing says. */
  name?: string;
  /** The page's own title, e.g. "Access Denied". */
  title?: string;
  /** The page says a request was blocked or access denied (a block page, whatever its status). */
  blockPage: boolean;
}

type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Headers that one vendor's edge adds to every answer. */
const vendorHeaders: readonly [header: string, name: string][] = [
  ['cf-ray', 'Cloudflare'],
  ['x-amz-cf-id', 'Amazon CloudFront'],
  ['x-azure-ref', 'Azure Front Door'],
  ['x-iinfo', 'Imperva'],
  ['x-zscaler-transaction-id', 'Zscaler'],
];

/** `Server` values of well-known gateways, as people call them. */
const knownServers: readonly [pattern: RegExp, name: string][] = [
  [/cloudflare/i, 'Cloudflare'],
  [/^awselb|^elb\b/i, 'an AWS load balancer'],
  [/akamai/i, 'Akamai'],
  [/big-?ip/i, 'F5 BIG-IP'],
  [/zscaler/i, 'Zscaler'],
  [/forti(gate|net|web)/i, 'FortiGate'],
  [/pan-?os|palo ?alto/i, 'Palo Alto Networks'],
  [/bluecoat|proxysg/i, 'Blue Coat ProxySG'],
  [/squid/i, 'Squid'],
  [/istio-envoy|envoy/i, 'Envoy'],
  [/haproxy/i, 'HAProxy'],
  [/traefik/i, 'Traefik'],
  [/kong/i, 'Kong'],
  [/google frontend|^gfe\b|^gws\b/i, 'Google Front End'],
  [/microsoft-iis/i, 'Microsoft IIS'],
  [/microsoft-azure-application-gateway/i, 'Azure Application Gateway'],
  [/openresty/i, 'OpenResty (nginx)'],
  [/nginx/i, 'nginx'],
  [/apache/i, 'Apache'],
];

const blockWords =
  /access denied|request (was )?blocked|been blocked|blocked by|web filter|url filter|forbidden|not allowed|security polic(y|ies)|firewall/i;

function first(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : (value as string | undefined);
  return text === undefined ? undefined : printable(text);
}

/** A header or title as plain text: control characters out, spaces collapsed, at most 80 characters. */
function printable(text: string): string | undefined {
  const plain = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? undefined : plain.slice(0, 80);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function titleOf(bodyStart: string): string | undefined {
  const match = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(bodyStart.slice(0, 16_384));
  if (!match?.[1]) return undefined;
  try {
    return printable(decodeEntities(match[1]));
  } catch {
    return printable(match[1]);
  }
}

/** The name of what answered: its Server header, a vendor's own header, or the proxy its Via names. */
function nameOf(headers: Headers): string | undefined {
  const server = first(headers, 'server');
  const known = server && knownServers.find(([pattern]) => pattern.test(server));
  if (known) return known[1];
  const vendor = vendorHeaders.find(([header]) => headers[header] !== undefined);
  if (vendor) return vendor[1];
  if (server) return server;
  // "1.1 proxy.corp (squid/5.7)": the last hop before us is the one that answered.
  const via = first(headers, 'via')?.split(',').at(-1)?.trim();
  const hop = via?.replace(/^(HTTP\/)?\d(\.\d)?\s+/i, '');
  return hop ? `the proxy ${hop}` : undefined;
}

export function answererOfPage(headers: Headers, bodyStart: string): PageAnswerer {
  const title = titleOf(bodyStart);
  const name = nameOf(headers);
  const text = `${title ?? ''} ${bodyStart.slice(0, 16_384).replace(/<[^>]*>/g, ' ')}`;
  return {
    ...(name !== undefined ? { name } : {}),
    ...(title !== undefined ? { title } : {}),
    blockPage: blockWords.test(text),
  };
}
