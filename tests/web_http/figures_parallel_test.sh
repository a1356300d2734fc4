#!/usr/bin/env bash
# Key figures do not block the server (issue 12): one session fires 8 parallel
# /api/v1/figures requests at a 20 000-person demo served with 8 I/O threads. At most
# 2 figure computations per session run at once, the others are answered 429 with
# Retry-After: 1 at once; /healthz answers quickly meanwhile; and every figure document served
# is byte for byte what `trappa figures --format json` writes for the same date. Before, every
# request reloaded all people and employments from the store on its I/O thread: all 8 ran,
# and /healthz waited for a free thread.
#
# Usage: tests/web_http/figures_parallel_test.sh PATH/TO/trappa
set -uo pipefail

test_name=figures_parallel_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

people="${TRAPPA_FIGURES_TEST_PEOPLE:-20000}"
"$trappa" demo --scale "$people" > "$work/demo.out" 2>&1 || { cat "$work/demo.out" >&2; exit 1; }
server_threads=8 start_server first
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
check "the demo HR account is logged" test -n "$hr" -a -n "$hr_password"

jar="$work/hr.jar"
csrf="$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
check "HR signs in" equals "$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
  --data-urlencode "username=$hr" --data-urlencode "password=$hr_password" --data-urlencode "next=/" "$base/login")" 303
session="$(awk '$6 == "trappa_session" { print $7 }' "$jar")"

figures() {  # figures DATE OUT: GET /api/v1/figures?at=DATE; status to stdout, headers to OUT.headers
  curl -s -H "Cookie: trappa_session=$session" -D "$2.headers" -o "$2" -w '%{http_code}' --max-time 300 \
    "$base/api/v1/figures?at=$1"
}

# A burst: 8 parallel requests for 8 dates while /healthz is asked every 20 ms. Repeated (at
# most 8 times) until a burst overlaps enough for the limit to show: on a loaded machine the
# requests may happen to arrive one after another. Each burst asks for dates not asked before,
# since figures already kept need no slot and are never refused.
days=(21 22 23 24 25 26 27 28)
for burst in 1 2 3 4 5 6 7 8; do
  month="2025-$(printf '%02d' $((burst + 3)))"
  rm -f "$work"/burst-* "$work/healthz.txt" "$work/done"
  (
    while [[ ! -e "$work/done" ]]; do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 "$base/healthz" >> "$work/healthz.txt"
      sleep 0.02
    done
  ) &
  prober=$!
  sleep 0.1
  pids=()
  for day in "${days[@]}"; do
    { figures "$month-$day" "$work/burst-$day.json"; echo; } > "$work/burst-$day.status" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  sleep 0.1
  touch "$work/done"
  wait "$prober"
  refused="$(cat "$work"/burst-*.status | grep -c 429)"
  (( refused > 0 )) && break
done
statuses="$(cat "$work"/burst-*.status | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
echo "  burst $burst: statuses $statuses"
check "every request answers 200 or 429 (got $statuses)" \
  bash -c "! cat '$work'/burst-*.status | grep -qv -e '^200$' -e '^429$'"
check "some requests beyond the 2 running get 429 (got $statuses)" test "$refused" -gt 0
check "at most 6 of 8 get 429: the first 2 are computed (got $statuses)" test "$refused" -le 6
all_retry=yes
for day in "${days[@]}"; do
  if [[ "$(cat "$work/burst-$day.status")" == 429 ]]; then
    tr -d '\r' < "$work/burst-$day.json.headers" | grep -qi '^retry-after: 1$' || all_retry=no
    grep -q '"status":429' "$work/burst-$day.json" || all_retry=no
  fi
done
check "every 429 carries Retry-After: 1 and a JSON error" equals "$all_retry" yes
slowest="$(awk '{ if ($2 > max) max = $2 } END { printf "%d", max * 1000 }' "$work/healthz.txt")"
answers="$(grep -c '^200 ' "$work/healthz.txt")"
echo "  /healthz: $answers answers during the burst, slowest $slowest ms"
check "/healthz answered during the burst" test "$answers" -gt 0
check "every /healthz answer was 200" equals "$(grep -vc '^200 ' "$work/healthz.txt")" 0
check "/healthz stayed under 500 ms during the burst (slowest $slowest ms)" test "$slowest" -lt 500

# The figures are those of the command line, for every date served in the burst and after it.
same=yes
for day in "${days[@]}"; do
  if [[ "$(cat "$work/burst-$day.status")" != 200 ]]; then
    [[ "$(figures "$month-$day" "$work/burst-$day.json")" == 200 ]] || { same=no; echo "  $month-$day: no 200" >&2; }
  fi
  "$trappa" figures --at "$month-$day" --format json > "$work/cli-$day.json"
  cmp -s "$work/cli-$day.json" "$work/burst-$day.json" || { same=no; echo "  $month-$day differs" >&2; }
done
check "every date's figures equal \`trappa figures --format json\` (and the slots were freed)" equals "$same" yes
check "the figures are not empty" grep -q '"headcount"' "$work/cli-28.json"

stop_server
echo "$passed passed, $failed failed"
(( failed == 0 ))
