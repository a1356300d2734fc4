#!/usr/bin/env bash
# The layering test must fail on a deliberate bad include: a copy of src/ gets a probe in
# core/base that includes the store, SOCI, Beast and kainjow, and a new folder without a row in
# the dependency table. Each must be reported with its file and line, and the check must fail.
#   rejects_upward_includes.sh SOURCE_ROOT
set -euo pipefail
root="${1:?usage: rejects_upward_includes.sh SOURCE_ROOT}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp -r "$root/src" "$work/src"
printf '%s\n' '#include "store/store.hpp"' '#include <soci/soci.h>' '#include <boost/beast/http.hpp>' \
  '#include <kainjow/mustache.hpp>' > "$work/src/core/base/probe.cpp"
mkdir -p "$work/src/core/undeclared"
printf '%s\n' '#include "core/base/result.hpp"' > "$work/src/core/undeclared/probe.cpp"

if bash "$root/tests/layering/check_includes.sh" "$work/src" "$root/docs/architecture.md" > "$work/out" 2>&1; then
  echo "FAIL: the check passed a tree with upward includes"; cat "$work/out"; exit 1
fi
expected=(
  "core/base/probe.cpp:1: core/base may not include store/store.hpp"
  "core/base/probe.cpp:2: <soci/soci.h> belongs only in"
  "core/base/probe.cpp:3: <boost/beast/http.hpp> belongs only in web/server"
  "core/base/probe.cpp:4: <kainjow/mustache.hpp> belongs only in web/ui"
  "core/undeclared/probe.cpp:1: folder 'core/undeclared' has no row"
)
for line in "${expected[@]}"; do
  if ! grep -qF "$line" "$work/out"; then
    echo "FAIL: expected a report containing: $line"; cat "$work/out"; exit 1
  fi
done
# The probes are the only violations: the real tree is clean.
if [[ "$(grep -c '^core/' "$work/out")" != "${#expected[@]}" ]]; then
  echo "FAIL: more violations than the probes"; cat "$work/out"; exit 1
fi
echo "rejects_upward_includes: every probe was reported"
