import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../run-tsx';

/** Whether this machine lets an unprivileged process make network and mount namespaces. */
export const canMakeNamespaces =
  spawnSync('unshare', ['-rnm', 'ip', 'link', 'set', 'lo', 'up']).status === 0 &&
  spawnSync('python3', ['-c', 'pass']).status === 0;

export interface NamespacePlan {
  /** The namespace's /etc/hosts: each name with its addresses, in the order a lookup gets them. */
  hosts: Record<string, string[]>;
  /** Where a listener that never answers waits (its accept queue is full). */
  silent: { address: string; port: number };
  /** Addresses added to the namespace's loopback, e.g. "10.77.0.1/32". */
  addresses?: string[];
}

/**
 * The programs to put before a command so it runs in a namespace made for it
 * (test/support/network/in-namespace.sh): a private network of its own where names resolve
 * as planned, so a test can meet a company-only address without any real one.
 */
export function namespaceLauncher(plan: NamespacePlan): { launcher: string[]; remove(): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'veza-namespace-'));
  const hostsFile = path.join(folder, 'hosts');
  const lines = Object.entries(plan.hosts).flatMap(([name, addresses]) =>
    addresses.map((address) => `${address} ${name}`),
  );
  writeFileSync(hostsFile, `${lines.join('\n')}\n`);
  return {
    launcher: [
      'unshare',
      '-rnm',
      'bash',
      path.join(repoRoot, 'test/support/network/in-namespace.sh'),
      hostsFile,
      plan.silent.address,
      String(plan.silent.port),
      ...(plan.addresses ?? []),
      '--',
    ],
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
