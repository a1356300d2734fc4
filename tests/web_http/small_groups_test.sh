#!/usr/bin/env bash
# Small groups over real HTTP (issue 6, docs/analytics.md "Small groups"): a real
# `trappa serve --demo` on 127.0.0.1, driven with curl and read with jq as a union
# representative's script or spreadsheet would.
#
# Checks: the observer's API marks hidden groups and single competencies with
# "suppressed": true and null figures; a department minus its shown units leaves 0 or at
# least K people; a unit hidden beside its siblings is hidden when asked for directly; HR sees
# the same cells unsuppressed; the observer's CSV download marks the hidden rows and leaves
# their values empty; key figures hide a unit's whole set (403) or small cells (null) the same
# way; --manager-overview gives managers their own unit only; --min-group is the one threshold
# everywhere and may not go below 3.
#
# Usage: tests/web_http/small_groups_test.sh PATH/TO/trappa
set -uo pipefail

test_name=small_groups_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "small_groups_test: needs jq (scripts/bootstrap.sh test)" >&2; exit 1; }
at_least() { (( $1 >= $2 )) || { echo "  expected at least $2, got $1" >&2; return 1; }; }
zero_or_at_least() { (( $1 == 0 || $1 >= $2 )) || { echo "  expected 0 or at least $2, got $1" >&2; return 1; }; }



# json JAR PATH FILTER: the jq filter applied to the JSON at PATH (raw output).
json() {
  local status
  status="$(get "$1" "$2")"
  [[ "$status" == 200 ]] || { echo "  GET $2 answered $status" >&2; echo "status-$status"; return; }
  jq -r "$3" "$work/body"
}

# ---------------------------------------------------------------------------------------
echo "# An observer and HR on the default threshold (5)"
start_server first
observer="$(account_id demo_observer)"
observer_password="$(account_password demo_observer)"
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
manager="$(account_id demo_manager)"
manager_password="$(account_password demo_manager)"
check "the demo accounts are logged" test -n "$observer" -a -n "$hr" -a -n "$manager"
obs="$work/observer.jar"
hrj="$work/hr.jar"
check "the observer signs in" equals "$(sign_in "$obs" "$observer" "$observer_password")" 303
check "HR signs in" equals "$(sign_in "$hrj" "$hr" "$hr_password")" 303

gaps="/api/v1/rounds/2026/gaps?unit=KF-ADM&by=unit"
check "the observer sees the administrative staff's figures" equals "$(json "$obs" "$gaps" .suppressed)" false
cp "$work/body" "$work/adm.json"
hidden="$(jq '[.groups[] | select(.suppressed)] | length' "$work/adm.json")"
check "at least one of its units is hidden (the head sits in the department itself)" at_least "$hidden" 1
check "hidden units have null figures" \
  equals "$(jq '[.groups[] | select(.suppressed) | .people, .assessed, .share_with_need] | map(select(. != null)) | length' "$work/adm.json")" 0
rest="$(jq '.people - ([.groups[] | select(.suppressed | not) | .people] | add // 0)' "$work/adm.json")"
check "the department minus its shown units is 0 or at least 5 people ($rest)" zero_or_at_least "$rest" 5
rest="$(jq '.assessed - ([.groups[] | select(.suppressed | not) | .assessed] | add // 0)' "$work/adm.json")"
check "... and 0 or at least 5 assessed people ($rest)" zero_or_at_least "$rest" 5
hidden_unit="$(jq -r '[.groups[] | select(.suppressed)][0].key' "$work/adm.json")"
hidden_name="$(jq -r '[.groups[] | select(.suppressed)][0].name' "$work/adm.json")"
check "the hidden unit $hidden_unit is hidden when asked for directly" \
  equals "$(json "$obs" "/api/v1/rounds/2026/gaps?unit=$hidden_unit" .suppressed)" true
check "... with its figures null" equals "$(jq '[.people, .assessed, .participation] | map(select(. != null)) | length' "$work/body")" 0
check "... and with every grouping the same" \
  equals "$(json "$obs" "/api/v1/rounds/2026/gaps?unit=$hidden_unit&by=gender&basis=self" .suppressed)" true
