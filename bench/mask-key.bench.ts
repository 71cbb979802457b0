// What masking an echoed key costs the request workspace: scanning a 50 MB answer on disk for
// the key (the common case: not found, nothing rewritten), against reading that file once
// through a stream, as the page's /response-bodies/ route serves it. Interleaved, one run.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { keyForms, maskKeyInFile } from '../src/main/core/veza/mask-key-bytes';
import { median, report } from './support/figure';

const MB = 1024 * 1024;

async function main(): Promise<boolean> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-mask-bench-'));
  try {
    const body = path.join(folder, 'body.json');
    const item = JSON.stringify({ id: 'p-1', name: 'GitHub', state: 'ENABLED', tags: [] });
    await writeFile(body, `{"values":[${Array(Math.ceil((50 * MB) / item.length)).fill(item)}]}`);
    const forms = keyForms(randomBytes(36).toString('base64'));
    const scans: number[] = [];
    const reads: number[] = [];
    const readOnce = async () => {
      let bytes = 0;
      for await (const chunk of createReadStream(body)) bytes += (chunk as Buffer).length;
      return bytes;
    };
    for (let run = 0; run < 5; run += 1) {
      let started = performance.now();
      await maskKeyInFile(body, forms);
      scans.push(performance.now() - started);
      started = performance.now();
      await readOnce();
      reads.push(performance.now() - started);
    }
    const ratio = median(scans.map((scan, index) => scan / (reads[index] ?? 1)));
    const scanned = report({
      bench: 'mask-key',
      figure: '50 MB answer, key not in it: scan for every key form',
      value: median(scans),
      unit: 'ms',
      bar: 1000,
      lowerIsBetter: true,
    });
    const relative = report({
      bench: 'mask-key',
      figure: 'scan ÷ reading the same file once',
      value: ratio,
      unit: 'x',
      bar: 4,
      lowerIsBetter: true,
    });
    return scanned && relative;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

void main().then((ok) => {
  if (!ok) process.exitCode = 1;
});
