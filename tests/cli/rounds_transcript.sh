#!/usr/bin/env bash
# Rounds and assessment imports through the real binary: bad files are refused with every
# problem named and nothing written; a good file is counted by analyze; a closed round is
# read-only. Usage: rounds_transcript.sh TRAPPA FIXTURES_DIR SOURCE_DIR
set -euo pipefail
trappa="$1"
fixtures="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TRAPPA_DB="$work/rounds.db"
org="$fixtures/analytics"
rounds="$fixtures/rounds"

fail() { echo "FAILED: $*" >&2; exit 1; }
expect_output() {  # expected-text actual-text what
  if [[ "$1" != "$2" ]]; then
    echo "--- expected ($3)"; echo "$1"; echo "--- actual"; echo "$2"
    fail "$3"
  fi
}

"$trappa" import units "$org/units.csv" >/dev/null
"$trappa" import people "$org/people.csv" >/dev/null
"$trappa" import framework "$org/framework.json" >/dev/null

# A round with a bad date is not created, and the message names the parameter.
set +e
out=$("$trappa" round create 2025 --framework mini --opens 2025-02-30 2>&1); status=$?
set -e
[[ $status -eq 2 ]] || fail "bad date: exit $status, expected 2"
expect_output "trappa: the round was not created
--opens: '2025-02-30' is not a date (YYYY-MM-DD)" "$out" "bad date message"

"$trappa" round create 2025 --framework mini --unit D1 --opens 2025-03-01 --closes 2025-05-31 >/dev/null
"$trappa" round open 2025 >/dev/null
expect_output "name         state    framework                scope          opens      closes    
2025         open     mini r1                  D1             2025-03-01 2025-05-31" "$("$trappa" round list)" "round list"

# Every problem of a bad file is listed; nothing is written.
set +e
out=$("$trappa" import assessments --round 2025 "$rounds/assessments_bad.csv" 2>&1); status=$?
set -e
[[ $status -eq 2 ]] || fail "bad assessments: exit $status, expected 2"
f="$rounds/assessments_bad.csv"
expect_output "trappa: the assessments file has problems; nothing was imported
$f:3:1: unknown employee 'P9'
$f:4:4: competency 'b1' is not in the profile of role 'staff'
$f:5:7: level 7 is outside the scale 1–5
$f:6:7: 'x' is not a level
$f:7:1: P4 is outside the scope of round '2025'
$f:8:4: P1 a1 appears twice" "$out" "bad assessments messages"
expect_output "employee_id,competency,self_level,agreed_level" "$("$trappa" export assessments --round 2025)" \
  "nothing written after a refused import"

set +e
out=$("$trappa" import motivation --round 2025 "$rounds/motivation_bad.csv" 2>&1); status=$?
set -e
[[ $status -eq 2 ]] || fail "bad motivation: exit $status, expected 2"
f="$rounds/motivation_bad.csv"
expect_output "trappa: the motivation file has problems; nothing was imported
$f:2:4: area 'B' is not assessed by role 'staff'
$f:3:6: motivation '6' is not a whole number 1–5" "$out" "bad motivation messages"

# --dry-run validates and writes nothing.
"$trappa" import assessments --round 2025 --dry-run "$rounds/assessments_good.csv" >/dev/null
expect_output "employee_id,competency,self_level,agreed_level" "$("$trappa" export assessments --round 2025)" \
  "dry run wrote nothing"

"$trappa" import assessments --round 2025 "$rounds/assessments_good.csv" >/dev/null
out=$("$trappa" analyze gaps --round 2025 --format csv)
expect_output "code,name,area,applicable,rated,participation,mean_level,need_share
a1,Delkompetens a1,A,3,3,1,3,0.3333333333333333
a2,Delkompetens a2,A,3,1,0.3333333333333333,2,0
b1,Delkompetens b1,B,1,1,1,3,0" "$out" "analysis after import"

# A new person's history holds their first imports, each with its file and line (issue 14 §4:
# `trappa audit --person` showed nothing for a person whose record and ratings were imported new).
history=$("$trappa" audit --person P1)
grep -q "person.create .*created: unit U1, role staff.*($org/people.csv:4)" <<<"$history" ||
  fail "the history of P1 lacks the import that created them: $history"
grep -q "assessment.import .*round 2025: status –→.*a1 self –→2; a1 agreed –→3.*($rounds/assessments_good.csv:2)" <<<"$history" ||
  fail "the history of P1 lacks the import that created their ratings: $history"

# A closed round is read-only.
"$trappa" round close 2025 >/dev/null
set +e
out=$("$trappa" import assessments --round 2025 "$rounds/assessments_good.csv" 2>&1); status=$?
set -e
[[ $status -eq 2 ]] || fail "closed round: exit $status, expected 2"
expect_output "trappa: round '2025' is closed; nothing was imported" "$out" "closed round message"

set +e
out=$("$trappa" analyze gaps --round 2024 2>&1); status=$?
set -e
[[ $status -eq 2 ]] || fail "unknown round: exit $status"
expect_output "trappa: no round named '2024'" "$out" "unknown round message"
echo "rounds transcript: all checks passed"
