#!/usr/bin/env bash
# An e-mail address that two people share (issue 12, finding 1): imports refuse it now, but a
# store written earlier may hold one. Signing in with it, by password or through a trusted
# proxy's user header (single sign-on that passes the address), must sign in no one rather
# than whichever of the two the server finds first. The store here is the demo with the HR
# account's e-mail changed to the employee's, in other letter case, behind trappa's back.
# Usage: tests/web_http/shared_email_test.sh PATH/TO/trappa
set -uo pipefail

test_name=shared_email_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

client() {  # FROM JAR CURL-ARGS...: prints the status; headers and body in $work
  local from="$1" jar="$2"
  shift 2
  curl -s --interface "$from" -b "$jar" -c "$jar" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@"
}
sign_in() {  # JAR USER PASSWORD: posts the sign-in form with its CSRF token; prints the status
  local jar="$1" user="$2" password="$3"
  client 127.0.0.1 "$jar" "$base/login" > /dev/null
  local csrf
  csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1)"
  client 127.0.0.1 "$jar" "$base/login" --data-urlencode "csrf=$csrf" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "next=/"
}

start_server first
employee="$(account_id demo_employee)"
employee_password="$(account_password demo_employee)"
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
stop_server
email="$(sqlite3 "$TRAPPA_DB" "SELECT email FROM people WHERE employee_id = '$employee'")"
check "the demo employee has an e-mail address" test -n "$email"
sqlite3 "$TRAPPA_DB" "UPDATE people SET email = upper('$email') WHERE employee_id = '$hr'"

start_server shared --trust-proxy-user-header X-Remote-User --trusted-proxy 127.0.0.1
check "the shared address signs no one in with the employee's password (401)" \
  equals "$(sign_in "$work/a.jar" "$email" "$employee_password")" 401
check "... nor with the HR password (401)" equals "$(sign_in "$work/b.jar" "$email" "$hr_password")" 401
check "the employee still signs in with the employee id (303)" \
  equals "$(sign_in "$work/c.jar" "$employee" "$employee_password")" 303
check "the proxy header with the shared address is refused as an unknown name (403)" \
  equals "$(client 127.0.0.1 "$work/d.jar" "$base/" -H "X-Remote-User: $email")" 403
check "... in any letter case (403)" \
  equals "$(client 127.0.0.1 "$work/e.jar" "$base/" -H "X-Remote-User: ${email^^}")" 403
check "the proxy header with the employee id still signs in (200)" \
  equals "$(client 127.0.0.1 "$work/f.jar" "$base/" -H "X-Remote-User: $employee")" 200
check "the refusal is logged" contains "$work/shared.log" "an e-mail address several people share was refused"

echo "$test_name: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
