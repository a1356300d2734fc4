#!/usr/bin/env bash
# The lost update (issue 11): an employee (self level) and their manager (agreed level) save
# the same assessment through PUT /api/v1/rounds/R/assessments/ID at the same time, 200 times
# each. Before, every save path read the assessment outside the write transaction and wrote
# the whole of it back: about one save in six reverted the other person's field, and the
# audit trail then said the employee had changed an agreed level. Now each save applies its
# own change to what is stored under the assessment's lock: no save undoes another.
#
# Usage: tests/web_http/concurrent_saves_test.sh PATH/TO/trappa
set -uo pipefail

test_name=concurrent_saves_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v sqlite3 >/dev/null || { echo "$test_name: needs sqlite3 (scripts/bootstrap.sh test)" >&2; exit 1; }
command -v jq >/dev/null || { echo "$test_name: needs jq (scripts/bootstrap.sh test)" >&2; exit 1; }

saves=200
server_threads=4

client() {  # client JAR CURL-ARGS...: body to stdout
  local jar="$1"
  shift
  curl -s -b "$jar" -c "$jar" "$@"
}
sign_in() {  # sign_in JAR USER PASSWORD
  local jar="$1" user="$2" password="$3" csrf
  csrf="$(client "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  client "$jar" "$base/login" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "next=/"
}

start_server first
employee="$(account_id demo_employee)"
manager="$(account_id demo_manager)"
sign_in "$work/employee.jar" "$employee" "$(account_password demo_employee)"
sign_in "$work/manager.jar" "$manager" "$(account_password demo_manager)"
employee_token="$(client "$work/employee.jar" "$base/api/v1/me" | jq -r .csrf_token)"
manager_token="$(client "$work/manager.jar" "$base/api/v1/me" | jq -r .csrf_token)"
round="$(client "$work/employee.jar" "$base/api/v1/rounds" | jq -r '[.rounds[] | select(.state == "open")][0].name')"
url="$base/api/v1/rounds/$round/assessments/$employee"
client "$work/employee.jar" "$url" > "$work/before.json"
self_code="$(jq -r '.ratings[0].competency' "$work/before.json")"
agreed_code="$(jq -r '.ratings[1].competency' "$work/before.json")"
check "the employee ($employee) and the manager ($manager) are signed in; round '$round' is open" \
  test -n "$employee_token" -a -n "$manager_token" -a "$round" != null -a -n "$self_code" -a "$agreed_code" != null

put() {  # put JAR TOKEN BODY: prints the status
  curl -s -o /dev/null -w '%{http_code}\n' -b "$1" -X PUT -H "X-CSRF-Token: $2" -H 'Content-Type: application/json' \
    --data "$3" "$url"
}
# Each side alternates between two values so that every save is a real change.
(for n in $(seq 1 $saves); do
  put "$work/employee.jar" "$employee_token" "{\"ratings\": [{\"competency\": \"$self_code\", \"self_level\": $((n % 2 + 1))}]}"
done) > "$work/employee.status" &
employee_loop=$!
(for n in $(seq 1 $saves); do
  put "$work/manager.jar" "$manager_token" "{\"ratings\": [{\"competency\": \"$agreed_code\", \"agreed_level\": $((n % 2 + 3))}]}"
done) > "$work/manager.status" &
manager_loop=$!
wait "$employee_loop" "$manager_loop"

check "all $saves employee saves answered 200" equals "$(grep -c '^200$' "$work/employee.status")" "$saves"
check "all $saves manager saves answered 200" equals "$(grep -c '^200$' "$work/manager.status")" "$saves"
audit() {  # audit ACTOR PATTERN: the actor's assessment saves whose detail matches
  sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM audit_log WHERE action = 'assessment.save' AND subject = '$employee'
                        AND actor = '$1' AND detail LIKE '$2'"
}
reverted_agreed="$(audit "$employee" "%$agreed_code agreed%")"
reverted_self="$(audit "$manager" "%$self_code self%")"
echo "lost updates: $reverted_agreed employee saves reverted the agreed level, $reverted_self manager saves reverted the self level"
check "no employee save reverted the manager's agreed level" equals "$reverted_agreed" 0
check "no manager save reverted the employee's self level" equals "$reverted_self" 0
check "every save is audited as the change it made ($((2 * saves)))" \
  equals "$(sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM audit_log WHERE action = 'assessment.save' AND subject = '$employee'")" \
  "$((2 * saves))"
client "$work/employee.jar" "$url" > "$work/after.json"
check "the stored self level is the employee's last ($((saves % 2 + 1)))" \
  equals "$(jq ".ratings[] | select(.competency == \"$self_code\") | .self_level" "$work/after.json")" "$((saves % 2 + 1))"
check "the stored agreed level is the manager's last ($((saves % 2 + 3)))" \
  equals "$(jq ".ratings[] | select(.competency == \"$agreed_code\") | .agreed_level" "$work/after.json")" "$((saves % 2 + 3))"
# The published snapshot follows the commits: Min skattning (read from the snapshot, not the
# store) shows the employee's last self level checked.
client "$work/employee.jar" "$base/skattning" > "$work/form.html"
check "Min skattning shows the last self level as chosen" \
  grep -q "id=\"level-$self_code-$((saves % 2 + 1))\" value=\"$((saves % 2 + 1))\" checked" "$work/form.html"
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
