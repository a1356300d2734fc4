#!/usr/bin/env bash
# /api/v1/forecast over real HTTP (issue 18, docs/forecast.md "The API"): against a real
# `trappa serve --demo` on 127.0.0.1 driven with curl.
#
# Checks: HR's GET (query parameters as the CLI's options) and POST (a scenario body, the CLI's
# scenario file) answer byte for byte what `trappa forecast --format json` writes for the same
# inputs; bad parameters and scenario fields are 400 JSON errors naming the parameter or the
# JSON path; an employee is refused; an observer sees no role under the small-group threshold
# and totals summed over the roles shown. The demo's plausibility: the culture administration's
# retirements per year are in line with the key figures' count of people reaching retirement
# age, and with round 2026 (2025 before it) the competence shares rise year by year.
#
# Usage: tests/web_http/forecast_api_test.sh PATH/TO/trappa
set -uo pipefail

test_name=forecast_api_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "$test_name: needs jq" >&2; exit 1; }

at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }' || { echo "  expected at least $2, got $1" >&2; return 1; }; }

# post JAR PATH FILE: POSTs FILE as JSON with the session's CSRF token; status to stdout.
post() {
  local token
  token="$(curl -s -b "$1" "$base/api/v1/me" | jq -r .csrf_token)"
  curl -s -b "$1" -o "$work/body" -w '%{http_code}' -H "X-CSRF-Token: $token" \
    -H 'Content-Type: application/json' --data-binary "@$3" "$base$2"
}
# same QUERY CLI-OPTIONS...: GET /api/v1/forecast?QUERY equals the CLI's JSON for OPTIONS.
same() {
  local query="$1"
  shift
  [[ "$(get "$hr_jar" "/api/v1/forecast?$query")" == 200 ]] || { echo "  GET ?$query: $(cat "$work/body")" >&2; return 1; }
  "$trappa" forecast "$@" --format json > "$work/cli.json" || return 1
  cmp "$work/cli.json" "$work/body"
}
# problem STATUS WHERE: the body is a JSON error of STATUS with a problem whose where holds WHERE.
problem() {
  equals "$(jq -r .error.status "$work/body")" "$1" &&
    jq -e --arg w "$2" '[.error.problems[].where | contains($w)] | any' "$work/body" > /dev/null ||
    { echo "  $(cat "$work/body")" >&2; return 1; }
}

start_server first
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
observer="$(account_id demo_observer)"
observer_password="$(account_password demo_observer)"
employee="$(account_id demo_employee)"
employee_password="$(account_password demo_employee)"
check "the demo accounts are logged" test -n "$hr" -a -n "$observer" -a -n "$employee"
hr_jar="$work/hr.jar"
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$hr_password")" 303

echo "# HR: the CLI's document, byte for byte"
check "GET, defaults but the date" same "at=2025-12-31" --at 2025-12-31
check "GET with years and unit" same "at=2025-12-31&years=3&unit=KF" --at 2025-12-31 --years 3 --unit KF
check "GET with every option" same "at=2025-12-31&years=10&unit=KF-ADM&history-years=2&retirement-age=67&round=2026" \
  --at 2025-12-31 --years 10 --unit KF-ADM --history-years 2 --retirement-age 67 --round 2026
cat > "$work/scenario.json" <<'JSON'
{"format": "trappa-forecast-scenario", "version": 1, "retirement_age": 66, "recruit": "replace"}
JSON
status="$(post "$hr_jar" "/api/v1/forecast?at=2025-12-31&years=4&unit=KF" "$work/scenario.json")"
cp "$work/body" "$work/posted.json"
"$trappa" forecast --at 2025-12-31 --years 4 --unit KF --scenario "$work/scenario.json" --format json > "$work/cli.json"
check "POST with a scenario answers 200" equals "$status" 200
check "POST equals the CLI with --scenario" cmp "$work/cli.json" "$work/posted.json"
check "the scenario's retirement age is used" equals "$(jq -r .retirement.age "$work/posted.json")" 66

