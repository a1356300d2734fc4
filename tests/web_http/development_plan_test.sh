#!/usr/bin/env bash
# Min utvecklingsplan and the manager's side of a plan over real HTTP (issue 16,
# docs/learning.md "Development plans"), against a real `trappa serve --demo` on 127.0.0.1.
#
# Checks: the employee reaches the page and saves a draft with a goal; a goal without a date
# is refused naming it; the employee cannot agree their own plan (403) nor see another's
# (404); the manager reads and agrees it; the employee can no longer change it (409); the
# manager follows it up; HR in scope reads it but cannot agree (403); registration: a full
# activity is refused with the capacity message, a registration with room succeeds, a second
# one for the same activity is refused, and the registration is cancelled. Every refusal
# leaves the plan as it was. The plans' aggregates: HR reads every figure, an observer gets a
# group of one suppressed, an employee none.
#
# Usage: tests/web_http/development_plan_test.sh PATH/TO/trappa
set -uo pipefail

test_name=development_plan_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "$test_name: needs jq" >&2; exit 1; }

# post JAR PATH FIELD=VALUE...: POST with the CSRF token of the page last fetched with JAR.
post() {
  local jar="$1" path="$2"
  shift 2
  post_form "$jar" "$path" "csrf=$csrf" "$@"
}
token() { csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1)"; }

start_server first
employee="$(account_id demo_employee)"
manager="$(account_id demo_manager)"
hr="$(account_id demo_hr)"
check "the demo accounts are logged" test -n "$employee" -a -n "$manager" -a -n "$hr"
employee_jar="$work/employee.jar"
manager_jar="$work/manager.jar"
hr_jar="$work/hr.jar"
check "the employee signs in" equals "$(sign_in "$employee_jar" "$employee" "$(account_password demo_employee)")" 303
check "the manager signs in" equals "$(sign_in "$manager_jar" "$manager" "$(account_password demo_manager)")" 303
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$(account_password demo_hr)")" 303

echo "# The employee's page and draft"
check "the start page links Min utvecklingsplan" bash -c "[[ \$(curl -s -b '$employee_jar' '$base/') == *'href=\"/utvecklingsplan\"'* ]]"
check "Min utvecklingsplan is 200" equals "$(get "$employee_jar" /utvecklingsplan)" 200
check "... with its heading" contains "$work/body" "<h1>Min utvecklingsplan</h1>"
check "... and my hours" contains "$work/body" "mina timmar"
token
check "a goal without a date is 422" equals "$(post "$employee_jar" /utvecklingsplan round=2026 goal.1.1.level=3 goal.1.1.date=)" 422
check "... naming the competency and the date" contains "$work/body" "Måldatum för 1.1 saknas"
get "$employee_jar" /utvecklingsplan > /dev/null
check "... and nothing was saved" contains "$work/body" "Ingen plan ännu"
token
check "a level outside the scale is 422" equals "$(post "$employee_jar" /utvecklingsplan round=2026 goal.1.1.level=9 goal.1.1.date=2026-06-30)" 422
check "... naming the target level and the scale" contains "$work/body" "Målnivån för 1.1 ska vara en nivå från 1 till 5."
check "the employee saves a draft" equals "$(post "$employee_jar" /utvecklingsplan round=2026 goal.1.1.level=3 goal.1.1.date=2026-06-30 "note=Börja med sökning")" 303
get "$employee_jar" "/utvecklingsplan?klart=plan_saved" > /dev/null
check "... shown as a draft" contains "$work/body" "Utkast"
check "... with the goal's date" contains "$work/body" 'value="2026-06-30"'
token
check "the employee cannot agree their own plan" equals "$(post "$employee_jar" "/team/$employee/plan/godkann" round=2026)" 403
check "the employee cannot see the manager's plan" equals "$(get "$employee_jar" "/team/$manager/plan")" 404
check "... nor post to it" equals "$(post "$employee_jar" "/team/$manager/plan" round=2026 goal.1.1.level=3 goal.1.1.date=2026-06-30)" 404
check "a post without the CSRF token is 403" equals "$(curl -s -b "$employee_jar" -o /dev/null -w '%{http_code}' "$base/utvecklingsplan" --data-urlencode round=2026)" 403

echo "# The manager agrees and follows up"
check "the manager reads the plan" equals "$(get "$manager_jar" "/team/$employee/plan")" 200
check "... with the goal" contains "$work/body" 'value="2026-06-30"'
check "... and an agree button" contains "$work/body" "Godkänn planen"
check "the conversation links the plan" bash -c "[[ \$(curl -s -b '$manager_jar' '$base/team/$employee') == *'/team/$employee/plan'* ]]"
get "$manager_jar" "/team/$employee/plan" > /dev/null
token
check "the manager agrees" equals "$(post "$manager_jar" "/team/$employee/plan/godkann" round=2026)" 303
get "$manager_jar" "/team/$employee/plan" > /dev/null
check "... the plan is agreed" contains "$work/body" "Överenskommen"
token
check "agreeing again is refused" equals "$(post "$manager_jar" "/team/$employee/plan/godkann" round=2026)" 409
check "a follow-up without a date is 422" equals "$(post "$manager_jar" "/team/$employee/plan/uppfoljning" round=2026 date=igår progress=done)" 422
check "the manager follows up" equals "$(post "$manager_jar" "/team/$employee/plan/uppfoljning" round=2026 date=2026-04-01 progress=in_progress "comment=På god väg")" 303
get "$manager_jar" "/team/$employee/plan" > /dev/null
check "... the follow-up is listed" contains "$work/body" "På god väg"
get "$employee_jar" /utvecklingsplan > /dev/null
token
check "the employee cannot change the agreed plan" equals "$(post "$employee_jar" /utvecklingsplan round=2026 goal.1.1.level=4 goal.1.1.date=2026-06-30)" 409
check "... told why" contains "$work/body" "Planen är överenskommen och kan inte längre ändras."
get "$employee_jar" /utvecklingsplan > /dev/null
check "... and sees who agreed it" contains "$work/body" "Överenskommen av"

