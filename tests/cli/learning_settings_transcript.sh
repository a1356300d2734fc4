#!/usr/bin/env bash
# Issue 16 through the real binary on the small world of tests/fixtures/learning/world: the
# organisation's targets (trappa settings set|show|unset; bad keys and values named, nothing
# written; each change audited) used by trappa learning stats without --target-* options and
# overridden by them, and the ESF participant list (trappa learning participants) as CSV in
# both dialects and as an XLSX workbook.
# Usage: learning_settings_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
world="$(cd "$2" && pwd)/learning/world"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/learning_settings_transcript.expected"
cp "$world"/*.csv "$world"/framework.json .
export TRAPPA_DB=world.db
export TRAPPA_ACTOR=hr
"$trappa_binary" import units units.csv > /dev/null
"$trappa_binary" import people people.csv > /dev/null
"$trappa_binary" import framework framework.json > /dev/null
"$trappa_binary" import activities activities.csv --framework mini > /dev/null
"$trappa_binary" import participation participation.csv > /dev/null

note "No targets yet"
run settings show
check_status 0
run learning stats --from 2026-01-01 --to 2026-12-31
check_status 0

note "Bad keys and values are named and nothing is written"
before="$(store_dump world.db)"
run settings set learning.colour blue
check_status 2
run settings set learning.target_participants många
check_status 2
run settings set learning.target_hours_per_participant -1
check_status 2
check_unchanged world.db "$before" "bad settings"

note "The targets are stored, audited, and used by the statistics"
run settings set learning.target_participants 3
check_status 0
run settings set learning.target_hours_per_participant 2,5
check_status 0
run settings set learning.target_participants 3
check_status 0
run settings show
check_status 0
query world.db "SELECT actor, action, subject, detail FROM audit_log WHERE action = 'setting.update' ORDER BY id"
query world.db "SELECT kind FROM changes WHERE kind = 'settings'"
run learning stats --from 2026-01-01 --to 2026-12-31
check_status 0

note "An option overrides its own target only"
run learning stats --from 2026-01-01 --to 2026-12-31 --target-participants 100 --format table
check_status 0

note "A target removed"
run settings unset learning.target_participants
check_status 0
run settings show
check_status 0

note "The ESF participant list: attended rows of the period, machine CSV and the Swedish dialect"
run learning participants --from 2026-01-01 --to 2026-12-31
check_status 0
run learning participants --from 2026-01-01 --to 2026-12-31 --unit D2 --csv-dialect sv
check_status 0
run learning participants --from 2026-12-31 --to 2026-01-01
check_status 2
run learning participants --from 2026-01-01 --to 2026-12-31 --unit FINNS-EJ
check_status 2

note "As an XLSX workbook (a file is needed)"
run learning participants --from 2026-01-01 --to 2026-12-31 --format xlsx
check_status 2
run learning participants --from 2026-01-01 --to 2026-12-31 --format xlsx -o deltagare.xlsx
check_status 0
check_equal "$(head -c 2 deltagare.xlsx)" "PK" "the workbook is a ZIP file"
check_equal "$(unzip -p deltagare.xlsx | grep -o 'activity_title' | head -1 || true)" activity_title "the workbook has the header"
check_equal "$(unzip -p deltagare.xlsx | grep -o 'GRUND' | head -1 || true)" GRUND "the workbook has the rows"
transcript_finish
