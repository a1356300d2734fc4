# What the HTTP tests of this folder share; sourced after setting test_name, with the trappa
# binary as $1. Gives: $trappa, a work directory ($work, the current directory, removed at
# exit with every server started), $TRAPPA_DB in it, check/equals/contains with the
# $passed/$failed counts, start_server/stop_server, get/sign_in with a cookie jar, and the
# demo accounts' ids and passwords.
trappa="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
command -v curl >/dev/null || { echo "$test_name: needs curl (scripts/bootstrap.sh test)" >&2; exit 1; }
work="$(mktemp -d)"
server_pids=()
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export TRAPPA_DB="$work/trappa.db"

passed=0
failed=0
check() {  # check DESCRIPTION COMMAND...: the command must succeed
  local description="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $description"
  else
    failed=$((failed + 1))
    echo "FAILED: $description" >&2
  fi
}
equals() { [[ "$1" == "$2" ]] || { echo "  expected '$2', got '$1'" >&2; return 1; }; }
contains() { grep -q -- "$2" "$1" || { echo "  '$1' lacks '$2'" >&2; return 1; }; }

# start_server NAME ARGS...: serves the demo on a free port of 127.0.0.1, logging to
# $work/NAME.log; sets $base and $server_pid. The server runs $server_threads I/O threads
# (default 2). Servers share the store, so the demo organisation is loaded once.
start_server() {
  local name="$1"
  shift
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    "$trappa" serve --demo --threads "${server_threads:-2}" --listen "127.0.0.1:$port" "$@" > "$work/$name.log" 2>&1 &
    local pid=$!
    local waited=0
    while (( waited < 600 )); do
      if grep -q "serves http://127.0.0.1:$port/" "$work/$name.log"; then
        server_pids+=("$pid")
        server_pid=$pid
        base="http://127.0.0.1:$port"
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
      waited=$((waited + 1))
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  echo "$test_name: the server '$name' did not start:" >&2
  cat "$work/$name.log" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
}

# get JAR PATH: GET with the cookie jar JAR; the status to stdout, the body to $work/body.
get() { curl -s -b "$1" -c "$1" -o "$work/body" -w '%{http_code}' "$base$2"; }
# post_form JAR PATH FIELDS...: POST the fields (NAME=VALUE, urlencoded) as a form with the
# cookie jar JAR; the status to stdout, the body to $work/body.
post_form() {
  local jar="$1" path="$2"
  shift 2
  local args=()
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  curl -s -b "$jar" -c "$jar" -o "$work/body" -w '%{http_code}' "$base$path" "${args[@]}"
}
# sign_in JAR USER PASSWORD: fetches the sign-in form (for its CSRF token), posts it; prints
# the status (303 when signed in).
sign_in() {
  local jar="$1" user="$2" password="$3"
  get "$jar" /login > /dev/null
  local csrf
  csrf="$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/body" | head -n 1)"
  curl -s -b "$jar" -c "$jar" -o "$work/body" -w '%{http_code}' "$base/login" --data-urlencode "csrf=$csrf" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "next=/"
}

# The demo accounts are logged when the first server (named "first") starts:
# "demo account E000123 (demo_employee), password ...".
account_id() { sed -n "s/.*demo account \([^ ]*\) ($1).*/\1/p" "$work/first.log" | head -n 1; }
account_password() { sed -n "s/.*demo account [^ ]* ($1), password \(.*\)$/\1/p" "$work/first.log" | head -n 1; }
