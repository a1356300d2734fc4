#!/usr/bin/env bash
# Issue 17 §1 and §3 through the real binary on the small world of tests/fixtures/learning/world:
# trappa import maturity (a dry run, the import, a bad file refused with every problem and
# nothing written, the same file again replacing), trappa maturity in every format with the
# change since the previous measurement, trappa import indicators (a small unit's series refused
# with nothing written) and trappa indicators; the audit trail of both.
# Usage: maturity_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/maturity_transcript.expected"
cp "$fixtures"/learning/world/units.csv "$fixtures"/learning/world/people.csv "$fixtures"/maturity/*.csv .
export TRAPPA_DB=world.db
export TRAPPA_ACTOR=hr
"$trappa_binary" import units units.csv > /dev/null
"$trappa_binary" import people people.csv > /dev/null

note "Maturity results: a dry run writes nothing, then the import"
run import maturity dimios.csv --dry-run
check_status 0
run maturity
check_status 0
run import maturity dimios.csv
check_status 0

note "A bad file: every problem at once, nothing written"
before="$(store_dump world.db)"
run import maturity dimios_bad.csv
check_status 2
check_unchanged world.db "$before" "bad maturity file"

note "The series with the change since the previous measurement"
run maturity --format table
check_status 0
run maturity --unit CITY --format json
check_status 0
run maturity --format csv --csv-dialect sv
check_status 0
run maturity --unit NOPE
check_status 2

note "Imported again: each measurement is replaced"
run import maturity dimios.csv
check_status 0
query world.db "SELECT actor, action, subject, detail FROM audit_log WHERE action = 'maturity.import' ORDER BY id"

note "Indicator series: a unit with fewer than K employees is refused, nothing written"
run import indicators indicators.csv
check_status 0
before="$(store_dump world.db)"
run import indicators indicators_small_unit.csv
check_status 2
check_unchanged world.db "$before" "small-unit series"
run import indicators indicators_small_unit.csv --min-group 4 --dry-run
check_status 0
run indicators --format table
check_status 0
run indicators --format json
check_status 0
run indicators --format csv
check_status 0
query world.db "SELECT actor, action, subject, detail FROM audit_log WHERE action = 'indicator.import' ORDER BY id"
transcript_finish
