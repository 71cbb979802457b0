import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Clients (curl --cacert, the app's profile CA file, NODE_EXTRA_CA_CERTS) trust the sandbox
// through its private CA written to a file. A file we made in a temp folder is removed on close.

export interface WrittenCaFile {
  path: string;
  remove(): Promise<void>;
}

export async function writeCaFile(pem: string, requested: true | string): Promise<WrittenCaFile> {
  if (typeof requested === 'string') {
    await writeFile(requested, pem, { mode: 0o644 });
    return { path: requested, remove: () => Promise.resolve() };
  }
  const folder = await mkdtemp(join(tmpdir(), 'veza-sandbox-ca-'));
  const path = join(folder, 'veza-sandbox-ca.pem');
  await writeFile(path, pem, { mode: 0o644 });
  return { path, remove: () => rm(dirname(path), { recursive: true, force: true }) };
}
