#!/usr/bin/env bash
# The sign-in form's CSRF token over real HTTP (issue 12): the cookie and the form field must
# carry the same token, and it must be one the server signed (docs/security.md). Before, any
# pair the client made up ("abc"/"abc") was accepted.
#
# Checks: made-up pairs answer 403; the server's own token signs in; a token with one
# character changed answers 403; a token signed by another server on the same store is
# accepted, one signed under another key answers 403; the 403 page hands out a fresh, valid token.
#
# Usage: tests/web_http/sign_in_csrf_test.sh PATH/TO/trappa
set -uo pipefail

test_name=sign_in_csrf_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

# post_with TOKEN-IN-COOKIE TOKEN-IN-FORM USER PASSWORD: a sign-in post with exactly these
# tokens; prints the status, the body goes to $work/body.
post_with() {
  curl -s -H "Cookie: trappa_signin=$1" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$base/login" \
    --data-urlencode "csrf=$2" --data-urlencode "username=$3" --data-urlencode "password=$4" --data-urlencode "next=/"
}
issued_token() {  # a token from GET /login (the cookie; the form carries the same)
  curl -s -D "$work/headers" -o "$work/body" "$base/login"
  tr -d '\r' < "$work/headers" | sed -n 's/^set-cookie: trappa_signin=\([^;]*\);.*/\1/Ip' | head -n 1
}

start_server first
employee="$(account_id demo_employee)"
password="$(account_password demo_employee)"
check "the demo employee is logged" test -n "$employee" -a -n "$password"

check "a made-up pair abc/abc answers 403" equals "$(post_with abc abc "$employee" "$password")" 403
check "... with the page saying the form had expired" contains "$work/body" "Formuläret hade gått ut"
made_up=abcdefghijklmnopqrstuvwxyz0123456789ABCD
check "a made-up pair of 40 characters answers 403" equals "$(post_with $made_up $made_up "$employee" "$password")" 403
check "a made-up pair in the server's format answers 403" \
  equals "$(post_with v1.AAAAAAAAAAAAAAAAAAAAAA.9999999999.00 v1.AAAAAAAAAAAAAAAAAAAAAA.9999999999.00 "$employee" "$password")" 403

token="$(issued_token)"
check "GET /login issues a signed token (got '$token')" bash -c "[[ '$token' == v1.* ]]"
check "the form carries the cookie's token" contains "$work/body" "name=\"csrf\" value=\"$token\""
check "a cookie and field that differ answer 403" equals "$(post_with "$token" "${token}x" "$employee" "$password")" 403
last="${token: -1}"
if [[ "$last" == 0 ]]; then other=1; else other=0; fi
tampered="${token%?}$other"
check "a token with its MAC changed answers 403" equals "$(post_with "$tampered" "$tampered" "$employee" "$password")" 403
expiry="$(cut -d. -f3 <<< "$token")"
later="$(sed "s/\.$expiry\./.$((expiry + 86400))./" <<< "$token")"
check "a token with a later expiry written in answers 403" equals "$(post_with "$later" "$later" "$employee" "$password")" 403
check "the server's own token signs in" equals "$(post_with "$token" "$token" "$employee" "$password")" 303

fresh="$(post_with abc abc "$employee" "$password" > /dev/null; tr -d '\r' < "$work/headers" | sed -n 's/^set-cookie: trappa_signin=\([^;]*\);.*/\1/Ip' | head -n 1)"
check "the 403 page hands out a fresh token that signs in" \
  equals "$(post_with "$fresh" "$fresh" "$employee" "$password")" 303
first_token="$(issued_token)"
stop_server

# Every server of one store signs with the key kept in the store (several nodes behind a load
# balancer accept each other's forms); a store with another key refuses the token.
start_server second
check "a token the first server signed is accepted by a second server on the same store" \
  equals "$(post_with "$first_token" "$first_token" "$employee" "$password")" 303
stop_server
sqlite3 "$TRAPPA_DB" "UPDATE server_secrets SET secret = 'another-key' WHERE name = 'sign_in_form_key'"
start_server third
check "a token signed under another key is refused" \
  equals "$(post_with "$first_token" "$first_token" "$employee" "$password")" 403
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
