#!/usr/bin/env bash
# Mixed load against `trappa serve`: employees saving their assessments, managers agreeing
# levels, HR reading the overview, its CSV tables and the gap analytics, for a bounded time
# with wrk on 127.0.0.1. Reports throughput, latency, errors and the server's memory over time.
#
#   bench/load.sh [--trappa PATH] [--people N] [--duration SECONDS] [--connections C]
#                 [--employees E] [--threads T] [--out DIR] [--memory-bound auto|off|MIB]
#                 [--nodes 1|2]
#
# With --nodes 2, two `trappa serve` nodes run on the one store and the requests alternate
# between them (two wrk processes, half the connections each); a probe saves one person's
# self-assessment on node A once a second and measures how long node B takes to show it (the
# change feed, docs/operations.md "Several nodes"), and the summary gives its p50/p99.
#
# Fails (exit 1) when any request answers other than 200, on any socket error or timeout,
# when the server's memory keeps growing in the second half of the run (see bench/README.md
# for the bound), when the server does not stop cleanly (exit status other than 0), or when
# any trappa process logs a sanitizer report. Exit 2 for bad arguments.
# The results go to DIR: summary.txt, rss.csv, wrk.txt, serve.log. See bench/README.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trappa="$repo/build/trappa"
people=50000
duration=600
connections=32
employees=40
threads=2
out=""
memory_bound=auto
nodes=1

usage() {
  sed -n '5,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
whole_number() {
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "load.sh: $1 must be a whole number above 0, got '$2'" >&2; exit 2; }
}
while (( $# > 0 )); do
  [[ "$1" == -h || "$1" == --help ]] && usage
  (( $# >= 2 )) || { echo "load.sh: $1 needs a value" >&2; usage; }
  case "$1" in
    --trappa) trappa="$2" ;;
    --people) whole_number "$1" "$2"; people="$2" ;;
    --duration) whole_number "$1" "$2"; duration="$2" ;;
    --connections) whole_number "$1" "$2"; connections="$2" ;;
    --employees) whole_number "$1" "$2"; employees="$2" ;;
    --threads) whole_number "$1" "$2"; threads="$2" ;;
    --out) out="$2" ;;
    --memory-bound)
      [[ "$2" == auto || "$2" == off || "$2" =~ ^[1-9][0-9]*$ ]] ||
        { echo "load.sh: --memory-bound must be auto, off or MiB, got '$2'" >&2; exit 2; }
      memory_bound="$2" ;;
    --nodes)
      [[ "$2" == 1 || "$2" == 2 ]] || { echo "load.sh: --nodes must be 1 or 2, got '$2'" >&2; exit 2; }
      nodes="$2" ;;
    *) echo "load.sh: unknown option $1" >&2; usage ;;
  esac
  shift 2
done
(( employees >= 2 )) || { echo "load.sh: --employees must be at least 2" >&2; exit 2; }
[[ -x "$trappa" ]] || { echo "load.sh: --trappa $trappa is not an executable (build it first)" >&2; exit 2; }
trappa="$(cd "$(dirname "$trappa")" && pwd)/$(basename "$trappa")"
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "load.sh: $tool is missing (scripts/bootstrap.sh test)" >&2; exit 1; }
done

# A sanitized build stops at its first report and says so in its exit status; harmless for
# other builds. Callers may set their own options.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:exitcode=86:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:exitcode=87:print_stacktrace=1}"

if [[ -z "$out" ]]; then
  out="$(mktemp -d "${TMPDIR:-/tmp}/trappa-load.XXXXXX")"
else
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
fi
# The store and the session cookies stay in a private directory that is removed at the end.
work="$(mktemp -d "${TMPDIR:-/tmp}/trappa-load-work.XXXXXX")"
chmod 700 "$work"
db="$work/load.db"
server_pids=()
bases=()
sampler_pid=""
server_status=""
probe_pid=""
failures=()

log() { echo "load.sh: $*"; }
fail() { failures+=("$*"); echo "load.sh: FAILED: $*" >&2; }

