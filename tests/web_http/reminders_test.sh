#!/usr/bin/env bash
# Ej påbörjade and reminder e-mails (issue 13, "HR can run the round") over real HTTP, with a
# real SMTP sink (python3-aiosmtpd writing a Maildir): HR opens who has not started in round
# 2026, whose count matches the API's; downloads it as CSV and XLSX; previews a reminder (nothing
# sent), sends it (exactly the expected messages reach the sink), is refused a second reminder
# within the limit, and the batch is audited. A manager reminds their own team only (someone
# without an e-mail address is skipped); an employee and an observer get 404, HR with a scope
# 403 for a person outside it. A failing SMTP server records nothing as sent, STARTTLS when
# required is never skipped, and without SMTP the page says reminders are not available — and
# still shows the stored reminders.
#
# Usage: tests/web_http/reminders_test.sh PATH/TO/trappa
set -uo pipefail

test_name=reminders_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
command -v sqlite3 >/dev/null || { echo "$test_name: needs sqlite3 (scripts/bootstrap.sh test)" >&2; exit 1; }

python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import aiosmtpd' 2>/dev/null; then python="$candidate"; break; fi
done
[[ -n "$python" ]] || { echo "$test_name: needs python3-aiosmtpd (scripts/bootstrap.sh test)" >&2; exit 1; }

