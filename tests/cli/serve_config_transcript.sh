#!/usr/bin/env bash
# trappa serve --config FILE (issue 14 §5, docs/operations.md "Configuration"): a file with an
# unknown key, values of the wrong type, a password in the store URL and a password that cannot
# be read is refused before the server starts, every problem named with FILE:LINE and the key,
# in the order of the file; so are a file that is not TOML and one that does not exist. (A good
# file serving pages, and the command line overriding it, is web_http.serve_config.)
#
# Usage: serve_config_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/serve_config_transcript.expected"
unset TRAPPA_TEST_PASSWORD_NOT_SET

note "Every problem of the file, each with its line and key; the server does not start"
cat > trappa.toml <<'TOML'
listen = "127.0.0.1:8099"
threads = "four"
colour = "blue"

[organisation]
name = "Exempelstad"
min_group = 2.5

[store]
url = "postgresql://trappa:secret@127.0.0.1:5432/trappa"
password_env = "TRAPPA_TEST_PASSWORD_NOT_SET"

[sign_in]
trusted_proxies = "10.0.0.5"
session_hours = 0
TOML
run serve --config trappa.toml
check_status 2
check_stdout_empty

note "A password file that cannot be read, and both kinds of password at once"
cat > store.toml <<'TOML'
[store]
url = "postgresql://trappa@127.0.0.1:5432/trappa"
password_file = "/nonexistent/trappa-password"
TOML
run serve --config store.toml
check_status 2
printf '[store]\npassword_file = "a"\npassword_env = "B"\n' > both.toml
run serve --config both.toml
check_status 2

note "Not TOML"
printf 'listen = "127.0.0.1:80\n' > broken.toml
run serve --config broken.toml
check_status 2

note "No such file"
run serve --config missing.toml
check_status 2
transcript_finish
