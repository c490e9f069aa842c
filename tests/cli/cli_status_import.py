"""eduplan status import: returned forms (.xlsx as the contract in docs/monitoring.md describes
them, .csv) checked against the plan and stored all or nothing."""
import json
import os
import re
import shutil
import subprocess
import unittest
import zipfile

import openpyxl

from pdf_layout import convert
from support import SEED, UNITS, TempDirTest, run, scalar, query

HEADER = ["Schlüssel", "Handlungsfeld", "Handlungsschwerpunkt", "Status", "Fortschritt (%)", "Bemerkung"]
RESPONSIBILITIES = """
SELECT f.key || '/' || u.key, fl.title, f.text, u.name
FROM responsibility r JOIN focus_area f ON f.id = r.focus_area_id
JOIN field fl ON fl.id = f.field_id JOIN plan p ON p.id = fl.plan_id
JOIN org_unit u ON u.id = r.org_unit_id
WHERE p.name = '{plan}' ORDER BY fl.position, f.position, r.position"""


def build_form(path, plan, period, rows, sheet="Rückmeldung", header=HEADER, facts=True,
               unit=None):
    """A form as `status forms` writes it (contract): title, instructions, header in row 3,
    one row per responsibility from row 4; plan and period in sheet Angaben. `rows`: lists of
    six values. `unit`: the unit the form is for; None leaves it empty in Angaben, so that rows
    of several units can share a form (the import checks the keys against a unit named)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([f"Rückmeldung {period} – {unit or 'Stadtbibliothek'}"])
    ws.append(["Bitte Status, Fortschritt und Bemerkung ausfüllen."])
    ws.append(header)
    for r in rows:
        ws.append(r)
    if facts:
        a = wb.create_sheet("Angaben")
        for row in (["Plan", plan], ["Periode", period], ["Einheit", unit or ""], ["Dezernat", ""],
                    ["Erstellt", "2026-11-26"],
                    ["Statusskala", "geplant", "begonnen", "umgesetzt", "verzögert", "entfallen"]):
            a.append(row)
    wb.save(path)
    return path


def rewrite(path, change):
    """Rewrites the workbook's members: change(dict name -> bytes) edits them in place."""
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    change(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(n, data)
    return path


def shared_strings(path, keep_inline=()):
    """Turns the inline strings openpyxl writes (<c t="inlineStr"><is><t>…</t></is></c>) into
    shared strings, as Excel writes them (xl/sharedStrings.xml, its relationship and content
    type); the cells in `keep_inline` (["D4", …] of the first sheet) stay inline, as
    LibreOffice sometimes writes them."""
    def change(members):
        strings = []
        for name in [n for n in members if n.startswith("xl/worksheets/sheet")]:
            def repl(m):
                if name.endswith("sheet1.xml") and m.group(1) in keep_inline:
                    return m.group(0)
                strings.append(m.group(3))
                return f'<c r="{m.group(1)}"{m.group(2)} t="s"><v>{len(strings) - 1}</v></c>'
            members[name] = re.sub(r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>',
                                   repl, members[name].decode()).encode()
        items = "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in strings)
        members["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>').encode()
        rels = members["xl/_rels/workbook.xml.rels"].decode()
        members["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", (
            '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')).encode()
        types = members["[Content_Types].xml"].decode()
        members["[Content_Types].xml"] = types.replace("</Types>", (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')).encode()
    return rewrite(path, change)


def set_value(path, ref, xml_value):
    """Writes the cached number of a numeric cell of the first sheet as given ("100.0")."""
    def change(members):
        sheet = members["xl/worksheets/sheet1.xml"].decode()
        sheet, n = re.subn(rf'(<c r="{ref}"[^>]*><v>)[^<]*(</v>)', rf"\g<1>{xml_value}\g<2>", sheet)
        assert n == 1, ref
        members["xl/worksheets/sheet1.xml"] = sheet.encode()
    return rewrite(path, change)


class ImportFixture(TempDirTest):
    """The seed imported as plan "seed"; helpers for forms of its responsibilities."""

    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", self.db, "--plan", "seed"), 0)
        self.resp = [r for r in self.responsibilities("seed")]
        self.assertGreater(len(self.resp), 10)

    def responsibilities(self, plan):
        return subprocess_rows(self.db, RESPONSIBILITIES.format(plan=plan))

    def rows(self, *values):
        """Rows for the first responsibilities with the given (status, progress, note)."""
        return [[k, f, a, *v] for (k, f, a, _), v in zip(self.resp, values)]

    def row(self, i, status, progress, note):
        k, f, a, _ = self.resp[i]
        return [k, f, a, status, progress, note]

    def stored(self):
        return int(scalar(self.db, "SELECT count(*) FROM status_report"))

    def assertRejected(self, result, *messages):
        self.assertExit(result, 1)
        for m in messages:
            self.assertIn(m, result.stderr)
        self.assertIn("nichts gespeichert", result.stderr)
        self.assertEqual(self.stored(), 0)


class StatusImportTest(ImportFixture):
    def test_shared_and_inline_strings_numbers_stored(self):
        form = build_form(self.path("bib.xlsx"), "seed", "2026-H1",
                          self.rows(("begonnen", 50, "läuft"), ("umgesetzt", 100.0, None),
                                    ("geplant", "50 %", ""), ("verzögert", "30", "x"),
                                    (None, None, None)))
        shared_strings(form, keep_inline=["D4", "F4", "D6"])
        set_value(form, "E5", "100.0")
        with zipfile.ZipFile(form) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn('<c r="D4" t="inlineStr">', sheet)
        self.assertRegex(sheet, r'<c r="D5"[^>]* t="s">')
        r = run("status", "import", "--db", self.db, form)
        self.assertExit(r, 0)
        self.assertIn("4 Rückmeldungen gespeichert", r.stdout)
        self.assertIn("1 leere Zeile übersprungen", r.stdout)
        got = query(self.db, "SELECT key, period, status, ifnull(progress, ''), note, source "
                             "FROM status_report ORDER BY sequence")
        k = [x[0] for x in self.resp]
        self.assertEqual(got, [
            [k[0], "2026-H1", "begonnen", "50", "läuft", "bib.xlsx:Rückmeldung!D4"],
            [k[1], "2026-H1", "umgesetzt", "100", "", "bib.xlsx:Rückmeldung!D5"],
            [k[2], "2026-H1", "geplant", "50", "", "bib.xlsx:Rückmeldung!D6"],
            [k[3], "2026-H1", "verzögert", "30", "x", "bib.xlsx:Rückmeldung!D7"]])
        show = run("status", "show", "--db", self.db, "--plan", "seed", "--period", "2026-H1",
                   "--format", "json")
        self.assertExit(show, 0)
        plan = json.loads(show.stdout)["rollups"][0]
        self.assertEqual(plan["scope"], "plan")
        self.assertEqual(plan["reported"], 4)
        self.assertEqual(plan["counts"]["begonnen"], 1)
        self.assertAlmostEqual(plan["progress"], (50 + 100 + 50 + 30) / 4)

    def test_every_error_listed_with_its_cell_nothing_stored(self):
        good = build_form(self.path("good.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        bad = build_form(self.path("bad.xlsx"), "seed", "2026-H1", [
            ["gibt-es/nicht", "F", "A", "begonnen", 10, ""],          # row 4: unknown key
            self.rows(("fertig", None, None))[0],                      # row 5: status off scale
            self.row(2, None, 20, None),                                # row 6: no status
            self.row(3, "begonnen", 101, None),                         # row 7: > 100
            self.row(4, "begonnen", "viel", None),                      # row 8: no number
            self.row(5, "begonnen", 12.5, None),                        # row 9: not whole
        ])
        r = run("status", "import", "--db", self.db, good, bad)
        self.assertRejected(r, "bad.xlsx:Rückmeldung!A4: unbekannter Schlüssel „gibt-es/nicht“",
                            "bad.xlsx:Rückmeldung!D5: Status „fertig“ ist nicht in der Skala "
                            "(geplant, begonnen, umgesetzt, verzögert, entfallen)",
                            "bad.xlsx:Rückmeldung!D6: Fortschritt oder Bemerkung ohne Status",
                            "bad.xlsx:Rückmeldung!E7: Fortschritt „101“",
                            "bad.xlsx:Rückmeldung!E8: Fortschritt „viel“",
                            "bad.xlsx:Rückmeldung!E9: Fortschritt „12.5“")
        self.assertEqual(len(r.stderr.strip().splitlines()), 7, r.stderr)

    def test_the_databases_own_scale(self):
        self.assertExit(run("status", "scale", "--db", self.db, "--set", "offen,erledigt"), 0)
        form = build_form(self.path("s.xlsx"), "seed", "2026-H1",
                          self.rows(("Erledigt", 100, ""), ("begonnen", 10, "")))
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "s.xlsx:Rückmeldung!D5: Status „begonnen“ ist nicht in der Skala "
                               "(offen, erledigt)")
        self.assertNotIn("D4", r.stderr)
        form = build_form(self.path("t.xlsx"), "seed", "2026-H1", self.rows(("Erledigt", 100, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        # stored in the scale's spelling
        self.assertEqual(query(self.db, "SELECT status FROM status_report"), [["erledigt"]])

    def test_booleans_errors_and_missing_keys(self):
        form = build_form(self.path("b.xlsx"), "seed", "2026-H1",
                          [self.row(0, True, None, None), self.row(1, "begonnen", "=1/0", None),
                           ["", "F", "A", "begonnen", 10, ""], ["", "F", "A", None, None, None]])
        def error_value(members):
            sheet = members["xl/worksheets/sheet1.xml"].decode()
            sheet = re.sub(r'<c r="E5"[^>]*>.*?</c>', '<c r="E5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', sheet)
            members["xl/worksheets/sheet1.xml"] = sheet.encode()
        rewrite(form, error_value)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "b.xlsx:Rückmeldung!D4: Status „WAHR“ ist nicht in der Skala",
                            "b.xlsx:Rückmeldung!E5: Zelle enthält den Fehlerwert #DIV/0!",
                            "b.xlsx:Rückmeldung!A6: Schlüssel fehlt")
        self.assertEqual(len(r.stderr.strip().splitlines()), 4, r.stderr)

    def test_period_and_plan_must_agree(self):
        form = build_form(self.path("h2.xlsx"), "seed", "2026-H2", self.rows(("begonnen", 10, "")))
        r = run("status", "import", "--db", self.db, "--period", "2026-H1", form)
        self.assertRejected(r, "h2.xlsx:Angaben!B2: Formular für Periode 2026-H2, erwartet 2026-H1")
        r = run("status", "import", "--db", self.db, "--plan", "anderer", form)  # no such plan
        self.assertExit(r, 2)
        self.assertIn("kein Plan „anderer“ in der Datenbank", r.stderr)
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", self.db, "--plan", "anderer"), 0)
        r = run("status", "import", "--db", self.db, "--plan", "anderer", form)
        self.assertRejected(r, "h2.xlsx:Angaben!B1: Formular für Plan „seed“, erwartet „anderer“")
        form = build_form(self.path("x.xlsx"), "fehlt", "2026-H1", self.rows(("begonnen", 10, "")))
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "x.xlsx:Angaben!B1: Plan „fehlt“ ist nicht in der Datenbank")

    def test_key_of_another_plan(self):
        with open(SEED, encoding="utf-8") as f:
            text = f.read().replace("Reaktivierung der Kontakte zu Kitas", "Neue Kontakte zu Horten")
        other = self.write("neu.md", text)
        self.assertExit(run("import", other, "--units", UNITS, "--db", self.db, "--plan", "neu"), 0)
        foreign = [r for r in self.responsibilities("neu") if r[2] == "Neue Kontakte zu Horten"][0]
        form = build_form(self.path("f.xlsx"), "seed", "2026-H1",
                          [[foreign[0], foreign[1], foreign[2], "begonnen", 5, ""]])
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, f"f.xlsx:Rückmeldung!A4: Schlüssel „{foreign[0]}“ gehört zum Plan "
                               "„neu“, nicht zu „seed“")

    def test_duplicates_across_files(self):
        same = self.rows(("begonnen", 10, "a"))
        a = build_form(self.path("a.xlsx"), "seed", "2026-H1", same)
        b = build_form(self.path("b.xlsx"), "seed", "2026-H1", same)
        r = run("status", "import", "--db", self.db, a, b)
        self.assertExit(r, 0)
        self.assertEqual(self.stored(), 1)
        self.assertIn("1 Zeile doppelt", r.stdout)
        self.assertEqual(int(scalar(self.db, "DELETE FROM status_report; SELECT changes()")), 1)
        c = build_form(self.path("c.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 20, "a")))
        r = run("status", "import", "--db", self.db, a, c)
        self.assertRejected(r, f"c.xlsx:Rückmeldung!D4: Zuständigkeit „{self.resp[0][0]} ({self.resp[0][2]})“ "
                               "zweimal mit verschiedenen Angaben (auch in ")

    def test_renamed_sheet_and_deleted_column(self):
        renamed = build_form(self.path("renamed.xlsx"), "seed", "2026-H1",
                             self.rows(("begonnen", 10, "")), sheet="Tabelle1")
        r = run("status", "import", "--db", self.db, renamed)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT source FROM status_report"),
                         [["renamed.xlsx:Tabelle1!D4"]])
        self.assertEqual(int(scalar(self.db, "DELETE FROM status_report; SELECT changes()")), 1)
        wb = openpyxl.Workbook()
        wb.active.title = "Tabelle1"
        wb.active.append(["nur", "irgendwas"])
        wb.save(self.path("other.xlsx"))
        r = run("status", "import", "--db", self.db, self.path("other.xlsx"))
        self.assertRejected(r, "other.xlsx: kein Formular: kein Blatt „Rückmeldung“, und das erste "
                               "Blatt „Tabelle1“ hat in den ersten 20 Zeilen keine Kopfzeile")
        nokey = build_form(self.path("nokey.xlsx"), "seed", "2026-H1",
                           [r[1:] for r in self.rows(("begonnen", 10, ""))], header=HEADER[1:])
        r = run("status", "import", "--db", self.db, nokey)
        self.assertRejected(r, "nokey.xlsx:Rückmeldung!A3: Spalte „Schlüssel“ fehlt in der Kopfzeile")

    def test_encrypted_corrupt_and_not_a_form(self):
        ole = self.write("geheim.xlsx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 600)
        good = build_form(self.path("good.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        with open(good, "rb") as f:
            data = f.read()
        corrupt = self.write("kaputt.xlsx", data[: len(data) // 2])
        text = self.write("brief.xlsx", "Sehr geehrte Damen und Herren")
        r = run("status", "import", "--db", self.db, good, ole, corrupt, text)
        self.assertRejected(r, "geheim.xlsx: verschlüsselt/kein XLSX", "kaputt.xlsx: beschädigte",
                            "brief.xlsx: kein Formular")

    def test_zip_bomb_and_entities_refused(self):
        good = build_form(self.path("good.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        with zipfile.ZipFile(good) as z:
            members = {n: z.read(n) for n in z.namelist()}
        bomb = dict(members)
        bomb["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"] + b" " * (20 << 20)
        laughs = dict(members)
        laughs["xl/worksheets/sheet1.xml"] = (
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            + re.sub(rb"^<\?xml[^>]*\?>", b"", members["xl/worksheets/sheet1.xml"]))
        for name, parts in (("bomb.xlsx", bomb), ("laughs.xlsx", laughs)):
            with zipfile.ZipFile(self.path(name), "w", zipfile.ZIP_DEFLATED) as z:
                for n, d in parts.items():
                    z.writestr(n, d)
        r = run("status", "import", "--db", self.db, self.path("bomb.xlsx"), self.path("laughs.xlsx"))
        self.assertRejected(r, "bomb.xlsx: beschädigte", "laughs.xlsx: beschädigte")
        self.assertLess(os.path.getsize(self.path("bomb.xlsx")), 1 << 20)

    def test_csv_forms(self):
        k = self.resp
        body = ("\ufeff" + ";".join(HEADER) + "\n"
                f"{k[0][0]};F;A;begonnen;50 %;gut\n{k[1][0]};F;A;;;\n")
        semi = self.write("a.csv", body)
        comma = self.write("b.csv", ",".join(HEADER) + f"\n{k[2][0]},F,A,umgesetzt,100,\n")
        r = run("status", "import", "--db", self.db, semi, comma)  # a usage error: exit 2
        self.assertExit(r, 2)
        self.assertIn("a.csv: ein CSV-Formular braucht --plan und --period", r.stderr)
        self.assertEqual(query(self.db, "SELECT count(*) FROM status_report"), [["0"]])
        # A note among the forms (status import DIR/*): said as what it may be, not only as a CSV form.
        note = self.write("liesmich.txt", "Bitte bis Juni zurück.\n")
        r = run("status", "import", "--db", self.db, note)
        self.assertExit(r, 2)
        self.assertIn("liesmich.txt: eine .txt-Datei wird als CSV-Formular gelesen und braucht dann --plan und "
                      "--period; ist sie kein Formular, sie nicht mit angeben", r.stderr)
        bad = self.write("c.csv", ",".join(HEADER) + f"\n{k[3][0]},F,A,fertig,100,\n")
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2026-H1",
                semi, comma, bad)
        self.assertRejected(r, "c.csv:2: Status „fertig“")
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2026-H1",
                semi, comma)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT status, progress, source FROM status_report "
                                        "ORDER BY sequence"),
                         [["begonnen", "50", "a.csv:2"], ["umgesetzt", "100", "b.csv:2"]])

    def test_unreadable_file_is_an_io_error(self):
        form = build_form(self.path("a.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        r = run("status", "import", "--db", self.db, form, self.path("fehlt.xlsx"))
        self.assertExit(r, 2)
        self.assertIn("fehlt.xlsx", r.stderr)
        self.assertEqual(self.stored(), 0)
        r = run("status", "import", "--db", self.db, form, self.dir)
        self.assertExit(r, 2)
        self.assertEqual(self.stored(), 0)

    def test_dry_run_stores_nothing(self):
        form = build_form(self.path("a.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        r = run("status", "import", "--db", self.db, "--dry-run", form)
        self.assertExit(r, 0)
        self.assertIn("1 Rückmeldung geprüft", r.stdout)
        self.assertEqual(self.stored(), 0)

    @unittest.skipUnless(shutil.which("soffice"), "LibreOffice is not installed")
    def test_form_rewritten_by_libreoffice(self):
        src = build_form(self.path("lo-src.xlsx"), "seed", "2026-H1",
                         self.rows(("begonnen", 50, "läuft"), ("umgesetzt", 100, None),
                                   (None, None, None)))
        out = self.path("lo")
        os.makedirs(out)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{self.path('profile')}",
                        "--convert-to", "xlsx", "--outdir", out, src],
                       capture_output=True, check=True, timeout=180)
        converted = os.path.join(out, "lo-src.xlsx")
        r = run("status", "import", "--db", self.db, converted)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT status, progress, note, source FROM status_report "
                                        "ORDER BY sequence"),
                         [["begonnen", "50", "läuft", "lo-src.xlsx:Rückmeldung!D4"],
                          ["umgesetzt", "100", "", "lo-src.xlsx:Rückmeldung!D5"]])


class FormsRoundTripTest(TempDirTest):
    """The forms `eduplan status forms` writes (libxlsxwriter, zip64 local headers, styled empty
    input cells, validation, protection), filled with openpyxl and rewritten by LibreOffice, read
    back. Skipped where this build has no `status forms`."""

    def test_written_filled_imported(self):
        db = self.path("p.db")
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", db), 0)
        out = self.path("forms")
        r = run("status", "forms", "--db", db, "--period", "2026-H1", "--output-dir", out)
        if r.returncode == 2 and "status forms" in r.stderr:
            self.skipTest("this build has no `eduplan status forms`")
        self.assertExit(r, 0)
        forms = sorted(f for f in os.listdir(out) if f.endswith(".xlsx"))
        self.assertGreater(len(forms), 10)
        r = run("status", "import", "--db", db, "--dry-run", *[os.path.join(out, f) for f in forms])
        self.assertExit(r, 0)  # blank forms: every row "not reported"
        self.assertIn("0 Rückmeldungen geprüft", r.stdout)
        filled, expected = self.path("filled"), 0
        os.makedirs(filled)
        for i, name in enumerate(forms):
            wb = openpyxl.load_workbook(os.path.join(out, name))
            ws = wb["Rückmeldung"]
            for row in range(4, ws.max_row + 1):
                if ws.cell(row, 1).value and (row + i) % 3:
                    ws.cell(row, 4).value = "begonnen"
                    ws.cell(row, 5).value = 40
                    expected += 1
            wb.save(os.path.join(filled, name))
        paths = [os.path.join(filled, f) for f in forms]
        if shutil.which("soffice"):
            lo = self.path("lo")
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{self.path('profile')}",
                            "--convert-to", "xlsx", "--outdir", lo, paths[0]],
                           capture_output=True, check=True, timeout=180)
            paths[0] = os.path.join(lo, forms[0])
        r = run("status", "import", "--db", db, "--period", "2026-H1", *paths)
        self.assertExit(r, 0)
        self.assertEqual(int(scalar(db, "SELECT count(*) FROM status_report")), expected)
        self.assertEqual(int(scalar(db, "SELECT count(*) FROM status_report "
                                        "WHERE source NOT LIKE '%.xlsx:Rückmeldung!D%'")), 0)
        show = json.loads(run("status", "show", "--db", db, "--period", "2026-H1", "--format", "json").stdout)
        self.assertEqual(show["rollups"][0]["reported"], expected)
        self.assertEqual(show["rollups"][0]["progress"], 40)


def subprocess_rows(db, sql):
    return query(db, sql)

class WhatUsersTypeAndSend(ImportFixture):
    """What a newcomer's pass found: statuses pasted with odd characters, a percent-formatted cell,
    a formula never computed, an invalid period, the same forms sent twice, a CSV from another
    period."""

    def test_statuses_with_no_break_spaces_decomposed_umlauts_and_case_are_the_scale_s(self):
        nfd = "verzo\u0308gert"
        form = build_form(self.path("s.xlsx"), "seed", "2026-H1",
                          self.rows(("begonnen\u00a0", 10, ""), (nfd, 20, ""), ("UMGESETZT ", 30, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        self.assertEqual(query(self.db, "SELECT status FROM status_report ORDER BY sequence"),
                         [["begonnen"], ["verzögert"], ["umgesetzt"]])

    def test_a_percent_cell_and_an_uncomputed_formula_are_explained(self):
        form = build_form(self.path("p.xlsx"), "seed", "2026-H1",
                          self.rows(("begonnen", 0.5, ""), ("begonnen", "=25*2", ""), ("geplant", 5, "=A1")))
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "p.xlsx:Rückmeldung!E4: Fortschritt 0.5 ist keine ganze Zahl von 0 bis 100 — "
                               "als Prozent formatierte Zelle?",
                            "p.xlsx:Rückmeldung!E5: Formel =25*2 ohne berechnetes Ergebnis",
                            "p.xlsx:Rückmeldung!F6: Formel =A1 ohne berechnetes Ergebnis")

    def test_an_invalid_period_is_refused_in_the_form_and_on_the_command_line(self):
        form = build_form(self.path("v.xlsx"), "seed", "2026 H1", self.rows(("begonnen", 10, "")))
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "v.xlsx:Angaben!B2: „2026 H1“ ist kein Berichtszeitraum")
        good = build_form(self.path("g.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        for bad in ("2026 H1", "", "2026/H1", "a" * 33):
            r = run("status", "import", "--db", self.db, "--period", bad, good)
            self.assertExit(r, 2)
            self.assertIn("kein Berichtszeitraum", r.stderr)
        self.assertEqual(self.stored(), 0)

    def test_the_same_forms_sent_again_store_nothing_new(self):
        form = build_form(self.path("a.xlsx"), "seed", "2026-H1",
                          self.rows(("begonnen", 10, "x"), ("geplant", None, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        again = run("status", "import", "--db", self.db, form)
        self.assertExit(again, 0)
        self.assertIn("2 Rückmeldungen schon so gespeichert", again.stdout)
        self.assertEqual(self.stored(), 2)
        changed = build_form(self.path("b.xlsx"), "seed", "2026-H1",
                             self.rows(("umgesetzt", 100, "x"), ("geplant", None, "")))
        self.assertExit(run("status", "import", "--db", self.db, changed), 0)
        self.assertEqual(self.stored(), 3)  # the changed one is history's newest; both stay

    def test_a_csv_saved_from_a_form_keeps_its_period(self):
        k = self.resp
        body = ("Rückmeldung 2026-H1 – Stadtbibliothek;;;;;\nBitte ausfüllen;;;;;\n" + ";".join(HEADER) +
                f"\n{k[0][0]};F;A;begonnen;50;gut\n")
        csv_form = self.write("alt.csv", body)
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2027-H1", csv_form)
        self.assertRejected(r, "alt.csv:1: Formular für Periode 2026-H1, erwartet 2027-H1")
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2026-H1", csv_form)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT period, source FROM status_report"), [["2026-H1", "alt.csv:4"]])

    def test_an_ods_form_is_asked_for_as_xlsx(self):
        form = build_form(self.path("o.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        ods = convert([form], self.dir, "ods")[0]
        r = run("status", "import", "--db", self.db, ods)
        self.assertRejected(r, "eine LibreOffice-Tabelle (.ods), keine Excel-Arbeitsmappe")

    def test_a_scale_with_statuses_differing_in_case_only_is_refused(self):
        r = run("status", "scale", "--db", self.db, "--set", "geplant,Geplant,begonnen")
        self.assertExit(r, 2)
        self.assertIn("steht zweimal in der Skala", r.stderr)

    def test_a_period_without_reports_is_pointed_out(self):
        form = build_form(self.path("a.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        for args in (["status", "show"], ["export", "-f", "csv", "-o", self.path("x.csv")]):
            r = run(*args, "--db", self.db, "--period", "2030")
            self.assertExit(r, 0)
            self.assertIn("keine Rückmeldungen zum Plan „seed“ für den Zeitraum 2030; vorhanden: 2026-H1",
                          r.stderr)

    def test_excel_unicode_text_utf16_with_tabs(self):
        k = self.resp
        text = ("Rückmeldung 2026-H1 – Stadtbibliothek\t\t\t\t\t\r\n" + "\t".join(HEADER) + "\r\n"
                f"{k[0][0]}\tF\tA\tbegonnen\t50\tgut\r\n")
        form = self.write("unicode.txt", b"\xff\xfe" + text.encode("utf-16-le"))
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2026-H1", form)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT status, progress, note FROM status_report"),
                         [["begonnen", "50", "gut"]])

    def test_no_file_and_unknown_plan_are_usage_errors(self):
        r = run("status", "import", "--db", self.db)
        self.assertExit(r, 2)
        self.assertIn("keine Formulardatei angegeben", r.stderr)


STATUSES = ["geplant", "begonnen", "umgesetzt", "verzögert", "entfallen"]


class ThirdHostilePass(ImportFixture):
    """What a third hostile pass did to a real form (`status forms`, filled with openpyxl): rows
    sorted without the key column, answers in a copy of the sheet, notes typed as dates or
    carrying control characters, a column or a fact given twice. Each used to be stored wrongly
    or dropped with exit 0; now the whole import is refused, naming the file and the cell."""

    def form(self):
        """The real form of the Stadtbibliothek (plan seed, 2026-H1): its workbook, opened."""
        out = self.path("boegen")
        if not os.path.isdir(out):
            self.assertExit(run("status", "forms", "--db", self.db, "--plan", "seed", "--period",
                                "2026-H1", "--output-dir", out), 0)
        return openpyxl.load_workbook(os.path.join(out, "Stadtbibliothek.xlsx"))

    @staticmethod
    def fill(ws, first=4):
        """Answers in every row of the form sheet `ws`; {key: (status, progress, note)}."""
        answers = {}
        for i, r in enumerate(range(first, ws.max_row + 1)):
            if not ws.cell(r, 1).value:
                continue
            ws.cell(r, 4).value, ws.cell(r, 5).value, ws.cell(r, 6).value = \
                STATUSES[i % 5], 5 * i, f"Bemerkung {i}"
            answers[ws.cell(r, 1).value] = (STATUSES[i % 5], str(5 * i), f"Bemerkung {i}")
        return answers

    def save(self, wb, name="bericht.xlsx"):
        wb.save(self.path(name))
        return self.path(name)

    def stored_answers(self):
        """{key: (status, progress, note)} as stored; line breaks and tabs of notes as \\n, \\t."""
        sql = ("SELECT key, status, ifnull(progress, ''), "
               "replace(replace(note, char(10), '\\n'), char(9), '\\t') FROM status_report")
        return {k: (s, p, n) for k, s, p, n in query(self.db, sql)}

    def test_rows_sorted_without_the_key_column_are_refused(self):
        wb = self.form()
        ws = wb["Rückmeldung"]
        self.fill(ws)
        rows = range(4, ws.max_row + 1)
        # Columns B:F sorted by focus area, the narrow key column A left where it was.
        values = sorted(([ws.cell(r, c).value for c in range(2, 7)] for r in rows), key=lambda v: v[1])
        before = {r: (ws.cell(r, 2).value, ws.cell(r, 3).value) for r in rows}
        for r, v in zip(rows, values):
            for c, x in enumerate(v, start=2):
                ws.cell(r, c).value = x
        moved = [r for r in rows if (ws.cell(r, 2).value, ws.cell(r, 3).value) != before[r]]
        self.assertGreater(len(moved), 2)
        first = moved[0]
        form = self.save(wb)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(
            r, f"bericht.xlsx:Rückmeldung!C{first}: „{ws.cell(first, 3).value[:60]}",
            f"ist nicht der Handlungsschwerpunkt des Schlüssels in A{first} („{before[first][1][:60]}",
            "die Zeilen wurden wohl ohne Spalte A sortiert oder verändert",
            f"(ebenso {len(moved) - 1} weitere Zeile{'' if len(moved) == 2 else 'n'})")
        self.assertEqual(len(r.stderr.strip().splitlines()), 2, r.stderr)  # one message per file
        en = run("status", "import", "--db", self.db, "--lang", "en", form)
        self.assertExit(en, 1)
        self.assertIn(f"bericht.xlsx:Rückmeldung!C{first}: ", en.stderr)
        self.assertIn("the rows seem to have been sorted or edited without column A", en.stderr)
        self.assertEqual(self.stored(), 0)

    def test_a_field_that_is_not_the_key_s_is_refused(self):
        wb = self.form()
        ws = wb["Rückmeldung"]
        self.fill(ws)
        field = ws["B5"].value
        self.assertNotEqual(field, "MINT")
        ws["B5"] = "MINT"
        r = run("status", "import", "--db", self.db, self.save(wb))
        self.assertRejected(r, f"bericht.xlsx:Rückmeldung!B5: „MINT“ ist nicht das Handlungsfeld des "
                               f"Schlüssels in A5 („{field}“)")

    def test_spacing_line_breaks_and_unicode_form_of_the_printed_texts_do_not_count(self):
        import unicodedata
        wb = self.form()
        ws = wb["Rückmeldung"]
        answers = self.fill(ws)
        ws["C4"] = "  " + ws["C4"].value.replace(" ", "\n", 2) + " "   # a line break typed in
        ws["C5"] = unicodedata.normalize("NFD", ws["C5"].value)          # "Förderung", decomposed
        ws["B6"] = ws["B6"].value.replace("/ ", "/\r\n")                  # Windows line end
        ws["C7"] = ws["C7"].value.replace(" ", "  ")                     # spaces doubled
        ws["F8"] = "Zeile 1\nZeile 2\tmit Tab"                           # allowed in a note
        key8 = ws["A8"].value
        answers[key8] = (answers[key8][0], answers[key8][1], r"Zeile 1\nZeile 2\tmit Tab")
        r = run("status", "import", "--db", self.db, self.save(wb))
        self.assertExit(r, 0)
        self.assertIn(f"{len(answers)} Rückmeldungen gespeichert", r.stdout)
        self.assertEqual(self.stored_answers(), answers)

    def test_answers_in_a_copy_of_the_sheet_are_not_passed_over(self):
        # The original left empty, the copy filled.
        wb = self.form()
        copy = wb.copy_worksheet(wb["Rückmeldung"])
        copy.title = "Rückmeldung (2)"
        self.fill(copy)
        form = self.save(wb)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "bericht.xlsx:'Rückmeldung (2)'!D4: die Angaben stehen im Blatt "
                               "„Rückmeldung (2)“, einer Kopie des Formulars; eingelesen wird nur das "
                               "Blatt „Rückmeldung“, und das ist leer")
        en = run("status", "import", "--db", self.db, "--lang", "en", form)
        self.assertExit(en, 1)
        self.assertIn("bericht.xlsx:'Rückmeldung (2)'!D4: the answers are in sheet \"Rückmeldung (2)\", "
                      "a copy of the form; only sheet \"Rückmeldung\" is read, and it is empty", en.stderr)
        # Both filled: which answers count is not for eduplan to guess.
        self.fill(wb["Rückmeldung"])
        r = run("status", "import", "--db", self.db, self.save(wb, "beide.xlsx"))
        self.assertRejected(r, "beide.xlsx:'Rückmeldung (2)'!D4: das Blatt „Rückmeldung (2)“ ist eine "
                               "weitere Kopie des Formulars mit Angaben; eingelesen wird nur das Blatt "
                               "„Rückmeldung“")
        # An empty copy beside the filled original is harmless.
        wb = self.form()
        answers = self.fill(wb["Rückmeldung"])
        wb.copy_worksheet(wb["Rückmeldung"]).title = "Kopie"
        for row in wb["Kopie"].iter_rows(min_row=4, min_col=4, max_col=6):
            for cell in row:
                cell.value = None
        r = run("status", "import", "--db", self.db, self.save(wb, "leere-kopie.xlsx"))
        self.assertExit(r, 0)
        self.assertEqual(self.stored_answers(), answers)

    def test_notes_shown_as_dates_percentages_or_currency_are_refused(self):
        import datetime
        wb = self.form()
        ws = wb["Rückmeldung"]
        self.fill(ws)
        ws["F4"] = datetime.date(2026, 6, 30)
        ws["F4"].number_format = "DD.MM.YYYY"
        ws["F5"] = 0.5
        ws["F5"].number_format = "0%"
        ws["F6"] = 1234567.891
        ws["F6"].number_format = '#,##0.00 "€"'
        ws["F7"] = datetime.datetime(2026, 3, 4, 12, 0)
        ws["F8"] = 0.75
        ws["F8"].number_format = "# ?/?"
        r = run("status", "import", "--db", self.db, self.save(wb))
        self.assertRejected(
            r, "bericht.xlsx:Rückmeldung!F4: die Bemerkung ist ein Datum oder eine Uhrzeit (in der Datei "
               "die Zahl 46203): Bemerkungen werden als Text gelesen",
            "bericht.xlsx:Rückmeldung!F5: die Bemerkung ist eine als Prozent formatierte Zahl (in der "
            "Datei 0.5)",
            "bericht.xlsx:Rückmeldung!F6: die Bemerkung ist eine formatierte Zahl (Währung, Bruch o. Ä.; "
            "in der Datei 1234567.891)",
            "bericht.xlsx:Rückmeldung!F7: die Bemerkung ist ein Datum oder eine Uhrzeit (in der Datei "
            "die Zahl 46085.5)",
            "bericht.xlsx:Rückmeldung!F8: die Bemerkung ist eine formatierte Zahl")
        self.assertEqual(len(r.stderr.strip().splitlines()), 6, r.stderr)
        en = run("status", "import", "--db", self.db, "--lang", "en", self.path("bericht.xlsx"))
        self.assertIn("bericht.xlsx:Rückmeldung!F4: the note is a date or time (the number 46203 in "
                      "the file)", en.stderr)
        # Plain numbers in the General format are stored as written.
        wb = self.form()
        ws = wb["Rückmeldung"]
        answers = self.fill(ws)
        ws["F4"], ws["F5"] = 12, 1234567.891
        for ref in ("A4", "A5"):
            key = ws[ref].value
            answers[key] = answers[key][:2] + (str(ws["F" + ref[1:]].value),)
        r = run("status", "import", "--db", self.db, self.save(wb, "zahlen.xlsx"))
        self.assertExit(r, 0)
        self.assertEqual(self.stored_answers(), answers)
        self.assertEqual(sorted(n for _, _, n in answers.values())[:2], ["12", "1234567.891"])

    def test_a_column_or_a_fact_given_twice_is_refused(self):
        wb = self.form()
        ws = wb["Rückmeldung"]
        self.fill(ws)
        ws["G3"], ws["G4"] = "Status", "umgesetzt"
        r = run("status", "import", "--db", self.db, self.save(wb))
        self.assertRejected(r, "bericht.xlsx:Rückmeldung!G3: Spalte „Status“ steht zweimal in der "
                               "Kopfzeile (D3 und G3): welche gilt, ist nicht klar")
        en = run("status", "import", "--db", self.db, "--lang", "en", self.path("bericht.xlsx"))
        self.assertIn("bericht.xlsx:Rückmeldung!G3: column \"Status\" appears twice in the header row "
                      "(D3 and G3)", en.stderr)
        k = self.resp[0]
        csv_form = self.write("doppelt.csv", ";".join(HEADER + ["Status"]) +
                              f"\n{k[0]};{k[1]};{k[2]};begonnen;10;;umgesetzt\n")
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2026-H1", csv_form)
        self.assertRejected(r, "doppelt.csv:1: Spalte „Status“ steht zweimal in der Kopfzeile (Feld 4 und "
                               "Feld 7)")
        wb = self.form()
        answers = self.fill(wb["Rückmeldung"])
        facts = wb["Angaben"]
        self.assertEqual((facts["A2"].value, facts["B2"].value), ("Periode", "2026-H1"))
        facts["A10"], facts["B10"] = "Periode", "2027-H1"
        r = run("status", "import", "--db", self.db, self.save(wb, "perioden.xlsx"))
        self.assertRejected(r, "perioden.xlsx:Angaben!B10: „Periode“ steht zweimal im Blatt „Angaben“, "
                               "verschieden (B2: „2026-H1“, hier „2027-H1“)")
        # The same period repeated says nothing else: read as before.
        facts["B10"] = "2026-H1"
        r = run("status", "import", "--db", self.db, self.save(wb, "gleich.xlsx"))
        self.assertExit(r, 0)
        self.assertEqual(self.stored_answers(), answers)

    def test_control_characters_and_noncharacters_in_notes_are_refused(self):
        wb = self.form()
        ws = wb["Rückmeldung"]
        self.fill(ws)
        # openpyxl writes no C0 control into XML; Excel writes them as _xHHHH_ escapes.
        notes = {"F4": ("Glocke_x0007_", "U+0007 (ein Steuerzeichen) an Stelle 7"),
                 "F5": ("erste\x85zweite", "U+0085 (ein Steuerzeichen) an Stelle 6"),
                 "F6": ("x\x7fy", "U+007F (ein Steuerzeichen) an Stelle 2"),
                 "F7": ("_x001B_[31mrot", "U+001B (ein Steuerzeichen) an Stelle 1"),
                 "F8": ("_xFFFE_", "U+FFFE (ein Unicode-Nichtzeichen) an Stelle 1"),
                 "F9": ("a\U0010FFFF", "U+10FFFF (ein Unicode-Nichtzeichen) an Stelle 2")}
        for ref, (note, _) in notes.items():
            ws[ref] = note
        r = run("status", "import", "--db", self.db, self.save(wb))
        self.assertRejected(r, *[f"bericht.xlsx:Rückmeldung!{ref}: die Bemerkung enthält ein ungültiges "
                                 f"Zeichen: {said}" for ref, (_, said) in notes.items()])
        self.assertEqual(len(r.stderr.strip().splitlines()), len(notes) + 1, r.stderr)
        en = run("status", "import", "--db", self.db, "--lang", "en", self.path("bericht.xlsx"))
        self.assertIn("bericht.xlsx:Rückmeldung!F4: the note holds an invalid character: U+0007 (a "
                      "control character) at position 7", en.stderr)
        self.assertEqual(self.stored(), 0)


if __name__ == "__main__":
    unittest.main()
