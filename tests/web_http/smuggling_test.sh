#!/usr/bin/env bash
# Request smuggling shapes (issue 12, finding 5; docs/security-input.md): a Transfer-Encoding
# that is not exactly one final `chunked` (gzip; chunked, gzip; two headers; with
# Content-Length; on HTTP/1.0) is answered 400 (501 for a coding Trappa does not decode before
# chunked) and the connection closed, so the body carrying a second request is never answered.
# Over a raw socket (bash /dev/tcp) against a real `trappa serve --demo`.
# Usage: smuggling_test.sh TRAPPA_BINARY
set -uo pipefail
test_name=smuggling
source "$(dirname "${BASH_SOURCE[0]}")/http_test_common.sh"

start_server first
port="${base##*:}"

# exchange FILE: sends the bytes of FILE on a fresh connection and writes all that comes back,
# until the server closes, to FILE.out. Fails when the connection is still open after 5 s.
exchange() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  cat "$1" >&3
  timeout 5 cat <&3 > "$1.out"
  local status=$?
  exec 3<&- 3>&-
  if [[ $status -eq 124 ]]; then echo "  the connection stayed open after the answer" >&2; return 1; fi
  return 0
}
status_lines() { grep -a -c '^HTTP/1\.[01] [0-9][0-9][0-9]' "$1"; }
first_status() { grep -a -m1 -o '^HTTP/1\.[01] [0-9][0-9][0-9]' "$1" | awk '{print $2}'; }

# The smuggled request: answered 200 with "ok" if it is ever read as a request.
smuggled=$'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
request() {  # NAME HEADER-LINES...: a POST /healthz whose body is the smuggled request
  local name="$1"
  shift
  {
    printf 'POST /healthz HTTP/1.1\r\nHost: x\r\n'
    local line
    for line in "$@"; do printf '%s\r\n' "$line"; done
    printf '\r\n%s' "$smuggled"
  } > "$name"
}

refused() {  # NAME EXPECTED-STATUS
  exchange "$1" || return 1
  equals "$(status_lines "$1.out")" 1 || return 1
  equals "$(first_status "$1.out")" "$2" || return 1
  if grep -a -q '^ok' "$1.out"; then echo "  the smuggled request was answered" >&2; return 1; fi
}

# A control: on a connection kept alive, a second request in the same bytes is answered, so
# counting status lines does see a smuggled request when the server reads one.
{ printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'; printf '%s' "$smuggled"; } > pipelined
pipelined_answered() { exchange pipelined && equals "$(status_lines pipelined.out)" 2; }
check "two pipelined requests get two answers" pipelined_answered

# A well-formed chunked body is still accepted (the route answers, whatever its status).
printf 'POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n' > chunked_ok
chunked_read() { exchange chunked_ok && equals "$(status_lines chunked_ok.out)" 1 && ! grep -a -q '^HTTP/1.1 400' chunked_ok.out; }
check "Transfer-Encoding: chunked is still read" chunked_read

request gzip 'Transfer-Encoding: gzip'
check "Transfer-Encoding: gzip: 400, closed, the body never answered" refused gzip 400
request chunked_gzip 'Transfer-Encoding: chunked, gzip'
check "Transfer-Encoding: chunked, gzip: 400, closed" refused chunked_gzip 400
{ printf 'POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n'; printf '%s' "$smuggled"; } > gzip_chunked
check "Transfer-Encoding: gzip, chunked: 501, closed" refused gzip_chunked 501
request two_headers 'Transfer-Encoding: chunked' 'Transfer-Encoding: gzip'
check "two Transfer-Encoding headers: 400, closed" refused two_headers 400
{ printf 'POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n'; printf '%s' "$smuggled"; } > with_length
check "Transfer-Encoding with Content-Length: 400, closed" refused with_length 400
request identity 'Transfer-Encoding: identity'
check "Transfer-Encoding: identity: 400, closed" refused identity 400

check "the refusal is logged" grep -q "refused:" "$work/first.log"

echo "$test_name: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
