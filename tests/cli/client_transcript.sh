#!/usr/bin/env bash
# `trappa client add|list|revoke` (issue 16, docs/learning.md "API clients"): a client is made
# with a secret shown once and kept only as a digest; names are checked and never reused;
# revoking is immediate, once, and audited. The secret and the times differ per run, so the
# transcript shows them masked; the checks look at the real values.
# Usage: client_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/client_transcript.expected"
store=store.db
export TRAPPA_ACTOR=admin

note "A client for the learning platform; the secret is printed once"
run --db "$store" client add moodle-prod
check_status 0
secret="$(sed -n 's/^Secret: //p' "$stdout_file")"
check_equal "${#secret}" 43 "the secret's length (32 bytes, base64)"
check_equal "$(sqlite3 "$store" "SELECT COUNT(*) FROM api_clients WHERE secret_digest = '$secret' OR secret_digest LIKE '%$secret%'")" 0 \
  "the secret is not stored"
check_equal "$(sqlite3 "$store" "SELECT length(secret_digest) FROM api_clients")" 64 "the stored digest (BLAKE2b, hex)"
run --db "$store" client add lms_test.2
check_status 0
second="$(sed -n 's/^Secret: //p' "$stdout_file")"
if [[ "$second" == "$secret" ]]; then fail "two clients got the same secret"; fi

note "Names are letters, digits, '.', '_' and '-', and never taken twice"
before="$(store_dump "$store")"
run --db "$store" client add 'moodle:prod'
check_status 2
run --db "$store" client add 'lärplattform'
check_status 2
run --db "$store" client add moodle-prod
check_status 2
check_unchanged "$store" "$before" "refused client add"
run --db "$store" client list
check_status 0

note "Revoking is at once and once"
run --db "$store" client revoke moodle-prod
check_status 0
run --db "$store" client revoke moodle-prod
check_status 2
run --db "$store" client revoke nobody
check_status 2
run --db "$store" client add moodle-prod
check_status 2
run --db "$store" client list
check_status 0
query "$store" "SELECT actor, action, subject, detail FROM audit_log WHERE action LIKE 'client.%' ORDER BY id"

sed -i -E 's/^Secret: [A-Za-z0-9_-]{43}$/Secret: <43 characters>/; s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/<time>              /g' \
  "$transcript_file"
transcript_finish
