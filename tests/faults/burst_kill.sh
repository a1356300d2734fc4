#!/usr/bin/env bash
# SIGKILL in the middle of a burst of assessment writes (issue 6, "Faults"): four clients,
# each signed in with its own HR session, save the agreed levels and a note of many different
# people through PUT /api/v1/rounds/2026/assessments/ID, each write with values of its own,
# and record every write the server acknowledged with 200. The server is killed with SIGKILL
# while they write. Afterwards the store must be consistent and every acknowledged write must
# be there with its values: in the store (trappa export assessments) and, after a restart, in
# the API. A write that was in flight when the server died may be there or not, but never
# half: its levels and note are all new or all old.
# Usage: burst_kill.sh TRAPPA_BINARY sqlite|postgresql
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/store_access.bash"
source "$here/web_client.bash"
trappa="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
backend="$2"
clients=4
kill_after_acknowledged=200
per_client=150  # people each client may write: the kill comes when about a third are written
round=2026

work="$(mktemp -d)"
client_pids=()
cleanup() {
  for pid in "${client_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [[ -n "${server_pid:-}" ]]; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  store_drop
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
failures=0
fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}

store_create "$backend" "$work"
echo "store: $backend"
"$trappa" --db "$store" demo > /dev/null 2>&1
start_server server.log "$trappa" --db "$store" serve --demo
read -r hr_id hr_password <<< "$(demo_account server.log demo_hr)"
[[ -n "$hr_id" ]] || { echo "FAILED: no demo HR account in the server log" >&2; cat server.log >&2; exit 1; }

# Everyone the round counts except the HR person (whose own levels HR may not agree), dealt
# out to the clients in turn: no two clients write the same person.
"$trappa" --db "$store" export participants --round "$round" | awk -F, -v hr="$hr_id" 'NR > 1 && $1 != hr { print $1 }' \
  > targets.txt
targets=$(wc -l < targets.txt)
for ((client = 0; client < clients; client++)); do
  awk -v client=$client -v clients=$clients '(NR - 1) % clients == client' targets.txt | head -n $per_client > "targets.$client"
done

# One client: for each person, read the assessment (for the competencies of the person's
# profile), then write levels and a note derived from the client and the write's number.
# Acknowledged writes go to acked.CLIENT as "ID<TAB>NOTE<TAB>C1=L1,C2=L2,...". The client stops
# at the first request that gets no answer: the server is gone.
run_client() {
  local client="$1" jar="cookies.$client" token written=0 id competencies levels body status note pairs k level
  token="$(sign_in "$jar" "$hr_id" "$hr_password")"
  # First the competencies of each person's profile, read from the API, so that the burst
  # itself is writes only. People whose role has no profile get none and are left out.
  : > "plan.$client"
  while read -r id; do
    competencies="$(curl -s -b "$jar" "$server_url/api/v1/rounds/$round/assessments/$id" |
      grep -o '"competency":"[^"]*"' | sed 's/.*:"//; s/"$//' | tr '\n' ' ')" || true
    if [[ -n "$competencies" ]]; then echo "$id $competencies" >> "plan.$client"; fi
  done < "targets.$client"
  touch "ready.$client"
  while [[ ! -e go ]]; do sleep 0.05; done
  : > "acked.$client"
  while read -r id competencies; do
    written=$((written + 1))
    note="burst client $client write $written"
    levels=""
    pairs=""
    k=0
    for competency in $competencies; do
      level=$(( (written * 7 + client * 3 + k) % 5 + 1 ))
      levels+="${levels:+,}{\"competency\":\"$competency\",\"agreed_level\":$level}"
      pairs+="${pairs:+,}$competency=$level"
      k=$((k + 1))
    done
    body="{\"ratings\":[$levels],\"notes\":\"$note\"}"
    status="$(api_put "$jar" "$token" "rounds/$round/assessments/$id" "$body" "response.$client")"
    case "$status" in
      200) printf '%s\t%s\t%s\n' "$id" "$note" "$pairs" >> "acked.$client" ;;
      000)
        printf '%s\t%s\t%s\n' "$id" "$note" "$pairs" > "in_flight.$client"
        echo "stopped: no answer writing $id after $(wc -l < "acked.$client") acknowledged writes" > "end.$client"
        return
        ;;
      *)
        echo "refused: $id answered $status: $(cat "response.$client")" >> "refused.$client"
        ;;
    esac
  done < "plan.$client"
  echo "finished all $written writes" > "end.$client"
}

for ((client = 0; client < clients; client++)); do
  run_client "$client" &
  client_pids+=($!)
done

