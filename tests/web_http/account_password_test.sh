#!/usr/bin/env bash
# The current-password check on Mitt konto (/konto) over real HTTP (issue 12): it is throttled
# with the sign-in counters (per account and per client address, 429 with Retry-After, the
# right password refused too while blocked) and every check is audited
# (account.password_check_failed / account.password_check_passed). Before, 40 wrong guesses
# from a signed-in session followed by the right one changed the password.
#
# Usage: tests/web_http/account_password_test.sh PATH/TO/trappa
set -uo pipefail

test_name=account_password_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

# client JAR CURL-ARGS...: status to stdout, headers to $work/headers, body to $work/body.
client() {
  local jar="$1"
  shift
  curl -s -b "$jar" -c "$jar" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@"
}
header_value() { tr -d '\r' < "$work/headers" | sed -n "s/^$1: //Ip" | head -n 1; }
form_csrf() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1; }
sign_in() {  # sign_in JAR USER PASSWORD: prints the status
  local jar="$1" user="$2" password="$3"
  client "$jar" "$base/login" > /dev/null
  client "$jar" "$base/login" --data-urlencode "csrf=$(form_csrf)" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "next=/"
}
change_password() {  # change_password JAR CURRENT NEW: prints the status of POST /konto
  local jar="$1" current="$2" new="$3"
  client "$jar" "$base/konto" > /dev/null
  client "$jar" "$base/konto" --data-urlencode "csrf=$(form_csrf)" --data-urlencode "current=$current" \
    --data-urlencode "new=$new" --data-urlencode "repeat=$new"
}
audit_count() {  # audit_count ACTION SUBJECT
  sqlite3 "$TRAPPA_DB" "SELECT count(*) FROM audit_log WHERE action = '$1' AND subject = '$2' AND actor = '$2'"
}

start_server first
employee="$(account_id demo_employee)"
password="$(account_password demo_employee)"
check "the demo employee is logged" test -n "$employee" -a -n "$password"

jar="$work/employee.jar"
check "the employee signs in" equals "$(sign_in "$jar" "$employee" "$password")" 303
for attempt in 1 2 3 4 5; do
  check "wrong current password $attempt of 5 answers 422" \
    equals "$(change_password "$jar" "wrong-guess-$attempt" new-password-123)" 422
done
check "the 6th wrong current password answers 429" \
  equals "$(change_password "$jar" wrong-guess-6 new-password-123)" 429
retry_after="$(header_value Retry-After)"
check "429 carries Retry-After in seconds (got '$retry_after')" \
  bash -c "[[ '$retry_after' =~ ^[0-9]+$ ]] && (( $retry_after >= 1 && $retry_after <= 30 ))"
check "the page says in Swedish when to try again" contains "$work/body" "försöka igen om"
for attempt in $(seq 1 40); do change_password "$jar" "wrong-guess-x$attempt" new-password-123 > /dev/null; done
check "after 40 more guesses the right current password is still refused (not checked)" \
  equals "$(change_password "$jar" "$password" new-password-123)" 429
check "the password did not change: the sign-in form is throttled for the account too" \
  equals "$(sign_in "$work/other.jar" "$employee" new-password-123)" 429
check "each wrong password that was checked is audited (5)" \
  equals "$(audit_count account.password_check_failed "$employee")" 5
check "no check passed" equals "$(audit_count account.password_check_passed "$employee")" 0
check "the server log tells of the refusals" contains "$work/first.log" "password check: refused for"
stop_server

# The counters live in the store: a restart does not lift a block (it did while they lived in
# the process). Once the block is over (here: its row deleted, as if its time had passed),
# the right password works again.
start_server second
jar="$work/employee2.jar"
check "after a restart the account is still throttled" equals "$(sign_in "$jar" "$employee" "$password")" 429
sqlite3 "$TRAPPA_DB" "UPDATE sign_in_throttle SET blocked_until_ms = 0, last_activity_ms = 0"
check "after the block the employee signs in with the old password" \
  equals "$(sign_in "$jar" "$employee" "$password")" 303
check "the right current password changes the password" \
  equals "$(change_password "$jar" "$password" new-password-123)" 303
check "the passed check is audited" equals "$(audit_count account.password_check_passed "$employee")" 1
check "the new password signs in" equals "$(sign_in "$work/third.jar" "$employee" new-password-123)" 303
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
