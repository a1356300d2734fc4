#!/usr/bin/env bash
# /api/v1/learning/stats and /api/v1/people/{id}/recommendations over real HTTP (issue 16,
# docs/learning.md "In the web"), against a real `trappa serve --demo` on 127.0.0.1 with curl.
#
# Checks: HR's statistics equal `trappa learning stats --format json` byte for byte for the same
# parameters (HR's scope as --unit), bad parameters are 400s naming them, a unit outside the
# scope is 403, employees are refused, observers get the figures under the small-group rule; recommendations equal `trappa recommend
# --format json` for people HR may see, a person reads her own, and someone else's is 404; a
# participation file imported from the command line while the server runs shows in the
# statistics within seconds (the change feed).
#
# Usage: tests/web_http/learning_api_test.sh PATH/TO/trappa
set -uo pipefail

test_name=learning_api_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "$test_name: needs jq" >&2; exit 1; }

# same_stats QUERY CLI-OPTIONS...: GET /api/v1/learning/stats?QUERY equals the CLI's JSON.
same_stats() {
  local query="$1"
  shift
  [[ "$(get "$hr_jar" "/api/v1/learning/stats?$query")" == 200 ]] || { echo "  ?$query: $(cat "$work/body")" >&2; return 1; }
  "$trappa" learning stats "$@" --format json > "$work/cli.json" || return 1
  cmp "$work/cli.json" "$work/body" || { diff "$work/cli.json" "$work/body" | head -20 >&2; return 1; }
}
problem() {
  equals "$(jq -r .error.status "$work/body")" "$1" &&
    jq -e --arg w "$2" '[.error.problems[].where | contains($w)] | any' "$work/body" > /dev/null ||
    { echo "  $(cat "$work/body")" >&2; return 1; }
}

start_server first
hr="$(account_id demo_hr)"
observer="$(account_id demo_observer)"
employee="$(account_id demo_employee)"
check "the demo accounts are logged" test -n "$hr" -a -n "$observer" -a -n "$employee"
hr_jar="$work/hr.jar"
observer_jar="$work/observer.jar"
employee_jar="$work/employee.jar"
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$(account_password demo_hr)")" 303
check "the observer signs in" equals "$(sign_in "$observer_jar" "$observer" "$(account_password demo_observer)")" 303
check "the employee signs in" equals "$(sign_in "$employee_jar" "$employee" "$(account_password demo_employee)")" 303
get "$hr_jar" /api/v1/me > /dev/null
scope="$(jq -r '.scope_unit // ""' "$work/body")"
unit_option=()
[[ -n "$scope" ]] && unit_option=(--unit "$scope")

echo "# HR: the CLI's statistics, byte for byte"
check "the project period" same_stats "from=2023-09-01&to=2026-02-28&target_participants=1098&target_hours_per_participant=18" \
  --from 2023-09-01 --to 2026-02-28 --target-participants 1098 --target-hours-per-participant 18 "${unit_option[@]}"
check "by gender" same_stats "from=2023-09-01&to=2026-02-28&by=gender" --from 2023-09-01 --to 2026-02-28 --by gender "${unit_option[@]}"
check "by area in 2025" same_stats "from=2025-01-01&to=2025-12-31&by=area" --from 2025-01-01 --to 2025-12-31 --by area "${unit_option[@]}"
check "by month" same_stats "from=2025-01-01&to=2025-06-30&by=month" --from 2025-01-01 --to 2025-06-30 --by month "${unit_option[@]}"
get "$hr_jar" "/api/v1/learning/stats?from=2023-09-01&to=2026-02-28" > /dev/null
check "the demo has participants" test "$(jq -r .participants.total "$work/body")" -gt 1000

echo "# Bad parameters and refusals"
check "no dates is 400" equals "$(get "$hr_jar" "/api/v1/learning/stats")" 400
check "... naming from" problem 400 from
check "a bad grouping is 400" equals "$(get "$hr_jar" "/api/v1/learning/stats?from=2025-01-01&to=2025-12-31&by=role")" 400
check "... naming by" problem 400 by
check "a negative target is 400" equals "$(get "$hr_jar" "/api/v1/learning/stats?from=2025-01-01&to=2025-12-31&target_participants=-1")" 400
check "a reversed period is 400" equals "$(get "$hr_jar" "/api/v1/learning/stats?from=2025-12-31&to=2025-01-01")" 400
check "an unknown unit is refused" test "$(get "$hr_jar" "/api/v1/learning/stats?from=2025-01-01&to=2025-12-31&unit=FINNS-EJ")" -ge 403
check "the employee is refused" equals "$(get "$employee_jar" "/api/v1/learning/stats?from=2025-01-01&to=2025-12-31")" 403

