#!/usr/bin/env bash
# trappa serve --config FILE with a good file (issue 14 §5, docs/operations.md
# "Configuration"): the organisation's name, the store and the sign-in settings come from the
# file, and so does the SMTP server for reminders; an option given on the command line overrides
# the file's value.
#
# Usage: tests/web_http/serve_config_test.sh PATH/TO/trappa
set -uo pipefail

test_name=serve_config_test
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

cat > "$work/trappa.toml" <<TOML
# listen is overridden by start_server's --listen
listen = "127.0.0.1:1"
threads = 2

[store]
url = "$work/from-config.db"

[organisation]
name = "Konfigstad"
min_group = 5

[sign_in]
failures_per_account = 2
idle_minutes = 30

[smtp]
host = "127.0.0.1"
port = 2525
starttls = false
from = "kompetens@konfigstad.se"
TOML

start_server first --config "$work/trappa.toml"
check "the store named in the file is used (not \$TRAPPA_DB)" test -f "$work/from-config.db" -a ! -f "$work/trappa.db"
check "the organisation's name comes from the file" contains <(curl -s "$base/login") "Konfigstad"
employee="$(account_id demo_employee)"
wrong() {
  curl -s -c "$work/jar" -b "$work/jar" "$base/login" -o "$work/form"
  local csrf
  csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/form" | head -n 1)"
  curl -s -o /dev/null -w '%{http_code}' -c "$work/jar" -b "$work/jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "username=$employee" --data-urlencode "password=wrong" --data-urlencode "next=/" "$base/login"
}
statuses="$(wrong) $(wrong) $(wrong)"
check "two wrong passwords are allowed, the third attempt is throttled (failures_per_account = 2)" \
  equals "$statuses" "401 401 429"
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
curl -s -c "$work/hr.jar" -b "$work/hr.jar" "$base/login" -o "$work/form"
curl -s -o /dev/null -c "$work/hr.jar" -b "$work/hr.jar" \
  --data-urlencode "csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/form" | head -n 1)" \
  --data-urlencode "username=$hr" --data-urlencode "password=$hr_password" --data-urlencode "next=/" "$base/login"
check "reminders are available with the file's [smtp] server" \
  contains <(curl -s -b "$work/hr.jar" "$base/omgangar/ej-paborjade?omgang=2026") 'action="/omgangar/ej-paborjade/paminn"'
stop_server

start_server second --config "$work/trappa.toml" --organisation-name "Kommandoradsstad"
check "the command line overrides the file" contains <(curl -s "$base/login") "Kommandoradsstad"
stop_server

echo "$passed passed, $failed failed"
(( failed == 0 ))
