import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  keepEvidenceVariable,
  keptFolders,
  scanDirVariable,
  scanResultFile,
  scanSecretVariable,
} from './key-scan-evidence';

/**
 * Global setup: a scan folder and a secret for this run, handed to every worker through the
 * environment (workers start after this). The fixture leaves each test's evidence there and
 * keeps its data folders; the "key scan" project searches them after the suite. The returned
 * global teardown removes them all, whether the scan ran or not (--no-deps, a filtered
 * project), except after a scan that found a key with VEZA_E2E_KEEP_EVIDENCE=1 set.
 */
export default async function keyScanSetup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'veza-desk-e2e-scan-'));
  process.env[scanDirVariable] = dir;
  process.env[scanSecretVariable] = randomBytes(32).toString('base64');
  return async () => {
    const result = await readFile(scanResultFile(dir), 'utf8')
      .then((text) => JSON.parse(text) as { hits: number })
      .catch(() => undefined);
    const folders = await keptFolders(dir);
    if (result && result.hits > 0 && process.env[keepEvidenceVariable] === '1') {
      console.log(`key scan: the folders searched are kept: ${folders.join(' ')}`);
      return;
    }
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    await rm(dir, { recursive: true, force: true });
  };
}