echo "# Observers: the small-group rule (docs/learning.md, Small groups)"
check "the observer gets the statistics" equals "$(get "$observer_jar" "/api/v1/learning/stats?from=2023-09-01&to=2026-02-28&by=gender")" 200
check "... with the threshold" test "$(jq -r .min_group "$work/body")" -ge 3
check "... the total shown" test "$(jq -r .participants.total "$work/body")" -gt 1000
check "... no registration counts" equals "$(jq -r .registrations "$work/body")" null
check "... the 4 people of gender X hidden" equals "$(jq -r .participants.X "$work/body")" null
check "... and the smaller gender with them" equals "$(jq -r .participants.M "$work/body")" null
check "... the X group suppressed" equals "$(jq -r '.groups[] | select(.key == "X") | .suppressed' "$work/body")" true
check "... the stored targets without parameters" equals "$(jq -r .targets.participants "$work/body")" 1098
check "a small period is suppressed whole" equals "$(get "$observer_jar" "/api/v1/learning/stats?from=2026-02-27&to=2026-02-28")" 200
check "... participants null or at least 5" jq -e '(.participants == null and .suppressed == true) or (.participants.total >= 5) or (.participants.total == 0)' "$work/body"
check "without a session: 401" equals "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/learning/stats?from=2025-01-01&to=2025-12-31")" 401

echo "# Recommendations: the CLI's, for everyone HR may see"
people=$(sqlite3 "$TRAPPA_DB" "SELECT DISTINCT employee_id FROM ratings r JOIN rounds o ON o.id = r.round_id WHERE o.name = '2025' ORDER BY employee_id LIMIT 40")
same=0
differ=0
with_picks=0
for person in $people; do
  status="$(get "$hr_jar" "/api/v1/people/$person/recommendations?round=2025&on=2025-06-01&budget_hours=20")"
  [[ "$status" == 404 ]] && continue  # outside HR's scope
  "$trappa" recommend "$person" --round 2025 --on 2025-06-01 --budget-hours 20 --format json > "$work/cli.json"
  if [[ "$status" == 200 ]] && cmp -s "$work/cli.json" "$work/body"; then same=$((same + 1)); else differ=$((differ + 1)); fi
  [[ "$(jq '.recommendations | length' "$work/body")" -gt 0 ]] && with_picks=$((with_picks + 1))
done
check "recommendations equal the CLI's ($same people)" test "$same" -gt 10 -a "$differ" -eq 0
check "some people get recommendations ($with_picks)" test "$with_picks" -gt 0
check "the employee reads her own" equals "$(get "$employee_jar" "/api/v1/people/$employee/recommendations?round=2025")" 200
check "... for herself" equals "$(jq -r .employee_id "$work/body")" "$employee"
other="$(echo "$people" | grep -v "^$employee\$" | head -n 1)"
check "someone else's is 404 for the employee" equals "$(get "$employee_jar" "/api/v1/people/$other/recommendations?round=2025")" 404
check "a bad budget is 400" equals "$(get "$employee_jar" "/api/v1/people/$employee/recommendations?round=2025&budget_hours=x")" 400
check "... naming budget_hours" problem 400 budget_hours
check "an unknown round is 404" equals "$(get "$employee_jar" "/api/v1/people/$employee/recommendations?round=1999")" 404

echo "# A participation file imported beside the server shows within seconds"
get "$hr_jar" "/api/v1/learning/stats?from=2025-05-01&to=2025-05-01" > /dev/null
before="$(jq -r .registrations.attended "$work/body")"
printf 'employee_id,activity,date,status,hours\n%s,FRU-04,2025-05-01,attended,\n' "$employee" > "$work/one.csv"
check "the import succeeds" "$trappa" import participation "$work/one.csv"
after="$before"
for _ in $(seq 1 50); do
  get "$hr_jar" "/api/v1/learning/stats?from=2025-05-01&to=2025-05-01" > /dev/null
  after="$(jq -r .registrations.attended "$work/body")"
  [[ "$after" != "$before" ]] && break
  sleep 0.1
done
check "the new row is counted ($before → $after)" equals "$after" "$((before + 1))"

echo "$test_name: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
