#!/usr/bin/env bash
# SIGKILL in the middle of a large import (issue 6, "Faults"): `trappa import people` with
# 200 000 rows is killed while it holds the store's write lock, that is while its transaction
# is writing. Afterwards the store must be consistent, trappa must open it, the killed import
# must be wholly absent (people and audit trail as before), and running it again must succeed.
# Usage: import_kill.sh TRAPPA_BINARY sqlite|postgresql
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/store_access.bash"
trappa="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
backend="$2"
rows=200000

work="$(mktemp -d)"
import_pid=""
cleanup() {
  if [[ -n "$import_pid" ]]; then kill -KILL "$import_pid" 2>/dev/null || true; fi
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

# An organisation of 121 units, 50 people in the store, and a file of 200 000 new people.
{
  echo "code,name,parent_code,kind"
  echo "STAD,Staden,,city"
  for administration in $(seq -w 1 20); do
    echo "F$administration,Förvaltning $administration,STAD,administration"
    for unit in 1 2 3 4 5; do echo "F$administration-E$unit,Enhet $unit,F$administration,unit"; done
  done
} > units.csv
awk -F, 'NR > 1 { print $1 }' units.csv > unit_codes.txt
generate_people() {  # PREFIX COUNT
  awk -v prefix="$1" -v count="$2" 'BEGIN { while ((getline line < "unit_codes.txt") > 0) units[n++] = line
    print "employee_id,name,email,gender,birth_year,unit_code,role,manager_id"
    split("K M X", genders, " ")
    for (i = 1; i <= count; i++) {
      id = sprintf("%s%07d", prefix, i)
      printf "%s,Person %s,%s@example.org,%s,%d,%s,handläggare,\n", id, id, tolower(id), genders[i % 3 + 1], 1950 + i % 50, units[i % n]
    } }'
}
generate_people E 50 > people.csv
generate_people Q "$rows" > big.csv

"$trappa" --db "$store" import units units.csv > /dev/null
"$trappa" --db "$store" import people people.csv > /dev/null
"$trappa" --db "$store" export people > people.before.csv
audit_query="SELECT COUNT(*) FROM audit_log WHERE action = 'import.people'"
audit_before="$(store_sql "$audit_query")"

# True while another connection holds the write lock: SQLite refuses BEGIN IMMEDIATE at once,
# PostgreSQL shows the importer's row-exclusive lock on the people table.
import_is_writing() {
  if [[ "$backend" == sqlite ]]; then
    local answer
    answer="$(sqlite3 -batch -cmd '.timeout 0' "$store" 'BEGIN IMMEDIATE; ROLLBACK;' 2>&1 || true)"
    [[ "$answer" == *"database is locked"* ]]
  else
    [[ "$(store_sql "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                     WHERE c.relname = 'people' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()
                       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")" != 0 ]]
  fi
}

"$trappa" --db "$store" import people big.csv > import.out 2> import.err &
import_pid=$!
seen_writing=""
while kill -0 "$import_pid" 2>/dev/null; do
  if import_is_writing; then
    seen_writing=yes
    break
  fi
  sleep 0.05
done
if [[ -z "$seen_writing" ]]; then
  wait "$import_pid" || true
  echo "FAILED: the import finished before it was seen writing; nothing was killed" >&2
  cat import.out import.err >&2
  exit 1
fi
set +e
{ kill -KILL "$import_pid"; wait "$import_pid"; } 2> /dev/null  # without bash's "Killed" notice
import_status=$?
set -e
import_pid=""
# 128 + 9: the process was still running when SIGKILL arrived; it had not finished.
if [[ $import_status -ne 137 ]]; then fail "the import ended with status $import_status, not by SIGKILL (137)"; fi
echo "killed trappa import people ($rows rows) while it was writing: status $import_status"

problems="$(store_consistency_problems)"
if [[ -n "$problems" ]]; then fail "the store is inconsistent after the kill: $problems"; fi
if ! "$trappa" --db "$store" export people > people.after.csv 2> export.err; then
  fail "trappa cannot read the store after the kill: $(cat export.err)"
fi
if ! cmp -s people.before.csv people.after.csv; then
  fail "the people changed although the import was killed: $(($(wc -l < people.after.csv) - 1)) people, $(($(wc -l < people.before.csv) - 1)) before"
fi
audit_after="$(store_sql "$audit_query")"
if [[ "$audit_after" != "$audit_before" ]]; then
  fail "the audit trail records the killed import ($audit_before import.people entries before, $audit_after after)"
fi

if ! "$trappa" --db "$store" import people big.csv > rerun.out 2> rerun.err; then
  fail "running the import again failed: $(cat rerun.err)"
fi
"$trappa" --db "$store" export people > people.rerun.csv
expected=$((50 + rows))
got=$(($(wc -l < people.rerun.csv) - 1))
if [[ $got -ne $expected ]]; then fail "after running the import again the store holds $got people, expected $expected"; fi
problems="$(store_consistency_problems)"
if [[ -n "$problems" ]]; then fail "the store is inconsistent after the second import: $problems"; fi
if [[ "$(store_sql "$audit_query")" -le $audit_before ]]; then fail "the second import is not in the audit trail"; fi

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "consistent after the kill: import wholly absent, audit trail unchanged; the re-run imported $rows people"
