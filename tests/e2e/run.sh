#!/usr/bin/env bash
# Runs the browser journeys against a fresh `trappa serve --demo` (see journeys.test.js).
# Usage: tests/e2e/run.sh PATH/TO/trappa [TEST_FILE]   (default journeys.test.js; hostile.test.js
# sends bad input through every web door, see docs/security-input.md)
# Needs Node.js, Debian's chromium and `npm install` in tests/e2e (scripts/bootstrap.sh test
# does both). Exits 77 (skipped) when they are missing, so a build without them still tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! command -v node >/dev/null || [[ ! -x "${TRAPPA_CHROMIUM:-/usr/bin/chromium}" ]] || \
   [[ ! -d "$here/node_modules/playwright-core" || ! -d "$here/node_modules/axe-core" ]]; then
  echo "e2e: skipped: needs node, chromium and 'npm install' in tests/e2e (scripts/bootstrap.sh test)" >&2
  exit 77
fi
cd "$here"
TRAPPA_BINARY="$binary" exec node --test --test-reporter=spec "${2:-journeys.test.js}"
