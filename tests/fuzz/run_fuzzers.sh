#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time on a copy of its seed corpus, so the committed
# corpus never grows. Fails when any target finds a crash, a leak, a timeout or an
# out-of-memory input, and prints the reproducer's path and how to keep it as a regression
# test. Usage: tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS TARGET...   (see docs/fuzzing.md)
set -uo pipefail

if (( $# < 3 )); then
  echo "usage: $0 BUILD_DIR SECONDS TARGET..." >&2
  exit 2
fi
build_dir="$(cd "$1" && pwd)"
seconds="$2"
shift 2
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
work="$build_dir/fuzz-runs"

failed=()
for target in "$@"; do
  binary="$build_dir/tests/fuzz/$target"
  if [[ ! -x "$binary" ]]; then
    echo "fuzz: $binary is missing; build it first" >&2
    exit 2
  fi
  run="$work/$target"
  rm -rf "$run"
  mkdir -p "$run/corpus" "$run/artifacts"
  cp -R "$fuzz_dir/$target/." "$run/corpus/"
  options=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1
           -artifact_prefix="$run/artifacts/")
  [[ -f "$fuzz_dir/$target.dict" ]] && options+=(-dict="$fuzz_dir/$target.dict")
  echo "fuzz: $target for ${seconds}s (log: $run/fuzz.log)"
  "$binary" "${options[@]}" "$run/corpus" >"$run/fuzz.log" 2>&1
  status=$?
  # The last status line and the final statistics: executions, speed, coverage.
  grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$run/fuzz.log" | tail -n 1 | sed "s/^/fuzz: $target: /"
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$run/fuzz.log" | sed "s/^/fuzz: $target: /"
  mapfile -t found < <(find "$run/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
                                                      -o -name 'oom-*' \) | sort)
  if (( status != 0 )) || (( ${#found[@]} > 0 )); then
    failed+=("$target")
    echo "fuzz: $target FAILED (exit status $status)"
    grep -E -m 5 '^(==[0-9]+==ERROR|fuzz check failed|SUMMARY)|^  ' "$run/fuzz.log" | sed "s/^/fuzz: $target:   /"
    for reproducer in "${found[@]}"; do
      echo "fuzz: $target reproducer: $reproducer"
      echo "fuzz:   replay: $binary $reproducer"
      echo "fuzz:   keep it: cp $reproducer $fuzz_dir/$target-crashes/  (after fixing the bug)"
    done
  fi
done

if (( ${#failed[@]} > 0 )); then
  echo "fuzz: failures in ${failed[*]}"
  exit 1
fi
echo "fuzz: $# targets ran ${seconds}s each without a failure"