client() {  # client JAR CURL-ARGS...: status to stdout, headers to $work/headers, body to $work/body
  local jar="$1"
  shift
  curl -s -b "$jar" -c "$jar" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@"
}
header_value() { tr -d '\r' < "$work/headers" | sed -n "s/^$1: //Ip" | head -n 1; }
form_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1; }
sign_in() {  # sign_in JAR USER PASSWORD: prints the status
  client "$1" "$base/login" > /dev/null
  client "$1" "$base/login" --data-urlencode "csrf=$(form_csrf)" --data-urlencode "username=$2" \
    --data-urlencode "password=$3" --data-urlencode "next=/"
}
post() {  # post JAR PAGE PATH FORM-FIELDS...: with the CSRF token of GET PAGE; prints the status
  local jar="$1" page="$2" path="$3"
  shift 3
  client "$jar" "$base$page" > /dev/null
  local args=(--data-urlencode "csrf=$(form_csrf)")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  client "$jar" "$base$path" "${args[@]}"
}
page=/omgangar/ej-paborjade?omgang=2026
remind=/omgangar/ej-paborjade/paminn
listed_people() { sed -n 's/.*name="person" value="\([^"]*\)".*/\1/p' "$work/body"; }
count_on_page() { sed -n 's/.*id="not-started-count">\([^<]*\) av .*/\1/p' "$work/body" | head -n 1 | tr -cd '0-9'; }
email_of() { sqlite3 "$TRAPPA_DB" "SELECT email FROM people WHERE employee_id = '$1'"; }
audit() {  # audit ACTION SUBJECT: "actor|detail" of those entries
  sqlite3 "$TRAPPA_DB" "SELECT actor || '|' || detail FROM audit_log WHERE action = '$1' AND subject = '$2' ORDER BY id"
}
reminders_of() { sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM reminders WHERE round_name = '2026' AND employee_id = '$1'"; }

mail_dir="$work/mail"
start_sink() {
  local attempt
  for attempt in 1 2 3 4 5; do
    smtp_port=$((20000 + RANDOM % 40000))
    "$python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$mail_dir" > "$work/sink.log" 2>&1 &
    sink_pid=$!
    local waited=0
    while (( waited < 100 )); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then
        server_pids+=("$sink_pid")
        return 0
      fi
      kill -0 "$sink_pid" 2>/dev/null || break
      sleep 0.1
      waited=$((waited + 1))
    done
    kill "$sink_pid" 2>/dev/null
    wait "$sink_pid" 2>/dev/null
  done
  echo "$test_name: the SMTP sink did not start:" >&2
  cat "$work/sink.log" >&2
  exit 1
}
mails() {  # every message the sink holds, "TO|SUBJECT", sorted
  [[ -d "$mail_dir" ]] || return 0
  "$python" - "$mail_dir" <<'EOF' | sort
import email.header, mailbox, sys
for message in mailbox.Maildir(sys.argv[1], create=False):
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    print(message["To"] + "|" + subject.replace("\r\n", "").replace("\n", ""))
EOF
}
mail_count() { mails | grep -c . ; }
subject="Påminnelse: din självskattning i omgången 2026 / Reminder: your self-assessment in round 2026"

start_sink
smtp=(--smtp-host 127.0.0.1 --smtp-port "$smtp_port" --smtp-from kompetens@example.se)
start_server first "${smtp[@]}"
employee="$(account_id demo_employee)"
employee_password="$(account_password demo_employee)"
manager="$(account_id demo_manager)"
manager_password="$(account_password demo_manager)"
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
observer="$(account_id demo_observer)"
observer_password="$(account_password demo_observer)"

manager_jar="$work/manager.jar"
sign_in "$manager_jar" "$manager" "$manager_password" > /dev/null
check "the manager opens who in their team has not started" equals "$(client "$manager_jar" "$base$page")" 200
mapfile -t team < <(listed_people)
check "the demo employee, who has not started, is on it" bash -c "printf '%s\n' ${team[*]} | grep -qx '$employee'"
check "the team has someone else who has not started" test "${#team[@]}" -ge 2
without_email=""
for id in "${team[@]}"; do [[ "$id" != "$employee" ]] && { without_email="$id"; break; }; done
stop_server

# Someone of the team without an e-mail address, and HR for one unit that does not hold the
# demo employee, as `trappa user add` makes them.
sqlite3 "$TRAPPA_DB" "UPDATE people SET email = '' WHERE employee_id = '$without_email'"
scoped_unit="$(sqlite3 "$TRAPPA_DB" "WITH RECURSIVE up(code) AS (
    SELECT unit_code FROM people WHERE employee_id = '$employee'
    UNION SELECT units.parent_code FROM units JOIN up ON units.code = up.code WHERE units.parent_code IS NOT NULL)
  SELECT code FROM units WHERE code NOT IN (SELECT code FROM up)
    AND EXISTS (SELECT 1 FROM people WHERE people.unit_code = units.code
                AND employee_id NOT IN (SELECT employee_id FROM accounts))
  ORDER BY code LIMIT 1")"
scoped_hr="$(sqlite3 "$TRAPPA_DB" "SELECT employee_id FROM people WHERE unit_code = '$scoped_unit'
  AND employee_id NOT IN (SELECT employee_id FROM accounts) ORDER BY employee_id LIMIT 1")"
scoped_otp="$("$trappa" user add "$scoped_hr" --role hr --scope "$scoped_unit" | sed -n 's/^One-time password: //p')"
check "an HR account for unit $scoped_unit is made" test -n "$scoped_otp"
# A manager every one of whose reports has saved levels of their own in round 2026.
done_manager="$(sqlite3 "$TRAPPA_DB" "SELECT m.employee_id FROM people m
  WHERE EXISTS (SELECT 1 FROM people r WHERE r.manager_id = m.employee_id)
    AND NOT EXISTS (SELECT 1 FROM people r WHERE r.manager_id = m.employee_id AND NOT EXISTS (
      SELECT 1 FROM ratings x JOIN rounds o ON o.id = x.round_id
      WHERE o.name = '2026' AND x.employee_id = r.employee_id AND x.self_level IS NOT NULL))
    AND m.employee_id NOT IN (SELECT employee_id FROM accounts)
  ORDER BY m.employee_id LIMIT 1")"
done_otp="$("$trappa" user add "$done_manager" --role employee | sed -n 's/^One-time password: //p')"
check "a manager whose team has all started gets an account" test -n "$done_otp"
start_server second "${smtp[@]}"

hr_jar="$work/hr.jar"
sign_in "$hr_jar" "$hr" "$hr_password" > /dev/null
check "Omgångar links who has not started" bash -c "[[ \$(curl -s -b '$hr_jar' '$base/omgangar') == *'href=\"/omgangar/ej-paborjade?omgang=2026\"'* ]]"
check "so does HR's start page" bash -c "[[ \$(curl -s -b '$hr_jar' '$base/') == *'href=\"/omgangar/ej-paborjade?omgang=2026\"'* ]]"
check "HR opens who has not started" equals "$(client "$hr_jar" "$base$page")" 200
shown="$(count_on_page)"
mapfile -t everyone < <(listed_people)
api_count="$(curl -s -b "$hr_jar" -H 'Accept: application/json' "$base/api/v1/rounds/2026/gaps" | jq -r '.status.not_started')"
check "the count on the page ($shown) is the API's not_started" equals "$shown" "$api_count"
mapfile -t on_page < <(sed -n 's/.*<th scope="row"><a href="\/personer\/\([^"]*\)".*/\1/p' "$work/body")
check "each of them is listed" equals "${#on_page[@]}" "$shown"
with_address="$(printf "'%s'," "${on_page[@]}")"
with_address="$(sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM people WHERE email <> '' AND employee_id IN (${with_address%,})")"
check "everyone with an e-mail address ($with_address) can be chosen, nobody else" equals "${#everyone[@]}" "$with_address"
check "the page lists them per unit" contains "$work/body" 'id="not-started-units-caption"'
check "and per manager" contains "$work/body" 'id="not-started-managers-caption"'
check "each person links to the person page" contains "$work/body" "href=\"/personer/$employee\""
check "someone without an address is said to lack one" contains "$work/body" "Saknar e-postadress"

