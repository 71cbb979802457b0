// Products that re-sign every certificate with a company root ("TLS inspection"). Naming one
// lets the problem text say "your company inspects secure traffic" instead of "unknown issuer".
const vendors = [
  'zscaler',
  'netskope',
  'palo alto',
  'blue coat',
  'bluecoat',
  'symantec web',
  'fortinet',
  'fortigate',
  'forcepoint',
  'websense',
  'cisco umbrella',
  'mcafee web gateway',
  'skyhigh',
  'sophos',
  'check point',
  'checkpoint',
  'barracuda',
  'cloudflare for teams',
  'cloudflare gateway',
  'menlo security',
  'iboss',
  'contentkeeper',
  'lightspeed',
  'kaspersky',
  'avast',
  'eset ssl filter',
];

export function looksLikeTlsInspection(issuer: string): boolean {
  const lower = issuer.toLowerCase();
  return vendors.some((vendor) => lower.includes(vendor));
}
