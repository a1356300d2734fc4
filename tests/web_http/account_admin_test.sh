#!/usr/bin/env bash
# Konton (issue 13, "Accounts in the web for administrators") over real HTTP: an administrator
# lists the accounts, creates one with a one-time password, changes another's role and scope,
# resets a password and revokes an account — each audited as done by the administrator, with
# the person's sessions ended at a reset or revocation — and cannot change or revoke their
# own. HR gets 404, a form without its CSRF token 403, a bad form 422 with nothing written.
#
# Usage: tests/web_http/account_admin_test.sh PATH/TO/trappa
set -uo pipefail

test_name=account_admin_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

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
post() {  # post JAR PATH FORM-FIELDS...: the form of GET PAGE's CSRF token is added; prints the status
  local jar="$1" page="$2" path="$3"
  shift 3
  client "$jar" "$base$page" > /dev/null
  local args=(--data-urlencode "csrf=$(form_csrf)")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  client "$jar" "$base$path" "${args[@]}"
}
one_time_password() { sed -n 's/.*id="one-time-password">\([^<]*\)<.*/\1/p' "$work/body" | head -n 1; }
audit() {  # audit ACTION SUBJECT: the actors of those entries
  sqlite3 "$TRAPPA_DB" "SELECT actor FROM audit_log WHERE action = '$1' AND subject = '$2' ORDER BY id"
}
accounts() { sqlite3 "$TRAPPA_DB" "SELECT employee_id || ':' || role || ':' || scope_unit FROM accounts ORDER BY employee_id"; }

start_server first
employee="$(account_id demo_employee)"
employee_password="$(account_password demo_employee)"
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
stop_server

# An administrator made on the command line, as a city's IT department would.
admin="$(sqlite3 "$TRAPPA_DB" "SELECT employee_id FROM people WHERE employee_id NOT IN (SELECT employee_id FROM accounts) ORDER BY employee_id LIMIT 1")"
newcomer="$(sqlite3 "$TRAPPA_DB" "SELECT employee_id FROM people WHERE employee_id NOT IN (SELECT employee_id FROM accounts) ORDER BY employee_id LIMIT 1 OFFSET 1")"
admin_otp="$("$trappa" user add "$admin" --role admin | sed -n 's/^One-time password: //p')"
check "an administrator account is made" test -n "$admin_otp" -a -n "$newcomer"
start_server second

jar="$work/admin.jar"
check "the administrator signs in with the one-time password" equals "$(sign_in "$jar" "$admin" "$admin_otp")" 303
check "and chooses a password" equals "$(post "$jar" /konto /konto "current=$admin_otp" new=admin-lösenord-2026 repeat=admin-lösenord-2026)" 303

check "Konton is in the administrator's navigation" bash -c "[[ \$(curl -s -b '$jar' '$base/') == *'href=\"/konton\"'* ]]"
check "Konton lists the accounts" equals "$(client "$jar" "$base/konton")" 200
check "with the demo employee" contains "$work/body" "$employee"

hr_jar="$work/hr.jar"
sign_in "$hr_jar" "$hr" "$hr_password" > /dev/null
check "HR gets 404 on Konton" equals "$(client "$hr_jar" "$base/konton")" 404
check "and has no such link" bash -c "[[ \$(curl -s -b '$hr_jar' '$base/') != *'href=\"/konton\"'* ]]"

before="$(accounts)"
check "a form without its CSRF token is refused" \
  equals "$(client "$jar" "$base/konton" --data-urlencode "employee_id=$newcomer" --data-urlencode role=observer)" 403
check "an unknown person is refused with 422" equals "$(post "$jar" /konton /konton employee_id=FINNS-EJ role=observer scope=)" 422
check "naming the field" contains "$work/body" 'href="#account-employee"'
check "an unknown scope is refused with 422" \
  equals "$(post "$jar" /konton /konton "employee_id=$newcomer" role=hr scope=FINNS-EJ)" 422
check "and nothing was written" equals "$(accounts)" "$before"

note_otp=""
check "the administrator creates an observer account" \
  equals "$(post "$jar" /konton /konton "employee_id=$newcomer" role=observer scope=)" 200
note_otp="$(one_time_password)"
check "whose one-time password is shown once" test -n "$note_otp"
check "on a page that is never cached" equals "$(header_value Cache-Control)" no-store
check "audited as created by the administrator" equals "$(audit account.create "$newcomer")" "$admin"
check "the newcomer signs in with it" equals "$(sign_in "$work/newcomer.jar" "$newcomer" "$note_otp")" 303
check "creating it again is a conflict" equals "$(post "$jar" /konton /konton "employee_id=$newcomer" role=hr scope=)" 409

employee_jar="$work/employee.jar"
sign_in "$employee_jar" "$employee" "$employee_password" > /dev/null
check "the employee cannot see Omgångar" equals "$(client "$employee_jar" "$base/omgangar")" 403
check "the administrator makes the employee HR" \
  equals "$(post "$jar" "/konton/$employee" "/konton/$employee" role=hr scope=)" 303
check "audited as an update by the administrator" equals "$(audit account.update "$employee" | tail -n 1)" "$admin"
check "the employee's next request has the new role" equals "$(client "$employee_jar" "$base/omgangar")" 200

check "the administrator resets the employee's password" \
  equals "$(post "$jar" "/konton/$employee" "/konton/$employee/losenord")" 200
reset_otp="$(one_time_password)"
check "a new one-time password is shown" test -n "$reset_otp"
check "the employee's session ended" equals "$(client "$employee_jar" "$base/omgangar")" 303
check "the old password no longer works" equals "$(sign_in "$work/old.jar" "$employee" "$employee_password")" 401
check "the one-time password does" equals "$(sign_in "$work/reset.jar" "$employee" "$reset_otp")" 303

check "revoking asks first" equals "$(client "$jar" "$base/konton/$newcomer/avsluta")" 200
check "the administrator revokes the observer's account" \
  equals "$(post "$jar" "/konton/$newcomer/avsluta" "/konton/$newcomer/avsluta")" 303
check "audited as revoked by the administrator" equals "$(audit account.revoke "$newcomer")" "$admin"
check "the observer's session ended" equals "$(client "$work/newcomer.jar" "$base/")" 303
check "and the account is gone" equals "$(sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM accounts WHERE employee_id = '$newcomer'")" 0

check "the administrator cannot revoke their own account" \
  equals "$(post "$jar" /konton "/konton/$admin/avsluta")" 409
check "nor change its role" equals "$(post "$jar" /konton "/konton/$admin" role=employee scope=)" 409
check "the administrator's account is unchanged" \
  equals "$(sqlite3 "$TRAPPA_DB" "SELECT role FROM accounts WHERE employee_id = '$admin'")" admin

stop_server
echo "$passed passed, $failed failed"
(( failed == 0 ))
