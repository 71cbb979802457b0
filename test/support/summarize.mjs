// Adds up every suite of npm test into the one closing line CI reads:
// "N passed, N failed, N skipped". Typecheck, lint and build count as one check each. The
// vitest suites count once per Node they ran under (the second run, under Node 24, is
// test-results/vitest-node24.json); a line per suite before the total says which is which.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const stages = readFileSync('test-results/stages.txt', 'utf8').trim().split('\n');
for (const line of stages) {
  const [name, outcome] = line.split(' ');
  if (name === 'unit' || name === 'unit-node24' || name === 'e2e') continue;
  if (outcome === 'passed') passed += 1;
  else failed += 1;
}

function stageFailed(name) {
  return stages.includes(`${name} failed`);
}

// vitest --reporter=json
function countVitest(file, stageName, label) {
  if (!existsSync(file)) {
    if (stageFailed(stageName)) {
      failed += 1;
      console.log(`${label}: no results (the stage failed before reporting)`);
    }
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed to load has no tests to count: count it as a failure.
  const unloaded = report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
  const suiteSkipped = report.numPendingTests + report.numTodoTests;
  passed += report.numPassedTests;
  failed += report.numFailedTests + unloaded;
  skipped += suiteSkipped;
  console.log(
    `${label}: ${report.numPassedTests} passed, ${report.numFailedTests + unloaded} failed, ${suiteSkipped} skipped`,
  );
}

countVitest('test-results/vitest.json', 'unit', `vitest (Node ${process.versions.node})`);
const node24Version = existsSync('test-results/vitest-node24.version')
  ? readFileSync('test-results/vitest-node24.version', 'utf8').trim().replace(/^v/, '')
  : '24';
if (stages.some((line) => line.startsWith('unit-node24 ')))
  countVitest('test-results/vitest-node24.json', 'unit-node24', `vitest (Node ${node24Version})`);

// Playwright json reporter
if (existsSync('test-results/playwright.json')) {
  const report = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  skipped += report.stats.skipped;
  if (report.errors?.length) failed += report.errors.length;
  console.log(
    `playwright: ${report.stats.expected + report.stats.flaky} passed, ${report.stats.unexpected + (report.errors?.length ?? 0)} failed, ${report.stats.skipped} skipped`,
  );
} else if (stageFailed('e2e')) failed += 1;

const anyStageFailed = stages.some((line) => line.endsWith(' failed'));
if (anyStageFailed && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
