#!/usr/bin/env bash
# npm run bench: runs every bench/*.bench.ts, then prints, last, one JSON line per figure.
set -uo pipefail
cd "$(dirname "$0")/.."
lines=$(mktemp)
status=0
for file in bench/*.bench.ts; do
  echo "=== $file" >&2
  if ! npx tsx "$file" | tee -a "$lines" >&2; then status=1; fi
done
grep '^{"bench"' "$lines"
if grep -q '"ok":false' "$lines"; then status=1; fi
rm -f "$lines"
exit $status
