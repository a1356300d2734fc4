#!/usr/bin/env bash
# The API's conventions over real HTTP (issue 15, "API"; docs/web.md, "API conventions"),
# against a real `trappa serve --demo` on 127.0.0.1 with curl and jq. Regression tests of the
# findings: an unknown query parameter was ignored (now 400 naming it, on every route); an
# API error named core's command-line flag (`--from`) instead of the API's parameter; the same
# error had different statuses on different routes (an unknown round 400 on /forecast and 404
# on /plans/summary; an unknown unit 400, 403 or 422).
# tests/api/contract.test.js checks the same against docs/openapi.yaml, where npm is present.
#
# Usage: tests/web_http/api_conventions_test.sh PATH/TO/trappa
set -uo pipefail

test_name=api_conventions_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "$test_name: needs jq" >&2; exit 1; }

# answer STATUS WHERE: the last answer has status STATUS and one problem, at WHERE.
answer() {
  equals "$(jq -r .error.status "$work/body")" "$1" &&
    equals "$(jq -r '[.error.problems[].where] | join(",")' "$work/body")" "$2" ||
    { echo "  $(cat "$work/body")" >&2; return 1; }
}

start_server first
hr_jar="$work/hr.jar"
employee_jar="$work/employee.jar"
employee="$(account_id demo_employee)"
check "HR signs in" equals "$(sign_in "$hr_jar" "$(account_id demo_hr)" "$(account_password demo_hr)")" 303
check "the employee signs in" equals "$(sign_in "$employee_jar" "$employee" "$(account_password demo_employee)")" 303

# An unknown query parameter is a 400 naming it, on every route.
check "an unknown parameter on /me is 400" equals "$(get "$hr_jar" "/api/v1/me?verbose=1")" 400
check "  naming it" answer 400 verbose
check "  in the message too" contains "$work/body" "unknown query parameter: verbose"
check "an unknown parameter on the gaps is 400" equals "$(get "$hr_jar" "/api/v1/rounds/2026/gaps?by=unit&grupp=x")" 400
check "  naming it" answer 400 grupp
check "a page's alias is no API parameter" equals "$(get "$hr_jar" "/api/v1/figures?enhet=KF")" 400
check "  naming it" answer 400 enhet
check "two unknown parameters are both named" equals "$(get "$hr_jar" "/api/v1/rounds?a=1&b=2")" 400
check "  each" answer 400 a,b
check "an unknown parameter on the xAPI answers with the version header" \
  contains <(curl -s -D - -o /dev/null -H 'X-Experience-API-Version: 1.0.3' "$base/api/v1/xapi/statements?since=x") \
  "X-Experience-API-Version: 1.0.3"
check "the parameters a route takes still pass" equals "$(get "$hr_jar" "/api/v1/rounds/2026/gaps?by=unit&basis=self")" 200

# Errors name the API's parameters, not the command line's flags.
check "key figures with from after at are 400" equals "$(get "$hr_jar" "/api/v1/figures?at=2025-12-31&from=2026-01-01")" 400
check "  naming from, not --from" answer 400 from
check "an unknown round on the forecast" equals "$(get "$hr_jar" "/api/v1/forecast?round=1999")" 404
check "  names round, not --round" answer 404 round
check "no answer names a flag" test "$(grep -c -- '--[a-z]' "$work/body")" -eq 0

# The same error, the same status on every route.
check "an unknown round on the plans is 404" equals "$(get "$hr_jar" "/api/v1/plans/summary?round=1999")" 404
check "  naming round" answer 404 round
check "an unknown round to compare with is 404" equals "$(get "$hr_jar" "/api/v1/rounds/2026/gaps?compare=1999")" 404
check "  naming compare" answer 404 compare
check "an unknown round in the path is 404" equals "$(get "$hr_jar" "/api/v1/rounds/1999")" 404
check "an unknown round for recommendations is 404" \
  equals "$(get "$employee_jar" "/api/v1/people/$employee/recommendations?round=1999")" 404
for route in "figures?unit=FINNS-EJ" "forecast?unit=FINNS-EJ" "plans/summary?round=2026&unit=FINNS-EJ" \
             "rounds/2026/gaps?unit=FINNS-EJ" "learning/stats?from=2025-01-01&to=2025-12-31&unit=FINNS-EJ"; do
  check "an unknown unit on /api/v1/$route is 404" equals "$(get "$hr_jar" "/api/v1/$route")" 404
  check "  naming unit" answer 404 unit
done
check "a malformed value on the figures is 400 (was 422)" equals "$(get "$hr_jar" "/api/v1/figures?at=2025-13-01")" 400
check "a malformed value on the forecast is 400" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-13-01")" 400
check "the employee is refused the figures (403)" equals "$(get "$employee_jar" "/api/v1/figures")" 403
check "... and the forecast (403)" equals "$(get "$employee_jar" "/api/v1/forecast")" 403

echo "$test_name: $passed passed, $failed failed"
(( failed == 0 ))
