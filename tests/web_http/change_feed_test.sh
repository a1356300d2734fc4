#!/usr/bin/env bash
# Data written elsewhere is visible without a restart (issue 14, docs/operations.md "Several
# nodes"): two `trappa serve` nodes on one store (SQLite file or PostgreSQL database) and the
# command line beside them. A save on node A, a round created, a learning target set and a
# person imported from the command line all appear on node B's pages without a restart, no request to B fails while B
# refreshes, and failed sign-ins on either node count against the same account. Prints the delays it saw (the benchmark measures them under load; tests assert
# no timings, only an upper bound of 30 s that a stalled feed would miss).
#
# Usage: tests/web_http/change_feed_test.sh PATH/TO/trappa sqlite|postgresql
set -uo pipefail

test_name="change_feed_test.$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/http_test_common.sh"
source "$here/../faults/store_access.bash"
command -v jq >/dev/null || { echo "$test_name: needs jq (scripts/bootstrap.sh test)" >&2; exit 1; }
store_create "$2" "$work"
export TRAPPA_DB="$store"
trap 'cleanup; store_drop' EXIT

client() {  # client JAR URL CURL-ARGS...: status to stdout, body to $work/body
  local jar="$1"
  shift
  curl -s -b "$jar" -c "$jar" -o "$work/body" -w '%{http_code}' "$@"
}
form_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1; }
sign_in() {  # sign_in JAR BASE USER PASSWORD: the status of the sign-in post
  client "$1" "$2/login" > /dev/null
  client "$1" "$2/login" --data-urlencode "csrf=$(form_csrf)" --data-urlencode "username=$3" \
    --data-urlencode "password=$4" --data-urlencode "next=/"
}
now_ms() { date +%s%3N; }
# wait_until DESCRIPTION COMMAND...: runs the command every 50 ms until it succeeds (at most
# 30 s); prints the milliseconds it took to $work/delay.
wait_until() {
  local description="$1" started
  shift
  started="$(now_ms)"
  while ! "$@"; do
    if (( $(now_ms) - started > 30000 )); then
      echo "  not within 30 s: $description" >&2
      return 1
    fi
    sleep 0.05
  done
  echo $(( $(now_ms) - started )) > "$work/delay"
}

start_server first
node_a="$base"
start_server second
node_b="$base"
employee="$(account_id demo_employee)"
hr="$(account_id demo_hr)"
check "two nodes serve one $2 store" test "$node_a" != "$node_b"
# Sessions live in the store: one sign-in serves both nodes.
check "the employee signs in on node A" \
  equals "$(sign_in "$work/employee.jar" "$node_a" "$employee" "$(account_password demo_employee)")" 303
check "HR signs in on node B" equals "$(sign_in "$work/hr.jar" "$node_b" "$hr" "$(account_password demo_hr)")" 303
# The sign-in form's token is signed with a key every node reads from the store: a form a
# load balancer fetched from node A may be posted to node B.
client "$work/across.jar" "$node_a/login" > /dev/null
check "a sign-in form from node A is accepted by node B" \
  equals "$(client "$work/across.jar" "$node_b/login" --data-urlencode "csrf=$(form_csrf)" --data-urlencode "username=$hr" \
    --data-urlencode "password=$(account_password demo_hr)" --data-urlencode "next=/")" 303
client "$work/employee.jar" "$node_a/api/v1/me" > /dev/null
token="$(jq -r .csrf_token "$work/body")"
client "$work/employee.jar" "$node_a/api/v1/rounds" > /dev/null
round="$(jq -r '[.rounds[] | select(.state == "open")][0].name' "$work/body")"
client "$work/employee.jar" "$node_a/api/v1/rounds/$round/assessments/$employee" > /dev/null
code="$(jq -r '.ratings[0].competency' "$work/body")"

# Requests to node B all along: none may fail while B refreshes.
(while [[ ! -f "$work/stop-background" ]]; do
  curl -s -o /dev/null -w '%{http_code}\n' -b "$work/hr.jar" "$node_b/api/v1/rounds/$round/gaps?by=unit"
  curl -s -o /dev/null -w '%{http_code}\n' -b "$work/employee.jar" "$node_b/skattning"
  sleep 0.05
done) > "$work/background.status" &
background=$!

