#!/usr/bin/env bash
# trappa backup and trappa restore through the real binary (issue 6, docs/operations.md):
# - a backup of the demo store, changes (people, assessments, rounds), a restore: every export,
#   the key figures and the gap analytics are byte for byte what they were at the backup, and
#   the restore is in the audit trail;
# - an existing backup file is kept unless --force;
# - a backup taken while `trappa serve` runs and saves assessments through the API is an intact
#   store holding exactly the writes acknowledged before some moment (a consistent snapshot);
#   a restore into the running server's store is refused;
# - bad input (a missing file, a file that is no store, a truncated or damaged file, a newer
#   schema, the store itself) exits 2 with a message and leaves the store as it was;
# - a PostgreSQL store gets the pg_dump / pg_restore commands for its URL and exit 2.
# Usage: backup_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
source_dir="$(cd "$3" && pwd)"
source "$source_dir/tests/faults/web_client.bash"
transcript_begin "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" \
  "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/backup_transcript.expected"
trap 'stop_server; [[ -n "${writer_pid:-}" ]] && kill -KILL "$writer_pid" 2>/dev/null; rm -rf "$transcript_work"' EXIT
store=demo.db

# trappa without a transcript entry, for set-up and for the exports compared below.
trappa() { "$trappa_binary" "$@"; }

# Everything the store shows through the command line, one file each, into DIR.
snapshot() {
  local dir="$1" round
  mkdir -p "$dir"
  trappa --db $store export units > "$dir/units.csv"
  trappa --db $store export people > "$dir/people.csv"
  trappa --db $store export framework digital-kompetens > "$dir/framework.json"
  trappa --db $store frameworks > "$dir/frameworks.txt"
  trappa --db $store round list > "$dir/rounds.txt"
  trappa --db $store user list > "$dir/users.txt"
  for round in 2025 2026; do
    trappa --db $store export assessments --round $round > "$dir/assessments-$round.csv"
    trappa --db $store export motivation --round $round > "$dir/motivation-$round.csv"
    trappa --db $store export participants --round $round > "$dir/participants-$round.csv"
    trappa --db $store analyze gaps --round $round --by unit --format json > "$dir/gaps-$round.json"
  done
  trappa --db $store analyze gaps --round 2026 --compare 2025 --by role --format csv > "$dir/gaps-compare.csv"
  trappa --db $store figures --at 2025-12-31 > "$dir/figures.json"
  trappa --db $store figures --at 2025-12-31 --format csv > "$dir/figures.csv"
}

trappa --db $store demo > /dev/null 2>&1
snapshot before

note "A backup of the demo store: one self-contained, intact file"
run --db $store backup backup.db
check_status 0
query backup.db "PRAGMA integrity_check"
query backup.db "PRAGMA journal_mode"
for leftover in backup.db.tmp backup.db-wal backup.db-journal; do
  if [[ -e $leftover ]]; then fail "$leftover was left behind"; fi
done

note "An existing file is kept unless --force"
cp backup.db backup.copy
run --db $store backup backup.db
check_status 2
check_stdout_empty
check_equal_files backup.db backup.copy
run --db $store backup backup.db --force
check_status 0

note "The store changes: a renamed and a new person, an agreed level, round 2026 closed, round 2027"
awk -F, -v OFS=, 'NR == 2 { print; $1 = "X000001"; $2 = "Ny Person"; $3 = "ny.person@example.org" } NR == 3 { $2 = $2 " Bytt" } NR > 1 { print }' \
  before/people.csv > people.csv
sed -i '1i employee_id,name,email,gender,birth_year,unit_code,role,manager_id,city_start_date' people.csv
run --db $store import people people.csv
check_status 0
awk -F, -v OFS=, 'NR == 1 { print "employee_id,competency,self_level,agreed_level" } NR == 2 { $4 = ($4 == 5 ? 1 : 5); print }' \
  before/assessments-2026.csv > agreed.csv
run --db $store import assessments --round 2026 agreed.csv
check_status 0
run --db $store round close 2026
check_status 0
run --db $store round create 2027 --framework digital-kompetens --opens 2027-01-11 --closes 2027-12-17
check_status 0
snapshot changed
for changed in people.csv assessments-2026.csv rounds.txt gaps-2026.json; do
  if cmp -s "before/$changed" "changed/$changed"; then fail "the change did not change $changed; the restore would prove nothing"; fi
done

