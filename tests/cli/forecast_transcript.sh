#!/usr/bin/env bash
# trappa forecast through the real binary on the demo store: the table for the whole
# organisation (the hazard measured from the demo's pension departures, the 2025 round),
# the CSV and JSON of one department, the fixed retirement age, a scenario file, and refused
# options and scenarios (unknown role with its JSON path, bad shapes, unknown round, years
# out of range), each with exit status 2.
# Usage: forecast_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/forecast_transcript.expected"
"$trappa_binary" --db demo.db demo > /dev/null

note "The demo organisation at the end of 2025, five years"
run --db demo.db forecast --at 2025-12-31 --format table
check_status 0

note "One department as CSV and JSON; the same forecast at a fixed retirement age of 67"
run --db demo.db forecast --at 2025-12-31 --years 3 --unit KF-ADM --format csv
check_status 0
run --db demo.db forecast --at 2025-12-31 --years 2 --unit KF-ADM-HR
check_status 0
run --db demo.db forecast --at 2025-12-31 --years 3 --unit KF-ADM --retirement-age 67 --format csv
check_status 0

note "A scenario: 3 % more librarians a year, assistants leaving at 10 %, competency 1.1 developing at 40 %"
cat > scenario.json <<'JSON'
{"format": "trappa-forecast-scenario", "version": 1,
 "demand": {"bibliotekarie": {"growth": 0.03}},
 "leaving_rate": {"biblioteksassistent": 0.1},
 "development_rate": {"1.1": 0.4}}
JSON
run --db demo.db forecast --at 2025-12-31 --years 2 --scenario scenario.json --format csv
check_status 0
"$trappa_binary" --db demo.db forecast --at 2025-12-31 --years 2 --scenario scenario.json > scenario.json.out
grep -q '"leaving_rate_from_scenario": true' scenario.json.out || fail "the scenario's leaving rate is not marked"
grep -q '"development_rate_from_scenario": true' scenario.json.out || fail "the scenario's development rate is not marked"

note "Scenarios that do not fit, bad options"
cat > unknown.json <<'JSON'
{"format": "trappa-forecast-scenario", "version": 1,
 "demand": {"bibliotekarie_x": {"growth": 0.03}, "chef": {"headcount": [50]}},
 "development_rate": {"9.9": 0.4}}
JSON
run --db demo.db forecast --at 2025-12-31 --years 2 --scenario unknown.json
check_status 2
cat > shapes.json <<'JSON'
{"format": "trappa-forecast-scenario", "version": 1, "recruit": "sometimes", "demand": {"chef": {"growth": "3 %"}}}
JSON
run --db demo.db forecast --at 2025-12-31 --scenario shapes.json
check_status 2
run --db demo.db forecast --at 2025-12-31 --round 1999
check_status 2
run --db demo.db forecast --at 2025-12-31 --unit NOPE
check_status 2
run --db demo.db forecast --at 2025-13-01
check_status 2
run --db demo.db forecast --at 2025-12-31 --years 11
check_status 2
transcript_finish
