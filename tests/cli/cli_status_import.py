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


if __name__ == "__main__":
    unittest.main()
