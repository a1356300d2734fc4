#!/usr/bin/env bash
# Times `trappa report plan KF-2025-2027` on the demo store (the culture administration's plan
# 2025–2027: 22 activities, 16 bound indicators, follow-ups at T1 and T2 2025, and the
# predecessor's table) as PDF (printed by headless Chromium), HTML and XLSX, five runs each;
# prints each median and the load average. Target (issue 19): the PDF in ≤ 5 s.
# Usage: bench/supply_plan_report.sh [TRAPPA]   (default: build/trappa)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
trappa="${1:-$here/../build/trappa}"
[[ -x "$trappa" ]] || { echo "supply_plan_report: no trappa binary at $trappa (run: make build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$trappa" --db "$work/demo.db" demo > /dev/null 2>&1

for format in pdf html xlsx; do
  times=()
  for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$trappa" --db "$work/demo.db" report plan KF-2025-2027 --format "$format" --output "$work/plan.$format"
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf 'supply_plan_report: %s: median of 5 %.2f s (%s bytes)\n' "$format" "$median" "$(stat -c %s "$work/plan.$format")"
done
echo "supply_plan_report: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
