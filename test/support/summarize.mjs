// Adds up every suite of npm test into the one closing line CI reads:
// "N passed, N failed, N skipped". Typecheck, lint and build count as one check each.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const stages = readFileSync('test-results/stages.txt', 'utf8').trim().split('\n');
for (const line of stages) {
  const [name, outcome] = line.split(' ');
  if (name === 'unit' || name === 'e2e') continue;
  if (outcome === 'passed') passed += 1;
  else failed += 1;
}

function stageFailed(name) {
  return stages.includes(`${name} failed`);
}

// vitest --reporter=json
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no tests to count: count it as a failure.
  failed += report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
} else if (stageFailed('unit')) failed += 1;

// Playwright json reporter
if (existsSync('test-results/playwright.json')) {
  const report = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  skipped += report.stats.skipped;
  if (report.errors?.length) failed += report.errors.length;
} else if (stageFailed('e2e')) failed += 1;

const anyStageFailed = stages.some((line) => line.endsWith(' failed'));
if (anyStageFailed && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
