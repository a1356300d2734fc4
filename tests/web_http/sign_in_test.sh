#!/usr/bin/env bash
# Sign-in hardening over real HTTP: a real `trappa serve --demo` on 127.0.0.1, driven with
# curl as a browser would (cookie jars, the sign-in form's CSRF token), from several loopback
# source addresses (127.0.0.2, 127.0.0.3, ...) to play different clients and proxies.
#
# Checks: the 6th wrong password answers 429 with Retry-After (and never checks the
# password); wrong passwords spread over many names from one address answer 429; every
# sign-in hands out a new session token and ends the old one; sign-out ends the session on
# the server; the proxy's user header signs in only from a --trusted-proxy address and is
# audited; an unknown name in it answers 403; an idle session and one past its absolute
# lifetime redirect to /login; the header option without --trusted-proxy stops start-up.
#
# Usage: tests/web_http/sign_in_test.sh PATH/TO/trappa
set -uo pipefail

test_name=sign_in_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"
lacks() { ! grep -q -- "$2" "$1" || { echo "  '$1' has '$2'" >&2; return 1; }; }

# client FROM JAR CURL-ARGS...: a request from source address FROM with cookie jar JAR; the
# status goes to stdout, headers to $work/headers, the body to $work/body.
client() {
  local from="$1" jar="$2"
  shift 2
  curl -s --interface "$from" -b "$jar" -c "$jar" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@"
}
header_value() { tr -d '\r' < "$work/headers" | sed -n "s/^$1: //Ip" | head -n 1; }
session_cookie_in() { awk '$6 == "trappa_session" { print $7 }' "$1"; }
# with_token FROM TOKEN CURL-ARGS...: a request carrying exactly this session token, whatever
# a cookie jar would have kept or dropped.
with_token() {
  local from="$1" token="$2"
  shift 2
  curl -s --interface "$from" -H "Cookie: trappa_session=$token" -D "$work/headers" -o "$work/body" \
    -w '%{http_code}' "$@"
}

# sign_in FROM JAR USER PASSWORD [CURL-ARGS...]: fetches the form (for its CSRF token), posts
# it; prints the status.
sign_in() {
  local from="$1" jar="$2" user="$3" password="$4"
  shift 4
  client "$from" "$jar" "$base/login" > /dev/null
  local csrf
  csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1)"
  client "$from" "$jar" "$base/login" "$@" --data-urlencode "csrf=$csrf" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "next=/"
}

# ---------------------------------------------------------------------------------------
echo "# Throttling and session rotation (default options)"
start_server first
employee="$(account_id demo_employee)"
employee_password="$(account_password demo_employee)"
manager="$(account_id demo_manager)"
manager_password="$(account_password demo_manager)"
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
check "the demo accounts are logged" test -n "$employee" -a -n "$manager" -a -n "$hr" -a -n "$hr_password"

jar="$work/throttle.jar"
for attempt in 1 2 3 4 5; do
  check "wrong password $attempt of 5 answers 401" equals "$(sign_in 127.0.0.1 "$jar" "$employee" wrong-password)" 401
done
check "the 6th wrong password answers 429" equals "$(sign_in 127.0.0.1 "$jar" "$employee" wrong-password)" 429
retry_after="$(header_value Retry-After)"
check "429 carries Retry-After in seconds (got '$retry_after')" \
  bash -c "[[ '$retry_after' =~ ^[0-9]+$ ]] && (( $retry_after >= 1 && $retry_after <= 30 ))"
check "the 429 page says in Swedish when to try again" contains "$work/body" "försöka igen om"
check "even the right password is refused while throttled (it is not checked)" \
  equals "$(sign_in 127.0.0.1 "$jar" "$employee" "$employee_password")" 429
check "the throttled account is refused from another address too" \
  equals "$(sign_in 127.0.0.5 "$work/other.jar" "$employee" "$employee_password")" 429
check "an API client gets 429 as JSON" \
  equals "$(sign_in 127.0.0.1 "$jar" "$employee" wrong-password -H 'Accept: application/json')" 429
check "the JSON names the wait" contains "$work/body" '"retry_after_seconds":'
check "the JSON response has Retry-After" test -n "$(header_value Retry-After)"
check "the server log tells of the refusal" contains "$work/first.log" "sign-in: refused for"

jar="$work/spread.jar"
# Each with a different X-Forwarded-For: from a client that is no trusted proxy it is ignored.
for attempt in $(seq 1 30); do
  status="$(sign_in 127.0.0.3 "$jar" "nobody-$attempt@example.invalid" wrong-password \
    -H "X-Forwarded-For: 203.0.113.$attempt")"
  [[ "$status" == 401 ]] || break
