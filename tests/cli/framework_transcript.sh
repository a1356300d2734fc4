#!/usr/bin/env bash
# Transcript: the shipped framework through the command line — import, export byte-identical
# to the file, revisions (identical content keeps the revision), the role profile matrix
# replacing only the roles it names and adding a new one, --dry-run, and unknown ids.
# Usage: framework_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$2"
source_dir="$3"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/framework_transcript.expected"

cp "$source_dir/data/frameworks/digital-kompetens.json" "$fixtures/import/matrix.csv" .

# Records the differences between two files as `diff -u` shows them.
show_diff() {
  printf '$ diff -u %s %s\n' "$1" "$2" >> "$transcript_file"
  diff -u --label "$1" --label "$2" "$1" "$2" >> "$transcript_file" || true
}

note "Import the shipped framework"
run import framework digital-kompetens.json --db store.db
check_status 0
run frameworks --db store.db

note "Export writes back the same bytes, to standard output or to a file"
printf '$ trappa --db store.db export framework digital-kompetens > stdout.json\n' >> "$transcript_file"
"$trappa_binary" --db store.db export framework digital-kompetens > stdout.json
check_equal_files stdout.json digital-kompetens.json
run export framework digital-kompetens --format json -o exported.json --db store.db
check_status 0
check_equal_files exported.json digital-kompetens.json

note "Importing identical content keeps revision 1"
run import framework exported.json --db store.db
check_status 0

note "A role profile matrix: --dry-run first writes nothing"
before="$(store_dump store.db)"
run import profiles matrix.csv --framework digital-kompetens --dry-run --db store.db
check_status 0
check_unchanged store.db "$before" "a dry run of the profile matrix"

note "Importing it makes revision 2: only chef and biblioteksvärd change, kommunikatör is added"
run import profiles matrix.csv --framework digital-kompetens --db store.db
check_status 0
run frameworks --db store.db
run export framework digital-kompetens -o revision2.json --db store.db
check_status 0
show_diff digital-kompetens.json revision2.json

note "Revision 1 still exports unchanged, and revision 2 imports back as itself"
run export framework digital-kompetens --revision 1 -o revision1.json --db store.db
check_status 0
check_equal_files revision1.json digital-kompetens.json
run import framework revision2.json --db store.db
check_status 0
run export framework digital-kompetens -o again.json --db store.db
check_equal_files again.json revision2.json

note "Unknown frameworks are refused with exit status 2"
before="$(store_dump store.db)"
run export framework finns-inte --db store.db
check_status 2
run import profiles matrix.csv --framework finns-inte --db store.db
check_status 2
check_unchanged store.db "$before" "a refused profile import"

transcript_finish
