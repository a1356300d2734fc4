#!/usr/bin/env bash
# trappa import activities and trappa export activities through the real binary (issue 16,
# the catalogue): the fixture imports, exports in the import format and re-imports unchanged;
# a changed activity is updated (not duplicated) and audited with the fields that changed; a
# file with problems lists every one as FILE:LINE:COLUMN and leaves the store as it was (with
# and without --dry-run); an unknown framework is named.
# Usage: activities_transcript.sh TRAPPA_BINARY FIXTURES_DIR SOURCE_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/transcript.bash"
fixtures="$(cd "$2" && pwd)"
transcript_begin "$1" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/activities_transcript.expected"
cp "$fixtures"/learning/activities.csv .
store=learning.db
# The shipped framework only: the demo brings a catalogue of its own.
"$trappa_binary" --db $store import framework "$3/data/frameworks/digital-kompetens.json" > /dev/null

note "The catalogue imports, and exports in the same format"
run --db $store import activities activities.csv --framework digital-kompetens
check_status 0
run --db $store export activities -o exported.csv
check_status 0
cat exported.csv >> "$transcript_file"
query $store "SELECT action, subject, detail FROM audit_log WHERE action LIKE 'activity.%' ORDER BY id"

note "Importing the export again changes nothing"
before="$(store_dump $store)"
run --db $store import activities exported.csv --framework digital-kompetens
check_status 0
check_equal "$(sqlite3 $store "SELECT count(*) FROM learning_activities")" 3 "activities after re-importing"
check_equal "$(sqlite3 $store "SELECT count(*) FROM audit_log WHERE action LIKE 'activity.%'")" 3 "activity entries"

note "A changed activity is updated, not duplicated (here also its xAPI object id, xapi_id)"
sed '/^AI-01,/{s/,3,1.1 3.1,/,4,1.1 3.1,/;s|,open,https://lms.stad.se/course/view.php?id=12$|,closed,https://lms.stad.se/course/view.php?id=13|}' exported.csv > changed.csv
run --db $store import activities changed.csv --framework digital-kompetens
check_status 0
query $store "SELECT code, hours, status, xapi_id FROM learning_activities ORDER BY code"
query $store "SELECT action, subject, detail FROM audit_log WHERE action = 'activity.update' ORDER BY id"

note "A file with problems: every one is listed and nothing is written"
cat > bad.csv <<'CSV'
code,title,format,hours,competencies,level_from,level_to,audience_roles,starts,ends,capacity
X-1,Kurs,seminarium,3,1.1,1,2,,2026-01-01,2026-02-01,
X-2,Kurs två,kurs,2,9.9,4,2,rektor,2026-03-01,2026-02-01,0
CSV
cat > bad_xapi.csv <<'CSV'
code,title,format,hours,competencies,level_from,level_to,audience_roles,starts,ends,capacity,xapi_id
X-3,Kurs tre,kurs,2,1.1,1,2,,2026-01-01,2026-02-01,,course/12
X-4,Kurs fyra,kurs,2,1.1,1,2,,2026-01-01,2026-02-01,,https://lms.stad.se/x
X-5,Kurs fem,kurs,2,1.1,1,2,,2026-01-01,2026-02-01,,https://lms.stad.se/x
CSV
cat > taken_xapi.csv <<'CSV'
code,title,format,hours,competencies,level_from,level_to,audience_roles,starts,ends,capacity,xapi_id
X-6,Kurs sex,kurs,2,1.1,1,2,,2026-01-01,2026-02-01,,https://lms.stad.se/course/view.php?id=13
CSV
before="$(store_dump $store)"
for dry_run in "" --dry-run; do
  run --db $store import activities bad.csv --framework digital-kompetens $dry_run
  check_status 2
  check_stdout_empty
  check_unchanged $store "$before" "import activities bad.csv $dry_run"
done
run --db $store import activities bad_xapi.csv --framework digital-kompetens
check_status 2
check_unchanged $store "$before" "import activities bad_xapi.csv"
run --db $store import activities taken_xapi.csv --framework digital-kompetens
check_status 2
check_unchanged $store "$before" "import activities taken_xapi.csv"
run --db $store import activities activities.csv --framework finns-inte
check_status 2
run --db $store import activities activities.csv
check_status 2
transcript_finish
