#!/usr/bin/env bash
# trappa import employments and trappa figures through the real binary: the hand-worked
# full_document fixture gives its expected JSON and CSV; a bad employments file is refused
# with every problem as FILE:LINE:COLUMN and leaves the store as it was (with and without
# --dry-run); a second import replaces only the history of the people it names; bad options
# are refused; the demo's figures at 2025-12-31 look like seed 000's.
# Usage: figures_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/figures_transcript.expected"
cp "$fixtures"/key_figures/full_document/*.csv .
store=figures.db

note "A small administration, worked out by hand in tests/fixtures/key_figures/full_document"
run --db $store import units units.csv
check_status 0
run --db $store import people people.csv
check_status 0
run --db $store import employments employments.csv
check_status 0
run --db $store figures --at 2025-12-31 --format table
check_status 0
"$trappa_binary" --db $store figures --at 2025-12-31 > figures.json
check_equal_files figures.json "$fixtures/key_figures/full_document/expected.complete.json"
"$trappa_binary" --db $store figures --at 2025-12-31 --format csv -o figures.csv
check_equal_files figures.csv "$fixtures/key_figures/full_document/expected.csv"

note "A file with problems: every one is listed and nothing is written"
cat > bad.csv <<'CSV'
employee_id,start_date,end_date,employment_type,position,fte,unit_code,recruitment_route,departure_route,departure_reason
P01,2020-01-01,2019-12-31,TV,bibliotekarie,1,BIB-A,3,3,
P02,2005-09-01,,TV,ekonom,"1,5",ADM,2,,
P99,2020-01-01,,TV,ekonom,1,ADM,3,,
P03,2013-01-01,,fast,bibliotekarie,1,BIB-C,1,,
P04,2018-02-01,2024-08-31,TV,bibliotekarie,1,BIB-B,3,1,
P04,2024-08-01,,TV,ekonom,1,ADM,1,,
CSV
before="$(store_dump $store)"
for dry_run in "" --dry-run; do
  run --db $store import employments bad.csv $dry_run
  check_status 2
  check_stdout_empty
  check_unchanged $store "$before" "import employments bad.csv $dry_run"
done

note "A second import replaces the history of the people it names: P10 now stays"
cat > p10.csv <<'CSV'
employee_id,start_date,end_date,employment_type,position,fte,unit_code,recruitment_route,departure_route,departure_reason
P10,2008-01-01,,TV,ekonom,1,ADM,3,,
CSV
run --db $store import employments p10.csv
check_status 0
run --db $store figures --at 2025-12-31 --unit ADM --format csv
check_status 0

note "Bad options"
run --db $store figures --at 2025-02-30
check_status 2
run --db $store figures --at 2025-12-31 --from 2026-01-01
check_status 2
run --db $store figures --at 2025-12-31 --unit NOPE
check_status 2

note "The demo at the end of 2025"
"$trappa_binary" --db demo.db demo > /dev/null
run --db demo.db figures --at 2025-12-31 --format table
check_status 0
transcript_finish
