#!/usr/bin/env bash
# The PostgreSQL guidance of `trappa backup` and `trappa restore` works as printed: on a demo
# store in the throwaway cluster, the pg_dump command `trappa backup` prints takes a backup;
# after changes, the pg_restore command `trappa restore` prints brings back every export, the
# key figures and the gap analytics byte for byte. Both trappa commands exit 2 and write nothing
# themselves. Usage: postgresql_backup.sh TRAPPA_BINARY
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/store_access.bash"
trappa="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"

work="$(mktemp -d)"
trap 'store_drop; rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}

store_create postgresql "$work"
"$trappa" --db "$store" demo > /dev/null 2>&1

snapshot() {
  local dir="$1" round
  mkdir -p "$dir"
  "$trappa" --db "$store" export units > "$dir/units.csv"
  "$trappa" --db "$store" export people > "$dir/people.csv"
  "$trappa" --db "$store" export framework digital-kompetens > "$dir/framework.json"
  "$trappa" --db "$store" round list > "$dir/rounds.txt"
  "$trappa" --db "$store" user list > "$dir/users.txt"
  for round in 2025 2026; do
    "$trappa" --db "$store" export assessments --round $round > "$dir/assessments-$round.csv"
    "$trappa" --db "$store" export motivation --round $round > "$dir/motivation-$round.csv"
    "$trappa" --db "$store" analyze gaps --round $round --by unit --format json > "$dir/gaps-$round.json"
  done
  "$trappa" --db "$store" figures --at 2025-12-31 > "$dir/figures.json"
}

# The command a guidance text shows, the line that starts with PROGRAM.
printed_command() { sed -n "s/^  \($1 .*\)$/\1/p" "$2"; }

set +e
"$trappa" --db "$store" backup demo.pgdump > backup.out 2> backup.err
status=$?
set -e
if [[ $status -ne 2 ]]; then fail "trappa backup on PostgreSQL exited $status, expected 2"; fi
if [[ -s backup.out || -e demo.pgdump ]]; then fail "trappa backup on PostgreSQL printed to stdout or wrote the file"; fi
dump="$(printed_command pg_dump backup.err)"
[[ -n "$dump" ]] || { echo "FAILED: no pg_dump command in: $(cat backup.err)" >&2; exit 1; }
echo "running: $dump"
eval "$dump"
snapshot before

"$trappa" --db "$store" round close 2026 > /dev/null
"$trappa" --db "$store" round create 2027 --framework digital-kompetens > /dev/null
"$trappa" --db "$store" export people | awk -F, -v OFS=, 'NR == 1 || NR == 3 { if (NR == 3) $2 = $2 " Bytt"; print }' > renamed.csv
"$trappa" --db "$store" import people renamed.csv > /dev/null
snapshot changed
if cmp -s before/people.csv changed/people.csv || cmp -s before/rounds.txt changed/rounds.txt; then
  fail "the changes did not change the exports; the restore would prove nothing"
fi

set +e
"$trappa" --db "$store" restore demo.pgdump > restore.out 2> restore.err
status=$?
set -e
if [[ $status -ne 2 ]]; then fail "trappa restore on PostgreSQL exited $status, expected 2"; fi
if ! cmp -s changed/people.csv <("$trappa" --db "$store" export people); then fail "trappa restore on PostgreSQL changed the store"; fi
restore="$(printed_command pg_restore restore.err)"
[[ -n "$restore" ]] || { echo "FAILED: no pg_restore command in: $(cat restore.err)" >&2; exit 1; }
echo "running: $restore"
eval "$restore"
snapshot restored
for file in before/*; do
  if ! cmp -s "$file" "restored/$(basename "$file")"; then
    fail "$(basename "$file") differs after pg_restore:"
    diff -u "$file" "restored/$(basename "$file")" | head -n 20 >&2 || true
  fi
done

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "the printed pg_dump and pg_restore commands restored every export byte for byte"