while [[ $(ls ready.* 2>/dev/null | wc -l) -lt $clients ]]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "FAILED: the server died by itself" >&2; cat server.log >&2; exit 1; fi
  sleep 0.1
done
planned=$(cat plan.* | wc -l)
touch go
burst_started=$(date +%s.%N)
acknowledged() { cat acked.* 2>/dev/null | wc -l; }
while [[ $(acknowledged) -lt $kill_after_acknowledged ]]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "FAILED: the server died by itself" >&2; cat server.log >&2; exit 1; fi
  sleep 0.05
done
burst_seconds=$(awk -v start="$burst_started" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }')
set +e
{ kill -KILL "$server_pid"; wait "$server_pid"; } 2> /dev/null  # without bash's "Killed" notice
server_status=$?
set -e
server_pid=""
for pid in "${client_pids[@]}"; do wait "$pid" || true; done
client_pids=()
if [[ $server_status -ne 137 ]]; then fail "the server ended with status $server_status, not by SIGKILL (137)"; fi

total_acked=$(acknowledged)
echo "killed trappa serve after $total_acked acknowledged writes of $planned planned (${burst_seconds} s of burst)"
for ((client = 0; client < clients; client++)); do
  echo "client $client: $(cat "end.$client" 2>/dev/null || echo 'no end recorded')"
  if [[ -s "refused.$client" ]]; then fail "client $client had writes refused before the kill: $(head -n 3 "refused.$client")"; fi
done
# Mid-burst: some client was cut off by the kill rather than running out of work.
if ! grep -q '^stopped' end.* 2>/dev/null; then fail "every client finished its work before the kill; the burst was not interrupted"; fi

problems="$(store_consistency_problems)"
if [[ -n "$problems" ]]; then fail "the store is inconsistent after the kill: $problems"; fi

# Every acknowledged write, in the store: each agreed level as written.
"$trappa" --db "$store" export assessments --round "$round" > assessments.csv
awk -F, 'NR > 1 { print $1 "\t" $2 "\t" $4 }' assessments.csv | sort > stored_levels.txt
cat acked.* | awk -F'\t' '{ n = split($3, pairs, ","); for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); print $1 "\t" kv[1] "\t" kv[2] } }' |
  sort > acked_levels.txt
missing="$(comm -23 acked_levels.txt stored_levels.txt)"
if [[ -n "$missing" ]]; then
  fail "acknowledged levels missing from the store (person, competency, level): $(head -n 5 <<< "$missing")"
fi


# After a restart the API serves every acknowledged write with its note and levels.
start_server server2.log "$trappa" --db "$store" serve --demo
token="$(sign_in cookies.check "$hr_id" "$hr_password")"
[[ -n "$token" ]] || fail "cannot sign in after the restart"
checked=0
while IFS=$'\t' read -r id note pairs; do
  answer="$(curl -s -b cookies.check "$server_url/api/v1/rounds/$round/assessments/$id")"
  if [[ "$answer" != *"\"notes\":\"$note\""* ]]; then fail "$id: the acknowledged note '$note' is not served after the restart"; fi
  for pair in ${pairs//,/ }; do
    if [[ "$answer" != *"\"competency\":\"${pair%%=*}\","*([^\}])"\"agreed_level\":${pair#*=},"* ]]; then
      fail "$id: competency ${pair%%=*} is not served with the acknowledged level ${pair#*=}"
    fi
  done
  checked=$((checked + 1))
done < <(cat acked.*)
# A write in flight at the kill is there whole (its note and every level) or not at all (its
# note absent; a level may equal the old one by chance).
for in_flight in in_flight.*; do
  [[ -f "$in_flight" ]] || continue
  IFS=$'\t' read -r id note pairs < "$in_flight"
  answer="$(curl -s -b cookies.check "$server_url/api/v1/rounds/$round/assessments/$id")"
  if [[ "$answer" == *"\"notes\":\"$note\""* ]]; then
    outcome="saved whole"
    for pair in ${pairs//,/ }; do
      if [[ "$answer" != *"\"competency\":\"${pair%%=*}\","*([^\}])"\"agreed_level\":${pair#*=},"* ]]; then
        fail "$id: the write in flight at the kill was saved in part (its note, but not ${pair%%=*}=${pair#*=})"
        outcome="saved in part"
      fi
    done
  else
    outcome="not saved"
  fi
  echo "in flight at the kill: $id, $note: $outcome"
done
stop_server
problems="$(store_consistency_problems)"
if [[ -n "$problems" ]]; then fail "the store is inconsistent after the restart: $problems"; fi

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "consistent after the kill; all $checked acknowledged writes present with their levels and notes"
