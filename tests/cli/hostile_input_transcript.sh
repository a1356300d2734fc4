#!/usr/bin/env bash
# Bad input through every command-line door (issue 6): every `trappa import` kind gets files
# with invalid UTF-8, NUL and escape bytes, broken quotes, huge fields, wrong cell counts,
# out-of-range levels and unknown ids written as SQL (tests/fixtures/hostile/reject), and
# data full of SQL metacharacters that must be stored as data (tests/fixtures/hostile/accept).
#
# Checked for each refused file: exit status 2, nothing on standard output, a message that
# names FILE:LINE:COLUMN (or the JSON field), and a store byte-identical to before (`sqlite3
# .dump`) - with and without --dry-run. Checked for the accepted files: every export gives
# back the imported bytes. The transcript (.expected beside this script) shows each message.
# Usage: hostile_input_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2/hostile" && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
transcript_begin "$binary" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/hostile_input_transcript.expected"
# Relative names in the messages, as a user who cd's to their files sees them.
cp -r "$fixtures/accept" "$fixtures/reject" .
store=store.db

framework_id="ram'; DROP TABLE frameworks;--"
round="2026'; DROP TABLE rounds;--"

note "Data that looks like SQL is stored as data, and every export gives the same bytes back"
run --db $store import framework accept/framework.json
check_status 0
run --db $store export framework "$framework_id" -o exported_framework.json
check_status 0
check_equal_files accept/framework.json exported_framework.json
run --db $store import framework accept/framework_bom_crlf.json
check_status 0
run --db $store import units accept/units.csv
check_status 0
run --db $store export units -o exported_units.csv
check_equal_files accept/units.csv exported_units.csv
run --db $store import units accept/units_bom_semicolon_crlf.csv
check_status 0
run --db $store export units -o exported_units_again.csv
check_equal_files accept/units.csv exported_units_again.csv
run --db $store import people accept/people.csv
check_status 0
run --db $store export people -o exported_people.csv
# The name that begins with a tab leaves with the apostrophe that keeps a spreadsheet from
# running it (io/csv/csv_writer.hpp), and reads back without it: the export re-imports as the
# file it came from, and exports the same again.
sed "s/,\"'\t/,\"\t/" exported_people.csv > exported_people_unneutralised.csv
check_equal_files accept/people.csv exported_people_unneutralised.csv
run --db $store import people exported_people.csv
check_status 0
run --db $store export people -o exported_people_again.csv
check_equal_files exported_people.csv exported_people_again.csv
run --db $store import employments accept/employments.csv
check_status 0
# No export command for employments: the stored text, quoted by SQLite (quote() doubles ').
query $store "SELECT quote(employee_id), quote(position), quote(departure_reason) FROM employments ORDER BY employee_id, start_date"
run --db $store round create "$round" --framework "$framework_id"
check_status 0
run --db $store round open "$round"
check_status 0
run --db $store import assessments --round "$round" accept/assessments.csv
check_status 0
run --db $store export assessments --round "$round" -o exported_assessments.csv
check_equal_files accept/assessments.csv exported_assessments.csv
run --db $store import motivation --round "$round" accept/motivation.csv
check_status 0
run --db $store export motivation --round "$round" -o exported_motivation.csv
check_equal_files accept/motivation.csv exported_motivation.csv
run --db $store import profiles --framework "$framework_id" accept/profiles.csv
check_status 0
run --db $store export framework "$framework_id"
query $store "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('people', 'units', 'frameworks', 'ratings', 'rounds', 'accounts')"

note "Every refused file: exit 2, its place named, nothing written (with and without --dry-run)"
before="$(store_dump $store)"
exports_before="$("$trappa_binary" --db $store export units; "$trappa_binary" --db $store export people;
                  "$trappa_binary" --db $store export framework "$framework_id";
                  "$trappa_binary" --db $store export assessments --round "$round";
                  "$trappa_binary" --db $store export motivation --round "$round")"
cases=0
for file in reject/*; do
  name="$(basename "$file")"
  kind="${name%%__*}"
  case "$kind" in
    units | people | employments | framework) command=(import "$kind" "$file") ;;
    assessments | motivation) command=(import "$kind" --round "$round" "$file") ;;
    profiles) command=(import profiles --framework "$framework_id" "$file") ;;
    *) fail "$name: no import command for kind '$kind'"; continue ;;
  esac
  for dry_run in "" --dry-run; do
    if [[ -n "$dry_run" ]]; then
      # The dry run is not in the transcript: the same message is expected.
      message="$(cat "$stderr_file")"
      set +e
      "$trappa_binary" --db $store "${command[@]}" --dry-run > "$transcript_work/.stdout" 2> "$transcript_work/.stderr"
      status=$?
      set -e
      check_equal "$(cat "$stderr_file")" "$message" "$name --dry-run message"
    else
      run --db $store "${command[@]}"
    fi
    check_status 2
    check_stdout_empty
    # The message names the file and a place in it: FILE:LINE:COLUMN, or FILE: field.path.
    if ! grep -qE "^$file(:[0-9]+:[0-9]+|: [A-Za-z(])" "$stderr_file"; then
      fail "$name: no problem names $file and a place in it: $(cat "$stderr_file")"
    fi
    check_unchanged $store "$before" "$name $dry_run"
  done
  cases=$((cases + 1))
done
exports_after="$("$trappa_binary" --db $store export units; "$trappa_binary" --db $store export people;
                 "$trappa_binary" --db $store export framework "$framework_id";
                 "$trappa_binary" --db $store export assessments --round "$round";
                 "$trappa_binary" --db $store export motivation --round "$round")"
check_equal "$exports_after" "$exports_before" "the exports after every refused file"
if [[ $cases -lt 100 ]]; then fail "only $cases refused files found in $fixtures/reject"; fi
echo "$cases refused files checked, each with and without --dry-run"
transcript_finish
