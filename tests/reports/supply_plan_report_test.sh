#!/usr/bin/env bash
# The supply plan's committee report from the demo (issue 19, "Done when"): the PDF's text
# (pdftotext) holds every activity title with its Swedish letters, and no activity row is split
# across pages; the XLSX opens in LibreOffice headless (soffice --convert-to csv) with one row per
# activity; the HTML names every section; PDF and XLSX without --output are refused.
# Usage: supply_plan_report_test.sh TRAPPA_BINARY SOURCE_DIR
set -euo pipefail
trappa="$1"
plan_file="$2/data/demo/supply-plan-kf-2025-2027.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export TRAPPA_DB="$work/demo.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$trappa" demo > /dev/null

# Refused before anything is computed: a document that is not text needs a file.
if "$trappa" report plan KF-2025-2027 --format pdf > out.txt 2> err.txt; then fail "pdf without --output was accepted"; fi
grep -q -- "--format pdf needs --output FILE" err.txt || fail "unexpected message: $(cat err.txt)"
if "$trappa" report plan NO-SUCH-PLAN --format html > out.txt 2> err.txt; then fail "an unknown plan was accepted"; fi
[[ -s err.txt ]] || fail "no message for an unknown plan"

"$trappa" report plan KF-2025-2027 --format html --on 2026-03-01 > plan.html
for heading in "Analys" "Risker" "Mål och aktiviteter" "Uppföljning" "Uppföljning av förra periodens aktiviteter"; do
  grep -q ">$heading</h2>" plan.html || fail "the HTML lacks the section $heading"
done

"$trappa" report plan KF-2025-2027 --format pdf --on 2026-03-01 --output plan.pdf
pages=$(pdfinfo plan.pdf | awk '/^Pages:/ { print $2 }')
[[ "$pages" -ge 4 ]] || fail "the PDF has $pages pages"
for ((page = 1; page <= pages; page++)); do
  pdftotext -enc UTF-8 -f "$page" -l "$page" plan.pdf "page-$page.txt"
  grep -q "Sida $page av $pages" "page-$page.txt" || fail "page $page is not numbered 'Sida $page av $pages'"
done
pdftotext -enc UTF-8 -bbox plan.pdf words.html
python3 - "$plan_file" <<'PY'
import html, json, re, sys
plan = json.load(open(sys.argv[1]))
# Each page's words with their boxes (poppler's -bbox), to read the activity table's
# "Aktivitet" column top to bottom: the column lies between its heading and UBARA's, which
# every page of the table repeats.
pages = []
for page in re.findall(r"<page[^>]*>(.*?)</page>", open("words.html", encoding="utf-8").read(), re.S):
    words = [(float(y), float(x), html.unescape(text)) for x, y, text in
             re.findall(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>(.*?)</word>', page)]
    pages.append(sorted(words))
column = []
for words in pages:
    heading = [(x, y) for y, x, text in words if text == "Aktivitet"]
    ubara = [x for y, x, text in words if text == "UBARA"]
    if not heading or not ubara or not any(text == "Nr" for _, _, text in words):
        column.append("")
        continue
    left, top = heading[0]
    right = ubara[0]
    column.append(" ".join(text for y, x, text in words if left - 1 <= x < right - 1 and y > top))
titles = [(a["code"], re.sub(r"\s+", " ", a["title"])) for g in plan["goals"] for a in g["activities"]]
for code, title in titles:
    # A row cut across pages leaves its title in two parts: whole on one page means whole.
    if not any(title in text for text in column):
        sys.exit(f"FAIL: activity {code} '{title}' is not whole on one page of the activity table")
print(f"ok: {len(titles)} activity titles, each whole on one page")
PY

"$trappa" report plan KF-2025-2027 --format xlsx --on 2026-03-01 --output plan.xlsx
# Every sheet to its own CSV (the last filter token, -1: all sheets), as a spreadsheet opens it.
HOME="$work" soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work" plan.xlsx > soffice.log 2>&1 || fail "LibreOffice could not open the workbook: $(cat soffice.log)"
[[ -f plan-Aktiviteter.csv && -f plan-Nyckeltal.csv && -f plan-Kompetensgap.csv ]] || fail "sheets: $(ls)"
python3 - "$plan_file" <<'PY'
import csv, json, sys
plan = json.load(open(sys.argv[1]))
rows = list(csv.reader(open("plan-Aktiviteter.csv", encoding="utf-8")))
header, body = rows[0], rows[1:]
titles = [a["title"] for g in plan["goals"] for a in g["activities"]]
if [row[header.index("Aktivitet")] for row in body] != titles:
    sys.exit("FAIL: the activity sheet's rows are not the plan's activities")
baseline = header.index("Utgångsläge")
# Numbers stay numbers: LibreOffice writes a number cell as the number, not as text.
a1 = body[0]
if float(a1[baseline]) != 900:
    sys.exit(f"FAIL: A1's baseline reads {a1[baseline]!r}")
if not any(h.startswith("T1 2025") for h in header) or not any(h.startswith("T2 2025") for h in header):
    sys.exit(f"FAIL: no follow-up columns in {header}")
print(f"ok: {len(body)} activity rows in LibreOffice")
PY
echo "supply plan report: ok"
