#!/usr/bin/env bash
# Key figures under the server (issue 12): the time of one /api/v1/figures request, and
# whether /healthz stays fast while one session fires 8 figure requests in parallel.
#
#   bench/figures_bench.sh PATH/TO/trappa [PEOPLE] [THREADS]
#
# Builds a synthetic demo store (`trappa demo --scale PEOPLE`, default 50 000) in a temporary
# directory, serves it with `trappa serve --demo --threads THREADS` (default 2) on a free
# loopback port, signs in as the demo HR person and prints:
#   - five single requests of /api/v1/figures for a date each, one at a time (total time);
#   - a burst of 8 parallel requests from that one session (8 dates not asked before, so
#     every one needs computing), with the status and
#     time of each, while /healthz is asked every 20 ms: its slowest answer and how many.
# Results go in docs/performance-web.md.
set -euo pipefail

binary="${1:?usage: bench/figures_bench.sh PATH/TO/trappa [PEOPLE] [THREADS]}"
people="${2:-50000}"
threads="${3:-2}"
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

echo "figures_bench: demo store of $people people, server threads $threads, $(nproc) cores"
"$binary" --db "$work/bench.db" demo --scale "$people" >/dev/null
"$binary" --db "$work/bench.db" serve --demo --listen "127.0.0.1:$port" --threads "$threads" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 1200); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/readyz" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }

accounts="$(curl -s "$base/login" | tr '\n' ' ' | grep -o '<tbody>.*</tbody>' | grep -o '<code>[^<]*</code>' | sed 's/<[^>]*>//g')"
read -r _ _ _ _ hr hr_password _ <<<"$(echo $accounts)"
jar="$work/jar"
token="$(curl -s -c "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" --data-urlencode "username=$hr" \
  --data-urlencode "password=$hr_password" --data-urlencode "next=/" "$base/login"
session="$(awk '$6 == "trappa_session" { print $7 }' "$jar")"
[[ -n "$session" ]] || { echo "figures_bench: sign-in failed" >&2; exit 1; }

echo
echo "== one request at a time: GET /api/v1/figures?at=DATE"
for at in 2025-12-31 2025-10-31 2024-12-31 2025-06-30 2025-12-31; do
  curl -s -o /dev/null -w "   at=$at  %{http_code}  %{time_total}s  %{size_download} bytes\n" \
    -H "Cookie: trappa_session=$session" "$base/api/v1/figures?at=$at"
done

echo
echo "== 8 parallel requests from one session, /healthz every 20 ms meanwhile"
: > "$work/healthz.txt"
(
  while [[ ! -e "$work/burst.done" ]]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 "$base/healthz" >> "$work/healthz.txt"
    sleep 0.02
  done
) &
prober=$!
sleep 0.2
pids=()
for day in 16 17 18 19 20 21 22 23; do
  curl -s -o /dev/null -w "   at=2025-12-$day  %{http_code}  %{time_total}s\n" -H "Cookie: trappa_session=$session" \
    "$base/api/v1/figures?at=2025-12-$day" > "$work/burst-$day.txt" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
sleep 0.2
touch "$work/burst.done"
wait "$prober"
cat "$work"/burst-*.txt
echo "   statuses: $(cat "$work"/burst-*.txt | awk '{print $2}' | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
awk '{ n++; if ($2 > max) max = $2; if ($1 != 200) bad++ } END {
  printf "   /healthz: %d answers, slowest %.1f ms, %d not 200\n", n, max * 1000, bad }' "$work/healthz.txt"
