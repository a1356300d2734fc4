#!/usr/bin/env bash
# SIGKILL in the middle of `trappa demo --scale N` (issue 12, finding 4): the demo writes in
# several transactions (people, employments, each round in chunks of 50 000 people), so a kill
# after the first chunk of a round leaves a store with part of that round. The demo marks
# itself started before its first write and complete after its last (audit entries
# demo.start / demo.complete under the subject "demo"); a second `trappa demo` on such a store
# must say that it finishes the interrupted demo, succeed, and leave exactly what an
# uninterrupted demo writes (compared count by count with one run into a fresh SQLite store).
# Usage: demo_kill.sh TRAPPA_BINARY sqlite|postgresql
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/store_access.bash"
trappa="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
backend="$2"
scale=60000  # about 93 000 people with the former staff: two chunks per round

work="$(mktemp -d)"
demo_pid=""
cleanup() {
  if [[ -n "$demo_pid" ]]; then kill -KILL "$demo_pid" 2>/dev/null || true; fi
  store_drop
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
failures=0
fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}

store_create "$backend" "$work"
echo "store: $backend"

# What an uninterrupted demo of this scale writes, from a fresh SQLite store.
"$trappa" --db reference.db demo --scale "$scale" > reference.out 2> reference.err
counts_query="SELECT 'units', COUNT(*) FROM units UNION ALL SELECT 'people', COUNT(*) FROM people
  UNION ALL SELECT 'employments', COUNT(*) FROM employments
  UNION ALL SELECT 'round ' || r.name || ' ' || r.state, COUNT(a.employee_id) FROM rounds r
    LEFT JOIN assessments a ON a.round_id = r.id GROUP BY r.name, r.state
  UNION ALL SELECT 'ratings', COUNT(*) FROM ratings UNION ALL SELECT 'motivations', COUNT(*) FROM motivations
  UNION ALL SELECT 'priorities', COUNT(*) FROM priorities"
sqlite3 -batch -separator '|' reference.db "$counts_query" | sort > reference.counts

# Killed once the first chunk of the first round is committed (assessments are visible to
# another connection) and before that round is closed.
"$trappa" --db "$store" demo --scale "$scale" > demo.out 2> demo.err &
demo_pid=$!
seen_writing=""
while kill -0 "$demo_pid" 2>/dev/null; do
  if [[ "$(store_sql "SELECT COUNT(*) FROM assessments" 2>/dev/null || echo 0)" -gt 0 ]]; then
    seen_writing=yes
    break
  fi
  sleep 0.05
done
if [[ -z "$seen_writing" ]]; then
  wait "$demo_pid" || true
  echo "FAILED: the demo finished before its first round was seen half written; nothing was killed" >&2
  cat demo.out demo.err >&2
  exit 1
fi
set +e
{ kill -KILL "$demo_pid"; wait "$demo_pid"; } 2> /dev/null
demo_status=$?
set -e
demo_pid=""
if [[ $demo_status -ne 137 ]]; then fail "the demo ended with status $demo_status, not by SIGKILL (137)"; fi
partial="$(store_sql "SELECT r.name || ': ' || r.state || ', ' || COUNT(a.employee_id) || ' assessments' FROM rounds r
  LEFT JOIN assessments a ON a.round_id = r.id GROUP BY r.name, r.state ORDER BY r.name" | tr '\n' ' ')"
echo "killed trappa demo --scale $scale while it wrote its rounds: status $demo_status; left $partial"
reference_2025="$(grep '^round 2025 ' reference.counts | cut -d'|' -f2)"
killed_2025="$(store_sql "SELECT COUNT(*) FROM assessments a JOIN rounds r ON r.id = a.round_id WHERE r.name = '2025'")"
if [[ "$killed_2025" -ge "$reference_2025" ]]; then
  fail "round 2025 was complete ($killed_2025 of $reference_2025) when the demo was killed; the test killed too late"
fi

problems="$(store_consistency_problems)"
if [[ -n "$problems" ]]; then fail "the store is inconsistent after the kill: $problems"; fi

# `serve --demo` cannot give out accounts on the half-written store; `trappa demo` finishes it.
if ! "$trappa" --db "$store" demo --scale "$scale" > rerun.out 2> rerun.err; then
  fail "running the demo again failed: $(cat rerun.err)"
fi
if ! grep -q "interrupted before it finished" rerun.err; then
  fail "the second demo did not say that it finishes an interrupted demo: $(cat rerun.err)"
fi
store_sql "$counts_query" | sort > rerun.counts
if ! cmp -s reference.counts rerun.counts; then
  fail "the finished demo does not hold what an uninterrupted demo writes (- uninterrupted, + finished):"
  diff -u reference.counts rerun.counts >&2 || true
fi
if ! diff <(sed 's/ in [0-9.]* s .*//' reference.out) <(sed 's/ in [0-9.]* s .*//' rerun.out) > /dev/null; then
  fail "the summaries differ: '$(cat reference.out)' and '$(cat rerun.out)'"
fi
problems="$(store_consistency_problems)"
if [[ -n "$problems" ]]; then fail "the store is inconsistent after the second demo: $problems"; fi
markers="$(store_sql "SELECT action || '=' || COUNT(*) FROM audit_log WHERE subject = 'demo' GROUP BY action ORDER BY action" | tr '\n' ' ')"
if [[ "$markers" != "demo.complete=1 demo.start=1 " ]]; then fail "the demo's audit markers are '$markers'"; fi
# A complete demo store is refused as before.
if "$trappa" --db "$store" demo --scale "$scale" > third.out 2> third.err; then
  fail "a third demo on the finished store was not refused"
fi

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "the second trappa demo finished the interrupted one: $(tr '\n' ' ' < rerun.counts)"
