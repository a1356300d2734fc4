#!/usr/bin/env python3
# Reads one cell of an XLSX workbook's first sheet for the tests of XLSX exports and downloads
# (tests/cli/xlsx_exports_transcript.sh, tests/web_http/spreadsheet_downloads_test.sh), with
# python3's zipfile only, so no spreadsheet is needed.
# Usage: xlsx_cell.py BOOK.xlsx COLUMN_HEADER ROW
# Prints "number VALUE" or "text VALUE" for the cell in the column headed COLUMN_HEADER (first
# row) on data row ROW (1 = the first after the header), then "styled" when the cell has a
# number format (a percentage). Exit status 1 when there is no such column or row.
import re
import sys
import zipfile

book, header, row = sys.argv[1], sys.argv[2], int(sys.argv[3])
z = zipfile.ZipFile(book)
shared = [re.sub(r"<[^>]+>", "", si) for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
sheet = z.read("xl/worksheets/sheet1.xml").decode()
rows = {int(n): body for n, body in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', sheet, re.S)}


def cells(n):
    out = {}
    for ref, attrs, value in re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(?:<v>(.*?)</v>)?</c>', rows.get(n, "")):
        kind = "text" if 't="s"' in attrs else "number"
        style = re.search(r's="(\d+)"', attrs)
        out[ref] = (kind, shared[int(value)] if kind == "text" else value, style.group(1) if style else "")
    return out


heads = {v[1]: ref for ref, v in cells(1).items()}
found = cells(row + 1).get(heads.get(header, ""))
if found is None:
    print(f"no cell under '{header}' on row {row}; the headers are {sorted(heads)}", file=sys.stderr)
    sys.exit(1)
kind, value, style = found
print(kind, value, "styled" if style else "")