echo "# Bad parameters: 400 naming them"
check "years=11 is 400" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-12-31&years=11")" 400
check "  naming years" problem 400 years
check "at=2025-13-01 is 400" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-13-01")" 400
check "  naming at" problem 400 at
check "history-years=x is 400" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-12-31&history-years=x")" 400
check "  naming history-years" problem 400 history-years
check "retirement-age=30 is 400" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-12-31&retirement-age=30")" 400
check "  naming retirement-age" problem 400 retirement-age
check "unit=NOPE is 404 (an unknown unit, as on every route)" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-12-31&unit=NOPE")" 404
check "  naming unit" problem 404 unit
check "round=NOPE is 404 (an unknown round, as on every route)" equals "$(get "$hr_jar" "/api/v1/forecast?at=2025-12-31&round=NOPE")" 404
check "  naming round" problem 404 round
echo '{"format": "trappa-forecast-scenario", "version": 1, "demand": {"ingen-sådan-roll": {"growth": 0.1}}}' > "$work/bad.json"
check "a scenario naming an unknown role is 400" equals "$(post "$hr_jar" "/api/v1/forecast?at=2025-12-31" "$work/bad.json")" 400
check "  naming its JSON path" problem 400 '$.demand'
echo '{"format": "trappa-forecast-scenario", "version": 1, "recruit": "sometimes"}' > "$work/bad.json"
check "a scenario with a bad field is 400" equals "$(post "$hr_jar" "/api/v1/forecast?at=2025-12-31" "$work/bad.json")" 400
check "  naming its JSON path" problem 400 '$.recruit'
echo '{"format": ' > "$work/bad.json"
check "a body that is not JSON is 400" equals "$(post "$hr_jar" "/api/v1/forecast?at=2025-12-31" "$work/bad.json")" 400
check "a POST without the CSRF token is 403" equals "$(curl -s -b "$hr_jar" -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/json' --data-binary '{}' "$base/api/v1/forecast?at=2025-12-31")" 403

echo "# Access and small groups"
employee_jar="$work/employee.jar"
check "the employee signs in" equals "$(sign_in "$employee_jar" "$employee" "$employee_password")" 303
check "the employee is refused (403)" equals "$(get "$employee_jar" "/api/v1/forecast?at=2025-12-31")" 403
observer_jar="$work/observer.jar"
check "the observer signs in" equals "$(sign_in "$observer_jar" "$observer" "$observer_password")" 303
check "the observer reads the administration's forecast" equals "$(get "$observer_jar" "/api/v1/forecast?at=2025-12-31&unit=KF")" 200
cp "$work/body" "$work/observer.json"
check "the observer sees no role under 5 people" equals "$(jq '[.roles[] | select(.start < 5)] | length' "$work/observer.json")" 0
check "the observer's totals are the roles shown, summed" equals \
  "$(jq '[.roles[].start] | add' "$work/observer.json")" "$(jq '.totals.years[0].start | round' "$work/observer.json")"
"$trappa" forecast --at 2025-12-31 --unit KF --format json > "$work/hr-kf.json"
hidden="$(jq '[.roles[] | select(.start < 5)] | length' "$work/hr-kf.json")"
echo "  roles under 5 people in KF, hidden from the observer: $hidden"
check "HR sees the small roles the observer does not" equals \
  "$(( $(jq '.roles | length' "$work/hr-kf.json") - $(jq '.roles | length' "$work/observer.json") ))" "$hidden"

echo "# The demo's plausibility: the culture administration"
check "the key figures for KF" equals "$(get "$hr_jar" "/api/v1/figures?at=2025-12-31&unit=KF")" 200
cp "$work/body" "$work/figures.json"
check "the forecast for KF with round 2026" equals \
  "$(get "$hr_jar" "/api/v1/forecast?at=2025-12-31&unit=KF&round=2026")" 200
cp "$work/body" "$work/kf.json"
retired="$(jq '[.totals.years[].retirements] | add' "$work/kf.json")"
reaching="$(jq '[.retirements[] | select(.year >= 2026 and .year <= 2030) | .people] | add' "$work/figures.json")"
echo "  KF 2026–2030: $retired expected retirements; the key figures count $reaching people reaching retirement age"
check "every year has retirements" equals "$(jq '[.totals.years[] | select(.retirements <= 0)] | length' "$work/kf.json")" 0
check "expected retirements are at least a third of the key figures' count" at_least "$retired" "$(awk -v r="$reaching" 'BEGIN { print r / 3 }')"
check "and at most the key figures' count" at_least "$reaching" "$retired"
check "the round before 2026 is 2025" equals "$(jq -r .round "$work/kf.json")" 2026
check "some competency develops (d > 0)" equals \
  "$(jq '[.roles[].competencies[] | select(.development_rate > 0)] | length > 0' "$work/kf.json")" true