check "the list downloads as CSV" equals "$(client "$hr_jar" "$base/omgangar/ej-paborjade.csv?omgang=2026")" 200
check "as text/csv" equals "$(header_value Content-Type)" "text/csv; charset=utf-8"
check "one line per person and a header" equals "$(wc -l < "$work/body")" "$((shown + 1))"
check "in the Swedish spreadsheet dialect" bash -c "head -n 1 '$work/body' | grep -q 'Namn;Anställningsnummer;E-post;Enhet;Chef;Påminnelser'"
check "with the demo employee's address" contains "$work/body" "$(email_of "$employee")"
check "the list downloads as XLSX" equals "$(client "$hr_jar" "$base/omgangar/ej-paborjade.xlsx?omgang=2026")" 200
check "as a spreadsheet" equals "$(header_value Content-Type)" "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
check "a real workbook with the sheet Ej påbörjade and a row per person" \
  equals "$("$python" - "$work/body" <<'EOF'
import re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
sheets = re.findall(r'<sheet name="([^"]*)"', book.read("xl/workbook.xml").decode())
rows = book.read("xl/worksheets/sheet1.xml").decode().count("<row ")
print(",".join(sheets), rows)
EOF
)" "Ej påbörjade $((shown + 1))"

# Two people outside the manager's team, reminded by HR.
chosen=()
for id in "${everyone[@]}"; do
  printf '%s\n' "${team[@]}" | grep -qx "$id" || chosen+=("$id")
  (( ${#chosen[@]} == 2 )) && break
done
first="${chosen[0]}"
second="${chosen[1]}"
check "the preview opens" equals "$(post "$hr_jar" "$page" "$remind" omgang=2026 "person=$first" "person=$second")" 200
check "showing the exact subject" contains "$work/body" "$subject"
check "and the body" contains "$work/body" "Du har ännu inte påbörjat din självskattning i omgången 2026."
check "and the number of recipients" contains "$work/body" "Påminnelsen skickas till 2 personer"
check "the preview sends nothing" equals "$(mail_count)" 0
check "HR confirms and the reminders are sent" \
  equals "$(post "$hr_jar" "$page" "$remind" omgang=2026 bekrafta=ja "person=$first" "person=$second")" 200
check "saying how many" contains "$work/body" "2 påminnelser skickades"
check "the sink received exactly the two messages" \
  equals "$(mails)" "$(printf '%s|%s\n' "$(email_of "$first")" "$subject" "$(email_of "$second")" "$subject" | sort)"
check "the batch is audited under the round, as done by HR" \
  equals "$(audit round.reminders 2026)" "$hr|2 reminder e-mails sent: $first, $second"
check "and under each person" equals "$(audit reminder.sent "$first")" "$hr|round 2026"
check "the person page shows it" bash -c "[[ \$(curl -s -b '$hr_jar' '$base/personer/$first') == *'Påminnelse skickad'* ]]"
check "a second reminder the same day is skipped" \
  equals "$(post "$hr_jar" "$page" "$remind" omgang=2026 bekrafta=ja "person=$first")" 200
check "saying so" contains "$work/body" "1 personer påmindes inte"
check "and nothing more reached the sink" equals "$(mail_count)" 2
check "nor was recorded" equals "$(reminders_of "$first")" 1
client "$hr_jar" "$base$page" > /dev/null
check "the list shows who was reminded and when" contains "$work/body" "1 av 3, senast"

# Scope.
check "a form without its CSRF token is refused" \
  equals "$(client "$hr_jar" "$base$remind" --data-urlencode omgang=2026 --data-urlencode "person=$first")" 403
employee_jar="$work/employee.jar"
sign_in "$employee_jar" "$employee" "$employee_password" > /dev/null
check "an employee gets 404" equals "$(client "$employee_jar" "$base$page")" 404
check "also for the CSV" equals "$(client "$employee_jar" "$base/omgangar/ej-paborjade.csv?omgang=2026")" 404
check "and for reminding" equals "$(post "$employee_jar" / "$remind" omgang=2026 "person=$employee")" 404
observer_jar="$work/observer.jar"
sign_in "$observer_jar" "$observer" "$observer_password" > /dev/null
check "an observer gets 404" equals "$(client "$observer_jar" "$base$page")" 404
scoped_jar="$work/scoped.jar"
check "HR of unit $scoped_unit signs in" equals "$(sign_in "$scoped_jar" "$scoped_hr" "$scoped_otp")" 303
check "and chooses a password" \
  equals "$(post "$scoped_jar" /konto /konto "current=$scoped_otp" new=hr-enhet-lösenord-2026 repeat=hr-enhet-lösenord-2026)" 303
check "sees the list of that unit" equals "$(client "$scoped_jar" "$base$page")" 200
check "without the demo employee" bash -c "! grep -q 'value=\"$employee\"' '$work/body'"
check "the download leaves them out too" equals "$(client "$scoped_jar" "$base/omgangar/ej-paborjade.csv?omgang=2026")" 200
check "(no line of theirs)" bash -c "! grep -q '$employee' '$work/body'"
check "reminding someone outside the scope is refused" \
  equals "$(post "$scoped_jar" "$page" "$remind" omgang=2026 bekrafta=ja "person=$employee")" 403
check "the manager cannot remind someone outside the team" \
  equals "$(post "$manager_jar" "$page" "$remind" omgang=2026 bekrafta=ja "person=$second")" 403
check "nothing was sent or recorded" equals "$(mail_count)|$(reminders_of "$employee")" "2|0"

done_jar="$work/done.jar"
sign_in "$done_jar" "$done_manager" "$done_otp" > /dev/null
post "$done_jar" /konto /konto "current=$done_otp" new=chef-klar-lösenord-2026 repeat=chef-klar-lösenord-2026 > /dev/null
check "a manager whose team has all started opens the page" equals "$(client "$done_jar" "$base$page")" 200
check "which says everyone has started" contains "$work/body" "Alla har påbörjat sin skattning"
check "with nothing to download or remind" bash -c "! grep -q -e 'ej-paborjade.csv' -e 'name=\"person\"' '$work/body'"

# The manager reminds the own team.
team_args=()
for id in "${team[@]}"; do team_args+=("person=$id"); done
check "the manager previews a reminder to the team" equals "$(post "$manager_jar" "$page" "$remind" omgang=2026 "${team_args[@]}")" 200
check "which leaves out someone without an address" contains "$work/body" "Påminns inte (1)"
check "the manager sends it" equals "$(post "$manager_jar" "$page" "$remind" omgang=2026 bekrafta=ja "${team_args[@]}")" 200
expected="$(for id in "${team[@]}"; do [[ "$id" != "$without_email" ]] && printf '%s|%s\n' "$(email_of "$id")" "$subject"; done
            printf '%s|%s\n' "$(email_of "$first")" "$subject" "$(email_of "$second")" "$subject")"
check "each member with an address got one message, and nobody else" equals "$(mails)" "$(sort <<< "$expected")"
check "audited as done by the manager" bash -c "[[ '$(audit round.reminders 2026 | tail -n 1)' == '$manager|$(( ${#team[@]} - 1 )) reminder e-mail'* ]]"

# The SMTP server goes away: a clear error, and nothing recorded as sent.
kill "$sink_pid"
wait "$sink_pid" 2>/dev/null
third=""
for id in "${everyone[@]}"; do
  [[ "$id" != "$first" && "$id" != "$second" ]] && ! printf '%s\n' "${team[@]}" | grep -qx "$id" && { third="$id"; break; }
done
check "sending without a reachable SMTP server fails" \
  equals "$(post "$hr_jar" "$page" "$remind" omgang=2026 bekrafta=ja "person=$third")" 502
check "saying so" contains "$work/body" "E-postservern tog inte emot påminnelserna"
check "and nothing was recorded" equals "$(reminders_of "$third")" 0
check "nor audited" equals "$(audit reminder.sent "$third")" ""
stop_server

# --smtp-starttls: a server that offers no STARTTLS (as the sink) gets nothing in the clear.
sent_before="$(mail_count)"
start_sink
start_server fourth --smtp-host 127.0.0.1 --smtp-port "$smtp_port" --smtp-from kompetens@example.se --smtp-starttls
sign_in "$hr_jar" "$hr" "$hr_password" > /dev/null
check "with STARTTLS required, a server without it is refused" \
  equals "$(post "$hr_jar" "$page" "$remind" omgang=2026 bekrafta=ja "person=$third")" 502
check "the sink got nothing" equals "$(mail_count)" "$sent_before"
check "and nothing was recorded" equals "$(reminders_of "$third")" 0
stop_server

# Without SMTP the page says reminders are not available; the stored reminders still count.
start_server third
sign_in "$hr_jar" "$hr" "$hr_password" > /dev/null
check "without SMTP the page opens" equals "$(client "$hr_jar" "$base$page")" 200
check "and says reminders are not available" contains "$work/body" "Påminnelser via e-post är inte tillgängliga"
check "with nobody to choose" equals "$(listed_people | grep -c .)" 0
check "the reminders sent before the restart are still shown" contains "$work/body" "1 av 3, senast"
check "posting a reminder anyway is refused" equals "$(post "$hr_jar" "$page" "$remind" omgang=2026 "person=$third")" 409
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
