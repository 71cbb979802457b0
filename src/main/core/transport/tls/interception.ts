import type { ProblemCode } from '../../../../shared/problems/problem-codes';

/** Developers' tools that sit between a program and the internet to watch and change its traffic. */
const debuggingTools: readonly [pattern: RegExp, name: string][] = [
  [/fiddler/i, 'Fiddler'],
  [/charles/i, 'Charles Proxy'],
  [/portswigger|burp/i, 'Burp Suite'],
  [/mitmproxy/i, 'mitmproxy'],
  [/proxyman/i, 'Proxyman'],
  [/http ?toolkit/i, 'HTTP Toolkit'],
];

/** The debugging tool whose own certificate authority this is ("DO_NOT_TRUST_FiddlerRoot"). */
export function debuggingToolOf(issuer: string | undefined): string | undefined {
  return issuer ? debuggingTools.find(([pattern]) => pattern.test(issuer))?.[1] : undefined;
}

// Verdicts that mean "the certificate is not one this computer can trace to a trusted root".
const untrusted: readonly ProblemCode[] = [
  'TLS_UNTRUSTED_ROOT',
  'TLS_SELF_SIGNED',
  'TLS_INCOMPLETE_CHAIN',
];

/**
 * Who re-signed the connection, when a certificate cannot be trusted: a debugging tool named
 * by its certificate authority (wherever it sits), or, through a proxy, the proxy itself
 * inspecting secure traffic, whatever its certificate authority is called. Undefined for a
 * verdict that is not about an untrusted issuer, or a direct connection with an unknown one.
 */
export function interceptionOf(
  verdict: { code: ProblemCode; facts: Record<string, string> },
  throughProxy: boolean,
): { code: ProblemCode; facts: Record<string, string> } | undefined {
  if (!untrusted.includes(verdict.code)) return undefined;
  const tool = debuggingToolOf(verdict.facts.issuer) ?? debuggingToolOf(verdict.facts.subject);
  if (tool) return { code: 'TLS_DEBUG_PROXY', facts: { ...verdict.facts, tool } };
  return throughProxy ? { code: 'TLS_PROXY_INSPECTION', facts: verdict.facts } : undefined;
}
