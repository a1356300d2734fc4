#!/usr/bin/env bash
# The API contract test (contract.test.js): lints docs/openapi.yaml and validates a real
# `trappa serve --demo`'s answers on every /api/v1 route against it.
# Usage: tests/api/run.sh PATH/TO/trappa
# Needs Node.js and `npm install` in tests/api (scripts/bootstrap.sh test does both). Exits 77
# (skipped) when they are missing, so a build without them still tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! command -v node >/dev/null || [[ ! -d "$here/node_modules/@redocly/cli" || ! -d "$here/node_modules/ajv" ]]; then
  echo "api contract: skipped: needs node and 'npm install' in tests/api (scripts/bootstrap.sh test)" >&2
  exit 77
fi
cd "$here"
TRAPPA_BINARY="$binary" exec node --test --test-reporter=spec contract.test.js
