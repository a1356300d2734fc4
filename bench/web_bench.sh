#!/usr/bin/env bash
# Server benchmark: the HR overview of a 50 000-person organisation and the self-assessment
# page, each for a bounded time at 64 concurrent connections with wrk.
#
#   bench/web_bench.sh PATH/TO/trappa [SECONDS] [PEOPLE]
#
# Builds a synthetic demo store (`trappa demo --scale PEOPLE`) in a temporary directory,
# serves it with `trappa serve --demo` on a free loopback port (the demo accounts give a
# signed-in HR person and employee), runs wrk and prints requests/s and p50/p99 latency.
# Results go in docs/performance-web.md.
set -euo pipefail

binary="${1:?usage: bench/web_bench.sh PATH/TO/trappa [SECONDS] [PEOPLE]}"
seconds="${2:-15}"
people="${3:-50000}"
connections=64
threads="${TRAPPA_BENCH_THREADS:-2}"

command -v wrk >/dev/null || { echo "web_bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"

echo "web_bench: demo store of $people people"
"$binary" --db "$work/bench.db" demo --scale "$people" >/dev/null
"$binary" --db "$work/bench.db" serve --demo --listen "127.0.0.1:$port" --threads "$threads" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/readyz" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }

# Signs in through the form (CSRF cookie first) and prints the session token.
sign_in() {
  local user="$1" password="$2" jar="$work/jar-$1" token
  token="$(curl -s -c "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "next=/" "$base/login"
  awk '$6 == "trappa_session" { print $7 }' "$jar"
}
# The demo accounts are listed on the sign-in page in demo mode.
accounts="$(curl -s "$base/login" | tr '\n' ' ' | grep -o '<tbody>.*</tbody>' | grep -o '<code>[^<]*</code>' | sed 's/<[^>]*>//g')"
read -r employee employee_password manager manager_password hr hr_password _ <<<"$(echo $accounts)"
hr_session="$(sign_in "$hr" "$hr_password")"
employee_session="$(sign_in "$employee" "$employee_password")"
[[ -n "$hr_session" && -n "$employee_session" ]] || { echo "web_bench: sign-in failed" >&2; exit 1; }

run() {
  local name="$1" path="$2" session="$3" status
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: trappa_session=$session" "$base$path")"
  [[ "$status" == 200 ]] || { echo "web_bench: $path answered $status" >&2; exit 1; }
  echo
  echo "== $name: GET $path, $connections connections, ${seconds}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -H "Cookie: trappa_session=$session" "$base$path" |
    tee "$work/$name.txt" | grep -E 'Requests/sec|Transfer/sec|^ +(50|75|90|99)%|Non-2xx|Socket errors'
}
# A first view of each filter computes the figures and draws the charts; later views of the
# same filter and snapshots are served from the rendered-fragment cache. Time the first ones.
echo
echo "== overview, first view of a filter (cache miss), one request at a time"
for filter in "" "?kon=K" "?kon=M" "?roll=chef" "?enhet=F2" "?enhet=F3&kon=K"; do
  curl -s -o /dev/null -w "   /oversikt$filter  %{time_total}s  %{size_download} bytes\n" \
    -H "Cookie: trappa_session=$hr_session" "$base/oversikt$filter"
done
run overview /oversikt "$hr_session"
run overview-administration "/oversikt?enhet=F1" "$hr_session"
run assessment /skattning "$employee_session"
echo
echo "web_bench: $(nproc) cores, server threads $threads, $(grep -c . "$work/serve.log") log lines"