# Stops every server node (SIGTERM, then SIGKILL after a minute); server_status is 0 when all
# of them exited with 0, else the first other status.
stop_server() {
  for pid in "$sampler_pid" "$probe_pid"; do
    [[ -n "$pid" ]] || continue
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  sampler_pid=""
  probe_pid=""
  (( ${#server_pids[@]} > 0 )) || return 0
  server_status=0
  local pid status
  for pid in "${server_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${server_pids[@]}"; do
    for _ in $(seq 1 600); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "load.sh: server $pid did not stop within 60 s of SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    status=0
    wait "$pid" 2>/dev/null || status=$?
    (( server_status != 0 )) || server_status=$status
  done
  server_pids=()
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Every trappa command's output is kept; a sanitizer report in any of them fails the run.
run_trappa() {
  local name="$1"
  shift
  if ! "$trappa" --db "$db" "$@" </dev/null >"$out/$name.log" 2>&1; then
    cat "$out/$name.log" >&2
    echo "load.sh: trappa $* failed" >&2
    exit 1
  fi
}
sanitizer_reports() {
  grep -l -E 'ERROR: (Address|Leak|Thread|Memory)Sanitizer|runtime error:|SUMMARY: [A-Za-z]+Sanitizer' "$out"/*.log 2>/dev/null || true
}

log "results in $out"
log "demo store of $people people"
started=$SECONDS
run_trappa demo demo --scale "$people"
log "store built in $((SECONDS - started)) s"

# --- Who signs in -------------------------------------------------------------------------
# The open round, the previous round (for comparisons), and from the exports: employees who
# manage nobody, have not started the open round (so they may still change their levels, and
# no manager has held the conversation), two per manager.
run_trappa rounds round list
round="$(awk '$2 == "open" { name = $1 } END { print name }' "$out/rounds.log")"
previous="$(awk '$2 == "closed" { name = $1 } END { print name }' "$out/rounds.log")"
[[ -n "$round" ]] || { echo "load.sh: the demo store has no open round" >&2; exit 1; }
run_trappa export export participants --round "$round" -o "$work/participants.csv"
run_trappa export export people -o "$work/people.csv"
run_trappa export export assessments --round "$round" -o "$work/assessments.csv"
run_trappa export export units -o "$work/units.csv"

managers_wanted=$(( employees / 2 ))
# Output: "manager employee employee" lines, managers spread evenly over the organisation.
# (The demo's names hold no commas, so people.csv splits on every comma: manager_id is field 8.)
awk -F, -v wanted="$managers_wanted" '
  FNR == 1 { ++file; next }
  file == 1 { participant[$1] = 1; next }
  file == 2 { answered[$1] = 1; next }
  file == 3 { manager_of[$1] = $8; if ($8 != "") manages[$8] = 1; order[++n] = $1; next }
  END {
    for (i = 1; i <= n; ++i) {
      id = order[i]; m = manager_of[id]
      if (!participant[id] || answered[id] || manages[id] || m == "" || !participant[m]) continue
      if (reports[m] < 2) {
        reports[m]++; list[m] = list[m] " " id
        if (reports[m] == 2) eligible[++count] = m
      }
    }
    if (count < wanted) wanted = count
    for (k = 0; k < wanted; ++k) {
      m = eligible[1 + int(k * count / wanted)]
      print m list[m]
    }
  }' "$work/participants.csv" "$work/assessments.csv" "$work/people.csv" >"$work/teams.txt"
teams=$(wc -l <"$work/teams.txt")
(( teams > 0 )) || { echo "load.sh: no manager with two employees who have not started round $round" >&2; exit 1; }
# HR: two people outside the chosen teams, one for the whole organisation and one for the
# first administration (a child of the root unit).
administration="$(awk -F, 'FNR > 1 && $3 != "" && root == "" { root = $3 } root != "" && $3 == root { print $1; exit }' "$work/units.csv")"
read -r hr_city hr_scoped < <(awk -F, 'NR == FNR { for (i = 1; i <= NF; ++i) taken[$i] = 1; next }
  FNR > 1 && !($1 in taken) { found[++n] = $1; if (n == 2) { print found[1], found[2]; exit } }' \
  FS=' ' "$work/teams.txt" FS=, "$work/participants.csv")
[[ -n "$hr_city" && -n "$hr_scoped" && -n "$administration" ]] || { echo "load.sh: no HR people found" >&2; exit 1; }

log "accounts: $teams managers, $((teams * 2)) employees, HR $hr_city (whole organisation) and $hr_scoped ($administration)"
started=$SECONDS
# One-time passwords from `trappa user add`; each person replaces theirs at the first sign-in.
declare -A one_time
add_account() {
  local id="$1" role="$2" scope="${3:-}"
  local args=(user add "$id" --role "$role")
  [[ -n "$scope" ]] && args+=(--scope "$scope")
  run_trappa "user-add" "${args[@]}"
  one_time[$id]="$(sed -n 's/^One-time password: //p' "$out/user-add.log")"
  [[ -n "${one_time[$id]}" ]] || { cat "$out/user-add.log" >&2; exit 1; }
}
while read -r manager first second; do
  add_account "$manager" employee
  add_account "$first" employee
  add_account "$second" employee
done <"$work/teams.txt"
add_account "$hr_city" hr
add_account "$hr_scoped" hr "$administration"
log "accounts created in $((SECONDS - started)) s"

# --- The server ---------------------------------------------------------------------------
# A free port, found with bash alone: a random one nobody answers on; another if the server
# still cannot bind it. Node N logs to serve.log (node 1) or serve-N.log.
start_node() {
  local log="$out/serve.log" pid
  (( $1 == 1 )) || log="$out/serve-$1.log"
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    "$trappa" --db "$db" serve --listen "127.0.0.1:$port" --threads "$threads" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1200); do
      curl -fs --max-time 2 "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if curl -fs --max-time 2 "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
      server_pids+=("$pid")
      bases+=("http://127.0.0.1:$port")
      log "node $1 serves on http://127.0.0.1:$port (pid $pid, $threads threads)"
      return 0
    fi
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    grep -q "cannot listen" "$log" || { cat "$log" >&2; echo "load.sh: node $1 did not start" >&2; exit 1; }
  done
  echo "load.sh: found no free port" >&2
  exit 1
}
for node in $(seq 1 "$nodes"); do start_node "$node"; done
base="${bases[0]}"
server_pid="${server_pids[0]}"

# Signs a person in through the form, replaces the one-time password on the account page,
# and prints "cookie csrf" of the resulting session.
sign_in() {
  local id="$1" jar="$work/jar-$1" form_token status csrf password
  password="load-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  form_token="$(curl -s --max-time 30 -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  status="$(curl -s --max-time 30 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "csrf=$form_token" --data-urlencode "username=$id" \
    --data-urlencode "password=${one_time[$id]}" --data-urlencode "next=/" "$base/login")"
  [[ "$status" == 30[23]\ */konto ]] || { echo "load.sh: sign-in of $id answered $status" >&2; return 1; }
  csrf="$(curl -s --max-time 30 -b "$jar" "$base/api/v1/me" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')"
  status="$(curl -s --max-time 30 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "csrf=$csrf" --data-urlencode "current=${one_time[$id]}" \
    --data-urlencode "new=$password" --data-urlencode "repeat=$password" "$base/konto")"
  [[ "$status" == 30[23] ]] || { echo "load.sh: changing the password of $id answered $status" >&2; return 1; }
  csrf="$(curl -s --max-time 30 -b "$jar" "$base/api/v1/me" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')"
  local cookie
  cookie="$(awk '$6 == "trappa_session" { print $7 }' "$jar")"
  [[ -n "$cookie" && -n "$csrf" ]] || { echo "load.sh: no session for $id" >&2; return 1; }
  echo "trappa_session=$cookie $csrf"
}
# The competency codes of a person's profile, from their assessment in the open round.
competencies() {
  local cookie="$1" id="$2"
  curl -s --max-time 30 -H "Cookie: $cookie" "$base/api/v1/rounds/$round/assessments/$id" |
    grep -o '"competency":"[^"]*"' | cut -d'"' -f4 | sed 's/.*/"&"/' | paste -sd, -
}

started=$SECONDS
accounts="$work/accounts.lua"
{
  echo "return {"
  echo "  round = \"$round\","
  employee_entries=""
  manager_entries=""
  while read -r manager first second; do
    read -r manager_cookie manager_csrf < <(sign_in "$manager")
    [[ -n "$manager_csrf" ]] || exit 1
    reports=""
    for id in "$first" "$second"; do
      read -r cookie csrf < <(sign_in "$id")
      [[ -n "$csrf" ]] || exit 1
      codes="$(competencies "$cookie" "$id")"
      [[ -n "$codes" ]] || { echo "load.sh: no competencies for $id in round $round" >&2; exit 1; }
      employee_entries+="    { id = \"$id\", cookie = \"$cookie\", csrf = \"$csrf\", competencies = { $codes } },"$'\n'
      reports+="{ id = \"$id\", competencies = { $codes } }, "
    done
    manager_entries+="    { id = \"$manager\", cookie = \"$manager_cookie\", csrf = \"$manager_csrf\", reports = { $reports} },"$'\n'
  done <"$work/teams.txt"
  echo "  employees = {"
  printf '%s' "$employee_entries"
  echo "  },"
  echo "  managers = {"
  printf '%s' "$manager_entries"
  echo "  },"
  read -r city_cookie _ < <(sign_in "$hr_city")
  read -r scoped_cookie _ < <(sign_in "$hr_scoped")
  [[ -n "$city_cookie" && -n "$scoped_cookie" ]] || exit 1
  gaps="/api/v1/rounds/$round/gaps"
  compare="${previous:+\"$gaps?compare=$previous\", }"
  cat <<EOF
  hr = {
    { id = "$hr_city", cookie = "$city_cookie",
      overview = { "/oversikt", "/oversikt?enhet=$administration", "/oversikt?kon=K", "/oversikt?roll=chef" },
      csv = { "/oversikt.csv?tabell=status", "/oversikt.csv?tabell=behov", "/oversikt.csv?tabell=niva",
              "/oversikt.csv?tabell=motivation", "/oversikt.csv?tabell=delkompetenser", "/oversikt.csv?tabell=karta" },
      gaps = { "$gaps", "$gaps?by=unit", "$gaps?basis=self&by=role", $compare"$gaps?unit=$administration&by=gender" } },
    { id = "$hr_scoped", cookie = "$scoped_cookie",
      overview = { "/oversikt", "/oversikt?kon=M" },
      csv = { "/oversikt.csv?tabell=status", "/oversikt.csv?tabell=behov", "/oversikt.csv?tabell=karta" },
      gaps = { "$gaps", "$gaps?by=unit" } },
  },
}
EOF
} >"$accounts"
log "signed in $((teams * 3 + 2)) people in $((SECONDS - started)) s"

# Each kind of request once, so a mistake in the set-up shows as a clear message, not as
# ten minutes of errors.
preflight() {
  local what="$1" status
  shift
  status="$(curl -s --max-time 60 -o "$work/preflight.body" -w '%{http_code}' "$@")"
  if [[ "$status" != 200 ]]; then
    echo "load.sh: preflight $what answered $status: $(head -c 400 "$work/preflight.body")" >&2
    exit 1
  fi
}
read -r first_manager first_employee _ <"$work/teams.txt"
employee_line="$(grep -F "id = \"$first_employee\"" "$accounts" | head -1)"
employee_cookie="$(sed -n 's/.*cookie = "\([^"]*\)".*/\1/p' <<<"$employee_line")"
employee_csrf="$(sed -n 's/.*csrf = "\([^"]*\)".*/\1/p' <<<"$employee_line")"
preflight "employee PUT" -X PUT -H "Cookie: $employee_cookie" -H "X-CSRF-Token: $employee_csrf" \
  -H "Content-Type: application/json" --data '{"status":"not_started"}' \
  "$base/api/v1/rounds/$round/assessments/$first_employee"
manager_line="$(grep -F "id = \"$first_manager\"" "$accounts" | head -1)"
manager_cookie="$(sed -n 's/.*cookie = "\([^"]*\)".*/\1/p' <<<"$manager_line")"
manager_csrf="$(sed -n 's/.*csrf = "\([^"]*\)".*/\1/p' <<<"$manager_line")"
preflight "manager PUT" -X PUT -H "Cookie: $manager_cookie" -H "X-CSRF-Token: $manager_csrf" \
  -H "Content-Type: application/json" --data '{"notes":""}' \
  "$base/api/v1/rounds/$round/assessments/$first_employee"
while read -r path; do
  preflight "HR GET $path" -H "Cookie: $city_cookie" "$base$path"
done < <(grep -o '"/[^"]*"' "$accounts" | tr -d '"' | sort -u)

# --- The load -----------------------------------------------------------------------------
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0; }
log_lines_before=$(wc -l <"$out/serve.log")
echo "elapsed_s,rss_kib" >"$out/rss.csv"
(
  begin=$SECONDS
  while true; do
    echo "$((SECONDS - begin)),$(rss_kib)" >>"$out/rss.csv"
    sleep 5
  done
) &
sampler_pid=$!

# With two nodes: the probe. The first manager's own self-assessment (which the load does not
# touch: managers save their reports' agreed levels) is saved on node A with a new level once
# a second; the delay is the time until node B's Min skattning shows it.
if (( nodes == 2 )); then
  probe_code="$(competencies "$manager_cookie" "$first_manager" | cut -d, -f1 | tr -d '"')"
  (
    level=1
    while true; do
      level=$(( level % 4 + 1 ))
      curl -s --max-time 10 -o /dev/null -X PUT -H "Cookie: $manager_cookie" -H "X-CSRF-Token: $manager_csrf" \
        -H "Content-Type: application/json" --data "{\"ratings\": [{\"competency\": \"$probe_code\", \"self_level\": $level}]}" \
        "${bases[0]}/api/v1/rounds/$round/assessments/$first_manager"
      saved=$(date +%s%3N)
      until curl -s --max-time 10 -H "Cookie: $manager_cookie" "${bases[1]}/skattning" |
        grep -q "id=\"level-$probe_code-$level\" value=\"$level\" checked"; do
        (( $(date +%s%3N) - saved < 30000 )) || { echo timeout; break; }
        sleep 0.01
      done
      echo $(( $(date +%s%3N) - saved ))
      sleep 1
    done
  ) >"$out/visibility-ms.txt" &
  probe_pid=$!
fi

log "wrk: $duration s, $connections connections over $nodes node(s), 2 threads each, mix 45 % employee PUT / 25 % manager PUT / 30 % HR GET"
wrk_pids=()
for node in $(seq 1 "$nodes"); do
  result="$work/wrk-result.txt"
  (( node == 1 )) || result="$work/wrk-result-$node.txt"
  output="$out/wrk.txt"
  (( node == 1 )) || output="$out/wrk-$node.txt"
  TRAPPA_LOAD_ACCOUNTS="$accounts" TRAPPA_LOAD_RESULT="$result" \
    wrk -t2 -c"$(( connections / nodes ))" -d"${duration}s" --timeout 10s --latency -s "$repo/bench/load/mixed.lua" \
    "${bases[node - 1]}/" >"$output" 2>&1 &
  wrk_pids+=($!)
done
for pid in "${wrk_pids[@]}"; do
  wait "$pid" || fail "wrk exited with status $?"
done
echo "$((duration + 1)),$(rss_kib)" >>"$out/rss.csv"
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=""
server_alive=yes
for pid in "${server_pids[@]}"; do kill -0 "$pid" 2>/dev/null || server_alive=no; done
stop_server
[[ "$server_alive" == yes ]] || fail "the server died during the run"
[[ "$server_status" == 0 ]] || fail "the server exited with status $server_status"
reports="$(sanitizer_reports)"
[[ -z "$reports" ]] || fail "sanitizer report in $(echo $reports)"
cp "$work/wrk-result.txt" "$out/wrk-result.txt" 2>/dev/null || fail "wrk wrote no result (see $out/wrk.txt)"
if (( nodes == 2 )); then
  cp "$work/wrk-result-2.txt" "$out/wrk-result-2.txt" 2>/dev/null || fail "wrk wrote no result for node 2"
fi

# --- Figures ------------------------------------------------------------------------------
# A missing figure reads as "?" in the summary and as a failure in the checks.
# value KEY [FILE]: a figure of wrk's result (node 1's unless FILE is given).
value() {
  local found
  found="$(awk -v key="$1" '$1 == key { $1 = ""; sub(/^ /, ""); print; exit }' "${2:-$out/wrk-result.txt}" 2>/dev/null)"
  echo "${found:-?}"
}
number() { local v; v="$(value "$@")"; [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo -1; }
result_files=("$out/wrk-result.txt")
(( nodes == 1 )) || result_files+=("$out/wrk-result-2.txt")
requests=0
socket_errors=0
for file in "${result_files[@]}"; do
  node_requests="$(number requests "$file")"
  (( node_requests > 0 )) || fail "no requests completed ($(basename "$file"))"
  (( node_requests < 0 )) || requests=$(( requests + node_requests ))
  for kind in connect read write timeout; do
    count="$(number "errors_$kind" "$file")"
    (( count == 0 )) || fail "wrk counted $count $kind errors ($(basename "$file"))"
    (( count < 0 )) || socket_errors=$(( socket_errors + count ))
  done
  non_success="$(number non_2xx_3xx "$file")"
  status_other="$(number status_other "$file")"
  (( non_success == 0 )) || fail "$non_success responses outside 2xx/3xx ($(basename "$file"))"
  (( status_other == 0 )) || fail "$status_other responses other than 200 ($(value status_other_codes "$file"))"
done
# The probe's delays, save on node A → shown on node B (two nodes only).
visibility_line=""
if (( nodes == 2 )); then
  probes="$(grep -c '^[0-9]' "$out/visibility-ms.txt" 2>/dev/null || true)"
  timeouts="$(grep -c '^timeout' "$out/visibility-ms.txt" 2>/dev/null || true)"
  (( ${timeouts:-0} == 0 )) || fail "$timeouts probe saves on node A were not shown on node B within 30 s"
  (( ${probes:-0} > 0 )) || fail "the visibility probe measured nothing"
  visibility_line="$(grep '^[0-9]' "$out/visibility-ms.txt" | sort -n | awk '{ v[++n] = $1 } END {
    if (n) printf "%d saves, p50 %d ms, p99 %d ms, max %d ms", n, v[int((n - 1) * 0.5) + 1], v[int((n - 1) * 0.99) + 1], v[n] }')"
fi

# Memory: RSS when the load began, at half time and at the end, and the growth over the second
# half. The first half fills the caches (rendered fragments, sessions, SQLite's page cache,
# malloc's per-thread arenas); after that the resident size must level off. The bound is the
# larger of 16 MiB and 5 % of the RSS at half time (see bench/README.md).
read -r rss_start rss_middle rss_end second_half_samples < <(awk -F, -v half="$((duration / 2))" '
  NR == 1 { next }
  { t[++n] = $1; r[n] = $2 }
  END {
    middle = r[1]; for (i = 1; i <= n; ++i) if (t[i] <= half) middle = r[i]
    late = 0; for (i = 1; i <= n; ++i) if (t[i] >= half) ++late
    print r[1], middle, r[n], late
  }' "$out/rss.csv")
growth_kib=$(( rss_end - rss_middle ))
case "$memory_bound" in
  auto) bound_kib=$(( rss_middle / 20 > 16384 ? rss_middle / 20 : 16384 )) ;;
  off) bound_kib="" ;;
  *) bound_kib=$(( memory_bound * 1024 )) ;;
esac
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
second_half_requests=$(( requests / 2 ))
memory_line="second-half growth $(mib "$growth_kib") MiB"
if [[ -n "$bound_kib" ]]; then
  memory_line+=" (bound $(mib "$bound_kib") MiB"
  (( second_half_requests > 0 )) && memory_line+=", i.e. a leak of $(( bound_kib * 1024 / second_half_requests )) bytes per request would show"
  memory_line+=")"
  (( growth_kib <= bound_kib )) || fail "memory grew $(mib "$growth_kib") MiB in the second half, more than $(mib "$bound_kib") MiB"
else
  memory_line+=" (not checked: --memory-bound off)"
fi

# The server's own time per kind of request, from its access log (method=, path=, ms= fields):
# wrk's latency also holds the time a request waits for a free server thread.
server_times() {
  tail -n +"$((log_lines_before + 1))" "$out/serve.log" | awk '
    / access / {
      method = ""; path = ""; ms = ""
      for (i = 1; i <= NF; ++i) {
        if ($i ~ /^method=/) method = substr($i, 8)
        else if ($i ~ /^path=/) path = substr($i, 6)
        else if ($i ~ /^ms=/) ms = substr($i, 4)
      }
      if (ms == "") next
      if (method == "PUT" && path ~ /\/assessments\//) kind = "PUT assessment"
      else if (path ~ /^\/oversikt\.csv/) kind = "GET /oversikt.csv"
      else if (path ~ /^\/oversikt/) kind = "GET /oversikt"
      else if (path ~ /\/gaps/) kind = "GET gaps API"
      else next
      print kind "\t" ms
    }' | sort -t$'\t' -k1,1 -k2,2g | awk -F'\t' '
    function flush() {
      if (n == 0) return
      printf "  %-18s %7d requests, server time avg %.1f ms, p50 %.1f ms, p99 %.1f ms\n", kind, n, sum / n, v[int((n - 1) * 0.5) + 1], v[int((n - 1) * 0.99) + 1]
    }
    $1 != kind { flush(); kind = $1; n = 0; sum = 0 }
    { v[++n] = $2; sum += $2 }
    END { flush() }'
}

{
  echo "Trappa mixed load, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "trappa: $trappa"
  echo "organisation: --scale $people, round $round; $teams managers, $((teams * 2)) employees, 2 HR accounts signed in"
  echo "wrk: $duration s, $connections connections over $nodes node(s), 2 threads each; server --threads $threads"
  echo "mix: 45 % employee PUT own assessment, 25 % manager PUT agreed levels, 10 % GET /oversikt, 10 % GET /oversikt.csv, 10 % GET gaps API"
  echo "sent: employee $(value sent_employee_put), manager $(value sent_manager_put), overview $(value sent_hr_overview), csv $(value sent_hr_csv), gaps $(value sent_hr_gaps)"
  echo "requests: $(value requests) ($(value requests_per_s) /s)$( (( nodes == 1 )) || echo " on node 1")"
  echo "latency: p50 $(value latency_p50_ms) ms, p90 $(value latency_p90_ms) ms, p99 $(value latency_p99_ms) ms, max $(value latency_max_ms) ms"
  if (( nodes == 2 )); then
    node2="$out/wrk-result-2.txt"
    echo "node 2: $(value requests "$node2") requests ($(value requests_per_s "$node2") /s), latency p50 $(value latency_p50_ms "$node2") ms, p99 $(value latency_p99_ms "$node2") ms, max $(value latency_max_ms "$node2") ms; $(value non_2xx_3xx "$node2") non-2xx/3xx"
    echo "both nodes: $requests requests"
    echo "visibility (save on node 1 → shown on node 2's Min skattning): $visibility_line"
  fi
  echo "server time per kind (node 1's access log):"
  server_times
  echo "errors: $(value non_2xx_3xx) non-2xx/3xx, $(value status_other) other than 200 ($(value status_other_codes)), $socket_errors socket errors/timeouts"
  echo "memory (VmRSS): start $(mib "$rss_start") MiB, middle $(mib "$rss_middle") MiB, end $(mib "$rss_end") MiB; $memory_line"
  echo "server exit status: ${server_status:-?}"
  if (( ${#failures[@]} > 0 )); then
    echo "result: FAILED"
    printf '  - %s\n' "${failures[@]}"
    sed -n '/^first_failures$/,$p' "$out/wrk-result.txt" 2>/dev/null || true
  else
    echo "result: passed"
  fi
} >"$out/summary.txt"
cat "$out/summary.txt"
(( ${#failures[@]} == 0 ))
