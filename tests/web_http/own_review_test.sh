#!/usr/bin/env bash
# Nobody agrees their own levels (issue 12): HR could open /team/<own id>, set agreed levels
# and mark their own conversation held, while the API refused the same with 403. Now the
# conversation form refuses it too (403) and nothing is stored or audited; HR still reviews
# others in their scope.
#
# Usage: tests/web_http/own_review_test.sh PATH/TO/trappa
set -uo pipefail

test_name=own_review_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v sqlite3 >/dev/null || { echo "$test_name: needs sqlite3 (scripts/bootstrap.sh test)" >&2; exit 1; }
command -v jq >/dev/null || { echo "$test_name: needs jq (scripts/bootstrap.sh test)" >&2; exit 1; }

client() {  # client JAR CURL-ARGS...: status to stdout, body to $work/body
  local jar="$1"
  shift
  curl -s -b "$jar" -c "$jar" -o "$work/body" -w '%{http_code}' "$@"
}
form_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1; }
sign_in() {  # sign_in JAR USER PASSWORD
  client "$1" "$base/login" > /dev/null
  client "$1" "$base/login" --data-urlencode "csrf=$(form_csrf)" --data-urlencode "username=$2" \
    --data-urlencode "password=$3" --data-urlencode "next=/" > /dev/null
}
saves_of() { sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM audit_log WHERE action = 'assessment.save' AND subject = '$1'"; }

start_server first
hr="$(account_id demo_hr)"
employee="$(account_id demo_employee)"
jar="$work/hr.jar"
sign_in "$jar" "$hr" "$(account_password demo_hr)"
client "$jar" "$base/api/v1/rounds" > /dev/null
round="$(jq -r '[.rounds[] | select(.state == "open")][0].name' "$work/body")"
client "$jar" "$base/api/v1/rounds/$round/assessments/$hr" > /dev/null
code="$(jq -r '.ratings[0].competency' "$work/body")"
before="$(cat "$work/body")"
check "HR ($hr) is signed in, round '$round' is open, their profile starts with $code" \
  test -n "$hr" -a "$round" != null -a "$code" != null

# A form for someone HR may review gives a valid CSRF token; the post goes to HR's own id.
client "$jar" "$base/team/$employee?omgang=$round" > /dev/null
csrf="$(form_csrf)"
check "HR may open the conversation of a person in scope" test -n "$csrf"
status="$(client "$jar" "$base/team/$hr" --data-urlencode "csrf=$csrf" --data-urlencode "round=$round" \
  --data-urlencode "agreed.$code=4" --data-urlencode "conversation_held=1")"
check "HR agreeing their own levels on /team/$hr is refused with 403" equals "$status" 403
client "$jar" "$base/api/v1/rounds/$round/assessments/$hr" > /dev/null
check "HR's own assessment is unchanged" equals "$(cat "$work/body")" "$before"
check "nothing was audited for HR's own assessment" equals "$(saves_of "$hr")" 0

# The same form for the employee in scope is taken.
status="$(client "$jar" "$base/team/$employee" --data-urlencode "csrf=$csrf" --data-urlencode "round=$round" \
  --data-urlencode "notes=Samtal med HR")"
check "HR's review of a person in scope is saved (303)" equals "$status" 303
check "and audited once" equals "$(saves_of "$employee")" 1
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
