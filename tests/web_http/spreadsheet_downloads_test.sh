#!/usr/bin/env bash
# Every table the web offers for download, as CSV and as XLSX (issue 15, "Exports that open
# right in a Swedish spreadsheet"; docs/web.md "Downloads"): against a real `trappa serve --demo`
# on 127.0.0.1 driven with curl. For each link on Översikt, Nyckeltal, Prognos and
# Läraktiviteter (statistics and uncovered needs; the participant list has its own test): status 200,
# the content type, an attachment named .csv or .xlsx; the CSV in the Swedish spreadsheet
# dialect (byte order mark, ';'); the workbook read back (tests/support/xlsx_cell.py) with the
# same header as the CSV, the first column's label or code a text cell, a figure a number cell
# (a share a percentage). Ramverk's role profile matrix downloads in the import's format and
# reads back in. And the web's counterpart of the CLI finding "`trappa export people`
# writes a name such as =HYPERLINK(...) raw": a person with such a name, imported while the
# server runs, comes out of the not-started list with the apostrophe that neutralises it.
#
# Usage: tests/web_http/spreadsheet_downloads_test.sh PATH/TO/trappa
set -uo pipefail

test_name=spreadsheet_downloads_test
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/http_test_common.sh"
xlsx_cell() { python3 "$here/../support/xlsx_cell.py" "$@"; }

start_server first
hr="$(account_id demo_hr)"
hr_password="$(account_password demo_hr)"
hr_jar="$work/hr.jar"
check "HR signs in" equals "$(sign_in "$hr_jar" "$hr" "$hr_password")" 303

