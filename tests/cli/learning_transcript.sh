#!/usr/bin/env bash
# Issue 16 through the real binary on the small world of tests/fixtures/learning/world (its
# README works every figure out by hand): trappa import participation (every problem as
# FILE:LINE:COLUMN, the store unchanged after a refused file, a row replaced and audited),
# trappa learning stats (the total, targets, --by unit/area/gender, CSV), and trappa recommend
# (no budget, budget edges, a full activity, an audience, the person's own row, uncovered), and
# trappa learning uncovered.
# Usage: learning_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
world="$(cd "$2" && pwd)/learning/world"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/learning_transcript.expected"
cp "$world"/*.csv "$world"/framework.json .
export TRAPPA_DB=world.db
"$trappa_binary" import units units.csv > /dev/null
"$trappa_binary" import people people.csv > /dev/null
"$trappa_binary" import framework framework.json > /dev/null
"$trappa_binary" round create 2026 --framework mini --opens 2026-01-12 --closes 2026-12-18 > /dev/null
"$trappa_binary" round open 2026 > /dev/null
"$trappa_binary" import assessments ratings_2026.csv --round 2026 > /dev/null
"$trappa_binary" import activities activities.csv --framework mini > /dev/null

note "A participation file with problems: every one is listed and nothing is written"
cat > bad.csv <<'CSV'
employee_id,activity,date,status,hours
P1,FINNS-EJ,2026-02-01,attended,
NOBODY,GRUND,2026-02-01,attended,
P2,GRUND,2026-13-01,attended,
P3,GRUND,2026-02-01,deltog,
P4,GRUND,2026-02-01,attended,-1
P5,FULL,2026-02-01,registered,
P6,FULL,2026-02-01,attended,
P5,FULL,2026-02-02,cancelled,
CSV
before="$(store_dump world.db)"
for dry_run in "" --dry-run; do
  run import participation bad.csv $dry_run
  check_status 2
  check_stdout_empty
  check_unchanged world.db "$before" "import participation bad.csv $dry_run"
done

note "The platform's rows import; the audit names each person's row"
run import participation participation.csv
check_status 0
query world.db "SELECT employee_id, activity, date, status, coalesce(hours, '') FROM learning_participation ORDER BY employee_id, activity"
query world.db "SELECT action, subject, detail FROM audit_log WHERE action LIKE 'participation.%' ORDER BY id"

note "The full activity refuses one more place; importing the same rows again changes nothing"
printf 'employee_id,activity,date,status,hours\nP1,FULL,2026-05-01,registered,\n' > one_more.csv
run import participation one_more.csv
check_status 2
run import participation participation.csv
check_status 0
check_equal "$(sqlite3 world.db "SELECT count(*) FROM audit_log WHERE action LIKE 'participation.%'")" 7 "entries after re-importing"

note "Statistics for 2026, with targets, and grouped"
run learning stats --from 2026-01-01 --to 2026-12-31 --target-participants 3 --target-hours-per-participant 2.5
check_status 0
run learning stats --from 2026-01-01 --to 2026-12-31 --unit CITY --by unit --format csv
check_status 0
run learning stats --from 2026-01-01 --to 2026-12-31 --by area --format csv --csv-dialect sv
check_status 0
run learning stats --from 2026-01-01 --to 2026-12-31 --by gender --format table
check_status 0
run learning stats --from 2026-12-31 --to 2026-01-01
check_status 2
run learning stats --from 2026-01-01 --to 2026-12-31 --unit FINNS-EJ
check_status 2

note "Recommendations: no budget chains GRUND then FORTS; budgets of 5 and 3 hours"
run recommend P1 --round 2026 --on 2026-06-01
check_status 0
run recommend P1 --round 2026 --on 2026-06-01 --budget-hours 5 --format table
check_status 0
run recommend P1 --round 2026 --on 2026-06-01 --budget-hours 3
check_status 0

note "A chef: LEDA for chefs, FORTS left out (her own registration), a1 uncovered"
run recommend P3 --round 2026 --on 2026-06-01
check_status 0

note "Uncovered needs: only P7's a2 (level 2, chefs expect 3) has no activity that could raise it"
run learning uncovered --round 2026
check_status 0
run learning uncovered --round 2026 --by competency --format csv
check_status 0
run learning uncovered --round 2026 --unit D2 --format table
check_status 0

note "An attended row replaced by a partial attendance is audited"
printf 'employee_id,activity,date,status,hours\nP4,GRUND,2026-02-10,attended,3\n' > partial.csv
run import participation partial.csv
check_status 0
query world.db "SELECT action, subject, detail FROM audit_log WHERE action = 'participation.update'"

note "Unknown people and rounds are named"
run recommend NOBODY --round 2026
check_status 2
run recommend P1 --round 1999
check_status 2
transcript_finish