echo "# HR reads"
check "HR reads the plan" equals "$(get "$hr_jar" "/team/$employee/plan")" 200
check "... without an agree button" bash -c "! grep -q 'Godkänn planen' '$work/body'"
token
check "HR cannot agree" equals "$(post "$hr_jar" "/team/$employee/plan/godkann" round=2026)" 403
check "HR cannot edit" equals "$(post "$hr_jar" "/team/$employee/plan" round=2026 goal.1.1.level=2 goal.1.1.date=2026-06-30)" 403

echo "# Registration"
cat > "$work/full.csv" <<CSV
code,title,format,hours,competencies,level_from,level_to,audience_roles,starts,ends,capacity,status
FULL-1,Fullt pass,workshop,2,1.1,1,5,,2025-01-01,2030-12-31,1,open
ROOM-1,Pass med plats,workshop,3,1.1,1,5,,2025-01-01,2030-12-31,5,open
SHUT-1,Stängt pass,workshop,3,1.1,1,5,,2025-01-01,2030-12-31,5,closed
CSV
check "a small catalogue is imported" "$trappa" import activities "$work/full.csv" --framework digital-kompetens
printf 'employee_id,activity,date,status,hours\n%s,FULL-1,2026-01-10,registered,\n' "$manager" > "$work/taken.csv"
check "its one place is taken" "$trappa" import participation "$work/taken.csv"
get "$employee_jar" /utvecklingsplan > /dev/null
token
check "a full activity is refused" equals "$(post "$employee_jar" /utvecklingsplan/anmal activity=FULL-1)" 409
check "... with the capacity message" contains "$work/body" "Aktiviteten FULL-1 är fullbokad: alla platser är tagna."
check "a closed activity is refused" equals "$(post "$employee_jar" /utvecklingsplan/anmal activity=SHUT-1)" 409
check "... saying it is not open" contains "$work/body" "Aktiviteten SHUT-1 är inte öppen för anmälan."
check "the employee registers" equals "$(post "$employee_jar" /utvecklingsplan/anmal activity=ROOM-1)" 303
get "$employee_jar" /utvecklingsplan > /dev/null
check "... and sees the registration" contains "$work/body" "<span class=\"code\">ROOM-1</span>"
check "... as registered" contains "$work/body" "Anmäld"
token
check "registering again is refused" equals "$(post "$employee_jar" /utvecklingsplan/anmal activity=ROOM-1)" 409
check "... saying so" contains "$work/body" "Det finns redan en anmälan till ROOM-1."
check "the employee cancels" equals "$(post "$employee_jar" /utvecklingsplan/avboka activity=ROOM-1)" 303
get "$employee_jar" /utvecklingsplan > /dev/null
check "... shown as cancelled" contains "$work/body" "Avbokad"
token
check "the manager registers the report" equals "$(get "$manager_jar" "/team/$employee/plan")" 200
token
check "... one click" equals "$(post "$manager_jar" "/team/$employee/plan/anmal" activity=ROOM-1)" 303
sqlite3 "$TRAPPA_DB" "SELECT action || ' ' || actor FROM audit_log WHERE subject = '$employee' AND (action LIKE 'plan.%' OR action LIKE 'participation.%') ORDER BY id" > "$work/audit.txt"
check "the plan's writes are audited" contains "$work/audit.txt" "plan.create $employee"
check "... the agreement by the manager" contains "$work/audit.txt" "plan.agree $manager"
check "... the follow-up" contains "$work/audit.txt" "plan.follow_up $manager"
check "... and the registrations" contains "$work/audit.txt" "participation.update $manager"

echo "# Plans in aggregate"
observer="$(account_id demo_observer)"
observer_jar="$work/observer.jar"
check "the observer signs in" equals "$(sign_in "$observer_jar" "$observer" "$(account_password demo_observer)")" 303
check "HR reads the summary of 2026" equals "$(get "$hr_jar" "/api/v1/plans/summary?round=2026")" 200
check "... with the one agreed plan and its follow-up" \
  bash -c "jq -e '.suppressed == false and .people_with_agreed_plan == 1 and .goals == 1 and .goals_done == 0 and .min_group == null' '$work/body' > /dev/null"
check "the observer's summary of 2026 hides the group of one" equals "$(get "$observer_jar" "/api/v1/plans/summary?round=2026")" 200
check "... as suppressed, without figures" \
  bash -c "jq -e '.suppressed == true and .people_with_agreed_plan == null and (.areas | length) == 0' '$work/body' > /dev/null"
check "HR reads the demo's plans of 2025" equals "$(get "$hr_jar" "/api/v1/plans/summary?round=2025")" 200
check "... most with an agreed plan" bash -c "jq -e '.people_with_agreed_plan > 50 and .goals > .people_with_agreed_plan' '$work/body' > /dev/null"
check "the employee gets no aggregates" equals "$(get "$employee_jar" "/api/v1/plans/summary?round=2025")" 403
check "no round is 400" equals "$(get "$hr_jar" "/api/v1/plans/summary")" 400
check "... naming it" bash -c "jq -e '.error.problems[0].where == \"round\"' '$work/body' > /dev/null"
check "an unknown round is 404" equals "$(get "$hr_jar" "/api/v1/plans/summary?round=1999")" 404

echo "$test_name: $passed passed, $failed failed"
(( failed == 0 ))
