# Helpers for the command-line transcript tests (sourced by tests/cli/*.sh; not a test itself).
#
# A transcript test runs the real `trappa` binary in a temporary directory and writes what a
# user would see into a transcript: each command after "$ ", its standard output, then its
# standard error, then "(exit N)" when N is not 0. At the end the transcript is compared with
# the script's .expected file beside it. Checks the transcript cannot show (the store did not
# change, a file equals another) are made with `check_*`, which print what failed.
#
# Set TRAPPA_UPDATE_TRANSCRIPTS=1 to rewrite the .expected file from this run (then review the
# diff before committing it).

transcript_failures=0

# transcript_begin TRAPPA_BINARY EXPECTED_FILE: enters a fresh temporary directory. An empty
# EXPECTED_FILE means there is no transcript to compare, only the checks.
transcript_begin() {
  trappa_binary="$1"
  transcript_expected="$2"
  transcript_work="$(mktemp -d)"
  trap 'rm -rf "$transcript_work"' EXIT
  transcript_file="$transcript_work/.transcript"
  : > "$transcript_file"
  cd "$transcript_work"
  unset TRAPPA_DB
}

fail() {
  echo "FAILED: $*" >&2
  transcript_failures=$((transcript_failures + 1))
}

note() { printf '\n# %s\n' "$*" >> "$transcript_file"; }

# run ARGS...: runs trappa; sets $status and leaves the output in $stdout_file / $stderr_file.
run() {
  stdout_file="$transcript_work/.stdout"
  stderr_file="$transcript_work/.stderr"
  printf '$ %strappa %s\n' "${TRAPPA_DB:+TRAPPA_DB=$TRAPPA_DB }" "$*" >> "$transcript_file"
  set +e
  "$trappa_binary" "$@" > "$stdout_file" 2> "$stderr_file"
  status=$?
  set -e
  cat "$stdout_file" "$stderr_file" >> "$transcript_file"
  if [[ $status -ne 0 ]]; then echo "(exit $status)" >> "$transcript_file"; fi
}

# query DB SQL: runs a query with the sqlite3 shell and records it.
query() {
  printf '$ sqlite3 %s "%s"\n' "$1" "$2" >> "$transcript_file"
  sqlite3 "$1" "$2" >> "$transcript_file"
}

# Everything a SQLite store holds, for before/after comparisons.
store_dump() { sqlite3 "$1" .dump; }

check_status() {
  if [[ $status -ne $1 ]]; then fail "expected exit status $1, got $status"; fi
}

check_stdout_empty() {
  if [[ -s "$stdout_file" ]]; then fail "expected no standard output, got: $(cat "$stdout_file")"; fi
}

# check_unchanged DB DUMP_BEFORE WHAT
check_unchanged() {
  if [[ "$(store_dump "$1")" != "$2" ]]; then fail "$3: the store $1 changed"; fi
}

check_equal_files() {
  if ! cmp -s "$1" "$2"; then
    fail "$1 and $2 differ:"
    diff -u "$1" "$2" | head -40 >&2 || true
  fi
}

check_equal() {
  if [[ "$1" != "$2" ]]; then fail "$3: expected '$2', got '$1'"; fi
}

# Compares the transcript with the expected one and exits with the result.
transcript_finish() {
  if [[ -z "$transcript_expected" ]]; then
    :  # a script that checks everything with check_* has no transcript to compare
  elif [[ "${TRAPPA_UPDATE_TRANSCRIPTS:-}" == 1 ]]; then
    cp "$transcript_file" "$transcript_expected"
    echo "updated $transcript_expected"
  elif ! diff -u "$transcript_expected" "$transcript_file" >&2; then
    fail "the transcript differs from $transcript_expected (diff above: - expected, + actual)"
  fi
  if [[ $transcript_failures -ne 0 ]]; then
    echo "$transcript_failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed${transcript_expected:+; transcript matches $(basename "$transcript_expected")}"
}
