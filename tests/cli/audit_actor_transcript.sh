#!/usr/bin/env bash
# Forged audit lines (issue 12, finding 3): the command-line actor is "cli:" + --actor, $TRAPPA_ACTOR or the user name, and
# `trappa audit --person` prints one entry a line. A $TRAPPA_ACTOR holding a line feed followed by
# what looks like an entry ("2026-01-01 admin person.erase"), or an ESC sequence, must be
# refused before anything is written; and whatever an older store already holds in an entry's
# actor, action or detail is printed escaped, so it can neither start a new line nor reach
# the terminal as an escape sequence.
# Usage: audit_actor_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/audit_actor_transcript.expected"
store=store.db  # relative, so the transcript does not name the temporary directory
cp "$fixtures/import/units.csv" "$fixtures/import/people.csv" .

export TRAPPA_ACTOR=hr-admin
run --db "$store" import units units.csv
check_status 0
run --db "$store" import people people.csv
check_status 0
before="$(store_dump "$store")"

note "A user name with a line feed and a forged entry after it is refused; nothing is written"
TRAPPA_ACTOR=$'mallory\n2026-01-01 admin person.erase' run --db "$store" import people people.csv
check_status 2
check_stdout_empty
check_unchanged "$store" "$before" "import with a line feed in TRAPPA_ACTOR"

note "So is one with an escape sequence (clear screen), for reading commands too"
TRAPPA_ACTOR=$'mallory\e[2J\e[31m' run --db "$store" audit --person E001
check_status 2
check_stdout_empty
if grep -q $'\e' "$stderr_file"; then fail "the refusal printed the escape sequence"; fi
check_unchanged "$store" "$before" "audit with ESC in TRAPPA_ACTOR"

note "--actor names who ran a command, before \$TRAPPA_ACTOR and the user name; it is checked the same way"
run --db "$store" --actor '' import people people.csv
check_status 2
check_unchanged "$store" "$before" "import with an empty --actor"
run --db "$store" import people people.csv --actor karin.hr
check_status 0
check_equal "$(sqlite3 "$store" "SELECT actor FROM audit_log WHERE action = 'import.people' ORDER BY rowid DESC LIMIT 1")" \
  "cli:karin.hr" "the actor of the import"
before="$(store_dump "$store")"

note "An older store whose entries hold line feeds and escapes (written before the check)"
# The imports' own entries get a fixed time, so the transcript does not change with the clock.
sqlite3 "$store" "UPDATE audit_log SET at = '2026-01-15T08:00:00Z'"
sqlite3 "$store" "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES
  ('2026-02-01T10:00:00Z', 'cli:mallory' || char(10) || '2026-01-01 admin person.erase', 'person.update', 'E001',
   'name: a' || char(13) || char(10) || '2026-01-02T00:00:00Z  cli:root  person.erase  forged'),
  ('2026-02-01T10:00:01Z', 'cli:eve' || char(27) || '[2J', 'person.update' || char(27) || ']0;title' || char(7), 'E001',
   'back\\slash, tab' || char(9) || 'and C1 ' || char(155) || '31m, é kept')"
run --db "$store" audit --person E001
check_status 0
if grep -q $'\e' "$stdout_file"; then fail "an escape character reached the output"; fi
if grep -q $'\r' "$stdout_file"; then fail "a carriage return reached the output"; fi
if grep -q '^2026-01-0[12]' "$stdout_file"; then fail "a forged line starts the output"; fi
entries="$(sqlite3 "$store" "SELECT COUNT(*) FROM audit_log WHERE subject = 'E001'")"
check_equal "$(wc -l < "$stdout_file" | tr -d ' ')" "$((entries + 1))" "one line per entry after the header"
transcript_finish
