/** Veza's documentation site: the one address outside the user's own instances we open. */
export const documentationOrigin = 'https://docs.veza.com';

/** Longer addresses are refused: no link the app shows needs one. */
const maxLinkLength = 4096;

/** An origin as the URL parser writes it (lower case, punycode, default port dropped). */
function originOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which links the page may hand to the system browser (`shell.openExternal`): https only, to
 * Veza's documentation or to the origin of an instance the user saved, with no user name or
 * password in the address. Returns the address to open, as the URL parser wrote it (so the
 * browser gets exactly what was checked, whatever its own parser would make of the original),
 * or undefined when the link is refused.
 *
 * Every comparison is between origins from the WHATWG URL parser, so case, IDN
 * (`bücher.example` is `xn--bcher-kva.example`), default ports and `user@host` tricks
 * (`https://docs.veza.com@evil.example` is evil.example) are the parser's business, not a
 * pattern's. Nothing is looked up: no DNS, no network.
 */
export function allowExternalLink(
  link: string,
  instanceOrigins: readonly string[],
): string | undefined {
  if (link.length > maxLinkLength) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  const allowed = new Set([documentationOrigin]);
  for (const address of instanceOrigins) {
    const origin = originOf(address);
    if (origin !== undefined) allowed.add(origin);
  }
  return allowed.has(url.origin) ? url.href : undefined;
}
