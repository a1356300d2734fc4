#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the storage tests.
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` system user.
# Usage: pg_cluster.sh start|stop DIR   (the port is written to DIR/port)
set -euo pipefail
action="$1"
dir="$2"
bin=/usr/lib/postgresql/15/bin

run_as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    if [[ ! -x "$bin/initdb" ]]; then
      echo "pg_cluster: PostgreSQL 15 is not installed (run scripts/bootstrap.sh test)" >&2
      exit 1
    fi
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      run_as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    run_as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # A free port, found with bash alone (a fresh machine need not have Python): pick a random
    # one nobody answers on, and try another if the server still cannot bind it.
    started=""
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
      if run_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
        start >/dev/null; then
        started=yes
        break
      fi
    done
    if [[ -z "$started" ]]; then
      echo "pg_cluster: could not start PostgreSQL; see $dir/server.log" >&2
      exit 1
    fi
    echo "$port" > "$dir/port"
    echo "pg_cluster: PostgreSQL 15 on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      run_as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    fi
    rm -rf "$dir"
    echo "pg_cluster: stopped"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
