// npm test's problem-coverage stage: every problem and success code of the catalog was
// produced for real during this run (verify() in-process or in a child, `veza-desk check`),
// as test/support/produced-codes.ts recorded it, or is app-internal and tested where it
// happens. Usage: tsx test/support/check-produced-codes.ts FOLDER
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problemCodes, successCodes } from '../../src/shared/problems/problem-codes';
import { appInternal } from './app-internal-codes';

const folder = process.argv[2] ?? '';
const producedBy = new Map<string, Set<string>>();
if (existsSync(folder)) {
  for (const name of readdirSync(folder)) {
    for (const line of readFileSync(path.join(folder, name), 'utf8').split('\n')) {
      const [code, testFile] = line.split('\t');
      if (!code || !testFile) continue;
      producedBy.set(code, (producedBy.get(code) ?? new Set()).add(testFile));
    }
  }
}

const expected = [...problemCodes, ...successCodes].filter((code) => !(code in appInternal));
const missing = expected.filter((code) => !producedBy.has(code));
console.log(
  `problem codes produced for real: ${expected.length - missing.length} of ${expected.length} (${Object.keys(appInternal).length} more are app-internal)`,
);
if (missing.length > 0) {
  console.log(`never produced in this run: ${missing.join(', ')}`);
  process.exit(1);
}
