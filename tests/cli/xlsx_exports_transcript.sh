#!/usr/bin/env bash
# XLSX exports that open right in a spreadsheet (issue 15): `export people|employments`, `analyze gaps
# --compare`, `figures`, `learning stats|uncovered` and `forecast` with --format xlsx write workbooks whose numbers are number cells
# (no t="s"), whose shares are percentages, and whose codes and ids stay text cells; the gaps
# workbook keeps the comparison columns. Read back with python3's zipfile (no spreadsheet needed).
# Usage: xlsx_exports_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
xlsx_cell="$(cd "$(dirname "${BASH_SOURCE[0]}")/../support" && pwd)/xlsx_cell.py"
transcript_begin "$1" ""

# cell SHEET.xlsx COLUMN_HEADER ROW: "number VALUE" or "text VALUE" (tests/support/xlsx_cell.py).
cell() { python3 "$xlsx_cell" "$@"; }

"$trappa_binary" --db demo.db demo > /dev/null

note "People: ids and codes are text, the birth year a number"
run --db demo.db export people --format xlsx -o people.xlsx
check_status 0
check_equal "$(cell people.xlsx employee_id 1 | cut -d' ' -f1)" "text" "employee_id is a text cell"
check_equal "$(cell people.xlsx unit_code 1 | cut -d' ' -f1)" "text" "unit_code is a text cell"
check_equal "$(cell people.xlsx birth_year 1 | cut -d' ' -f1)" "number" "birth_year is a number cell"
run --db demo.db export people --format xlsx
check_status 2

note "Gaps with the comparison: codes text, shares percentages, changes numbers"
run --db demo.db analyze gaps --round 2026 --compare 2025 --format xlsx -o gaps.xlsx
check_status 0
check_equal "$(cell gaps.xlsx code 1)" "text 1.1 " "the code 1.1 stays text"
check_equal "$(cell gaps.xlsx need_share 1 | cut -d' ' -f1,3)" "number styled" "need_share is a percentage"
check_equal "$(cell gaps.xlsx applicable 1 | cut -d' ' -f1)" "number" "applicable is a number"
check_equal "$(cell gaps.xlsx need_share_pp 1 | cut -d' ' -f1)" "number" "the comparison's need_share_pp is a number"
check_equal "$(cell gaps.xlsx mean_level_delta 1 | cut -d' ' -f1)" "number" "the comparison's mean_level_delta"

note "Key figures: the value a number, the age band a label"
run --db demo.db figures --at 2025-12-31 --format xlsx -o figures.xlsx
check_status 0
check_equal "$(cell figures.xlsx value 1 | cut -d' ' -f1)" "number" "a key figure's value is a number"
check_equal "$(python3 -c "import zipfile,sys; print('60 och äldre' in zipfile.ZipFile('figures.xlsx').read('xl/sharedStrings.xml').decode())")" \
  "True" "the oldest age band is labelled 60 och äldre"

note "Employments: exported in the import's format, re-imported as they were, fte a number"
run --db demo.db export units -o units.csv
check_status 0
run --db demo.db export people -o people.csv
check_status 0
run --db demo.db export employments --csv-dialect sv -o employments-sv.csv
check_status 0
run --db copy.db import units units.csv
check_status 0
run --db copy.db import people people.csv
check_status 0
run --db copy.db import employments employments-sv.csv
check_status 0
check_equal "$("$trappa_binary" --db copy.db export employments | md5sum)" \
  "$("$trappa_binary" --db demo.db export employments | md5sum)" "the employments after a round trip through the sv dialect"
check_equal "$(grep -c ';0,75;' employments-sv.csv || true)" "$(grep -c ',0.75,' <("$trappa_binary" --db demo.db export employments))" \
  "fte has a decimal comma in the sv dialect"
run --db demo.db export employments --format xlsx -o employments.xlsx
check_status 0
check_equal "$(cell employments.xlsx fte 1 | cut -d' ' -f1)" "number" "fte is a number cell"
check_equal "$(cell employments.xlsx start_date 1 | cut -d' ' -f1)" "text" "start_date is a text cell"

note "Learning statistics and uncovered needs: keys and names text, counts and hours numbers"
run --db demo.db learning stats --from 2025-01-01 --to 2025-12-31 --by area --format xlsx -o learning-stats.xlsx
check_status 0
check_equal "$(cell learning-stats.xlsx group 2)" "text 1 " "an area's code 1 stays text"
check_equal "$(cell learning-stats.xlsx participants 1 | cut -d' ' -f1)" "number" "participants is a number cell"
check_equal "$(cell learning-stats.xlsx hours_per_participant 1 | cut -d' ' -f1)" "number" "hours per participant is a number cell"
run --db demo.db learning uncovered --round 2026 --by competency --format xlsx -o uncovered.xlsx
check_status 0
check_equal "$(cell uncovered.xlsx group 2)" "text 1.1 " "the competency code 1.1 stays text"
check_equal "$(cell uncovered.xlsx needs_uncovered 1 | cut -d' ' -f1)" "number" "needs_uncovered is a number cell"
run --db demo.db learning stats --from 2025-01-01 --to 2025-12-31 --format xlsx
check_status 2

note "Forecast: the role text, the flows numbers"
run --db demo.db forecast --at 2025-12-31 --format xlsx -o forecast.xlsx
check_status 0
check_equal "$(cell forecast.xlsx role 1 | cut -d' ' -f1)" "text" "the role is a text cell"
check_equal "$(cell forecast.xlsx year 1 | cut -d' ' -f1)" "number" "the year is a number cell"
check_equal "$(cell forecast.xlsx retirements 1 | cut -d' ' -f1)" "number" "retirements is a number cell"

transcript_finish
