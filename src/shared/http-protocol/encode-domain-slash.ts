/**
 * http://ACME\jdoe@proxy:3128 as people write a Windows user (curl takes it): the URL parser
 * would read the backslash as a path, so in the user part it becomes %5C. Every place that
 * parses a proxy address does this first (the transport, the proxy password's keychain entry,
 * the network settings form), so all three read the same user.
 */
export function encodeDomainSlash(proxyUrl: string): string {
  return proxyUrl.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/@\\]*)\\([^/@]*@)/i, '$1$2%5C$3');
}
