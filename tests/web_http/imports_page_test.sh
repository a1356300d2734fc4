#!/usr/bin/env bash
# The page Importera over real HTTP (issue 15, "Imports in the web"; docs/web.md "Importera")
# against a real `trappa serve --demo` on 127.0.0.1 with curl.
#
# Checks: an upload without a session is sent to sign in and writes nothing; the employee
# gets 403; an upload with a bad CSRF token is 403; a malformed multipart body is 400; a file
# with errors shows every problem as FILE:LINE:COLUMN with the reason, keeps nothing and
# writes nothing; a good file shows its records, and once confirmed is imported with the
# progress page (meta refresh while it runs), audited with HR as the actor, and found by the
# person search (the change feed); a cancelled upload cannot be confirmed; an upload over
# the size limit is 413 with the limit in the message.
#
# Usage: tests/web_http/imports_page_test.sh PATH/TO/trappa
set -uo pipefail

test_name=imports_page_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

form_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1; }
form_action() { sed -n 's/.*<form method="post" action="\(\/importera\/[^"]*\)".*/\1/p' "$work/body" | head -n 1; }
# upload JAR CSRF KIND FILE: posts the upload form as a browser does (multipart/form-data).
upload() {
  curl -s -b "$1" -c "$1" -o "$work/body" -w '%{http_code}' "$base/importera" \
    -F "csrf=$2" -F "typ=$3" -F "fil=@$4;type=text/csv"
}
people_count() { sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM people"; }
tmp_files() { ls "${TMPDIR:-/tmp}"/trappa-imports-*/ 2>/dev/null | wc -l; }

# The server keeps uploads in a private directory under $TMPDIR: this test's own.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
start_server first
hr="$(account_id demo_hr)"
employee="$(account_id demo_employee)"
hr_jar="$work/hr.jar"
employee_jar="$work/employee.jar"
visitor_jar="$work/visitor.jar"
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$(account_password demo_hr)")" 303
check "the employee signs in" equals "$(sign_in "$employee_jar" "$employee" "$(account_password demo_employee)")" 303
unit="$(sqlite3 "$TRAPPA_DB" "SELECT unit_code FROM people WHERE employee_id = '$hr'")"
people_before="$(people_count)"

cat > "$work/bad.csv" <<CSV
employee_id,name,email,gender,birth_year,unit_code,role,manager_id
W900001,Wilma Import,,Q,1980,$unit,handläggare,
W900002,Walter Import,,M,1880,NOSUCHUNIT,handläggare,
CSV
cat > "$work/people.csv" <<CSV
employee_id,name,email,gender,birth_year,unit_code,role,manager_id
W900001,Wilma Importsson,,K,1980,$unit,handläggare,
W900002,Walter Importsson,,M,1975,$unit,handläggare,
CSV

echo "# Who may import"
check "a visitor's GET goes to sign in" equals "$(get "$visitor_jar" /importera)" 303
check "a visitor's upload is refused" bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' '$base/importera' -F csrf=x -F typ=people -F 'fil=@$work/people.csv') =~ ^(303|401|403)$ ]]"
check "the employee gets 403" equals "$(get "$employee_jar" /importera)" 403
check "the employee's upload is 403" equals "$(upload "$employee_jar" x people "$work/people.csv")" 403
check "HR gets the form" equals "$(get "$hr_jar" /importera)" 200
check "... a multipart form" contains "$work/body" 'enctype="multipart/form-data"'
check "... with a file field" contains "$work/body" 'type="file"'
check "... the kinds" contains "$work/body" '<option value="participation"'
check "... the shipped column maps offered" contains "$work/body" '<option value="svenskt-hr-system"'
check "... linked in the navigation" contains "$work/body" 'href="/importera"'
csrf="$(form_csrf)"
check "an upload with a bad CSRF token is 403" equals "$(upload "$hr_jar" wrong people "$work/people.csv")" 403
check "a malformed multipart body is 400" equals "$(curl -s -b "$hr_jar" -o "$work/body" -w '%{http_code}' "$base/importera" \
  -H 'Content-Type: multipart/form-data; boundary=xyz' --data-binary $'--xyz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'"$csrf")" 400
check "no file is 422" equals "$(curl -s -b "$hr_jar" -o "$work/body" -w '%{http_code}' "$base/importera" -F "csrf=$csrf" -F typ=people)" 422
check "... saying so" contains "$work/body" 'Välj en fil som inte är tom'

check "assessments without a round are 422" equals "$(curl -s -b "$hr_jar" -o "$work/body" -w '%{http_code}' "$base/importera" -F "csrf=$csrf" -F typ=assessments -F "fil=@$work/people.csv")" 422
check "... asking for the round" contains "$work/body" 'Välj omgången som svaren hör till'
check "an unknown framework is 422" equals "$(curl -s -b "$hr_jar" -o "$work/body" -w '%{http_code}' "$base/importera" -F "csrf=$csrf" -F typ=activities -F ramverk=finns-ej -F "fil=@$work/people.csv")" 422
check "... asking for the framework" contains "$work/body" 'Välj ramverket'
check "... and the file not kept" equals "$(tmp_files)" 0

echo "# A file with errors: every problem, nothing written"
check "the preview of a bad file is 422" equals "$(upload "$hr_jar" "$csrf" people "$work/bad.csv")" 422
check "... the gender at line 2, column 23" contains "$work/body" 'bad.csv:2:23: gender .*Q'
check "... the birth year at line 3" contains "$work/body" 'bad.csv:3:[0-9]*: birth year'
check "... the unknown unit at line 3" contains "$work/body" 'bad.csv:3:[0-9]*: unknown unit .*NOSUCHUNIT'
check "... never the server's copy's path" bash -c "! grep -q 'trappa-imports-' '$work/body'"
check "... with nothing to confirm" bash -c "! grep -q 'bekrafta' '$work/body'"
check "... nothing written" equals "$(people_count)" "$people_before"
check "... and the file not kept" equals "$(tmp_files)" 0

echo "# A good file: preview, confirm, progress, audit, visible at once"
check "the preview of a good file is 200" equals "$(upload "$hr_jar" "$csrf" people "$work/people.csv")" 200
check "... the records as read" contains "$work/body" '<td>Wilma Importsson</td>'
check "... the birth year read" contains "$work/body" '<td>1975</td>'
check "... nothing written yet" equals "$(people_count)" "$people_before"
action="$(form_action)"
check "... a confirm form" test -n "$action"
check "the preview's address shows the preview again" equals "$(get "$hr_jar" "$action")" 200
check "... with its confirm form" contains "$work/body" 'value="bekrafta"'
check "confirming without the CSRF token is 403" equals "$(post_form "$hr_jar" "$action" "atgard=bekrafta")" 403
check "... nothing written" equals "$(people_count)" "$people_before"
check "confirming starts the import" equals "$(post_form "$hr_jar" "$action" "csrf=$csrf" "atgard=bekrafta")" 303
for attempt in $(seq 1 50); do
  get "$hr_jar" "$action" > /dev/null
  grep -q 'Importen är klar' "$work/body" && break
  sleep 0.1
done
check "the progress page ends with the result" contains "$work/body" 'Importen är klar: 2 people'
check "... a full progress bar" contains "$work/body" '<progress id="import-progress" max="3" value="3">'
check "... no longer refreshing" bash -c "! grep -q 'http-equiv=\"refresh\"' '$work/body'"
check "the people are stored" equals "$(sqlite3 "$TRAPPA_DB" "SELECT name FROM people WHERE employee_id IN ('W900001','W900002') ORDER BY employee_id" | tr '\n' ',')" "Wilma Importsson,Walter Importsson,"
check "... audited with HR as the actor" equals "$(sqlite3 "$TRAPPA_DB" "SELECT actor FROM audit_log WHERE action = 'import.people' ORDER BY id DESC LIMIT 1")" "$hr"
check "... each person itemised at the uploaded file's line" contains <(sqlite3 "$TRAPPA_DB" "SELECT detail FROM audit_log WHERE subject = 'W900002' ORDER BY id DESC LIMIT 1") 'people.csv:3'
check "... and the file removed" equals "$(tmp_files)" 0
found=no
for attempt in $(seq 1 30); do
  get "$hr_jar" "/personer?q=Importsson" > /dev/null
  if grep -q 'Walter Importsson' "$work/body"; then found=yes; break; fi
  sleep 0.1
done
check "the person search finds them (change feed)" equals "$found" yes
check "a second confirm is refused" equals "$(post_form "$hr_jar" "$action" "csrf=$csrf" "atgard=bekrafta")" 409

echo "# Cancel"
upload "$hr_jar" "$csrf" people "$work/people.csv" > /dev/null
action="$(form_action)"
check "cancelling redirects to the form" equals "$(post_form "$hr_jar" "$action" "csrf=$csrf" "atgard=avbryt")" 303
check "... the file removed" equals "$(tmp_files)" 0
check "... and it cannot be confirmed after" equals "$(post_form "$hr_jar" "$action" "csrf=$csrf" "atgard=bekrafta")" 409
other_jar="$work/other.jar"
sign_in "$other_jar" "$hr" "$(account_password demo_hr)" > /dev/null
check "another session of the same HR cannot see it" equals "$(get "$other_jar" "$action")" 404

echo "# Size limit"
head -c $((51 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$work/huge.csv"
check "an upload over 50 MB is 413" equals "$(upload "$hr_jar" "$csrf" people "$work/huge.csv")" 413
check "... naming the limit" contains "$work/body" 'högst 50 MB'

echo "$test_name: $passed passed, $failed failed"
(( failed == 0 ))
