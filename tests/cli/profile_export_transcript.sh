#!/usr/bin/env bash
# Role profile matrices exported (issue 15, "Exports that open right in a Swedish spreadsheet";
# docs/formats.md "Role profiles"): `trappa export profiles --framework ID` writes exactly the
# matrix `trappa import profiles` reads, so export → import gives the same profiles, in the
# machine and the Swedish spreadsheet dialect; codes such as 1.1 stay text in the sv dialect
# and in the XLSX workbook, levels are numbers; an unknown framework and xlsx without -o fail.
# Usage: profile_export_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
xlsx_cell="$(cd "$(dirname "${BASH_SOURCE[0]}")/../support" && pwd)/xlsx_cell.py"
transcript_begin "$1" ""
cell() { python3 "$xlsx_cell" "$@"; }

"$trappa_binary" --db demo.db demo > /dev/null

note "The matrix: competency, then the roles with a profile, a level per cell"
run --db demo.db export profiles --framework digital-kompetens -o profiles.csv
check_status 0
check_equal "$(head -n 1 profiles.csv | cut -d, -f1-3)" "competency,medarbetare,chef" "the header names the competency column and the roles"
check_equal "$(sed -n 2p profiles.csv | cut -d, -f1)" "1.1" "the first row is competency 1.1"
check_equal "$(($(wc -l < profiles.csv) - 1))" "20" "one row per competency of the framework"

note "Round trip: a copy of the framework with other levels gets the exported ones back"
"$trappa_binary" --db demo.db export framework digital-kompetens -o framework.json
run --db copy.db import framework framework.json
check_status 0
# Every level set to the scale's lowest, 1: the copy's profiles now differ.
awk -F, 'BEGIN { OFS = "," } NR > 1 { for (i = 2; i <= NF; i++) if ($i != "") $i = 1 } { print }' profiles.csv > flat.csv
run --db copy.db import profiles --framework digital-kompetens flat.csv
check_status 0
check_equal "$("$trappa_binary" --db copy.db export profiles --framework digital-kompetens | md5sum)" "$(md5sum < flat.csv)" \
  "the flattened levels were imported"
run --db demo.db export profiles --framework digital-kompetens --csv-dialect sv -o profiles-sv.csv
check_status 0
check_equal "$(sed -n 2p profiles-sv.csv | cut -d';' -f1)" "'1.1" "the code 1.1 stays text in the sv dialect"
run --db copy.db import profiles --framework digital-kompetens profiles-sv.csv
check_status 0
check_equal "$("$trappa_binary" --db copy.db export framework digital-kompetens | md5sum)" "$(md5sum < framework.json)" \
  "the framework after export → import of the sv matrix is the original, byte for byte"

note "XLSX: codes text, levels numbers"
run --db demo.db export profiles --framework digital-kompetens --format xlsx -o profiles.xlsx
check_status 0
check_equal "$(cell profiles.xlsx competency 1)" "text 1.1 " "the code 1.1 is a text cell"
check_equal "$(cell profiles.xlsx chef 1 | cut -d' ' -f1)" "number" "a level is a number cell"

note "Mistakes"
run --db demo.db export profiles --framework no-such-framework
check_status 2
run --db demo.db export profiles --framework digital-kompetens --format xlsx
check_status 2

transcript_finish