check "every area's share rises year by year" equals "$(jq '[.areas[] | .shares as $s |
  range(1; $s | length) as $i | select($s[$i] != null and $s[$i - 1] != null and $s[$i] < $s[$i - 1])] | length' "$work/kf.json")" 0
check "and ends above where it starts" equals "$(jq '[.areas[] | select(.shares[-1] > .shares[0])] | length > 0' "$work/kf.json")" true

echo "# The Prognos page and its CSV"
check "HR's page answers 200" equals "$(get "$hr_jar" "/prognos?at=2025-12-31&unit=KF&years=5")" 200
check "  with the flows chart" contains "$work/body" 'id="fc-flows-section"'
check "  with the area chart" contains "$work/body" 'id="fc-areas-section"'
check "  with a table per role" contains "$work/body" 'id="fc-roles-heading"'
check "  with a growth field per role" contains "$work/body" 'name="tillvaxt:'
check "  and the navigation entry" contains "$work/body" 'href="/prognos"'
check "the page's CSV answers 200" equals "$(get "$hr_jar" "/prognos.csv?at=2025-12-31&unit=KF&years=5")" 200
# Downloads are in the reader's spreadsheet dialect (docs/formats.md) and name their columns in
# the reader's language (docs/web.md "Texts and languages"): Swedish here. The CLI keeps the
# machine names; the rows are the same.
"$trappa" forecast --at 2025-12-31 --unit KF --years 5 --format csv --csv-dialect sv > "$work/cli.csv"
check "  with the columns named in Swedish" equals "$(head -n 1 "$work/body" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r')" \
  "Roll;År;Anställda vid årets början;Pensionsavgångar;Övriga avgångar;Behov;Rekryteringsbehov;Anställda vid årets slut;Fyller 65;Fyller 67;Fyller 69"
tail -n +2 "$work/cli.csv" > "$work/cli-rows.csv"
tail -n +2 "$work/body" > "$work/page-rows.csv"
check "  and the rows of \`trappa forecast --format csv --csv-dialect sv\`" cmp "$work/cli-rows.csv" "$work/page-rows.csv"
role="$(jq -r '.roles[0].role' "$work/hr-kf.json")"
check "the scenario form (plain GET) answers 200" equals "$(curl -s -b "$hr_jar" -o "$work/body" -w '%{http_code}' -G \
  --data-urlencode at=2025-12-31 --data-urlencode unit=KF --data-urlencode retirement-age=67 --data-urlencode rekrytera=nej \
  --data-urlencode "tillvaxt:$role=3,5" "$base/prognos")" 200
check "  keeps the growth entered" contains "$work/body" 'value="3,5"'
check "  says the fixed age is used" contains "$work/body" '67 år'
check "  and its CSV link carries the scenario" contains "$work/body" 'rekrytera=nej'
check "a bad growth is 400 on the page" equals "$(curl -s -b "$hr_jar" -o "$work/body" -w '%{http_code}' -G \
  --data-urlencode at=2025-12-31 --data-urlencode "tillvaxt:$role=mycket" "$base/prognos")" 400
check "  with an alert naming it" contains "$work/body" 'role="alert"'
check "the page in English (?lang=en sets it and redirects)" equals "$(curl -s -L -b "$hr_jar" -c "$hr_jar" -o "$work/body" -w '%{http_code}' "$base/prognos?at=2025-12-31&unit=KF&lang=en")" 200
check "  is in English" contains "$work/body" 'Recruitment need'
check "the observer's page answers 200" equals "$(get "$observer_jar" "/prognos?at=2025-12-31&unit=KF")" 200
check "the employee's page is 403" equals "$(get "$employee_jar" "/prognos?at=2025-12-31")" 403
start="$(date +%s%N)"
for i in 1 2 3 4 5; do get "$hr_jar" "/prognos?at=2025-12-31&unit=KF&years=10&round=2026" > /dev/null; done
echo "  page render, KF, 10 years with the competence part: $(( ($(date +%s%N) - start) / 5000000 )) ms per request (mean of 5)"

stop_server
echo "$passed passed, $failed failed"
(( failed == 0 ))
