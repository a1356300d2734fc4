#!/usr/bin/env bash
# Peer comparison of the gap analytics (issue 3, docs/performance.md "Gap analytics"):
# one synthetic data set (`trappa demo --scale N`: N people, three years of employment
# history, rounds 2025 and 2026), exported to CSV and loaded into SQLite, PostgreSQL 15 and
# DuckDB; the same three queries in each (bench/compare_gaps/sql/) and through Trappa; the
# results checked against Trappa's (counts exactly, other figures to 1e-9); a table of
# medians and ratios printed at the end.
#
# Usage: bench/compare_gaps.sh [N]          (N people, default 1000000; 20000 runs in a minute)
# Needs: a Release build with the benchmarks in $BUILD_DIR (default build-bench:
#          cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench -j1),
#        sqlite3, PostgreSQL 15 (scripts/bootstrap.sh test), node and npm, python3.
# Environment: REPEATS runs per query and engine (default 5; 3 above 200 000 people),
#        KEEP=1 keeps the work directory (printed at the start), TMPDIR where it goes,
#        DEMO_DB=FILE reuses a store made by `trappa demo --scale N --db FILE` (same N).
#
# Everything runs one step at a time (the machine has two cores); timings are medians. The
# SQL engines' times are the statement's own: sqlite3's .timer, psql's \timing, DuckDB's
# runAndReadAll; Trappa's are gap_query_bench's BM_Db* benchmarks on the same store file
# (queries over the in-memory snapshots, which `trappa serve` keeps between requests).
set -euo pipefail

people="${1:-1000000}"
if ! [[ "$people" =~ ^[0-9]+$ ]] || (( people < 1 )); then
  echo "usage: $0 [N]   (N people, default 1000000)" >&2
  exit 2
