#!/usr/bin/env bash
# Transcript: frameworks from other standards through the command line — a CASE 1.0 package and
# a Moodle competency framework CSV import with their warnings (also on --dry-run), a Moodle
# CSV named .json is still read as CSV, a workbook that is not DigComp's (and a broken one) is
# named for what it is, and the CASE and Moodle CSV exports import back to the same framework file.
# Usage: foreign_framework_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$2"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/foreign_framework_transcript.expected"

cp "$fixtures/frameworks/case_package.json" "$fixtures/frameworks/moodle_framework.csv" .

note "A CASE 1.0 package: --dry-run lists the warnings and writes nothing"
run import framework case_package.json --dry-run --db store.db
check_status 0
run import framework case_package.json --db store.db
check_status 0

note "A Moodle CSV, even under a .json name"
cp moodle_framework.csv moodle_framework.json
run import framework moodle_framework.json --db store.db
check_status 0

note "A workbook that is not DigComp's, and a file that only begins like one, are named for what they are"
run export units --format xlsx -o units.xlsx --db store.db
check_status 0
run import framework units.xlsx --db store.db
check_status 2
printf 'PK\003\004' > broken.xlsx
run import framework broken.xlsx --db store.db
check_status 2

note "CASE export → import gives the same framework file"
run export framework informationshantering-i-offentlig-forvaltning --format json -o before.json --db store.db
run export framework informationshantering-i-offentlig-forvaltning --format case -o package.json --db store.db
check_status 0
run import framework package.json --db other.db
check_status 0
run export framework informationshantering-i-offentlig-forvaltning --format json -o after.json --db other.db
check_equal_files before.json after.json

note "Moodle CSV export → import gives the same framework file"
run export framework BIB-2023 --format json -o before.json --db store.db
run export framework BIB-2023 --format moodle-csv -o moodle.csv --db store.db
check_status 0
run import framework moodle.csv --db other.db
check_status 0
run export framework BIB-2023 --format json -o after.json --db other.db
check_equal_files before.json after.json

transcript_finish
