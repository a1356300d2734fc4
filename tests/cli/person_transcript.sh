#!/usr/bin/env bash
# Personal-data rights through the real binary on the demo organisation: `trappa person export`
# writes everything about a person (and is audited), `trappa person erase` removes the name,
# e-mail, account, sessions and notes and nothing else — analyze and figures print the same
# bytes before and after, the ratings are untouched, no table of the store holds the removed
# texts any more — and `trappa audit --person` shows the erasure. The checks cannot be a fixed
# transcript (timestamps, timings), so each is a check_*.
# Usage: person_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
transcript_begin "$1" ""
store="$transcript_work/demo.db"

check_contains() {  # FILE TEXT WHAT
  if ! grep -qF -- "$2" "$1"; then fail "$3: '$2' not found in $1"; fi
}
check_lacks() {  # FILE TEXT WHAT
  if grep -qF -- "$2" "$1"; then fail "$3: '$2' still in $1"; fi
}

run --db "$store" demo
check_status 0

# Someone who self-assessed in 2025 and is in both rounds, with a manager's note in each (as the conversation
# page saves it), a web account and a signed-in browser.
# A unique name, so that "the name is gone" cannot be confused with a namesake.
person=$(sqlite3 "$store" "SELECT a.employee_id FROM assessments a JOIN rounds r ON r.id = a.round_id
  JOIN people p ON p.employee_id = a.employee_id
  WHERE r.name = '2025' AND a.status <> 'not_started' AND p.email <> ''
    AND (SELECT COUNT(*) FROM people same WHERE same.name = p.name) = 1
    AND (SELECT COUNT(*) FROM assessments both WHERE both.employee_id = p.employee_id) = 2
  ORDER BY a.employee_id LIMIT 1")
[[ -n "$person" ]] || fail "the demo has no assessed person"
name=$(sqlite3 "$store" "SELECT name FROM people WHERE employee_id = '$person'")
email=$(sqlite3 "$store" "SELECT email FROM people WHERE employee_id = '$person'")
note="Samtalsanteckning: vill fördjupa sig i informationssäkerhet under våren."
sqlite3 "$store" "UPDATE assessments SET notes = '$note' WHERE employee_id = '$person'"
run --db "$store" user add "$person"
check_status 0
sqlite3 "$store" "INSERT INTO sessions (token_digest, employee_id, csrf_token, created_at, expires_at)
  VALUES ('transcript-digest', '$person', 'csrf', '2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z')"
ratings_query="SELECT r.round_id, r.competency, r.self_level, r.agreed_level, r.agreed_by, r.agreed_at
  FROM ratings r WHERE r.employee_id = '$person' ORDER BY 1, 2"
other_query="SELECT round_id, area, motivation FROM motivations WHERE employee_id = '$person' ORDER BY 1, 2;
  SELECT round_id, position, competency FROM priorities WHERE employee_id = '$person' ORDER BY 1, 2;
  SELECT unit_code, role, gender, birth_year, COALESCE(manager_id, '') FROM people WHERE employee_id = '$person';
  SELECT * FROM employments WHERE employee_id = '$person' ORDER BY id"
sqlite3 "$store" "$ratings_query" > ratings_before.txt
sqlite3 "$store" "$other_query" > facts_before.txt
[[ -s ratings_before.txt ]] || fail "the person has no ratings to keep"

# The figures everyone else sees, before.
"$trappa_binary" --db "$store" analyze gaps --round 2026 --format csv > gaps_before.csv
"$trappa_binary" --db "$store" analyze gaps --round 2026 --compare 2025 --by gender --format json > compare_before.json
"$trappa_binary" --db "$store" figures --at 2025-12-31 > figures_before.json

note "The export holds everything about the person, but no password hash"
run --db "$store" person export "$person" --output before.json
check_status 0
check_equal "$(cat "$stdout_file")" "Wrote everything stored about $person to before.json." "export message"
check_contains before.json '"format": "trappa-person-export"' "export format"
check_contains before.json '"version": 1' "export version"
check_contains before.json "\"name\": \"$name\"" "name in the export"
check_contains before.json "\"email\": \"$email\"" "e-mail in the export"
check_contains before.json "\"notes\": \"$note\"" "note in the export"
check_contains before.json '"erased": false' "not erased yet"
check_contains before.json '"role": "employee"' "account in the export"
check_contains before.json '"sessions": 1' "session count"
check_contains before.json '"action": "person.export"' "the export records itself"
check_lacks before.json 'argon2' "password hash"
check_lacks before.json 'password_hash' "password hash"
run --db "$store" person export "$person"
check_status 0
check_contains "$stdout_file" '"format": "trappa-person-export"' "export to standard output"

note "Erasing needs a confirmation"
dump_before="$(store_dump "$store")"
run --db "$store" person erase "$person" < /dev/null
check_status 2
check_equal "$(cat "$stderr_file")" "trappa: nothing was erased
--yes: erasing cannot be undone; confirm with --yes (or type the id at a terminal)" "erase without --yes"
check_unchanged "$store" "$dump_before" "erase without --yes"
run --db "$store" person erase NO-SUCH-PERSON --yes
check_status 2
check_equal "$(cat "$stderr_file")" "trappa: nothing was erased
EMPLOYEE_ID: no person with employee id 'NO-SUCH-PERSON'" "erase of an unknown person"

note "The erasure"
run --db "$store" person erase "$person" --yes
check_status 0
check_equal "$(cat "$stdout_file")" "Erased $person: name and e-mail removed, account and 1 session(s) deleted, notes of 2 assessment(s) emptied, 0 earlier audit entries redacted.
Kept for statistics: ratings, motivation, priorities, unit, role, gender, birth year, manager and employments." \
  "erase message"

note "Nothing in the store holds the name, e-mail or note any more"
store_dump "$store" > dump_after.sql
# Quoted as SQL values, so a longer name that merely starts the same does not count.
check_lacks dump_after.sql "'$name'" "name in the store"
check_lacks dump_after.sql "'$email'" "e-mail in the store"
check_lacks dump_after.sql "$note" "note in the store"
sqlite3 "$store" "$ratings_query" > ratings_after.txt
sqlite3 "$store" "$other_query" > facts_after.txt
check_equal_files ratings_before.txt ratings_after.txt
check_equal_files facts_before.txt facts_after.txt

note "The statistics are the same, byte for byte"
"$trappa_binary" --db "$store" analyze gaps --round 2026 --format csv > gaps_after.csv
"$trappa_binary" --db "$store" analyze gaps --round 2026 --compare 2025 --by gender --format json > compare_after.json
"$trappa_binary" --db "$store" figures --at 2025-12-31 > figures_after.json
check_equal_files gaps_before.csv gaps_after.csv
check_equal_files compare_before.json compare_after.json
check_equal_files figures_before.json figures_after.json

note "The export after the erasure: no identity, no free text"
run --db "$store" person export "$person" --output after.json
check_status 0
check_lacks after.json "\"$name\"" "name in the export"
check_lacks after.json "\"$email\"" "e-mail in the export"
check_lacks after.json "$note" "note in the export"
check_contains after.json '"name": "(raderad)"' "erased name"
check_contains after.json '"email": null' "no e-mail"
check_contains after.json '"erased": true' "erased flag"
check_contains after.json '"account": null' "no account"
check_contains after.json '"sessions": 0' "no sessions"
check_contains after.json '"notes": ""' "emptied notes"
# The ratings part of the document is unchanged.
sed -n '/"ratings": \[/,/\]/p' before.json > ratings_before.json
sed -n '/"ratings": \[/,/\]/p' after.json > ratings_after.json
[[ -s ratings_before.json ]] || fail "no ratings in the export"
check_equal_files ratings_before.json ratings_after.json

note "The audit trail shows the account, both exports and the erasure"
run --db "$store" audit --person "$person"
check_status 0
check_equal "$(head -1 "$stdout_file" | tr -s ' ')" "time actor action detail" "audit header"
check_contains "$stdout_file" "account.create" "account in the history"
check_equal "$(grep -c 'person.export' "$stdout_file")" "3" "three exports in the history"
check_contains "$stdout_file" "person.erase" "erasure in the history"
check_contains "$stdout_file" "removed name, e-mail, account and 1 session(s), notes of 2 assessment(s)" "erase detail"
check_equal "$(tail -1 "$stdout_file" | awk '{print $3}')" "person.export" "the newest entry last"
run --db "$store" audit --person "$person" --format json
check_status 0
check_contains "$stdout_file" '"format": "trappa-audit-history"' "audit JSON"
check_contains "$stdout_file" '"action": "person.erase"' "erasure in the audit JSON"
run --db "$store" audit --person NO-SUCH-PERSON
check_status 2
check_equal "$(cat "$stderr_file")" "trappa: no audit history to show
--person: no person with employee id 'NO-SUCH-PERSON'" "audit of an unknown person"

note "The erased person cannot get an account or be erased again; an import keeps them erased"
run --db "$store" user add "$person"
check_status 2
check_equal "$(cat "$stderr_file")" "trappa: person '$person' was erased; no account can be made for them" "user add"
run --db "$store" person erase "$person" --yes
check_status 2
check_equal "$(cat "$stderr_file")" "trappa: person '$person' was already erased" "second erase"
"$trappa_binary" --db "$store" export people -o people.csv
# The HR system still has the person: its next file carries the name again.
sed -i "s/(raderad)/$name/" people.csv
check_contains people.csv "$name" "the name back in the import file"
run --db "$store" import people people.csv
check_status 0
check_equal "$(sqlite3 "$store" "SELECT name || '|' || email FROM people WHERE employee_id = '$person'")" "(raderad)|" \
  "still erased after an import"

transcript_finish
