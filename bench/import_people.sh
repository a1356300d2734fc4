#!/usr/bin/env bash
# Times `trappa import people` of N people (default 1 000 000) from CSV and from XLSX into a
# fresh SQLite store holding the units (bench/import_people_data.py writes the files), three
# runs each: in Trappa's columns, and in a Swedish HR system's layout with the shipped map
# data/import-maps/svenskt-hr-system.toml and --unit-by name (issue 15's "people XLSX and CSV
# with a map"); prints each median and the load average. Target: ≤ 10 s per format.
# Usage: bench/import_people.sh [N] [TRAPPA]   (defaults: 1000000, build/trappa)
set -euo pipefail
people="${1:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
trappa="${2:-$here/../build/trappa}"
[[ -x "$trappa" ]] || { echo "import_people: no trappa binary at $trappa (run: make build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "import_people: writing $people people as CSV and XLSX into $work"
python3 "$here/import_people_data.py" "$work" "$people"
"$trappa" --db "$work/units.db" import units "$work/units.csv" >/dev/null
ls -l "$work"/people*.* | awk '{ printf "  %s %d MiB\n", $NF, $5 / 1048576 }'

map=(--map "$here/../data/import-maps/svenskt-hr-system.toml" --unit-by name)
for layout in people people-sv; do
  for format in csv xlsx; do
    options=()
    [[ "$layout" == people-sv ]] && options=("${map[@]}")
    times=()
    for run in 1 2 3; do
      cp "$work/units.db" "$work/run.db"
      start=$(date +%s.%N)
      "$trappa" --db "$work/run.db" import people "$work/$layout.$format" "${options[@]}" | sed 's/^/  /'
      times+=("$(echo "$(date +%s.%N) - $start" | bc)")
      rm -f "$work/run.db"
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    printf 'import_people: %s.%s%s: runs %s s; median %.2f s\n' "$layout" "$format" "${options[*]:+ (with the map)}" \
      "${times[*]}" "$median"
  done
done
echo "import_people: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
