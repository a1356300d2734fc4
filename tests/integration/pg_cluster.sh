#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the storage tests.
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` system user, and
# it lives in a directory of its own under the system's temporary directory: the checkout may
# be somewhere that user cannot enter (root's mode-700 home, say). DIR is only the handle the
# tests read: DIR/port holds the port, DIR/cluster the cluster's directory.
# Usage: pg_cluster.sh start|stop DIR
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

# Stops the cluster DIR/cluster names, if it runs, and removes its directory.
stop_cluster() {
  local mode="$1" cluster
  [[ -f "$dir/cluster" ]] || return 0
  cluster="$(cat "$dir/cluster")"
  if [[ -f "$cluster/data/postmaster.pid" ]]; then
    run_as_postgres "$bin/pg_ctl" -D "$cluster/data" -m "$mode" stop >/dev/null 2>&1 || true
  fi
  # Only what this script made: a trappa-pg.* directory under the temporary directory.
  if [[ "$(basename "$cluster")" == trappa-pg.* ]]; then rm -rf "$cluster"; fi
}

case "$action" in
  start)
    if [[ ! -x "$bin/initdb" ]]; then
      echo "pg_cluster: PostgreSQL 15 is not installed (run scripts/bootstrap.sh test)" >&2
      exit 1
    fi
    stop_cluster immediate
    rm -rf "$dir"
    mkdir -p "$dir"
    cluster="$(mktemp -d "${TMPDIR:-/tmp}/trappa-pg.XXXXXX")"
    echo "$cluster" > "$dir/cluster"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$cluster"; fi
    run_as_postgres "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # A free port, found with bash alone (a fresh machine need not have Python): pick a random
    # one nobody answers on, and try another if the server still cannot bind it.
    started=""
    for attempt in 1 2 3 4 5 6 7 8; do
      port=$((20000 + RANDOM % 40000))
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
      if run_as_postgres "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$cluster -c fsync=off" \
        start >/dev/null; then
        started=yes
        break
      fi
    done
    if [[ -z "$started" ]]; then
      echo "pg_cluster: could not start PostgreSQL; its log:" >&2
      cat "$cluster/server.log" >&2 || true
      exit 1
    fi
    echo "$port" > "$dir/port"
    echo "pg_cluster: PostgreSQL 15 on 127.0.0.1:$port ($cluster)"
    ;;
  stop)
    stop_cluster fast
    rm -rf "$dir"
    echo "pg_cluster: stopped"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
