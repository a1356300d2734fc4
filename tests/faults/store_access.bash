# The store a fault test works on, on the backend it was given (sourced by tests/faults/*.sh).
#
# store_create BACKEND WORKDIR  sets $store (a SQLite path, or the URL of a new database in the
#                               throwaway PostgreSQL cluster of tests/integration/pg_cluster.sh,
#                               whose directory is $TRAPPA_TEST_PG_DIR)
# store_drop                    drops that PostgreSQL database again
# store_sql SQL                 one query on the store with sqlite3 or psql; rows as a|b|c
# store_consistency_problems    prints every inconsistency found (nothing when consistent)

store_create() {
  store_backend="$1"
  case "$store_backend" in
    sqlite)
      store="$2/store.db"
      ;;
    postgresql)
      if [[ -z "${TRAPPA_TEST_PG_DIR:-}" || ! -f "$TRAPPA_TEST_PG_DIR/port" ]]; then
        echo "FAILED: no PostgreSQL cluster (TRAPPA_TEST_PG_DIR); run through ctest, which starts it" >&2
        exit 1
      fi
      store_pg_port="$(cat "$TRAPPA_TEST_PG_DIR/port")"
      store_pg_database="trappa_fault_$(date +%s)_$RANDOM"
      psql -X -q -h 127.0.0.1 -p "$store_pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $store_pg_database" > /dev/null
      store="postgresql://postgres@127.0.0.1:$store_pg_port/$store_pg_database"
      ;;
    *)
      echo "usage: BACKEND must be sqlite or postgresql, not '$store_backend'" >&2
      exit 2
      ;;
  esac
}

store_drop() {
  if [[ "${store_backend:-}" == postgresql && -n "${store_pg_database:-}" ]]; then
    psql -X -q -h 127.0.0.1 -p "$store_pg_port" -U postgres -d postgres \
      -c "DROP DATABASE IF EXISTS $store_pg_database WITH (FORCE)" > /dev/null 2>&1 || true
    store_pg_database=""
  fi
}

store_sql() {
  if [[ "$store_backend" == sqlite ]]; then
    sqlite3 -batch "$store" "$1"
  else
    psql -X -q -A -t -F '|' -h 127.0.0.1 -p "$store_pg_port" -U postgres -d "$store_pg_database" \
      -v ON_ERROR_STOP=1 -c "$1"
  fi
}

# SQLite checks its own file and every declared foreign key. PostgreSQL enforces foreign keys
# on every commit, so its checks look for what a half-applied write would leave behind anyway:
# rows whose parent is missing.
store_consistency_problems() {
  if [[ "$store_backend" == sqlite ]]; then
    local integrity
    integrity="$(store_sql 'PRAGMA integrity_check')"
    if [[ "$integrity" != ok ]]; then echo "integrity_check: $integrity"; fi
    store_sql 'PRAGMA foreign_key_check' | sed 's/^/foreign_key_check: /'
  else
    local check count
    for check in \
      "people without their unit|SELECT COUNT(*) FROM people p LEFT JOIN units u ON u.code = p.unit_code WHERE u.code IS NULL" \
      "people without their manager|SELECT COUNT(*) FROM people p LEFT JOIN people m ON m.employee_id = p.manager_id WHERE p.manager_id IS NOT NULL AND m.employee_id IS NULL" \
      "assessments without their person|SELECT COUNT(*) FROM assessments a LEFT JOIN people p ON p.employee_id = a.employee_id WHERE p.employee_id IS NULL" \
      "ratings without their assessment|SELECT COUNT(*) FROM ratings r LEFT JOIN assessments a ON a.round_id = r.round_id AND a.employee_id = r.employee_id WHERE a.employee_id IS NULL"; do
      count="$(store_sql "${check#*|}")"
      if [[ "$count" != 0 ]]; then echo "${check%%|*}: $count"; fi
    done
    # Indexes that a crash could have left invalid (none should be).
    count="$(store_sql "SELECT COUNT(*) FROM pg_index WHERE NOT indisvalid")"
    if [[ "$count" != 0 ]]; then echo "invalid indexes: $count"; fi
  fi
}
