#!/usr/bin/python3
"""Writes returned status forms for the import benchmark: the responsibilities of a stored plan
(read with the sqlite3 shell) cut into FORMS forms of about equal size, filled with random
statuses, progress values and notes, as .xlsx (the form contract of docs/monitoring.md, written
with openpyxl) and/or as .csv (the same six columns, ';').

Usage: bench/make_forms.py DB PLAN PERIOD OUT_DIR FORMS xlsx|csv|both"""
import csv
import os
import random
import subprocess
import sys

HEADER = ["Schlüssel", "Handlungsfeld", "Handlungsschwerpunkt", "Status", "Fortschritt (%)", "Bemerkung"]
SCALE = ["geplant", "begonnen", "umgesetzt", "verzögert", "entfallen"]
QUERY = """SELECT f.key || '/' || u.key, fl.title, f.text, u.name
FROM responsibility r JOIN focus_area f ON f.id = r.focus_area_id
JOIN field fl ON fl.id = f.field_id JOIN plan p ON p.id = fl.plan_id
JOIN org_unit u ON u.id = r.org_unit_id
WHERE p.name = '{plan}' ORDER BY u.key, fl.position, f.position"""


def responsibilities(db, plan):
    out = subprocess.run(["sqlite3", "-batch", "-noheader", "-separator", "\t", db,
                          QUERY.format(plan=plan.replace("'", "''"))],
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def filled(rng, rows):
    out = []
    for key, field, area, _unit in rows:
        if rng.random() < 0.05:  # not reported: left empty
            out.append([key, field, area, None, None, None])
            continue
        progress = rng.choice([None, rng.randrange(0, 101)])
        note = rng.choice(["", "", "läuft nach Plan", "Personal fehlt; Start verschoben"])
        out.append([key, field, area, rng.choice(SCALE), progress, note])
    return out


def write_xlsx(path, plan, period, unit, rows):
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Rückmeldung")
    ws.append([f"Rückmeldung {period} – {unit}"])
    ws.append(["Bitte Status, Fortschritt (%) und Bemerkung ausfüllen."])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    facts = wb.create_sheet("Angaben")
    for r in (["Plan", plan], ["Periode", period], ["Einheit", unit], ["Dezernat", ""],
              ["Erstellt", "2026-11-26"], ["Statusskala", *SCALE]):
        facts.append(r)
    wb.save(path)


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


def main():
    db, plan, period, out_dir, forms, kind = sys.argv[1:7]
    forms = int(forms)
    rng = random.Random(12)
    rows = responsibilities(db, plan)
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for i in range(forms):
        chunk = rows[i * len(rows) // forms:(i + 1) * len(rows) // forms]
        if not chunk:
            break
        values = filled(rng, chunk)
        name = f"form-{i + 1:04d}"
        if kind in ("xlsx", "both"):
            # A form names its unit, and the import checks the keys against it: a chunk that
            # crosses from one unit to the next (the forms are cut to equal size) names none.
            units = {r[3] for r in chunk}
            unit = chunk[0][3] if len(units) == 1 else ""
            write_xlsx(os.path.join(out_dir, name + ".xlsx"), plan, period, unit, values)
        if kind in ("csv", "both"):
            write_csv(os.path.join(out_dir, name + ".csv"), values)
        written += 1
    print(f"{written} forms, {len(rows)} rows")


if __name__ == "__main__":
    main()