fi
repeats="${REPEATS:-$(( people > 200000 ? 3 : 5 ))}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/bench/compare_gaps"
build="${BUILD_DIR:-$root/build-bench}"
[[ "$build" = /* ]] || build="$root/$build"
trappa="$build/trappa"
bench="$build/bench/gap_query_bench"
for tool in "$trappa" "$bench"; do
  if [[ ! -x "$tool" ]]; then
    echo "compare_gaps: $tool is missing; build first:" >&2
    echo "  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench -j1" >&2
    exit 1
  fi
done
for tool in sqlite3 psql node npm python3; do
  command -v "$tool" >/dev/null || { echo "compare_gaps: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/compare_gaps.XXXXXX")"
chmod 755 "$work"  # the PostgreSQL cluster below runs as the postgres user
data="$work/data"
out="$work/out"
pgdir="$work/pg"
mkdir -p "$data" "$out"
cleanup() {
  if [[ -f "$pgdir/port" ]]; then bash "$root/tests/integration/pg_cluster.sh" stop "$pgdir" >/dev/null 2>&1 || true; fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "compare_gaps: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
step_start=0
step() { step_start=$(now_ms); printf '%-58s' "$1"; }
done_step() { printf ' %6.1f s\n' "$(( $(now_ms) - step_start ))e-3"; }

echo "compare_gaps: $people people, $repeats runs per query; work directory $work"
db="$work/demo.db"

if [[ -n "${DEMO_DB:-}" ]]; then
  db="$DEMO_DB"  # a store made earlier by `trappa demo --scale N --db FILE`, reused as is
  echo "using $db (DEMO_DB) instead of a new demo"
else
  step "trappa demo --scale $people"
  "$trappa" --db "$db" demo --scale "$people" >/dev/null 2>&1
  done_step
fi

step "trappa export (units, framework, participants, answers)"
"$trappa" --db "$db" export units -o "$data/units.csv"
"$trappa" --db "$db" export framework digital-kompetens -o "$work/framework.json"
python3 "$here/compare.py" framework "$work/framework.json" "$data"
for round in 2025 2026; do
  "$trappa" --db "$db" export participants --round "$round" -o "$work/participants_$round.csv"
  "$trappa" --db "$db" export assessments --round "$round" -o "$work/ratings_$round.csv"
  "$trappa" --db "$db" export motivation --round "$round" -o "$work/motivations_$round.csv"
done
# One file per table, the round as the first column.
for table in participants ratings motivations; do
  awk -v first=1 'FNR == 1 { if (first) print "round," $0; first = 0; round = FILENAME;
                             sub(/.*_/, "", round); sub(/\.csv$/, "", round); next }
                  { print round "," $0 }' "$work/${table}_2025.csv" "$work/${table}_2026.csv" > "$data/$table.csv"
  rm "$work/${table}_2025.csv" "$work/${table}_2026.csv"
done
done_step
printf '  %s participants, %s ratings over both rounds\n' \
  "$(( $(wc -l < "$data/participants.csv") - 1 ))" "$(( $(wc -l < "$data/ratings.csv") - 1 ))"

step "trappa analyze gaps --round 2026 --compare 2025 --by unit"
"$trappa" --db "$db" analyze gaps --round 2026 --compare 2025 --by unit --format json > "$out/trappa.json"
done_step

step "gap_query_bench BM_Db* (Trappa's timings, same store)"
TRAPPA_BENCH_DB="$db" "$bench" --benchmark_filter='^BM_Db' \
  --benchmark_out="$out/trappa_bench.json" --benchmark_out_format=json > "$out/trappa_bench.txt" 2>&1 || {
  cat "$out/trappa_bench.txt" >&2
  exit 1
}
done_step

# Writes OUT/ENGINE_times.json from the load time (ms), a version and one file of times per query.
write_times() {
  local engine="$1" load_ms="$2" version="$3"
  {
    printf '{"load_ms": %s, "version": "%s", "queries": {' "$load_ms" "$version"
    local separator=""
    for query in q1_overall_by_area q2_need_share_by_unit q3_round_comparison; do
      printf '%s"%s": [%s]' "$separator" "$query" "$(paste -sd, "$out/${engine}_$query.times")"
      separator=", "
    done
    printf '}}\n'
  } > "$out/${engine}_times.json"
}

# Checks that a times file holds one time per run.
expect_runs() {
  local file="$1"
  if [[ "$(wc -l < "$file")" -ne "$repeats" ]]; then
    echo "compare_gaps: expected $repeats timings in $file" >&2
    exit 1
  fi
}

# --- SQLite ------------------------------------------------------------------------------
sqlite_db="$work/sqlite.db"
step "SQLite $(sqlite3 --version | cut -d' ' -f1): load CSV and index"
load_start=$(now_ms)
(cd "$data" && sqlite3 -bail "$sqlite_db" < "$here/sql/sqlite_load.sql" >/dev/null)
sqlite_load_ms=$(( $(now_ms) - load_start ))
done_step
for query in q1_overall_by_area q2_need_share_by_unit q3_round_comparison; do
  step "SQLite $query x $repeats"
  {
    echo "PRAGMA cache_size = -1048576;"
    echo ".headers on"
    echo ".mode csv"
    echo ".timer on"
    echo ".once $out/sqlite_$query.csv"
    cat "$here/sql/$query.sql"
    for (( run = 1; run < repeats; run++ )); do
      echo ".once /dev/null"
      cat "$here/sql/$query.sql"
    done
  } | sqlite3 -bail "$sqlite_db" | awk '/^Run Time:/ { printf "%.3f\n", $4 * 1000 }' > "$out/sqlite_$query.times"
  expect_runs "$out/sqlite_$query.times"
  done_step
done
write_times sqlite "$sqlite_load_ms" "$(sqlite3 --version | cut -d' ' -f1)"
rm -f "$sqlite_db"

# --- PostgreSQL 15 -------------------------------------------------------------------------
step "PostgreSQL 15: start a throwaway cluster"
bash "$root/tests/integration/pg_cluster.sh" start "$pgdir" >/dev/null
port="$(cat "$pgdir/port")"
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
# Memory for a 24 GB machine instead of the defaults (128 MB of shared buffers, 4 MB per sort
# or hash): the whole data set fits, and no sort or hash spills to disk.
pg -d postgres -c "ALTER SYSTEM SET shared_buffers = '4GB'" \
   -c "ALTER SYSTEM SET work_mem = '512MB'" -c "ALTER SYSTEM SET effective_cache_size = '16GB'"
if [[ $(id -u) -eq 0 ]]; then
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir/data" -w restart >/dev/null
else
  /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdir/data" -w restart >/dev/null
fi
pg -d postgres -c "CREATE DATABASE gaps"
done_step
step "PostgreSQL 15: load CSV with \\copy, index, analyze"
load_start=$(now_ms)
(cd "$data" && pg -d gaps -f "$here/sql/postgresql_load.sql")
pg_load_ms=$(( $(now_ms) - load_start ))
done_step
pg_version="$(pg -d gaps -At -c "SHOW server_version" | cut -d' ' -f1)"
for query in q1_overall_by_area q2_need_share_by_unit q3_round_comparison; do
  step "PostgreSQL $query x $repeats"
  {
    echo '\pset format csv'
    echo '\timing on'
    echo "\\o $out/postgresql_$query.csv"
    cat "$here/sql/$query.sql"
    for (( run = 1; run < repeats; run++ )); do
      echo '\o /dev/null'
      cat "$here/sql/$query.sql"
    done
  } | pg -d gaps | awk '/^Time:/ { printf "%.3f\n", $2 }' > "$out/postgresql_$query.times"
  expect_runs "$out/postgresql_$query.times"
  done_step
done
write_times postgresql "$pg_load_ms" "$pg_version"
bash "$root/tests/integration/pg_cluster.sh" stop "$pgdir" >/dev/null

# --- DuckDB (the engine of the @duckdb/node-api package) ------------------------------------
if [[ ! -d "$here/node_modules/@duckdb/node-api" ]]; then
  step "npm ci (@duckdb/node-api)"
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null 2>&1)
  done_step
fi
step "DuckDB: load CSV, run the queries x $repeats"
node "$here/duckdb.mjs" "$data" "$here/sql" "$out" "$repeats" > "$out/duckdb.txt"
done_step
echo "  $(cat "$out/duckdb.txt")"

echo
python3 "$here/compare.py" check "$out" sqlite postgresql duckdb
