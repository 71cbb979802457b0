import { activeRows, type RequestRow, type RequestSpec } from './request-spec';

/** encodeURIComponent, with a broken half of an emoji turned into U+FFFD instead of throwing. */
function encodeText(text: string): string {
  return encodeURIComponent(
    text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );
}

/**
 * Percent-encodes what cannot stand in a URL path, keeping "/" and the signs Veza uses in
 * paths (":" of actions), and keeping %XX sequences that are already encoded.
 */
export function encodePath(path: string): string {
  return path.replace(/%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu, (match) =>
    match.length === 3 && match.startsWith('%') ? match : encodeText(match),
  );
}

/** Form-style encoding as veza-api.md shows it: spaces become "+". */
export function encodeQueryComponent(text: string): string {
  return encodeText(text).replace(/%20/g, '+');
}

export function encodeQuery(rows: readonly RequestRow[]): string {
  return activeRows(rows)
    .map((row) => `${encodeQueryComponent(row.name)}=${encodeQueryComponent(row.value)}`)
    .join('&');
}

/** The path and query of a request, encoded: "/api/v1/providers?filter=name+eq+%22GitHub%22". */
export function buildRequestTarget(spec: Pick<RequestSpec, 'path' | 'query'>): string {
  const query = encodeQuery(spec.query);
  return encodePath(spec.path) + (query ? `?${query}` : '');
}

/**
 * The full URL of a request on an instance. `baseUrl` is the instance's origin
 * (https://acme.vezacloud.com, a trailing "/" is fine) or a variable such as $VEZA_URL in
 * generated code. The target always begins with one "/", so it cannot point elsewhere.
 */
export function buildRequestUrl(
  baseUrl: string,
  spec: Pick<RequestSpec, 'path' | 'query'>,
): string {
  return baseUrl.replace(/\/+$/, '') + buildRequestTarget(spec);
}
