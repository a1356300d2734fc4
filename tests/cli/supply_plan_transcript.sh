#!/usr/bin/env bash
# Issue 19, the competence supply plan, through the real binary on the small world of
# tests/fixtures/learning/world (plus tests/fixtures/supply_plan: employments and a plan with
# one indicator of every computable binding kind): import plan → plan show → plan follow-up →
# export plan → import plan → export plan identical; every binding's value equal to what the
# command it names prints; frozen values unchanged after the data change; refused bindings
# with the field named; JSON problems with their paths, nothing written.
# Usage: supply_plan_transcript.sh TRAPPA_BINARY FIXTURES_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/supply_plan_transcript.expected"
cp "$fixtures"/learning/world/*.csv "$fixtures"/learning/world/framework.json "$fixtures"/supply_plan/* .
export TRAPPA_DB=world.db
"$trappa_binary" import units units.csv > /dev/null
"$trappa_binary" import people people.csv > /dev/null
"$trappa_binary" import framework framework.json > /dev/null
"$trappa_binary" round create 2026 --framework mini --opens 2026-01-12 --closes 2026-12-18 > /dev/null
"$trappa_binary" round open 2026 > /dev/null
"$trappa_binary" import assessments ratings_2026.csv --round 2026 > /dev/null
"$trappa_binary" import activities activities.csv --framework mini > /dev/null
"$trappa_binary" import participation participation.csv > /dev/null
"$trappa_binary" import employments employments.csv > /dev/null

# json_value FILE PYTHON-EXPRESSION over the document `d`: prints the value as JSON.
json_value() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps($2))" "$1"; }

note "A plan with JSON problems: each at its path, nothing written"
python3 - <<'PY'
import json
plan = json.load(open("plan.json"))
plan["version"] = 2
plan["goals"][0]["activities"][2]["ubara"] = "utbilda"
plan["goals"][1]["activities"][0]["indicator"]["kind"] = "figures.nothing"
plan["goals"][2]["activities"][1]["indicator"]["round"] = "2026"
plan["risks"][0]["likelihood"] = 5
plan["colour"] = "red"
json.dump(plan, open("bad.json", "w"), ensure_ascii=False)
PY
before="$(store_dump world.db)"
run import plan bad.json
check_status 2
check_unchanged world.db "$before" "import plan bad.json"

note "Bindings that cannot be computed are refused with the field named, nothing written"
python3 - <<'PY'
import json
plan = json.load(open("plan.json"))
plan["unit"] = "D1"
plan["goals"][0]["activities"][0]["indicator"]["round"] = "2099"
plan["goals"][0]["activities"][3]["indicator"]["area"] = "Z"
plan["goals"][1]["activities"][1]["indicator"]["unit"] = "D2"
plan["goals"][1]["activities"][2]["indicator"]["at"] = "2025-13-01"
plan["goals"][2]["activities"][0]["indicator"] = {"kind": "maturity.overall", "measurement": "2026", "baseline": 1, "target": 3}
json.dump(plan, open("refused.json", "w"), ensure_ascii=False)
PY
run import plan refused.json
check_status 2
check_unchanged world.db "$before" "import plan refused.json"

note "The plan imports; its import is audited"
run import plan plan.json
check_status 0
run plan list
check_status 0
query world.db "SELECT action, subject, detail FROM audit_log WHERE action LIKE 'supply_plan.%' ORDER BY id"

note "The plan with each indicator's live value (the day fixed for the states)"
run plan show CITY-2025-2027 --on 2026-05-02
check_status 0
cp "$stdout_file" shown.json
run plan show CITY-2025-2027 --on 2026-05-02 --format table
check_status 0

# Every binding's value equals what its command prints.
"$trappa_binary" analyze gaps --round 2026 > gaps.json
"$trappa_binary" analyze gaps --round 2026 --unit D1 > gaps_d1.json
"$trappa_binary" figures --at 2025-10-31 > figures.json
"$trappa_binary" figures --at 2025-10-31 --unit D2 > figures_d2.json
"$trappa_binary" figures --at 2025-12-31 > figures_dec.json
"$trappa_binary" learning stats --from 2026-01-01 --to 2026-12-31 > learning.json
"$trappa_binary" learning stats --from 2026-01-01 --to 2026-12-31 --unit D2 > learning_d2.json
shown_value() { json_value shown.json "[a for g in d['goals'] for a in g['activities'] if a['code'] == '$1'][0]['indicator']['value']"; }
check_equal "$(shown_value A1)" "$(json_value gaps.json "d['share_with_need']")" "gap.share_with_need"
check_equal "$(shown_value A2)" "$(json_value gaps_d1.json "d['participation']")" "gap.participation --unit D1"
check_equal "$(shown_value A3)" "$(json_value gaps.json "[a for a in d['areas'] if a['code'] == 'A'][0]['need_share']")" "gap.area_need_share"
check_equal "$(shown_value A4)" "$(json_value gaps.json "[a for a in d['areas'] if a['code'] == 'B'][0]['high_motivation_share']")" "gap.area_high_motivation_share"
check_equal "$(shown_value A5)" "$(json_value gaps.json "[c for c in d['competencies'] if c['code'] == 'a1'][0]['need_share']")" "gap.competency_need_share"
check_equal "$(shown_value B1)" "$(json_value figures.json "d['headcount']['all']['total']")" "figures.headcount"
check_equal "$(shown_value B2)" "$(json_value figures_d2.json "d['headcount']['all']['K'] / d['headcount']['all']['total']")" "figures.share_women --unit D2"
check_equal "$(shown_value B3)" "$(json_value figures_dec.json "d['turnover']['external']['rate']")" "figures.external_turnover"
check_equal "$(shown_value C1)" "$(json_value learning.json "d['participants']['total']")" "learning.participants"
check_equal "$(shown_value C2)" "$(json_value learning_d2.json "d['hours']['per_participant']")" "learning.hours_per_participant --unit D2"

note "A reader under the small-group rule sees the gap figures suppressed, never computed around"
run plan show CITY-2025-2027 --on 2026-05-02 --min-group 50 --format table
check_status 0

note "Follow-up at T1 2026 freezes each bound value; a second T1 2026 is refused"
run plan follow-up CITY-2025-2027 --checkpoint T1 --year 2026 --on 2026-04-30
check_status 0
run plan follow-up CITY-2025-2027 --checkpoint T1 --year 2026 --on 2026-04-30
check_status 2
"$trappa_binary" export plan CITY-2025-2027 > followed.json
frozen() { json_value "$1" "[(f['activity'], f['status'], f['value']) for f in d['follow_ups']]"; }
check_equal "$(json_value followed.json "[f['value'] for f in d['follow_ups']]")" \
  "$(json_value shown.json "[a.get('indicator', {}).get('value') for g in d['goals'] for a in g['activities']]")" \
  "the frozen values are the live ones"
check_equal "$(json_value followed.json "all(f['frozen_at'].endswith('Z') for f in d['follow_ups'] if f['activity'] != 'B4')")" "true" "frozen_at stamped"

note "The data change (more participation in 2026): the live value moves, the frozen one does not"
printf 'employee_id,activity,date,status,hours\nP1,GRUND,2026-06-01,attended,\nP7,GRUND,2026-06-01,attended,\n' > more.csv
"$trappa_binary" import participation more.csv > /dev/null
"$trappa_binary" plan show CITY-2025-2027 --on 2026-05-02 > shown_later.json
"$trappa_binary" learning stats --from 2026-01-01 --to 2026-12-31 > learning_later.json
check_equal "$(json_value shown_later.json "[a for g in d['goals'] for a in g['activities'] if a['code'] == 'C1'][0]['indicator']['value']")" \
  "$(json_value learning_later.json "d['participants']['total']")" "the live value after the change"
"$trappa_binary" export plan CITY-2025-2027 > followed_later.json
check_equal "$(frozen followed_later.json)" "$(frozen followed.json)" "frozen values after the change"
check_equal "$(json_value followed_later.json "[(f['value'], f['frozen_at'] != '') for f in d['follow_ups'] if f['activity'] == 'C1']")" \
  "[[3, true]]" "C1 frozen at 3 while the live value is 4"
check_equal "$(json_value shown_later.json "[a for g in d['goals'] for a in g['activities'] if a['code'] == 'C1'][0]['indicator']['value']")" "4" "C1 live"

note "Export → import → export gives the same bytes"
"$trappa_binary" export plan CITY-2025-2027 -o exported.json
run import plan exported.json
check_status 0
"$trappa_binary" export plan CITY-2025-2027 -o exported_again.json
check_equal_files exported.json exported_again.json
query world.db "SELECT action, subject FROM audit_log WHERE action LIKE 'supply_plan.%' ORDER BY id"

note "The next period's plan opens with last period's activities, their last follow-up and what continues them"
python3 - <<'PY'
import json
previous = json.load(open("plan.json"))
previous["id"], previous["period"] = "CITY-2022-2024", {"from": 2022, "to": 2024}
previous["goals"] = [{"title": "Bemanning", "activities": [
    {"code": "R1", "title": "Rekrytera handläggare", "ubara": "rekrytera", "target_date": "2024-12-31",
     "responsible": "HR", "status": "ongoing", "carry_over": True},
    {"code": "R2", "title": "Introduktionsprogram", "ubara": "introducera", "target_date": "2024-06-30",
     "responsible": "HR", "status": "done"}]}]
previous["follow_ups"] = [
    {"activity": "R1", "checkpoint": "T2", "year": 2024, "status": "ongoing", "comment": "Två av fyra", "value": None, "frozen_at": ""},
    {"activity": "R1", "checkpoint": "VB", "year": 2024, "status": "ongoing", "comment": "Tre av fyra", "value": None, "frozen_at": ""},
    {"activity": "R2", "checkpoint": "T2", "year": 2024, "status": "done", "comment": "Klart", "value": None, "frozen_at": ""}]
json.dump(previous, open("previous.json", "w"), ensure_ascii=False)
following = json.load(open("plan.json"))
following["id"], following["previous"] = "CITY-2025-2027-B", "CITY-2022-2024"
following["goals"][1]["activities"].append(
    {"code": "B5", "title": "Rekrytera handläggare", "ubara": "rekrytera", "target_date": "2025-12-31",
     "responsible": "HR", "carried_from": "CITY-2022-2024/R1"})
json.dump(following, open("following.json", "w"), ensure_ascii=False)
PY
run import plan previous.json
check_status 0
run import plan following.json
check_status 0
"$trappa_binary" plan show CITY-2025-2027-B --on 2026-05-02 > following_shown.json
check_equal "$(json_value following_shown.json "[(r['code'], r['continued_as'], r['last_follow_up'] and r['last_follow_up']['checkpoint']) for r in d['previous_period']]")" \
  '[["R1", "B5", "VB"], ["R2", null, "T2"]]' "the opening table"
run plan show CITY-2025-2027-B --on 2026-05-02 --format table
check_status 0

transcript_finish