note "The restore brings back the store as it was at the backup"
run --db $store restore backup.db
check_status 0
snapshot restored
for file in before/*; do check_equal_files "$file" "restored/$(basename "$file")"; done
query $store "SELECT actor LIKE 'cli:%', action, subject FROM audit_log WHERE action = 'store.restore'"

note "A backup while trappa serve runs and HR saves notes through the API"
start_server serve.log "$trappa_binary" --db $store serve --demo
read -r hr_id hr_password <<< "$(demo_account serve.log demo_hr)"
token="$(sign_in cookies "$hr_id" "$hr_password")"
awk -F, -v hr="$hr_id" 'NR > 1 && $1 != hr { print $1 }' before/participants-2026.csv > targets.txt
# The writer saves "backup-write-N" as the note of the N-th person in turn and records each
# acknowledged write; one write at a time, so a consistent copy holds writes 1..k for some k.
(
  written=0
  while read -r id; do
    [[ -e stop-writing ]] && break
    written=$((written + 1))
    status="$(api_put cookies "$token" "rounds/2026/assessments/$id" "{\"notes\":\"backup-write-$written\"}" put.out)"
    if [[ "$status" != 200 ]]; then
      echo "write $written ($id) answered $status: $(cat put.out)" > writer-failed
      break
    fi
    echo "$written $id" >> acknowledged.txt
  done < targets.txt
) &
writer_pid=$!
acknowledged() { if [[ -f acknowledged.txt ]]; then wc -l < acknowledged.txt; else echo 0; fi; }
await_acknowledged() {  # N: until N writes are acknowledged (or the writer stops)
  while [[ $(acknowledged) -lt $1 ]] && kill -0 "$writer_pid" 2>/dev/null; do sleep 0.05; done
}
await_acknowledged 20
before_backup=$(acknowledged)
run --db $store backup during.db
check_status 0
after_backup=$(acknowledged)
await_acknowledged $((after_backup + 20))
run --db $store restore backup.db
check_status 2
check_stdout_empty
touch stop-writing
wait "$writer_pid" || true
writer_pid=""
stop_server
if [[ -e writer-failed ]]; then fail "a write through the API failed: $(cat writer-failed)"; fi
if [[ $(acknowledged) -lt $((after_backup + 20)) ]]; then fail "the writes did not go on after the backup"; fi
echo "writes acknowledged: $before_backup before the backup began, $after_backup when it ended, $(acknowledged) in all" >&2
query during.db "PRAGMA integrity_check"
query during.db "PRAGMA foreign_key_check"
trappa --db during.db export people > during-people.csv
check_equal_files before/people.csv during-people.csv
in_backup="$(sqlite3 during.db "SELECT substr(notes, 14) FROM assessments WHERE notes LIKE 'backup-write-%'" | sort -n)"
count=$(grep -c . <<< "$in_backup" || true)
if [[ "$in_backup" != "$(seq 1 "$count")" ]]; then fail "the backup holds writes that are not 1..k: $(tr '\n' ' ' <<< "$in_backup")"; fi
if [[ $count -lt $before_backup || $count -gt $after_backup ]]; then
  fail "the backup holds writes 1..$count; $before_backup were acknowledged before it began and $after_backup when it ended"
fi
restored_count="$(sqlite3 $store "SELECT COUNT(*) FROM audit_log WHERE action = 'store.restore'")"
check_equal "$restored_count" 1 "the refused restore"
run --db copy.db restore during.db
check_status 0
trappa --db copy.db export people > copy-people.csv
check_equal_files before/people.csv copy-people.csv

note "Bad input: exit 2, a message, and the store as it was"
dump_before="$(store_dump $store)"
echo "employee_id,name" > notes.txt
sqlite3 other.db "CREATE TABLE t (x)"
head -c $(($(stat -c %s backup.db) / 2)) backup.db > truncated.db
cp backup.db newer.db
sqlite3 newer.db "INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'from the future', '2030-01-01')"
for bad in missing.db notes.txt other.db truncated.db newer.db $store; do
  run --db $store restore $bad
  check_status 2
  check_stdout_empty
  check_unchanged $store "$dump_before" "restore $bad"
done
# The people table's root page overwritten: SQLite's own integrity check names it (not in the transcript:
# its wording depends on the page that was hit).
cp backup.db damaged.db
people_page="$(sqlite3 damaged.db "SELECT rootpage FROM sqlite_master WHERE name = 'people'")"
page_size="$(sqlite3 damaged.db "PRAGMA page_size")"
printf 'damaged%.0s' $(seq 1 $((page_size / 8))) |
  dd of=damaged.db bs="$page_size" seek=$((people_page - 1)) conv=notrunc status=none
set +e
"$trappa_binary" --db $store restore damaged.db > damaged.out 2> damaged.err
status=$?
set -e
check_status 2
if ! grep -q "^trappa: 'damaged.db' is" damaged.err; then fail "restore damaged.db said: $(cat damaged.err)"; fi
check_unchanged $store "$dump_before" "restore damaged.db"
run --db $store backup $store --force
check_status 2
run --db nothing.db backup nothing-backup.db
check_status 2
if [[ -e nothing.db || -e nothing-backup.db ]]; then fail "a backup of a missing store created files"; fi

note "PostgreSQL: the commands to use instead, without the password; nothing is done"
run --db "postgresql://trappa:hemligt@db.example:5432/trappa?sslmode=require" backup trappa-2026.pgdump
check_status 2
check_stdout_empty
if grep -q hemligt "$stderr_file"; then fail "the password was printed"; fi
run --db "postgresql://trappa@db.example:5432/trappa" restore trappa.pgdump
check_status 2
if [[ -e trappa-2026.pgdump || -e trappa.pgdump ]]; then fail "a PostgreSQL guidance command wrote a file"; fi

# Sizes, times and schema versions vary from build to build; the transcript shows their place.
sed -E -i 's/[0-9]+\.[0-9] MiB/N MiB/g; s/, [0-9]+\.[0-9] s$/, N s/; s/schema version [0-9]+/schema version N/g;
  s/knows \([0-9]+\)/knows (N)/; s/describes [0-9]+ pages of [0-9]+ bytes \([0-9]+ bytes\), the file holds [0-9]+ bytes/describes N pages of N bytes (N bytes), the file holds N bytes/' \
  "$transcript_file"
transcript_finish
