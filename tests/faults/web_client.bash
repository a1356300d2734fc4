# Helpers for tests that run a real `trappa serve` on 127.0.0.1 and talk to it with curl
# (sourced by tests/faults/*.sh and tests/cli/backup_transcript.sh; not a test itself).
#
# start_server LOG COMMAND...      starts COMMAND (`trappa --db DB serve ...`) with
#                                  --listen 127.0.0.1:PORT on a free port added, and waits until
#                                  it answers; sets server_pid and server_url
# stop_server                      SIGTERM and wait
# demo_account LOG LABEL           "EMPLOYEE_ID PASSWORD" of a demo account from the server log
# sign_in JAR USER PASSWORD        signs in with the sign-in form; prints the session's CSRF token
# api_put JAR TOKEN PATH BODY OUT  PUT /api/v1/PATH; prints the HTTP status (000: no answer)

# How long start-up may take at most (loading a demo store into PostgreSQL is the slow case);
# a safety limit, not a measurement.
web_client_startup_limit_seconds=300

# A port on 127.0.0.1 that nobody answers on (bash alone, as tests/integration/pg_cluster.sh).
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

start_server() {
  local log="$1"
  shift
  local attempt waited
  for attempt in 1 2 3 4 5; do
    local port
    port="$(free_port)"
    "$@" --listen "127.0.0.1:$port" > "$log" 2>&1 &
    server_pid=$!
    server_url="http://127.0.0.1:$port"
    waited=0
    while kill -0 "$server_pid" 2>/dev/null; do
      if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$server_url/login")" == 200 ]]; then return 0; fi
      sleep 0.2
      waited=$((waited + 1))
      if ((waited > web_client_startup_limit_seconds * 5)); then
        echo "FAILED: trappa serve did not answer within $web_client_startup_limit_seconds s; its log:" >&2
        cat "$log" >&2
        kill -KILL "$server_pid" 2>/dev/null || true
        return 1
      fi
    done
    # The server exited: another process may have taken the port in between. Try another.
    wait "$server_pid" 2>/dev/null || true
  done
  echo "FAILED: trappa serve did not start; its log:" >&2
  cat "$log" >&2
  return 1
}

stop_server() {
  if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

demo_account() {
  sed -n "s/.*demo account \([^ ]*\) ($2), password \(.*\)$/\1 \2/p" "$1" | head -n 1
}

sign_in() {
  local jar="$1" user="$2" password="$3" page csrf status
  page="$(curl -s -c "$jar" -b "$jar" "$server_url/login")"
  csrf="$(grep -o 'name="csrf" value="[^"]*"' <<< "$page" | head -n 1 | sed 's/.*value="//; s/"$//')"
  status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" "$server_url/login")"
  if [[ "$status" != 303 && "$status" != 302 ]]; then
    echo "FAILED: signing in as $user answered $status" >&2
    return 1
  fi
  curl -s -b "$jar" "$server_url/api/v1/me" | grep -o '"csrf_token":"[^"]*"' | sed 's/.*:"//; s/"$//'
}

api_put() {
  curl -s -o "$5" -w '%{http_code}' -b "$1" -X PUT -H "X-CSRF-Token: $2" -H 'Content-Type: application/json' \
    --data "$4" "$server_url/api/v1/$3" || true
}
