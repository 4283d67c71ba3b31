#!/usr/bin/env bash
# Times the unit/API suite as a developer runs it (issue #18: `npm test` on PGlite in
# ≤ 5 minutes on 2 cores). Prints wall time, CPU time, the load average before the run and
# Node's own summary; figures go to docs/benchmarks.md ("The test suite").
#   bench/suite/time.sh              # npm test (PGlite, three files at a time)
#   bench/suite/time.sh --serial     # one file at a time (still on the template databases)
#   DATABASE_URL=postgres://… bench/suite/time.sh   # on a PostgreSQL server
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
if [ "${1:-}" = "--serial" ]; then
  cmd=(node --test --test-global-setup=src/testing/global-setup.ts --test-concurrency=1 "src/**/*.test.ts")
else
  cmd=(npm test --silent)
fi
TIMEFORMAT="wall %R s, user %U s, sys %S s"
time "${cmd[@]}" >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
grep -E "^ℹ (tests|pass|fail|skipped)" "$log"