# 1. Saves on node A appear on node B's Min skattning (read from B's published snapshot).
shows_level() { curl -s -b "$work/employee.jar" "$node_b/skattning" | grep -q "id=\"level-$code-$1\" value=\"$1\" checked"; }
delays=()
for level in 1 2 3 4 2 1 3 4 1 2; do
  curl -s -o /dev/null -b "$work/employee.jar" -X PUT -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' \
    --data "{\"ratings\": [{\"competency\": \"$code\", \"self_level\": $level}]}" \
    "$node_a/api/v1/rounds/$round/assessments/$employee"
  if wait_until "level $level on node B" shows_level "$level"; then delays+=("$(cat "$work/delay")"); fi
done
check "all 10 saves on node A became visible on node B" equals "${#delays[@]}" 10
echo "save on A → visible on B (ms): ${delays[*]}"

# 2. A round created from the command line appears on node B.
check "a round is created from the command line" \
  bash -c "'$trappa' round create 2099 --framework digital-kompetens > '$work/round.out' 2>&1"
has_round() {
  curl -s -b "$work/hr.jar" "$node_b/api/v1/rounds" | jq -e '.rounds[] | select(.name == "2099")' > /dev/null
}
check "the new round is listed by node B" wait_until "round 2099 on node B" has_round
echo "round created → listed on B (ms): $(cat "$work/delay")"

# 2b. Learning targets set from the command line reach node B's statistics (the `settings` kind).
check "a learning target is set from the command line" \
  bash -c "'$trappa' settings set learning.target_participants 4321 > '$work/settings.out' 2>&1"
has_target() {
  curl -s -b "$work/hr.jar" "$node_b/api/v1/learning/stats?from=2025-01-01&to=2025-12-31" |
    jq -e '.targets.participants == 4321' > /dev/null
}
check "node B's statistics use the new target" wait_until "target 4321 on node B" has_target
echo "target set → used on B (ms): $(cat "$work/delay")"

# 3. A person imported from the command line can sign in on node B (the directory is rebuilt).
unit="$(store_sql "SELECT unit_code FROM people WHERE employee_id = '$employee'")"
printf 'employee_id,name,email,gender,birth_year,unit_code,role,manager_id\nE990001,Nyanställd Person,ny.person@example.se,K,1990,%s,medarbetare,\n' \
  "$unit" > "$work/new-person.csv"
check "a new person is imported from the command line" \
  bash -c "'$trappa' import people '$work/new-person.csv' > '$work/import.out' 2>&1"
"$trappa" user add E990001 > "$work/user.out" 2>&1
password="$(sed -n 's/^One-time password: //p' "$work/user.out")"
signs_in() { [[ "$(sign_in "$work/new.jar" "$node_b" E990001 "$password")" == 303 ]]; }
check "the imported person signs in on node B" wait_until "E990001 signs in on node B" signs_in
echo "person imported → signs in on B (ms): $(cat "$work/delay")"
check "node B logged the rebuild" contains "$work/second.log" "change feed: the organisation changed"

# 4. Failed sign-ins count on every node: three wrong passwords on A and two on B block the
# account on both (the counters are in the store).
manager="$(account_id demo_manager)"
statuses=()
for node in "$node_a" "$node_a" "$node_a" "$node_b" "$node_b"; do
  statuses+=("$(sign_in "$work/guess.jar" "$node" "$manager" wrong-password)")
done
check "five wrong passwords spread over two nodes are refused as wrong" equals "${statuses[*]}" "401 401 401 401 401"
check "the sixth attempt on node A is throttled" equals "$(sign_in "$work/guess.jar" "$node_a" "$manager" wrong-password)" 429
check "and so is one on node B, even with the right password" \
  equals "$(sign_in "$work/guess.jar" "$node_b" "$manager" "$(account_password demo_manager)")" 429

touch "$work/stop-background"
wait "$background"
requests="$(wc -l < "$work/background.status")"
check "all $requests requests to node B during the refreshes answered 200" \
  equals "$(grep -vc '^200$' "$work/background.status")" 0
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
