#!/usr/bin/env bash
# A personal identity number in an HR file is reduced to the birth year at once (issue 15,
# docs/personal-data.md): after `trappa import people` the store, the audit trail and the
# output hold only the year; a refused file's error output holds none of the number either.
# Also --map, --unit-by name and --date-format on the real command.
# Usage: personal_identity_number_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
source_dir="$(cd "$3" && pwd)"
transcript_begin "$1" ""
store="$transcript_work/store.db"

run --db "$store" import units "$fixtures/import/units.csv"
check_status 0
cp "$fixtures/import/hr/people_swedish_headers.csv" people.csv
run --db "$store" import people people.csv
check_status 0
check_equal "$(cat "$stdout_file")" "people.csv: imported 3 people" "the summary"
output="$(cat "$stdout_file" "$stderr_file")"
run --db "$store" audit --person H001
check_status 0
output+="$(cat "$stdout_file" "$stderr_file")"
run --db "$store" export people
check_status 0
output+="$(cat "$stdout_file" "$stderr_file")"
check_equal "$(grep -c '^H00[123],.*,\(1968\|1975\|2002\),' "$stdout_file")" 3 "the birth years exported"

# A refused file: one number has an impossible month; the error names the place, not the number.
sed 's/750601-5678/751301-5678/' people.csv > refused.csv
before="$(store_dump "$store")"
run --db "$store" import people refused.csv
check_status 2
check_unchanged "$store" "$before" "the refused import"
output+="$(cat "$stdout_file" "$stderr_file")"
check_equal "$(cat "$stderr_file")" "trappa: the people file has problems; nothing was imported
refused.csv:3:15: the birth year is neither a year, a personal identity number nor a date" "the refusal"

dump="$(store_dump "$store")"
for fragment in 0314-1234 03141234 0601-5678 06015678 751301 0203154321 0315-4321 5678 1234 4321; do
  if grep -q -- "$fragment" <<< "$dump"; then fail "the store holds '$fragment' of a personal identity number"; fi
  if grep -q -- "$fragment" <<< "$output"; then fail "the output holds '$fragment' of a personal identity number"; fi
done
# The flags on the real command: a shipped map with units by name, and a date format.
run --db "$store" import people "$fixtures/import/hr/people_erpnext.csv" --map "$source_dir/data/import-maps/erpnext.toml" \
  --unit-by name
check_status 0
check_equal "$(cat "$stdout_file")" "$fixtures/import/hr/people_erpnext.csv: imported 3 people" "the ERPNext export"
printf 'employee_id,name,email,gender,birth_year,unit_code,role,manager_id\nS1,Sam Sales,,Male,10/14/1985,Sales,säljare,\n' \
  > sales.csv
run --db "$store" import people sales.csv --unit-by name --date-format MM/DD/YYYY
check_status 2
check_equal "$(cat "$stderr_file")" "trappa: the people file has problems; nothing was imported
sales.csv:2:31: unknown unit 'Sales'; no unit has that name" "an unknown unit name"
run --db "$store" import people sales.csv --date-format YYYY/MM/DD
check_status 2
grep -q -- "--date-format: YYYY/MM/DD not in" "$stderr_file" || fail "an unknown date format is not named"
transcript_finish