done
check "30 wrong sign-ins to 30 different names from one address answer 401" equals "$attempt:$status" 30:401
check "the 31st from that address answers 429, whoever it names" \
  equals "$(sign_in 127.0.0.3 "$jar" "$hr" "$hr_password" -H "X-Forwarded-For: 203.0.113.99")" 429
check "the address's 429 page says so" contains "$work/body" "nätverksadress"
check "another address still signs in" equals "$(sign_in 127.0.0.4 "$work/spread-other.jar" "$hr" "$hr_password")" 303

jar="$work/rotation.jar"
# A session cookie planted in the browser beforehand (session fixation) must not survive.
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\ttrappa_session\tplanted-by-someone-else\n' > "$jar"
check "sign-in answers 303" equals "$(sign_in 127.0.0.1 "$jar" "$manager" "$manager_password")" 303
set_cookie="$(grep -i '^set-cookie: trappa_session=' "$work/headers" | tr -d '\r')"
check "the session cookie is HttpOnly" bash -c "[[ '$set_cookie' == *HttpOnly* ]]"
check "the session cookie is SameSite=Lax" bash -c "[[ '$set_cookie' == *SameSite=Lax* ]]"
check "the session cookie is not Secure without --secure-cookies over plain HTTP" bash -c "[[ '$set_cookie' != *Secure* ]]"
check "the session cookie lasts the absolute lifetime, 8 hours" bash -c "[[ '$set_cookie' == *Max-Age=28800* ]]"
check "the sign-in form's CSRF cookie is cleared" bash -c "grep -qi '^set-cookie: trappa_signin=;.*Max-Age=0' '$work/headers'"
first_token="$(session_cookie_in "$jar")"
check "the planted token was replaced" bash -c "[[ -n '$first_token' && '$first_token' != planted-by-someone-else ]]"
check "the session opens the home page" equals "$(client 127.0.0.1 "$jar" "$base/")" 200
# A browser that holds a valid session posts the sign-in form again (the form was open in
# another tab; or the session was someone else's, planted beforehand).
check "a signed-in browser is sent from /login to the start page" equals "$(client 127.0.0.1 "$jar" "$base/login")" 303
jar="$work/rotation-again.jar"
client 127.0.0.1 "$jar" "$base/login" > /dev/null
csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1)"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\ttrappa_session\t%s\n' "$first_token" >> "$jar"
check "signing in again answers 303" equals "$(client 127.0.0.1 "$jar" "$base/login" --data-urlencode "csrf=$csrf" \
  --data-urlencode "username=$manager" --data-urlencode "password=$manager_password")" 303
second_token="$(session_cookie_in "$jar")"
check "signing in again hands out a new token" bash -c "[[ -n '$second_token' && '$second_token' != '$first_token' ]]"
check "the new session opens the home page" equals "$(client 127.0.0.1 "$jar" "$base/")" 200
check "the old token no longer opens anything (303 to /login)" equals "$(with_token 127.0.0.1 "$first_token" "$base/")" 303
check "... and is sent to the sign-in page" bash -c "[[ '$(header_value Location)' == /login* ]]"

# Issue 11: one page table draws the navigation and the home tiles; the router answers 405
# with the methods the path really has.
hr_jar="$work/routes-hr.jar"
check "HR signs in" equals "$(sign_in 127.0.0.6 "$hr_jar" "$hr" "$hr_password")" 303
check "HR's home page answers 200" equals "$(client 127.0.0.6 "$hr_jar" "$base/")" 200
check "HR's home page has the Nyckeltal tile, as the navigation has" \
  contains "$work/body" '<li class="tile"><h2><a href="/nyckeltal">'
check "... and the navigation still has Nyckeltal" contains "$work/body" 'href="/nyckeltal"'
check "the manager's home page answers 200" equals "$(client 127.0.0.1 "$jar" "$base/")" 200
lacks_figures() { ! grep -q 'href="/nyckeltal"' "$work/body" || { echo "  the page links Nyckeltal" >&2; return 1; }; }
check "... without Nyckeltal, in the tiles or the navigation" lacks_figures
check "DELETE / answers 405" equals "$(client 127.0.0.6 "$hr_jar" -X DELETE "$base/")" 405
check "... with Allow: GET, HEAD" equals "$(header_value Allow)" "GET, HEAD"
check "PUT /team/ID answers 405" equals "$(client 127.0.0.6 "$hr_jar" -X PUT "$base/team/$manager")" 405
check "... with Allow: GET, HEAD, POST" equals "$(header_value Allow)" "GET, HEAD, POST"
check "GET /logout answers 405" equals "$(client 127.0.0.6 "$hr_jar" "$base/logout")" 405
check "... with Allow: POST" equals "$(header_value Allow)" "POST"
check "DELETE on an API assessment answers 405" \
  equals "$(client 127.0.0.6 "$hr_jar" -X DELETE "$base/api/v1/rounds/2026/assessments/$manager")" 405
