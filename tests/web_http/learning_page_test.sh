#!/usr/bin/env bash
# The page Läraktiviteter over real HTTP (issue 16, docs/learning.md "The page Läraktiviteter")
# against a real `trappa serve --demo` on 127.0.0.1 with curl.
#
# Checks: HR gets the page (statistics, catalogue, targets' form, downloads); HR marks
# attendance on an activity's page and the statistics change (through the change feed); bad
# form values are 422s naming the field or person and change nothing; a post without the CSRF
# token is 403; HR stores targets that the API then uses; the participant list downloads as
# spreadsheet CSV and XLSX; the observer gets the page and the API under the small-group rule
# but no downloads or forms; the employee gets 403.
#
# Usage: tests/web_http/learning_page_test.sh PATH/TO/trappa
set -uo pipefail

test_name=learning_page_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v jq >/dev/null || { echo "$test_name: needs jq" >&2; exit 1; }

form_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1; }
stats() { get "$hr_jar" "/api/v1/learning/stats?from=2000-01-01&to=2030-12-31" > /dev/null; jq -r "$1" "$work/body"; }

start_server first
hr="$(account_id demo_hr)"
observer="$(account_id demo_observer)"
employee="$(account_id demo_employee)"
hr_jar="$work/hr.jar"
observer_jar="$work/observer.jar"
employee_jar="$work/employee.jar"
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$(account_password demo_hr)")" 303
check "the observer signs in" equals "$(sign_in "$observer_jar" "$observer" "$(account_password demo_observer)")" 303
check "the employee signs in" equals "$(sign_in "$employee_jar" "$employee" "$(account_password demo_employee)")" 303

echo "# The page"
check "HR gets the page" equals "$(get "$hr_jar" "/laraktiviteter?fran=2023-09-01&till=2026-02-28&per=gender")" 200
check "... with the statistics" contains "$work/body" 'Timmar per deltagare'
check "... a chart and its table" contains "$work/body" 'learning-participants'
check "... the catalogue" contains "$work/body" 'learning-catalogue-caption'
check "... the targets' form" contains "$work/body" 'action="/laraktiviteter/mal"'
check "... the downloads" contains "$work/body" 'deltagare.xlsx'
check "... linked in the navigation" contains "$work/body" 'href="/laraktiviteter"'
check "the English page" equals "$(curl -s -L -b "$hr_jar" -c "$hr_jar" -o "$work/body" -w '%{http_code}' "$base/laraktiviteter?lang=en")" 200
check "... in English" contains "$work/body" 'Hours per participant'
curl -s -L -b "$hr_jar" -c "$hr_jar" -o /dev/null "$base/laraktiviteter?lang=sv"
check "a bad date is 400" equals "$(get "$hr_jar" "/laraktiviteter?fran=2025-13-01")" 400
check "... naming the field" contains "$work/body" 'Från: ange ett datum'
check "a bad grouping is 400" equals "$(get "$hr_jar" "/laraktiviteter?per=roll")" 400
check "the employee is refused" equals "$(get "$employee_jar" /laraktiviteter)" 403
check "... and the downloads" equals "$(get "$employee_jar" "/laraktiviteter/deltagare.csv")" 403
check "... and an activity" equals "$(get "$employee_jar" "/laraktiviteter/ny")" 403

echo "# The observer: the statistics under the small-group rule, no forms, no person data"
check "the observer gets the page" equals "$(get "$observer_jar" "/laraktiviteter?fran=2023-09-01&till=2026-02-28&per=gender")" 200
check "... with the suppression note" contains "$work/body" 'visas inte'
check "... without the downloads" bash -c "! grep -q 'deltagare.csv' '$work/body'"
check "... without the targets' form" bash -c "! grep -q '/laraktiviteter/mal' '$work/body'"
check "the observer gets no list" equals "$(get "$observer_jar" "/laraktiviteter/deltagare.csv")" 403
check "... nor an activity's registrations" equals "$(get "$observer_jar" "/laraktiviteter/a/AI-01")" 403
check "the observer's API is suppressed" equals "$(get "$observer_jar" "/api/v1/learning/stats?from=2023-09-01&to=2026-02-28")" 200
check "... registrations hidden" equals "$(jq -r .registrations "$work/body")" null

echo "# Attendance: HR marks a registration and the statistics change"
hours_before="$(stats .hours.total)"
attended_before="$(stats .registrations.attended)"
activity=""
person=""
index=""
for row in $(sqlite3 "$TRAPPA_DB" "SELECT activity || ':' || employee_id FROM learning_participation WHERE status = 'registered' ORDER BY activity, employee_id"); do
  code="${row%%:*}"
  candidate="${row#*:}"
  [[ "$code" != "$activity" ]] && { get "$hr_jar" "/laraktiviteter/a/$code" > /dev/null; activity="$code"; }
  index="$(sed -n "s/.*name=\"person_\([0-9]*\)\" value=\"$candidate\".*/\1/p" "$work/body" | head -n 1)"
  if [[ -n "$index" ]]; then person="$candidate"; break; fi
