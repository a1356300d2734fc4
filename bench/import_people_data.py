#!/usr/bin/env python3
"""Writes the inputs of bench/import_people.sh into DIR: units.csv (a city, 10 administrations,
100 units) and the same N people as people.csv (';', UTF-8 with BOM) and people.xlsx (one
sheet, texts as shared strings as Excel writes them, birth years as numbers), and once more
in a Swedish HR system's layout for data/import-maps/svenskt-hr-system.toml as people-sv.csv
and people-sv.xlsx (units by name, a synthetic personal identity number, gender as a word).
Usage: import_people_data.py DIR [N]"""
import os
import sys
import zipfile

out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
units = [("STAD", "Staden", "", "stad")]
units += [(f"F{a:02}", f"Förvaltning {a}", "STAD", "förvaltning") for a in range(10)]
units += [(f"F{a:02}-E{u:02}", f"Enhet {a}.{u}", f"F{a:02}", "enhet") for a in range(10) for u in range(10)]
leaves = [code for code, _, _, kind in units if kind == "enhet"]
with open(os.path.join(out, "units.csv"), "w", encoding="utf-8") as f:
    f.write("code,name,parent_code,kind\n")
    f.writelines(f"{c},{n},{p},{k}\n" for c, n, p, k in units)

HEADER = ["employee_id", "name", "gender", "birth_year", "unit_code", "role", "manager_id", "email"]
FIRST = ["Åsa", "Märta", "Erik", "Öjvind", "Karin", "Lars", "Ingrid", "Nils"]
LAST = ["Öberg", "Ängström", "Lindqvist", "Nordin", "Holm", "Berg", "Sjöberg", "Ek"]

def person(i):
    return [f"E{i:07}", f"{FIRST[i % 8]} {LAST[(i // 8) % 8]}", "KMX"[i % 3], 1960 + i % 45,
            leaves[i % len(leaves)], "handläggare", "", f"p{i}@stad.se"]

UNIT_NAMES = {code: name for code, name, _, _ in units}
SV_HEADER = ["Anst.nr", "Fullständigt namn", "Personnr", "Kön", "Organisationsenhet", "Befattningsbenämning",
             "Närmaste chef", "Arbetsmejl"]
GENDER_WORDS = {"K": "Kvinna", "M": "Man", "X": "Annat"}

def swedish_person(i):
    # A made-up personal identity number (day 01-28, serial from i); reduced to the year on import.
    employee, name, gender, year, unit, role, manager, email = person(i)
    number = f"{year}{1 + i % 12:02}{1 + i % 28:02}-{i % 10000:04}"
    return [employee, name, number, GENDER_WORDS[gender], UNIT_NAMES[unit], role, manager, email]

def write_csv(name, header, row):
    with open(os.path.join(out, name), "w", encoding="utf-8-sig") as f:
        f.write(";".join(header) + "\n")
        for i in range(count):
            f.write(";".join(str(v) for v in row(i)) + "\n")

def column(c):
    return chr(65 + c)

def write_xlsx(name, header, row):
    strings, index = [], {}
    def shared(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for r in range(1, count + 2):
                values = header if r == 1 else row(r - 2)
                cells = []
                for c, value in enumerate(values):
                    if value == "":
                        continue
                    if isinstance(value, int):
                        cells.append(f'<c r="{column(c)}{r}"><v>{value}</v></c>')
                    else:
                        cells.append(f'<c r="{column(c)}{r}" t="s"><v>{shared(value)}</v></c>')
                sheet.write(f'<row r="{r}">{"".join(cells)}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Personal" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>')

write_csv("people.csv", HEADER, person)
write_xlsx("people.xlsx", HEADER, person)
write_csv("people-sv.csv", SV_HEADER, swedish_person)
write_xlsx("people-sv.xlsx", SV_HEADER, swedish_person)