# download JAR PATH: GET with the headers to $work/headers; the status to stdout.
download() { curl -s -b "$1" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$base$2"; }
header_value() { sed -n "s/^$1: \(.*\)\r$/\1/Ip" "$work/headers" | head -n 1; }
# attachment EXTENSION: the download is an attachment whose file name ends in .EXTENSION.
attachment() {
  local disposition
  disposition="$(header_value Content-Disposition)"
  [[ "$disposition" =~ ^attachment\;\ filename=\"[^\"/]+\.$1\"$ ]] || { echo "  Content-Disposition: $disposition" >&2; return 1; }
}
# links PAGE KIND: the page's download links of KIND (csv or xlsx), unescaped, one a line.
links() {
  get "$hr_jar" "$1" > /dev/null
  grep -o "href=\"/[a-z/-]*\.$2?[^\"]*\"" "$work/body" | grep -v deltagare | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g'
}
# csv_field N: the Nth field (1-based) of the downloaded CSV's header, without the byte order mark.
csv_field() { head -n 1 "$work/table.csv" | sed 's/^\xEF\xBB\xBF//' | cut -d';' -f"$1" | tr -d '"\r'; }

checked=0
for page in /oversikt /nyckeltal /prognos "/laraktiviteter?fran=2025-01-01&till=2025-12-31&per=gender"; do
  mapfile -t xlsx_links < <(links "$page" xlsx)
  mapfile -t csv_links < <(links "$page" csv)
  check "$page links an XLSX download beside each CSV one" equals "${#xlsx_links[@]}" "${#csv_links[@]}"
  check "$page has downloads" bash -c "(( ${#xlsx_links[@]} > 0 ))"
  for i in "${!csv_links[@]}"; do
    csv="${csv_links[$i]}"
    xlsx="${xlsx_links[$i]}"
    check "$csv answers" equals "$(download "$hr_jar" "$csv")" 200
    check "$csv is CSV" equals "$(header_value Content-Type)" "text/csv; charset=utf-8"
    check "$csv is an attachment .csv" attachment csv
    cp "$work/body" "$work/table.csv"
    check "$csv starts with the byte order mark" equals "$(head -c 3 "$work/table.csv" | od -An -tx1 | tr -d ' ')" efbbbf
    check "$csv separates with ';'" contains "$work/table.csv" ";"
    check "$xlsx answers" equals "$(download "$hr_jar" "$xlsx")" 200
    check "$xlsx is a workbook" equals "$(header_value Content-Type)" \
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    check "$xlsx is an attachment .xlsx" attachment xlsx
    cp "$work/body" "$work/table.xlsx"
    first="$(csv_field 1)"
    check "$xlsx: the first column ($first) is text" equals "$(xlsx_cell "$work/table.xlsx" "$first" 1 | cut -d' ' -f1)" text
    # The figure: Nyckeltal's long table has it last (Värde), the learning tables after the
    # group's key and name, the others in the second column.
    case "$xlsx" in
      *tabell=alla*) figure="$(csv_field 5)" ;;
      /laraktiviteter/*) figure="$(csv_field 3)" ;;
      *) figure="$(csv_field 2)" ;;
    esac
    cell="$(xlsx_cell "$work/table.xlsx" "$figure" 1)"
    check "$xlsx: $figure is a number cell" equals "$(cut -d' ' -f1 <<< "$cell")" number
    if [[ "$figure" == *"(andel 0–1)" ]]; then
      check "$xlsx: the share $figure is a percentage" equals "$(cut -d' ' -f3 <<< "$cell")" styled
    fi
    checked=$((checked + 1))
  done
done
check "the downloads of the four pages were checked" bash -c "(( $checked >= 12 ))"

# The role profile matrix on Ramverk: the import's format, for everyone signed in.
employee_jar="$work/employee.jar"
check "an employee signs in" equals "$(sign_in "$employee_jar" "$(account_id demo_employee)" "$(account_password demo_employee)")" 303
mapfile -t profile_links < <(get "$employee_jar" /ramverk > /dev/null; grep -o 'href="/ramverk/profiler\.[a-z]*?[^"]*"' "$work/body" | sed -e 's/^href="//' -e 's/"$//')
check "Ramverk links the profiles as CSV and XLSX" equals "${profile_links[*]}" \
  "/ramverk/profiler.csv?id=digital-kompetens /ramverk/profiler.xlsx?id=digital-kompetens"
check "the profile CSV answers" equals "$(download "$employee_jar" "/ramverk/profiler.csv?id=digital-kompetens")" 200
check "... as an attachment .csv" attachment csv
cp "$work/body" "$work/profiles-sv.csv"
check "... in the sv dialect with the code 1.1 kept text" bash -c "sed -n 2p '$work/profiles-sv.csv' | grep -q \"^'1\\.1;\""
check "... and reads back into the framework, changing nothing" \
  bash -c "'$trappa' import profiles --framework digital-kompetens '$work/profiles-sv.csv' > /dev/null &&
           '$trappa' export profiles --framework digital-kompetens --csv-dialect sv | cmp -s - '$work/profiles-sv.csv'"
check "the profile XLSX answers" equals "$(download "$employee_jar" "/ramverk/profiler.xlsx?id=digital-kompetens")" 200
check "... as an attachment .xlsx" attachment xlsx
cp "$work/body" "$work/profiles.xlsx"
check "... with the code 1.1 a text cell" equals "$(xlsx_cell "$work/profiles.xlsx" competency 1)" "text 1.1 "
check "... and a level a number cell" equals "$(xlsx_cell "$work/profiles.xlsx" chef 1 | cut -d' ' -f1)" number
check "an unknown framework's profiles are not found" equals "$(download "$employee_jar" "/ramverk/profiler.csv?id=nej")" 404

# The learning tables are HR's: the CSV has no small-group rule (the page's tables have it).
observer_jar="$work/observer.jar"
check "the observer signs in" equals "$(sign_in "$observer_jar" "$(account_id demo_observer)" "$(account_password demo_observer)")" 303
check "the observer gets no statistics download" equals "$(download "$observer_jar" "/laraktiviteter/statistik.xlsx")" 403
check "nor the uncovered needs" equals "$(download "$observer_jar" "/laraktiviteter/ej-tackta.csv?omgang=2026")" 403
check "an unknown round's uncovered needs are not found" equals "$(download "$hr_jar" "/laraktiviteter/ej-tackta.xlsx?omgang=1999")" 404
check "a bad period is refused" equals "$(download "$hr_jar" "/laraktiviteter/statistik.csv?fran=igar")" 400

# A name a spreadsheet would run: imported beside the running server, listed as not started.
unit="$("$trappa" export people | awk -F, 'NR == 2 { print $6 }')"
printf 'employee_id,name,email,gender,birth_year,unit_code,role,manager_id\nE990001,"=HYPERLINK(""x"")",ny.person@example.se,K,1990,%s,chef,\n' \
  "$unit" > "$work/formula-person.csv"
check "a person named =HYPERLINK(\"x\") is imported" bash -c "'$trappa' import people '$work/formula-person.csv' > /dev/null"
listed() { [[ "$(download "$hr_jar" "/omgangar/ej-paborjade.csv?omgang=2026")" == 200 ]] && grep -q HYPERLINK "$work/body"; }
for _ in $(seq 1 100); do listed && break; sleep 0.2; done
check "the not-started list names the person" contains "$work/body" HYPERLINK
check "the not-started CSV neutralises the name with an apostrophe" contains "$work/body" "\"'=HYPERLINK(\"\"x\"\")\";E990001;"
check "and never writes it raw" bash -c "! grep -q '^\"=HYPERLINK' '$work/body'"

echo "$test_name: $passed passed, $failed failed"
(( failed == 0 ))