check "... with Allow: GET, HEAD, PUT" equals "$(header_value Allow)" "GET, HEAD, PUT"
check "... and the API's JSON error" contains "$work/body" '"status":405'
check "an unknown page answers 404" equals "$(client 127.0.0.6 "$hr_jar" "$base/no-such-page")" 404
check "an unknown API path answers 404 as JSON" equals "$(client 127.0.0.6 "$hr_jar" "$base/api/v1/no-such")" 404
check "... in the API's error shape" contains "$work/body" '"problems":\[\]'

client 127.0.0.1 "$jar" "$base/" > /dev/null  # the page's sign-out form carries the session's CSRF token
csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1)"
cp "$jar" "$work/signed-out.jar"
check "sign-out answers 303" equals "$(client 127.0.0.1 "$jar" "$base/logout" --data-urlencode "csrf=$csrf")" 303
check "the signed-out token is dead on the server (replayed: 303 to /login)" \
  equals "$(client 127.0.0.1 "$work/signed-out.jar" "$base/")" 303
stop_server

# ---------------------------------------------------------------------------------------
echo "# The proxy header from a trusted proxy (127.0.0.1)"
start_server trusted_local --trust-proxy-user-header X-Remote-User --trusted-proxy 127.0.0.1 --secure-cookies
jar="$work/proxy.jar"
check "the header from the trusted proxy signs in (200, no redirect)" \
  equals "$(client 127.0.0.1 "$jar" "$base/" -H "X-Remote-User: $manager")" 200
check "the response hands over a Secure session cookie (--secure-cookies)" \
  bash -c "grep -qi '^set-cookie: trappa_session=.*; Secure' '$work/headers'"
check "the page is the manager's" contains "$work/body" 'href="/team"'
proxy_token="$(session_cookie_in "$jar")"
check "the session works without the header afterwards" equals "$(client 127.0.0.1 "$jar" "$base/konto")" 200
check "the same person's next request keeps the session" \
  equals "$(client 127.0.0.1 "$jar" "$base/" -H "X-Remote-User: $manager")" 200
check "... without a new cookie" lacks "$work/headers" "trappa_session="
hr_email="$(sqlite3 "$TRAPPA_DB" "SELECT email FROM people WHERE employee_id = '$hr'")"
check "an e-mail address in the header also signs in" \
  equals "$(client 127.0.0.1 "$work/proxy-mail.jar" "$base/konto" -H "X-Remote-User: $hr_email")" 200
check "... as the person it belongs to" contains "$work/body" "$hr"
check "an unknown person in the header answers 403" \
  equals "$(client 127.0.0.1 "$work/proxy-unknown.jar" "$base/" -H "X-Remote-User: nobody@example.invalid")" 403
check "... with a Swedish page saying there is no account" contains "$work/body" "inget konto för dig"
check "... and no session" lacks "$work/headers" "trappa_session="
check "the API answers an unknown person with 403" \
  equals "$(client 127.0.0.1 "$work/proxy-api.jar" "$base/api/v1/me" -H "X-Remote-User: E999999999")" 403
check "... as JSON" contains "$work/body" '"status":403'
check "another person named in the header replaces the session" \
  equals "$(client 127.0.0.1 "$jar" "$base/" -H "X-Remote-User: $hr")" 200
check "... with a new token" bash -c "[[ '$(session_cookie_in "$jar")' != '$proxy_token' ]]"
check "the old person's session was ended" equals "$(with_token 127.0.0.1 "$proxy_token" "$base/")" 303
stop_server
audit="$(sqlite3 "$TRAPPA_DB" "SELECT actor || ' ' || subject FROM audit_log WHERE action = 'session.proxy_sign_in' ORDER BY id" 2>&1)"
check "proxy sign-ins are audited as session.proxy_sign_in" equals "$audit" "$manager $manager
$hr $hr
$hr $hr"

# ---------------------------------------------------------------------------------------
echo "# The proxy header from an address that is no trusted proxy (127.0.0.2 is trusted)"
start_server trusted_other --trust-proxy-user-header X-Remote-User --trusted-proxy 127.0.0.2
jar="$work/untrusted.jar"
check "the header from 127.0.0.1 is ignored (303 to /login)" \
  equals "$(client 127.0.0.1 "$jar" "$base/" -H "X-Remote-User: $manager")" 303
