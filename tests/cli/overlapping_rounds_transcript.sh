#!/usr/bin/env bash
# Issue 13, item 5: `trappa round open 2027` while 2026 was open for the same framework and
# units, and before 2027's opening date, went ahead without a word. Each concern is now
# refused by name until its flag is given (--allow-overlap, --open-early); a round alone in
# its scope opens as before, and a round that closes before it opens is never created.
# Usage: overlapping_rounds_transcript.sh TRAPPA FIXTURES_DIR SOURCE_DIR
set -euo pipefail
trappa="$1"
fixtures="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TRAPPA_DB="$work/rounds.db"
org="$fixtures/analytics"

fail() { echo "FAILED: $*" >&2; exit 1; }
expect_output() {  # expected-text actual-text what
  if [[ "$1" != "$2" ]]; then
    echo "--- expected ($3)"; echo "$1"; echo "--- actual"; echo "$2"
    fail "$3"
  fi
}
refused() {  # expected-message what command...
  local expected="$1" what="$2"; shift 2
  set +e
  out=$("$trappa" "$@" 2>&1); status=$?
  set -e
  [[ $status -eq 2 ]] || fail "$what: exit $status, expected 2 ($out)"
  expect_output "$expected" "$out" "$what"
}

"$trappa" import units "$org/units.csv" >/dev/null
"$trappa" import people "$org/people.csv" >/dev/null
"$trappa" import framework "$org/framework.json" >/dev/null

# Dates: closing before opening is refused at creation, naming the field.
refused "trappa: the round was not created
--closes: the round closes before it opens" "closes before opens" \
  round create 2027 --framework mini --opens 2099-05-29 --closes 2099-01-11

"$trappa" round create 2026 --framework mini --unit D1 --opens 2026-01-12 --closes 2026-12-18 >/dev/null
"$trappa" round open 2026 >/dev/null
"$trappa" round create 2027 --framework mini --unit U1 --opens 2099-01-11 --closes 2099-05-29 >/dev/null

refused "trappa: the round was not opened
round 2026: is open for the same framework 'mini' and overlapping units; opening '2027' too needs a confirmation (--allow-overlap)
opens: the round opens on 2099-01-11; opening it earlier needs a confirmation (--open-early)" "overlap and early" \
  round open 2027
refused "trappa: the round was not opened
opens: the round opens on 2099-01-11; opening it earlier needs a confirmation (--open-early)" "early only" \
  round open 2027 --allow-overlap
expect_output "name         state    framework                scope          opens      closes    
2026         open     mini r1                  D1             2026-01-12 2026-12-18
2027         draft    mini r1                  U1             2099-01-11 2099-05-29" "$("$trappa" round list)" \
  "nothing opened while refused"

expect_output "round '2027' is now open" "$("$trappa" round open 2027 --allow-overlap --open-early)" "confirmed"

# A round of another scope opens without a question.
"$trappa" round create andra --framework mini --unit D2 >/dev/null
expect_output "round 'andra' is now open" "$("$trappa" round open andra)" "other units"

# --help documents both flags.
help=$("$trappa" round open --help)
grep -q -- "--allow-overlap" <<<"$help" || fail "round open --help lacks --allow-overlap: $help"
grep -q -- "--open-early" <<<"$help" || fail "round open --help lacks --open-early: $help"
echo "overlapping rounds transcript: all checks passed"
