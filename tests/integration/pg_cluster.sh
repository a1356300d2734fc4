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
    # A free port: ask the kernel for one.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    run_as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    run_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
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
