#!/usr/bin/env bash
# Times `trappa demo --scale N` into a fresh SQLite store: the synthetic organisation, three
# years of employment history and two assessment rounds. Prints people per second (current
# employees of the synthetic city, the N asked for) and the peak resident memory.
# Usage: bench/demo_scale.sh [N] [TRAPPA]   (defaults: 1000000, build/trappa)
set -euo pipefail
people="${1:-1000000}"
trappa="${2:-$(cd "$(dirname "$0")/.." && pwd)/build/trappa}"
[[ -x "$trappa" ]] || { echo "demo_scale: no trappa binary at $trappa (run: make build)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "demo_scale: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "demo_scale: trappa demo --scale $people into $work/scale.db"
/usr/bin/time -f "%e %U %M" -o "$work/time" "$trappa" --db "$work/scale.db" demo --scale "$people" 2>&1 | sed 's/^/  /'
read -r wall user peak_kb < "$work/time"
size=$(du -m "$work/scale.db" | cut -f1)
awk -v n="$people" -v wall="$wall" -v user="$user" -v kb="$peak_kb" -v mb="$size" 'BEGIN {
  printf "demo_scale: %d people in %.1f s wall (%.1f s user): %.0f people/s, peak memory %.0f MiB, store %d MiB\n",
         n, wall, user, n / wall, kb / 1024, mb
}'
