#!/usr/bin/env bash
# CSV that opens right in a spreadsheet (issue 15, "Exports that open right in a Swedish
# spreadsheet"; io/csv/csv_writer.hpp): a name such as =HYPERLINK(…) is exported with the
# apostrophe that keeps a spreadsheet from running it and re-imports without it; the sv
# dialect has a byte order mark, ';' and decimal commas, and reads back in; `analyze gaps
# --compare --format csv` keeps the comparison, per competency and per group; the age bands
# are labels no spreadsheet reads as negative numbers.
# Usage: spreadsheet_csv_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/spreadsheet_csv_transcript.expected"
cp "$fixtures"/key_figures/full_document/units.csv .
store=sheet.db

note "Names a spreadsheet would run as formulas"
cat > people.csv <<'CSV'
employee_id;name;email;gender;birth_year;unit_code;role;manager_id;city_start_date
P01;"=HYPERLINK(""http://example.invalid"",""Klicka"")";;K;1961;BIB-A;bibliotekarie;;
P02;+46 Ek;;M;1963;ADM;ekonom;;
P03;-Bo;@bo;M;1970;ADM;ekonom;;
P04;Eva 'Lind;;K;1980;ADM;ekonom;;
CSV
run --db $store import units units.csv
check_status 0
run --db $store import people people.csv
check_status 0
run --db $store export people
check_status 0
cp "$stdout_file" exported.csv
check_equal "$(grep -c "^P0[123],\"\?'" exported.csv)" 3 "three formula-like cells are defused"

note "The export reads back as it was: the apostrophes are not stored"
before="$(sqlite3 $store "SELECT employee_id, name, email FROM people ORDER BY employee_id")"
run --db $store import people exported.csv
check_status 0
check_equal "$(sqlite3 $store "SELECT employee_id, name, email FROM people ORDER BY employee_id")" "$before" \
  "names after re-importing the export"

note "The Swedish dialect: byte order mark, ';', and it reads back in"
run --db $store export people --csv-dialect sv -o exported-sv.csv
check_status 0
check_equal "$(head -c 3 exported-sv.csv | od -An -tx1 | tr -d ' ')" "efbbbf" "the sv export's first bytes"
check_equal "$(sed -n 1p exported-sv.csv | tail -c +4)" \
  "employee_id;name;email;gender;birth_year;unit_code;role;manager_id;city_start_date" "the sv header"
run --db $store import people exported-sv.csv
check_status 0
check_equal "$(sqlite3 $store "SELECT employee_id, name, email FROM people ORDER BY employee_id")" "$before" \
  "names after re-importing the sv export"
run --db $store export people --csv-dialect fi
check_status 2

note "Gaps compared with the earlier round keep the comparison"
"$trappa_binary" --db demo.db demo > /dev/null
run --db demo.db analyze gaps --round 2026 --compare 2025 --format csv
check_status 0
check_equal "$(head -n 1 "$stdout_file")" \
  "code,name,area,applicable,rated,participation,mean_level,need_share,need_share_pp,mean_level_delta" \
  "the compared header"
run --db demo.db analyze gaps --round 2026 --compare 2025 --by role --csv-dialect sv --format csv
check_status 0
check_equal "$(head -n 1 "$stdout_file" | tail -c +4 | cut -d';' -f1-7)" \
  "key;name;people;assessed;share_with_need;suppressed;'1.1" "the grouped header in the sv dialect (the code kept as text)"
check_equal "$(head -n 1 "$stdout_file" | grep -c ';share_with_need_pp;1.1_pp;')" 1 "the grouped changes"

note "Age bands that no spreadsheet reads as numbers, decimals with a comma"
run --db demo.db figures --at 2025-12-31 --csv-dialect sv --format csv -o figures-sv.csv
check_status 0
grep -e '^age_band;' -e '^fte;2025-12-31;total' figures-sv.csv >> "$transcript_file"
transcript_finish
