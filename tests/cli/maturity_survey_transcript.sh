#!/usr/bin/env bash
# The organisation's own maturity survey through the real binary (issue 17 §2): an instrument
# imports (a broken one lists every problem by JSON path and changes nothing), a round asks
# everyone below its unit, answers are saved one by one under tokens (never employee ids),
# `trappa maturity survey-results ROUND --format json` shows a node only when items with 60 %
# of its weight have K respondents, the change since the previous round, and the weakest
# nodes; a version with answers is locked.
# Usage: maturity_survey_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/maturity_survey_transcript.expected"
cp "$fixtures"/learning/world/units.csv "$fixtures"/learning/world/people.csv "$fixtures"/maturity/*.json .
export TRAPPA_DB=survey.db TRAPPA_ACTOR=transcript
"$trappa_binary" import units units.csv > /dev/null
"$trappa_binary" import people people.csv > /dev/null

note "A broken instrument file: every problem by its JSON path, nothing stored"
before="$(store_dump survey.db)"
run maturity instrument import bad.json
check_status 2
check_unchanged survey.db "$before" "a broken instrument"

note "The instrument and the shipped templates import"
run maturity instrument import small.json
check_status 0
# The shipped templates, copied in so the transcript does not name the checkout's directory.
cp "$3/data/maturity/offentlig-digital-mognad.json" "$3/data/maturity/digcompsat.json" .
run maturity instrument import offentlig-digital-mognad.json
check_status 0
run maturity instrument import digcompsat.json
check_status 0
run maturity instrument list

note "A round asks everyone in the unit and below"
run maturity survey open enkat-2025 --instrument liten --unit CITY --period 2025
check_status 0
run maturity survey open enkat-x --instrument liten --unit NOPE --period 2025
check_status 2

note "Answers are checked before anything is saved"
run maturity survey answer enkat-2025 --person P1 s1=6
check_status 2
run maturity survey answer enkat-2025 --person P1 s1=fem
check_status 2
check_equal "$(sqlite3 survey.db "SELECT count(*) FROM survey_answers")" 0 "answers after refusals"

note "Two answer: every node is too few answers with K = 3"
run maturity survey answer enkat-2025 --person P1 s1=4 s2=2 s3=3 k1=5
run maturity survey answer enkat-2025 --person P2 s1=3 s2=1 s3=na k1=4
run maturity survey-results enkat-2025 --min-group 3

note "A third: s3 has two answers (one N/A), so 'ledning' stays hidden and 'strategi' has half its weight covered: hidden too"
run maturity survey answer enkat-2025 --person P3 s1=5 s2=3 s3=2 k1=3
run maturity survey-results enkat-2025 --min-group 3 --format json
check_status 0

note "Answers are stored under tokens, never employee ids; the audit names items, never values"
check_equal "$(sqlite3 survey.db "SELECT count(*) FROM survey_answers WHERE token IN (SELECT employee_id FROM people)")" 0 "answers under an employee id"
query survey.db "SELECT action, subject, detail FROM audit_log WHERE action LIKE 'survey.%' AND actor = 'cli:transcript' ORDER BY id LIMIT 3"

note "A version with answers is locked"
run maturity instrument import small.json
check_status 2

note "The next round shows the change since the previous one"
run maturity survey open enkat-2026 --instrument liten --unit CITY --period 2026
for person in P1 P2 P3 P7; do
  "$trappa_binary" maturity survey answer enkat-2026 --person $person s1=5 s2=1 s3=4 k1=2 > /dev/null
done
run maturity survey-results enkat-2026 --min-group 3
run maturity survey-results enkat-2026 --min-group 2
check_status 2
run maturity survey list

transcript_finish
