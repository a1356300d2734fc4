#!/usr/bin/env bash
# Every error case in tests/fixtures/import/ through the real command: `trappa import` prints
# "trappa: " and exactly the case's .expected report on standard error, nothing on standard
# output, exits with status 2 — with and without --dry-run — and leaves the store as it was.
# The store holds units.csv, people.csv and the shipped framework beforehand (see the
# fixtures' README.md). Usage: import_errors_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
source_dir="$(cd "$3" && pwd)"
transcript_begin "$1" ""
store="$transcript_work/store.db"

run --db "$store" import units "$fixtures/import/units.csv"
check_status 0
run --db "$store" import people "$fixtures/import/people.csv"
check_status 0
run --db "$store" import framework "$source_dir/data/frameworks/digital-kompetens.json"
check_status 0
before="$(store_dump "$store")"

# Run from the fixture directory so the reports name the files as the .expected files do.
cd "$fixtures/import"
cases=0
for expected in *.expected; do
  name="${expected%.expected}"
  case "$name" in
    units_*) command=(import units "$name.csv") ;;
    people_*) command=(import people "$name.csv") ;;
    matrix_*) command=(import profiles "$name.csv" --framework digital-kompetens) ;;
    framework_*) command=(import framework "$name.json") ;;
    *) fail "$expected: no import command for this prefix"; continue ;;
  esac
  want="$(sed '1s/^/trappa: /' "$expected")"
  for dry_run in "" --dry-run; do
    run --db "$store" "${command[@]}" $dry_run
    label="trappa ${command[*]} $dry_run"
    check_status 2
    check_stdout_empty
    got="$(cat "$stderr_file")"
    if [[ "$got" != "$want" ]]; then
      fail "$label reported:"
      diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$got") >&2 || true
    fi
    check_unchanged "$store" "$before" "$label"
  done
  cases=$((cases + 1))
done
cd "$transcript_work"

if [[ $cases -lt 30 ]]; then fail "only $cases error cases found in $fixtures/import"; fi
echo "$cases error cases checked, each with and without --dry-run"
transcript_finish
