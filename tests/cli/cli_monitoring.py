"""One reporting period end to end, as the education office works it: forms written, filled in by the
units with openpyxl and with LibreOffice (saved as .xlsx, and saved as .csv), imported all or nothing,
rolled up, shown in the Excel report; then the plan is rewritten (Fortschreibung), the reports carried
over and the versions compared. Every expectation comes from what the test itself filled in."""
import json
import os
import shutil
import unittest

import openpyxl

from cli_diff import edited_seed
from pdf_layout import convert
from support import SEED, UNITS, TempDirTest, query, run

PERIOD = "2026-H1"
STATUSES = ["geplant", "begonnen", "umgesetzt", "verzögert"]


def header_row(ws):
    for r in range(1, 21):
        if ws.cell(r, 1).value == "Schlüssel":
            return r
    raise AssertionError("no header row")


def fill(path, target, seed):
    """Fills every second row of a form; returns {key: (status, progress, note)} of what it wrote."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Rückmeldung"]
    written = {}
    for i, r in enumerate(range(header_row(ws) + 1, ws.max_row + 1)):
        key = ws.cell(r, 1).value
        if not key or (i + seed) % 2:
            continue
        status, progress = STATUSES[(i + seed) % 4], (i * 17 + seed) % 101
        ws.cell(r, 4).value, ws.cell(r, 5).value, ws.cell(r, 6).value = status, progress, f"Zeile {r}"
        written[key] = (status, progress, f"Zeile {r}")
    wb.save(target)
    return written


class ReportingPeriod(TempDirTest):
    def test_forms_filled_in_three_programs_imported_shown_carried_and_compared(self):
        db = self.path("plaene.db")
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", db, "--plan", "Konzept 2021"), 0)
        forms = self.path("boegen")
        self.assertExit(run("status", "forms", "--db", db, "--period", PERIOD, "--output-dir", forms), 0)
        files = sorted(f for f in os.listdir(forms) if f.endswith(".xlsx"))
        self.assertEqual(len(files), 26)

        # Units fill their forms: most with openpyxl (Excel's stand-in); two re-saved by LibreOffice
        # as .xlsx, two saved by LibreOffice as .csv (what a unit without Excel sends back).
        returned, expected = self.path("zurueck"), {}
        os.mkdir(returned)
        by_lo_xlsx, by_lo_csv = files[:2], files[2:4]
        staged = self.path("staged")
        os.mkdir(staged)
        for n, name in enumerate(files):
            target = os.path.join(staged if name in by_lo_xlsx + by_lo_csv else returned, name)
            expected.update(fill(os.path.join(forms, name), target, n))
        convert([os.path.join(staged, f) for f in by_lo_xlsx], returned, "xlsx")
        convert([os.path.join(staged, f) for f in by_lo_csv], returned,
                "csv:Text - txt - csv (StarCalc):59,34,76,1")
        sent = sorted(os.listdir(returned))
        self.assertEqual(len(sent), 26)
        self.assertEqual(sum(f.endswith(".csv") for f in sent), 2)

        result = run("status", "import", "--db", db, "--plan", "Konzept 2021", "--period", PERIOD,
                     *[os.path.join(returned, f) for f in sent])
        self.assertExit(result, 0)
        stored = {k: (s, int(p), n) for k, s, p, n in
                  query(db, "SELECT key, status, progress, note FROM status_report")}
        self.assertEqual(stored, expected)

        # Roll-up of the plan: what was filled in, counted and averaged here.
        shown = run("status", "show", "--db", db, "--plan", "Konzept 2021", "--format", "json").stdout
        # Numbers as people and scripts read them: 49.5, 65, never 4.95E1 or 6.5E1.
        self.assertNotRegex(shown, r"[0-9][eE][-+]?[0-9]")
        rollups = json.loads(shown)["rollups"]
        plan = next(r for r in rollups if r["scope"] == "plan")
        self.assertEqual(plan["responsibilities"], 135)
        self.assertEqual(plan["reported"], len(expected))
        for s in STATUSES:
            self.assertEqual(plan["counts"][s], sum(1 for v in expected.values() if v[0] == s))
        mean = sum(v[1] for v in expected.values()) / len(expected)
        self.assertAlmostEqual(plan["progress"], mean, places=6)

        # The council's workbook shows the same on its Stand sheet.
        report = self.path("bericht.xlsx")
        self.assertExit(run("export", "--db", db, "--plan", "Konzept 2021", "-f", "xlsx", "-o", report), 0)
        ws = openpyxl.load_workbook(report)["Stand"]
        total = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Summe")
        self.assertEqual(total[1:3], (135, len(expected)))
        self.assertEqual(total[-1], round(mean))

        # A returned form with an error stores nothing, also not the good ones beside it.
        bad = os.path.join(self.dir, "kaputt.xlsx")
        shutil.copy(os.path.join(returned, sent[-1]), bad)
        wb = openpyxl.load_workbook(bad)
        wsb = wb["Rückmeldung"]
        row = header_row(wsb) + 1
        wsb.cell(row, 4).value, wsb.cell(row, 5).value = "fertig", 150
        wb.save(bad)
        before = query(db, "SELECT count(*) FROM status_report")
        failed = run("status", "import", "--db", db, os.path.join(returned, sent[0]), bad)
        self.assertExit(failed, 1)
        self.assertIn(f"kaputt.xlsx:Rückmeldung!D{row}", failed.stderr)
        self.assertIn(f"kaputt.xlsx:Rückmeldung!E{row}", failed.stderr)
        self.assertEqual(query(db, "SELECT count(*) FROM status_report"), before)

        # Fortschreibung: the new version, the reports carried over, the versions compared.
        doc, units = edited_seed()
        self.write("neu.md", doc)
        self.write("neu.csv", units)
        self.assertExit(run("import", self.path("neu.md"), "--units", self.path("neu.csv"), "--db", db,
                            "--plan", "Konzept 2025"), 0)
        carry = run("status", "carry", "--db", db, "--from", "Konzept 2021", "--to", "Konzept 2025")
        self.assertExit(carry, 0)
        carried = query(db, "SELECT count(*) FROM status_report WHERE plan = 'Konzept 2025'")[0][0]
        self.assertGreater(int(carried), 0)
        self.assertLessEqual(int(carried), len(expected))
        diff = json.loads(run("diff", "--db", db, "Konzept 2021", "Konzept 2025", "--format", "json").stdout)
        self.assertEqual(len(diff["reworded"]), 2)
        # What could not carry is exactly what the new version no longer has.
        removed_units = {(r["focus_area"], r["unit"]) for r in diff["responsibilities"]["removed"]}
        old_keys = {k for k in expected}
        lost = query(db, "SELECT fa.text, ou.name, fa.key || '/' || ou.key FROM focus_area fa "
                         "JOIN field f ON f.id = fa.field_id JOIN plan p ON p.id = f.plan_id "
                         "JOIN responsibility r ON r.focus_area_id = fa.id "
                         "JOIN org_unit ou ON ou.id = r.org_unit_id WHERE p.name = 'Konzept 2021'")
        not_carried = {(t, u) for t, u, k in lost if k in old_keys and (t, u) in removed_units}
        self.assertEqual(int(carried), len(expected) - len(not_carried))
        show = json.loads(run("status", "show", "--db", db, "--plan", "Konzept 2025",
                              "--format", "json").stdout)["rollups"]
        self.assertEqual(next(r for r in show if r["scope"] == "plan")["reported"], int(carried))


if __name__ == "__main__":
    unittest.main()
