#!/usr/bin/env bash
# Transcript: importing the organisation from the command line into a SQLite store — units,
# people as HR exports them, a file with problems (all listed, exit 2, store unchanged),
# --dry-run, re-import by employee id, the audit trail, `trappa demo` refusing a store with
# people, and choosing the store with --db or TRAPPA_DB.
# Usage: import_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$2"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/import_transcript.expected"

cp "$fixtures"/import/units.csv "$fixtures"/import/people.csv "$fixtures"/import/people_several_problems.csv .
# A second delivery from HR: E003 moved and promoted, E007 newly hired under E002.
printf '%s\n' \
  'employee_id,name,email,gender,birth_year,unit_code,role,manager_id' \
  'E003,Örjan Åkesson,orjan.akesson@stockholm.se,M,1982,BIB-SKÄ,samordnare,E002' \
  'E007,Ebba Ström,,K,1999,BIB-ÖST,biblioteksvärd,E002' > people_update.csv

note "A new store: the units, then the people (UTF-8 with BOM, ';', CRLF, an extra column)"
run --db store.db import units units.csv
check_status 0
run --db store.db import people people.csv
check_status 0
query store.db "SELECT code, name, COALESCE(parent_code, ''), kind FROM units ORDER BY code"
query store.db "SELECT employee_id, name, email, gender, birth_year, unit_code, role, COALESCE(manager_id, '') FROM people ORDER BY employee_id"

note "A file with problems: every problem is listed, exit status 2, nothing is written"
before="$(store_dump store.db)"
run --db store.db import people people_several_problems.csv
check_status 2
check_stdout_empty
check_unchanged store.db "$before" "a failed people import"

note "--dry-run validates a good file and writes nothing"
run --db store.db import people people_update.csv --dry-run
check_status 0
check_unchanged store.db "$before" "a dry run"

note "Importing it updates by employee id and adds the new person"
run --db store.db import people people_update.csv
check_status 0
query store.db "SELECT COUNT(*) FROM people"
query store.db "SELECT employee_id, name, email, unit_code, role, manager_id FROM people WHERE employee_id IN ('E003', 'E007') ORDER BY employee_id"

note "An HR export without role and birth year imports; the summary says how many (issue 15)"
cp "$fixtures"/import/hr/people_without_role_and_birth_year.csv .
run --db store.db import people people_without_role_and_birth_year.csv
check_status 0
query store.db "SELECT employee_id, birth_year, role FROM people WHERE employee_id LIKE 'E10_' ORDER BY employee_id"

note "Every import that wrote something is in the audit trail"
query store.db "SELECT action, subject, detail FROM audit_log ORDER BY id"
actors="$(sqlite3 store.db "SELECT DISTINCT actor FROM audit_log")"
[[ "$actors" == cli:* ]] || fail "audit entries should name the command-line user, got '$actors'"

note "trappa demo refuses a store that already holds people"
before="$(store_dump store.db)"
run --db store.db demo
check_status 2
check_unchanged store.db "$before" "a refused demo"

note "TRAPPA_DB chooses the store when --db is not given"
export TRAPPA_DB=env.db
run import units units.csv
check_status 0
query env.db "SELECT COUNT(*) FROM units"
[[ ! -e trappa.db ]] || fail "TRAPPA_DB was set, yet ./trappa.db was created"

note "--db wins over TRAPPA_DB, before or after the subcommand"
env_before="$(store_dump env.db)"
run --db flag.db import units units.csv
check_status 0
run import people people.csv --db flag.db
check_status 0
query flag.db "SELECT (SELECT COUNT(*) FROM units) || ' units, ' || (SELECT COUNT(*) FROM people) || ' people'"
check_unchanged env.db "$env_before" "--db given"
unset TRAPPA_DB

note "Without either, the store is ./trappa.db"
run import units units.csv
check_status 0
query trappa.db "SELECT COUNT(*) FROM units"

transcript_finish
