import type { DemoKeyName } from '../model/seed-identities';
import type { Sandbox } from '../start-sandbox';

// What `npm run sandbox` prints: the URL, copy-paste exports for the seed's own check
// (`curl -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/providers"`), and every demo
// key with what it is for. Lines starting with `export ` are valid bash/zsh as printed.

const keyPurpose: Record<DemoKeyName, string> = {
  admin: 'personal key of Alice Admin (admin, team Platform: the root team)',
  operator: 'personal key of Oscar Operator (operator, team Platform)',
  viewer: 'personal key of Victor Viewer (read-only viewer, team Identity Ops: writes are refused)',
  team: 'team key of Platform (role oaa_push: Veza’s team-key calls only)',
  revoked: 'revoked personal key (INACTIVE)',
  deleted: 'deleted personal key',
  removedFromTeam: "personal key whose owner was removed from the key's team",
  removedFromPlatform: 'personal key whose owner was removed from the platform',
};

export function sandboxBanner(sandbox: Pick<Sandbox, 'url' | 'caFile' | 'keys'>): string {
  const seedCheck = 'curl -H "Authorization: Bearer $VEZA_TOKEN" "$VEZA_URL/api/v1/providers"';
  const lines = [
    `Simulated Veza instance listening on ${sandbox.url}`,
    'Everything in it is made up (data and keys). Press Ctrl+C to stop it.',
    '',
    "Try the seed's check (bash/zsh):",
    `export VEZA_URL="${sandbox.url}"`,
    `export VEZA_TOKEN="${sandbox.keys.admin}"`,
  ];
  if (sandbox.caFile)
    lines.push(
      '# https with a private CA: curl trusts it through this variable (or --cacert, below)',
      `export CURL_CA_BUNDLE="${sandbox.caFile}"`,
      seedCheck,
      '',
      'or name the CA file on the command line:',
      seedCheck.replace('curl ', `curl --cacert "${sandbox.caFile}" `),
    );
  else lines.push(seedCheck);
  lines.push('', 'Demo API keys:');
  for (const [name, purpose] of Object.entries(keyPurpose) as [DemoKeyName, string][])
    lines.push(`  ${name.padEnd(20)} ${purpose}`, `  ${''.padEnd(20)} ${sandbox.keys[name]}`);
  return `${lines.join('\n')}\n`;
}