check "... no session is handed out" lacks "$work/headers" "trappa_session="
check "... and it is logged" contains "$work/trusted_other.log" "no --trusted-proxy: ignored"
check "the header from 127.0.0.2 signs in" \
  equals "$(client 127.0.0.2 "$work/trusted.jar" "$base/" -H "X-Remote-User: $manager")" 200
check "... the cookie is not Secure over plain HTTP" \
  bash -c "grep -i '^set-cookie: trappa_session=' '$work/headers' | grep -qv 'Secure'"
# Through the trusted proxy, X-Forwarded-For names the client whose failures are counted.
jar="$work/forwarded.jar"
for attempt in $(seq 1 30); do
  status="$(sign_in 127.0.0.2 "$jar" "nobody-$attempt" wrong -H 'X-Forwarded-For: 198.51.100.9')"
  [[ "$status" == 401 ]] || break
done
check "30 wrong sign-ins of client 198.51.100.9 through the proxy answer 401" equals "$attempt:$status" 30:401
check "the 31st of that client answers 429" \
  equals "$(sign_in 127.0.0.2 "$jar" nobody-31 wrong -H 'X-Forwarded-For: 198.51.100.9')" 429
check "another client behind the same proxy is not throttled" \
  equals "$(sign_in 127.0.0.2 "$jar" nobody-32 wrong -H 'X-Forwarded-For: 198.51.100.10')" 401
stop_server

# ---------------------------------------------------------------------------------------
echo "# Idle timeout and absolute lifetime (--idle-minutes 0.1 = 6 s, --session-hours 0.004 = 14.4 s)"
start_server short --idle-minutes 0.1 --session-hours 0.004
# The token is sent as it is (the browser would drop the cookie itself at its Max-Age): what
# is checked is that the server no longer honours it.
jar="$work/idle.jar"
check "sign-in answers 303" equals "$(sign_in 127.0.0.1 "$jar" "$hr" "$hr_password")" 303
token="$(session_cookie_in "$jar")"
check "the fresh session opens the home page" equals "$(with_token 127.0.0.1 "$token" "$base/")" 200
sleep 8
check "after 8 idle seconds the session redirects to /login" equals "$(with_token 127.0.0.1 "$token" "$base/")" 303
check "... with the page to come back to" bash -c "[[ '$(header_value Location)' == '/login?next=%2F' ]]"

# Kept busy (a request at least every 2 s, so never idle for 6 s), the session still ends
# at its absolute lifetime.
jar="$work/absolute.jar"
check "sign-in answers 303" equals "$(sign_in 127.0.0.1 "$jar" "$hr" "$hr_password")" 303
token="$(session_cookie_in "$jar")"
signed_in_at=$(date +%s)
longest_gap=0
last=$signed_in_at
last_served=$signed_in_at
ended=no
for request in $(seq 1 40); do
  status="$(with_token 127.0.0.1 "$token" "$base/")"
  now=$(date +%s)
  (( now - last > longest_gap )) && longest_gap=$((now - last))
  last=$now
  if [[ "$status" == 303 ]]; then ended=yes; break; fi
  [[ "$status" == 200 ]] && last_served=$now
  sleep 1
done
check "a session in steady use outlives the idle timeout (served $((last_served - signed_in_at)) s after sign-in)" \
  bash -c "(( $last_served - $signed_in_at >= 8 ))"
check "... but ends at its absolute lifetime" equals "$ended" yes
check "... though it was never idle for 6 s (longest gap ${longest_gap} s)" bash -c "(( $longest_gap < 6 ))"
stop_server

# ---------------------------------------------------------------------------------------
echo "# Start-up refuses the proxy header without a trusted proxy"
"$trappa" serve --listen 127.0.0.1:1 --trust-proxy-user-header X-Remote-User > "$work/refused.out" 2>&1
check "exit status 2" equals "$?" 2
check "the error names --trust-proxy-user-header and asks for --trusted-proxy" \
  contains "$work/refused.out" "--trust-proxy-user-header: needs at least one --trusted-proxy"
"$trappa" serve --listen 127.0.0.1:1 --trust-proxy-user-header X-Remote-User --trusted-proxy 10.0.0.0/40 \
  > "$work/refused.out" 2>&1
check "a bad range exits 2" equals "$?" 2
check "... naming the range" contains "$work/refused.out" "--trusted-proxy: '10.0.0.0/40' has an invalid prefix length"

echo "$passed passed, $failed failed"
(( failed == 0 ))
