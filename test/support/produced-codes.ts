import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './run-tsx';

/**
 * Notes a verdict that verify() or `veza-desk check` really gave in this test, with the test
 * file, in the folder npm test names in VEZA_PRODUCED_CODES; after the suites,
 * test/support/check-produced-codes.ts fails unless every catalog code was produced.
 */
export function recordProducedCode(code: string | undefined): void {
  const folder = process.env.VEZA_PRODUCED_CODES;
  if (!folder || !code) return;
  mkdirSync(folder, { recursive: true });
  const testFile = path.relative(repoRoot, expect.getState().testPath ?? 'unknown');
  appendFileSync(path.join(folder, `${process.pid}.tsv`), `${code}\t${testFile}\n`);
}