done
check "a registration in HR's scope" test -n "$person"
csrf="$(form_csrf)"
before="$(sqlite3 "$TRAPPA_DB" "SELECT status, coalesce(hours, '') FROM learning_participation WHERE employee_id = '$person' AND activity = '$activity'")"
check "hours on a bad number are 422" equals "$(post_form "$hr_jar" "/laraktiviteter/a/$activity/narvaro" "csrf=$csrf" "person_$index=$person" "status_$index=attended" "hours_$index=mycket")" 422
check "... naming the person" contains "$work/body" "$person: timmar"
check "hours on a no-show are 422" equals "$(post_form "$hr_jar" "/laraktiviteter/a/$activity/narvaro" "csrf=$csrf" "person_$index=$person" "status_$index=no_show" "hours_$index=2")" 422
check "a cancel mark is 422" equals "$(post_form "$hr_jar" "/laraktiviteter/a/$activity/narvaro" "csrf=$csrf" "person_$index=$person" "status_$index=cancelled")" 422
check "someone without a row is 422" equals "$(post_form "$hr_jar" "/laraktiviteter/a/$activity/narvaro" "csrf=$csrf" "person_0=NOBODY" status_0=attended)" 422
check "... naming them" contains "$work/body" 'NOBODY'
check "without the CSRF token: 403" equals "$(post_form "$hr_jar" "/laraktiviteter/a/$activity/narvaro" "person_$index=$person" "status_$index=attended")" 403
check "... nothing changed" equals "$(sqlite3 "$TRAPPA_DB" "SELECT status, coalesce(hours, '') FROM learning_participation WHERE employee_id = '$person' AND activity = '$activity'")" "$before"
check "HR marks the person attended for 1.5 hours" equals "$(post_form "$hr_jar" "/laraktiviteter/a/$activity/narvaro" "csrf=$csrf" "person_$index=$person" "status_$index=attended" "hours_$index=1,5")" 303
check "... stored with source web" equals "$(sqlite3 "$TRAPPA_DB" "SELECT status, hours, source FROM learning_participation WHERE employee_id = '$person' AND activity = '$activity'")" "attended|1.5|web"
check "... audited" equals "$(sqlite3 "$TRAPPA_DB" "SELECT actor, action FROM audit_log WHERE subject = '$person' ORDER BY id DESC LIMIT 1")" "$hr|participation.update"
changed=no
for _ in $(seq 1 100); do
  if [[ "$(stats .registrations.attended)" == $((attended_before + 1)) ]]; then changed=yes; break; fi
  sleep 0.1
done
check "the statistics count the attendance" equals "$changed" yes
check "... and its hours" equals "$(jq -r "(.hours.total - $hours_before) * 100 | round" "$work/body")" 150

echo "# An activity's form: errors name the field"
get "$hr_jar" /laraktiviteter/ny > /dev/null
csrf="$(form_csrf)"
check "a bad new activity is 422" equals "$(post_form "$hr_jar" /laraktiviteter/ny "csrf=$csrf" code=WEB-1 title=Webbkurs format=kurs framework=digital-kompetens competencies=1.1 level_from=1 level_to=2 hours=noll starts=2026-03-01 ends=2026-02-01 status=open)" 422
check "... naming the hours" contains "$work/body" 'Timmar per deltagare: ange ett tal'
check "... and nothing written" equals "$(sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM learning_activities WHERE code = 'WEB-1'")" 0
check "a good new activity is saved" equals "$(post_form "$hr_jar" /laraktiviteter/ny "csrf=$csrf" code=WEB-1 title=Webbkurs format=kurs framework=digital-kompetens competencies=1.1 level_from=1 level_to=2 hours=2 starts=2026-03-01 ends=2026-04-01 capacity=10 status=open)" 303
check "... audited" equals "$(sqlite3 "$TRAPPA_DB" "SELECT action FROM audit_log WHERE subject = 'WEB-1'")" activity.create

echo "# Targets"
get "$hr_jar" /laraktiviteter > /dev/null
csrf="$(form_csrf)"
check "a bad target is 422" equals "$(post_form "$hr_jar" /laraktiviteter/mal "csrf=$csrf" target_participants=många target_hours_per_participant=18)" 422
check "... naming the field" contains "$work/body" 'Mål för antal deltagare: ange ett tal'
check "HR stores the targets" equals "$(post_form "$hr_jar" /laraktiviteter/mal "csrf=$csrf" target_participants=1200 target_hours_per_participant=20)" 303
check "... audited" equals "$(sqlite3 "$TRAPPA_DB" "SELECT detail FROM audit_log WHERE action = 'setting.update' AND subject = 'learning.target_participants' ORDER BY id DESC LIMIT 1")" "1098→1200"
changed=no
for _ in $(seq 1 100); do
  if [[ "$(stats .targets.participants)" == 1200 ]]; then changed=yes; break; fi
  sleep 0.1
done
check "the API uses the stored targets" equals "$changed" yes

echo "# The ESF participant list"
check "CSV" equals "$(get "$hr_jar" "/laraktiviteter/deltagare.csv?fran=2025-01-01&till=2025-12-31")" 200
check "... with the byte order mark" equals "$(head -c 3 "$work/body" | od -An -tx1 | tr -d ' ')" efbbbf
check "... the Swedish dialect's header" contains "$work/body" 'employee_id;name;gender;unit;unit_name;activity;activity_title;date;hours'
check "... rows" test "$(wc -l < "$work/body")" -gt 10
check "XLSX" equals "$(get "$hr_jar" "/laraktiviteter/deltagare.xlsx?fran=2025-01-01&till=2025-12-31")" 200
check "... a ZIP file" equals "$(head -c 2 "$work/body")" PK
check "a bad period is 400" equals "$(get "$hr_jar" "/laraktiviteter/deltagare.csv?fran=2025-12-31&till=2025-01-01")" 400

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
