#!/usr/bin/env bash
# npm test: typecheck, lint, unit + integration (vitest), build, e2e (Playwright in Chromium).
# With VEZA_NODE24 naming a Node 24 binary (.ci/run installs one), the unit + integration suites
# run a second time under it: Electron 45's main process runs Node 24, this machine's npm may not.
# Every stage runs even if an earlier one failed, so the totals cover everything; the last
# line is "N passed, N failed[, N skipped]" and the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/stages.txt test-results/vitest.json test-results/vitest-node24.json \
  test-results/vitest-node24.version test-results/playwright.json

stage() {
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then echo "$name passed" >>test-results/stages.txt; else echo "$name failed" >>test-results/stages.txt; fi
}

# The verdicts verify() and `veza-desk check` give in the tests, for the problem-coverage stage.
export VEZA_PRODUCED_CODES="$PWD/test-results/produced-codes"
rm -rf "$VEZA_PRODUCED_CODES"

stage typecheck npm run --silent typecheck
stage lint npm run --silent lint
stage unit bash test/support/with-keychain.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
stage problem-coverage npx tsx test/support/check-produced-codes.ts "$VEZA_PRODUCED_CODES"
if [ -n "${VEZA_NODE24:-}" ]; then
  # The same suites under Node 24, with it first on PATH so the node and npm the tests start are
  # Node 24's too. A missing binary fails the stage (it is counted), never skips it quietly.
  unit_node24() {
    if ! version=$("$VEZA_NODE24" --version) || [[ "$version" != v24.* ]]; then
      echo "unit-node24: VEZA_NODE24=$VEZA_NODE24 is not a Node 24 binary" >&2
      return 1
    fi
    echo "$version" >test-results/vitest-node24.version
    PATH="$(dirname "$VEZA_NODE24"):$PATH" bash test/support/with-keychain.sh \
      "$VEZA_NODE24" node_modules/vitest/vitest.mjs run --reporter=default --reporter=json \
      --outputFile.json=test-results/vitest-node24.json
  }
  stage unit-node24 unit_node24
fi
stage build npx electron-vite build
if grep -q '^build passed' test-results/stages.txt; then
  stage e2e bash test/support/with-keychain.sh npx playwright test
else
  echo "e2e skipped: the build failed" && echo "e2e failed" >>test-results/stages.txt
fi

node test/support/summarize.mjs
