#!/usr/bin/env bash
# npm test: typecheck, lint, unit + integration (vitest), build, e2e (Playwright in Chromium).
# Every stage runs even if an earlier one failed, so the totals cover everything; the last
# line is "N passed, N failed[, N skipped]" and the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/stages.txt test-results/vitest.json test-results/playwright.json

stage() {
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then echo "$name passed" >>test-results/stages.txt; else echo "$name failed" >>test-results/stages.txt; fi
}

stage typecheck npm run --silent typecheck
stage lint npm run --silent lint
stage unit bash test/support/with-keychain.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
stage build npx electron-vite build
if grep -q '^build passed' test-results/stages.txt; then
  stage e2e bash test/support/with-keychain.sh npx playwright test
else
  echo "e2e skipped: the build failed" && echo "e2e failed" >>test-results/stages.txt
fi

node test/support/summarize.mjs