check "HR sees the same unit in full" \
  equals "$(json "$hrj" "$gaps" "[.groups[] | select(.key == \"$hidden_unit\") | .suppressed][0]")" false
check "... with its people counted" test "$(jq "[.groups[] | select(.key == \"$hidden_unit\") | .people][0]" "$work/body")" -gt 0
check "a lower min_group in the query changes nothing for the observer" \
  equals "$(json "$obs" "$gaps&min_group=1" "[.groups[] | select(.suppressed)] | length")" "$hidden"

# A competency that few people in a unit have (the system roles' ones) is hidden on its own.
marked=0
for unit in KF-ADM-IT KF-ADM-HR KF-ADM-EKON KF-ADM-SERV KF-KOM KF-KSS KF-EVA-PROD KF-EVA-FEST; do
  count="$(json "$obs" "/api/v1/rounds/2026/gaps?unit=$unit" '[.competencies[] | select(.suppressed == true and .mean_level == null)] | length')"
  [[ "$count" =~ ^[0-9]+$ ]] && marked=$((marked + count))
done
check "single competencies rated by too few are marked suppressed with null figures ($marked)" at_least "$marked" 1

csv_status="$(get "$obs" "/oversikt.csv?omgang=2026&enhet=KF-ADM&tabell=karta")"
check "the observer downloads the unit x competency table as CSV" equals "$csv_status" 200
cp "$work/body" "$work/karta.csv"
check "the hidden unit's row says it is not shown" contains "$work/karta.csv" "$hidden_name (visas inte: för få)"
row="$(grep -F "$hidden_name (visas inte" "$work/karta.csv" | sed 's/.*(visas inte: för få)"\{0,1\}//')"
# Downloads are in the reader's spreadsheet dialect: ';' for Swedish (docs/formats.md).
check "... and has no values" bash -c "[[ -n '$row' && '$row' =~ ^\;+$ ]]"
check "the observer's XLSX of the table answers" equals "$(get "$obs" "/oversikt.xlsx?omgang=2026&enhet=KF-ADM&tabell=karta")" 200
check "... with the same row marked not shown" bash -c "python3 -c \"import sys, zipfile; sys.exit('$hidden_name (visas inte: för få)' not in zipfile.ZipFile('$work/body').read('xl/sharedStrings.xml').decode())\""
get "$hrj" "/oversikt.csv?omgang=2026&enhet=KF-ADM&tabell=karta" > /dev/null
check "HR's CSV has the same row with values" bash -c "grep -F '$hidden_name' '$work/body' | grep -q '[0-9]'"
get "$obs" "/oversikt?omgang=2026&enhet=KF-ADM" > /dev/null
check "the observer's page says how small a group may be" contains "$work/body" "färre än 5 skattade"

# Key figures: the department's set is shown, one of its units' sets is not, and small cells are null.
check "the observer reads the department's key figures" \
  equals "$(get "$obs" "/api/v1/figures?at=2025-12-31&unit=KF-ADM")" 200
cp "$work/body" "$work/adm-figures.json"
department="$(jq .headcount.all.total "$work/adm-figures.json")"
refused=0
shown_people=0
for unit in KF-ADM-HR KF-ADM-EKON KF-ADM-IT KF-ADM-SERV; do
  status="$(get "$obs" "/api/v1/figures?at=2025-12-31&unit=$unit")"
  if [[ "$status" == 403 ]]; then
    refused=$((refused + 1))
    check "a hidden unit's key figures answer 403 with the reason" contains "$work/body" "suppressed"
    check "HR reads that unit's key figures" equals "$(get "$hrj" "/api/v1/figures?at=2025-12-31&unit=$unit")" 200
  else
    shown_people=$((shown_people + $(jq .headcount.all.total "$work/body")))
  fi
done
check "at least one unit's key figures are hidden from the observer" at_least "$refused" 1
check "the department minus its shown units' headcounts is 0 or at least 5 ($department - $shown_people)" \
  zero_or_at_least $((department - shown_people)) 5
check "small age cells are null for the observer" \
  at_least "$(jq '[.age.bands[] | .K, .M, .X] | map(select(. == null)) | length' "$work/adm-figures.json")" 1
get "$hrj" "/api/v1/figures?at=2025-12-31&unit=KF-ADM" > /dev/null
check "... and numbers for HR" equals "$(jq '[.age.bands[] | .K, .M, .X] | map(select(. == null)) | length' "$work/body")" 0
check "the observer's age CSV leaves small cells empty" \
  equals "$(get "$obs" "/nyckeltal.csv?at=2025-12-31&enhet=KF-ADM&tabell=alla")" 200
check "... as empty values in the long format" bash -c "grep -q '^age_band;2025-12-31;[^;]*;[KMX];$' '$work/body'"

mgr="$work/manager.jar"
check "the manager signs in" equals "$(sign_in "$mgr" "$manager" "$manager_password")" 303
check "without --manager-overview a manager has no overview" equals "$(get "$mgr" /oversikt)" 403
check "... and no gap analytics in the API" equals "$(get "$mgr" /api/v1/rounds/2026/gaps)" 403
stop_server

# ---------------------------------------------------------------------------------------
echo "# --manager-overview: a manager sees their own unit, suppressed"
start_server managers --manager-overview
mgr="$work/manager2.jar"
check "the manager signs in" equals "$(sign_in "$mgr" "$manager" "$manager_password")" 303
check "the manager opens the overview" equals "$(get "$mgr" /oversikt)" 200
check "... with the small-group note" contains "$work/body" "färre än 5 skattade"
# The unit filter's selected option: where the manager's overview starts.
own_unit="$(tr '\n' ' ' < "$work/body" | sed -n 's/.*id="f-unit" name="enhet">//p' | sed 's,</select>.*,,' |
            grep -o '<option value="[^"]*" selected' | sed 's/<option value="\([^"]*\)".*/\1/')"
check "the unit filter starts at the manager's own unit ($own_unit)" test -n "$own_unit"
check "the whole administration is outside the manager's overview (API 403)" \
  equals "$(get "$mgr" "/api/v1/rounds/2026/gaps?unit=KF")" 403
check "the manager's own unit is in it" equals "$(get "$mgr" "/api/v1/rounds/2026/gaps?unit=$own_unit")" 200
check "... through the same small-group rule as the observer's" \
  equals "$(jq -c '[.suppressed, .people]' "$work/body")" "$(json "$obs" "/api/v1/rounds/2026/gaps?unit=$own_unit" '[.suppressed, .people] | tostring')"
check "the manager reads the own unit's key figures or is told they are suppressed" \
  bash -c "[[ '$(get "$mgr" "/api/v1/figures?at=2025-12-31&unit=$own_unit")' =~ ^(200|403)$ ]]"
employee="$(account_id demo_employee)"
employee_password="$(account_password demo_employee)"
emp="$work/employee.jar"
check "an employee who manages nobody signs in" equals "$(sign_in "$emp" "$employee" "$employee_password")" 303
check "... and has no overview" equals "$(get "$emp" /oversikt)" 403
stop_server

# ---------------------------------------------------------------------------------------
echo "# --min-group: one threshold everywhere, never below 3"
"$trappa" serve --demo --listen 127.0.0.1:1 --min-group 2 > "$work/low.log" 2>&1
check "--min-group 2 stops start-up with exit status 2" equals "$?" 2
check "... naming the option" contains "$work/low.log" "--min-group"
start_server ten --min-group 10
obs="$work/observer10.jar"
check "the observer signs in" equals "$(sign_in "$obs" "$observer" "$observer_password")" 303
get "$obs" "/oversikt?omgang=2026&enhet=KF-ADM" > /dev/null
check "the observer's page says 10" contains "$work/body" "färre än 10 skattade"
hidden10="$(json "$obs" "$gaps" '[.groups[] | select(.suppressed)] | length')"
check "more units are hidden with 10 than with 5 ($hidden10 >= $hidden)" at_least "$hidden10" "$hidden"
rest="$(jq '.people - ([.groups[] | select(.suppressed | not) | .people] | add // 0)' "$work/body")"
check "the department minus its shown units is 0 or at least 10 people ($rest)" zero_or_at_least "$rest" 10
stop_server

echo "small_groups_test: $passed passed, $failed failed"
(( failed == 0 ))
