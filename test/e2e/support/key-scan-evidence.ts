import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KnownKey } from './key-forms';

/**
 * What one test leaves for the key scan that runs after the whole suite
 * (key-scan.teardown.ts): the keys it used, what crossed the bridge, the page snapshots, other
 * texts main produced, and the folders main wrote (kept until the scan). Written by the
 * fixture into the run's scan folder; sealed with the run's secret (AES-256-GCM), so the keys
 * and whatever the records hold are never on disk in clear. Only the folder list is plain, so
 * the clean-up can run without the secret.
 */
export interface Evidence {
  title: string;
  file: string;
  keys: KnownKey[];
  records: { name: string; text: string }[];
  snapshots: { name: string; text: string }[];
  texts: { name: string; text: string }[];
  /** Folders whose every file is searched (data folder, transport temp folder, ...). */
  folders: string[];
}

export const scanDirVariable = 'VEZA_E2E_KEY_SCAN_DIR';
export const scanSecretVariable = 'VEZA_E2E_KEY_SCAN_SECRET';
/** Set to 1 to keep the searched folders after a scan that found a key (to look at them). */
export const keepEvidenceVariable = 'VEZA_E2E_KEEP_EVIDENCE';

/** The run's scan folder and secret, set by key-scan-setup.ts; undefined outside such a run. */
export function scanRun(): { dir: string; secret: Buffer } | undefined {
  const dir = process.env[scanDirVariable];
  const secret = process.env[scanSecretVariable];
  if (!dir || !secret) return undefined;
  return { dir, secret: Buffer.from(secret, 'base64') };
}

const testsFolder = (dir: string) => path.join(dir, 'tests');

export async function writeEvidence(
  run: { dir: string; secret: Buffer },
  evidence: Evidence,
): Promise<void> {
  const folder = testsFolder(run.dir);
  await mkdir(folder, { recursive: true });
  const name = `${Date.now()}-${randomBytes(6).toString('hex')}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', run.secret, iv);
  const sealed = Buffer.concat([cipher.update(gzipSync(JSON.stringify(evidence))), cipher.final()]);
  await writeFile(
    path.join(folder, `${name}.evidence`),
    Buffer.concat([iv, cipher.getAuthTag(), sealed]),
    {
      mode: 0o600,
    },
  );
  await writeFile(
    path.join(folder, `${name}.folders.json`),
    JSON.stringify({ title: evidence.title, folders: evidence.folders }),
  );
}

export async function readEvidence(run: { dir: string; secret: Buffer }): Promise<Evidence[]> {
  const folder = testsFolder(run.dir);
  const names = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter((name) => name.endsWith('.evidence'))
      .sort()
      .map(async (name) => {
        const data = await readFile(path.join(folder, name));
        const decipher = createDecipheriv('aes-256-gcm', run.secret, data.subarray(0, 12));
        decipher.setAuthTag(data.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
        return JSON.parse(gunzipSync(plain).toString('utf8')) as Evidence;
      }),
  );
}

/** Every folder the tests kept for the scan (plain list, readable without the secret). */
export async function keptFolders(dir: string): Promise<string[]> {
  const folder = testsFolder(dir);
  const names = await readdir(folder).catch(() => [] as string[]);
  const lists = await Promise.all(
    names
      .filter((name) => name.endsWith('.folders.json'))
      .map(
        async (name) =>
          (JSON.parse(await readFile(path.join(folder, name), 'utf8')) as { folders: string[] })
            .folders,
      ),
  );
  return [...new Set(lists.flat())];
}

export const scanResultFile = (dir: string) => path.join(dir, 'scan-result.json');
