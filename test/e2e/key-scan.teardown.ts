import { test, expect } from '@playwright/test';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { decodeKeyEntry } from '../../src/main/core/secrets/key-envelope';
import { keychainService } from '../../src/main/core/secrets/keytar-secret-store';
import { describeHits, KeySearch, type KnownKey } from './support/key-forms';
import {
  keepEvidenceVariable,
  readEvidence,
  scanResultFile,
  scanRun,
} from './support/key-scan-evidence';

// Runs once after every other test (the "key scan" teardown project in playwright.config.ts):
// every API key the suite used, searched for in everything main handed out or wrote.

/** Every regular file under `folder` (symbolic links are not followed). */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('no API key the suite used is anywhere but the keychain and main’s memory', async () => {
  test.setTimeout(300_000);
  const run = scanRun();
  test.skip(!run, 'The key scan folder is made by the global setup (key-scan-setup.ts).');
  if (!run) return;
  const started = performance.now();
  const evidence = await readEvidence(run);
  test.skip(evidence.length === 0, 'No test used the app fixture, so there is nothing to search.');

  // The keys: each test's (sandbox keys, keys typed or saved, team keys copied), and the
  // keychain's own entries, as main wrote them (an envelope, or a bare key).
  const keys: KnownKey[] = evidence.flatMap((item) =>
    item.keys.map(({ key, source }) => ({ key, source: `${source}, in “${item.title}”` })),
  );
  const entries = await keytar.findCredentials(keychainService);
  for (const { account, password } of entries) {
    if (!account.startsWith('proxy ')) {
      keys.push({ key: decodeKeyEntry(password).key, source: 'found in the keychain' });
    }
  }
  const search = new KeySearch(keys);

  const hits: string[] = [];
  const counts = { records: 0, snapshots: 0, texts: 0, files: 0, bytes: 0 };
  const look = (where: string, data: Buffer | string) => {
    counts.bytes += data.length;
    const found = search.find(data);
    if (found.length) hits.push(`${where}: ${describeHits(found)}`);
  };
  for (const item of evidence) {
    const of = ` of “${item.title}”`;
    for (const record of item.records) look(`IPC record ${record.name}${of}`, record.text);
    for (const snapshot of item.snapshots) look(`${snapshot.name}${of}`, snapshot.text);
    for (const text of item.texts) look(`${text.name}${of}`, text.text);
    counts.records += item.records.length;
    counts.snapshots += item.snapshots.length;
    counts.texts += item.texts.length;
  }

  // Files: every data folder and transport temp folder the tests kept, the transport's default
  // temp folder (the CLI's and the app's), and Playwright's output (error contexts, traces).
  const folders = new Set(evidence.flatMap((item) => item.folders));
  const defaultTemp = path.join(os.tmpdir(), 'veza-desk-bodies');
  const shared = [defaultTemp, test.info().project.outputDir];
  for (const folder of [...folders, ...shared]) {
    for (const file of await filesUnder(folder)) {
      const data = await readFile(file).catch(() => undefined);
      if (data === undefined) continue;
      counts.files += 1;
      look(`file ${file}`, data);
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary =
    `${search.keys.length} keys (${search.needleCount} forms; ${search.skipped} shorter than ` +
    `12 characters not searched) from ${evidence.length} tests, searched in ` +
    `${counts.records} IPC records, ${counts.snapshots} page snapshots, ${counts.texts} other ` +
    `texts and ${counts.files} files (${(counts.bytes / 1e6).toFixed(1)} MB) in ${seconds} s`;
  console.log(`key scan: ${summary}; ${hits.length} found`);
  test.info().annotations.push({ type: 'key scan', description: summary });
  await writeFile(scanResultFile(run.dir), JSON.stringify({ hits: hits.length, ...counts }));

  // The global teardown (key-scan-setup.ts) removes the folders.
  expect(hits, `API keys found (${keepEvidenceVariable}=1 keeps the folders to look at)`).toEqual(
    [],
  );
});
