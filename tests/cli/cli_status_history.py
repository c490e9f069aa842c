"""eduplan status import and the history of reports: an old form read again after a corrected one,
"100%" typed into a cell, characters the database cannot hold, imports running at the same time.
Found by a newcomer's and a hostile pass over the monitoring workflow."""
import json
import os
import subprocess
import unittest

import openpyxl

from cli_status_import import ImportFixture, build_form, rewrite, shared_strings
from support import EDUPLAN, SEED, UNITS, query, run, scalar


class AnOldFormReadAgain(ImportFixture):
    def reports(self):
        return query(self.db, "SELECT status, progress, source FROM status_report ORDER BY sequence")

    def test_does_not_undo_the_correction_and_is_named(self):
        old = build_form(self.path("Stadtarchiv.xlsx"), "seed", "2026-H1",
                         self.rows(("begonnen", 45, ""), ("geplant", None, "")))
        corrected = build_form(self.path("Stadtarchiv-v2.xlsx"), "seed", "2026-H1",
                               self.rows(("umgesetzt", 100, ""), ("geplant", None, "")))
        self.assertExit(run("status", "import", "--db", self.db, old), 0)
        self.assertExit(run("status", "import", "--db", self.db, corrected), 0)
        again = run("status", "import", "--db", self.db, old)
        self.assertExit(again, 0)
        self.assertIn("1 Rückmeldung aus älteren Formularen nicht gespeichert (--reinstate speichert sie)",
                      again.stdout)
        self.assertIn("1 Rückmeldung schon so gespeichert", again.stdout)
        self.assertIn("Warnung: Stadtarchiv.xlsx:Rückmeldung!D4: gleicht einer früheren Rückmeldung, "
                      "die seither ersetzt ist; es gilt „umgesetzt, 100 %“ aus "
                      "Stadtarchiv-v2.xlsx:Rückmeldung!D4", again.stderr)
        self.assertEqual(self.reports(), [["begonnen", "45", "Stadtarchiv.xlsx:Rückmeldung!D4"],
                                          ["geplant", "", "Stadtarchiv.xlsx:Rückmeldung!D5"],
                                          ["umgesetzt", "100", "Stadtarchiv-v2.xlsx:Rückmeldung!D4"]])
        latest = run("status", "show", "--db", self.db, "--period", "2026-H1", "--format", "json")
        self.assertExit(latest, 0)
        self.assertIn('"umgesetzt"', latest.stdout)
        # A dry run says the same and stores nothing.
        dry = run("status", "import", "--db", self.db, "--dry-run", old)
        self.assertExit(dry, 0)
        self.assertIn("1 Rückmeldung aus älteren Formularen nicht gespeichert", dry.stdout)
        # Going back on purpose.
        back = run("status", "import", "--db", self.db, "--reinstate", old)
        self.assertExit(back, 0)
        self.assertIn("1 Rückmeldung gespeichert", back.stdout)
        self.assertEqual(self.reports()[-1], ["begonnen", "45", "Stadtarchiv.xlsx:Rückmeldung!D4"])

    def test_in_english(self):
        old = build_form(self.path("a.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 45, "")))
        new = build_form(self.path("b.xlsx"), "seed", "2026-H1", self.rows(("umgesetzt", 100, "")))
        for form in (old, new):
            self.assertExit(run("status", "import", "--db", self.db, form), 0)
        again = run("--lang", "en", "status", "import", "--db", self.db, old)
        self.assertExit(again, 0)
        self.assertIn("1 report from older forms not stored (--reinstate stores them)", again.stdout)
        self.assertIn("warning: a.xlsx:Rückmeldung!D4: equals an earlier report", again.stderr)


class AStatusOutsideTheScale(ImportFixture):
    def test_gets_a_column_of_its_own_and_a_note(self):
        """The schema is public: another program may store a status the scale does not know. The text
        table counts it as reported; its columns must still add up, as the JSON does."""
        form = build_form(self.path("a.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 45, ""), ("geplant", None, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        subprocess.run([os.environ.get("SQLITE3", "sqlite3"), self.db,
                        "UPDATE status_report SET status = 'FERTIG' WHERE status = 'begonnen'"], check=True)
        shown = run("status", "show", "--db", self.db)
        self.assertExit(shown, 0)
        lines = shown.stdout.splitlines()
        header = next(l for l in lines if l.startswith("Plan ") and "gemeldet" in l)
        self.assertTrue(header.split()[-2:] == ["FERTIG", "Fortschritt"], header)
        plan_row = lines[lines.index(header) + 1].split()
        reported, statuses = int(plan_row[2]), [int(x) for x in plan_row[3:-2 if plan_row[-1] == "%" else -1]]
        self.assertEqual(reported, 2)
        self.assertEqual(sum(statuses), reported, plan_row)
        self.assertIn("Status außerhalb der Skala der Datenbank: FERTIG", shown.stderr)
        counts = json.loads(run("status", "show", "--db", self.db, "--format", "json").stdout)["rollups"][0]["counts"]
        self.assertEqual(counts.get("FERTIG"), 1)


class AllPeriodsTogether(ImportFixture):
    def test_a_late_correction_of_an_earlier_period_does_not_hide_a_newer_one(self):
        h2 = build_form(self.path("h2.xlsx"), "seed", "2026-H2", self.rows(("umgesetzt", 100, "")))
        late = build_form(self.path("h1.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 45, "")))
        for form in (h2, late):
            self.assertExit(run("status", "import", "--db", self.db, form), 0)
        shown = run("status", "show", "--db", self.db, "--format", "json")
        self.assertExit(shown, 0)
        plan = json.loads(shown.stdout)["rollups"][0]
        self.assertEqual((plan["counts"]["umgesetzt"], plan["counts"]["begonnen"], plan["progress"]),
                         (1, 0, 100))
        csv_out = self.path("x.csv")
        self.assertExit(run("export", "--db", self.db, "-f", "csv", "-o", csv_out), 0)
        with open(csv_out, encoding="utf-8-sig") as f:
            text = f.read()
        self.assertIn("2026-H2", text)
        self.assertNotIn("2026-H1", text)


class APlanRenamedOrReplaced(ImportFixture):
    def test_forms_sent_out_before_a_rename_are_read_with_the_new_name(self):
        form = build_form(self.path("f.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        self.assertExit(run("plans", "rename", "seed", "seed alt", "--db", self.db), 0)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "f.xlsx:Angaben!B1: Plan „seed“ ist nicht in der Datenbank (umbenannt? "
                               "Dann mit --plan und dem neuen Namen einlesen)")
        r = run("status", "import", "--db", self.db, "--plan", "seed alt", form)
        self.assertExit(r, 0)
        self.assertIn("f.xlsx:Angaben!B1: Formular für Plan „seed“, den es unter diesem Namen "
                      "nicht mehr gibt (umbenannt?); gelesen für „seed alt“ (--plan)", r.stderr)
        self.assertEqual(query(self.db, "SELECT plan, status FROM status_report"), [["seed alt", "begonnen"]])

    def test_carry_from_a_renamed_version_knows_its_earlier_copies(self):
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", self.db, "--plan", "neu"), 0)
        first = build_form(self.path("a.xlsx"), "seed", "2026-H1",
                           self.rows(("begonnen", 10, ""), ("geplant", None, "")))
        self.assertExit(run("status", "import", "--db", self.db, first), 0)
        carry = run("status", "carry", "--db", self.db, "--from", "seed", "--to", "neu")
        self.assertExit(carry, 0)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM status_report WHERE plan = 'neu'"), "2")
        self.assertExit(run("plans", "rename", "seed", "alt", "--db", self.db), 0)
        self.assertEqual(query(self.db, "SELECT DISTINCT substr(source, 1, 19) FROM status_report "
                                        "WHERE plan = 'neu'"), [["übernommen aus alt "]])
        later = build_form(self.path("b.xlsx"), "seed", "2026-H1", self.rows(("umgesetzt", 100, "")))
        self.assertExit(run("status", "import", "--db", self.db, "--plan", "alt", later), 0)
        again = run("status", "carry", "--db", self.db, "--from", "alt", "--to", "neu")
        self.assertExit(again, 0)
        self.assertEqual(query(self.db, "SELECT status, progress FROM status_report WHERE plan = 'neu' "
                                        "ORDER BY sequence DESC LIMIT 1"), [["umgesetzt", "100"]])
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM status_report WHERE plan = 'neu'"), "3")
        # And nothing more the next time.
        self.assertExit(run("status", "carry", "--db", self.db, "--from", "alt", "--to", "neu"), 0)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM status_report WHERE plan = 'neu'"), "3")

    def test_a_rename_leaves_the_sources_of_plans_with_similar_names_alone(self):
        for name in ("K", "K (alt)", "N"):
            self.assertExit(run("import", SEED, "--units", UNITS, "--db", self.db, "--plan", name), 0)
        form = build_form(self.path("übernommen aus K (1).xlsx"), "K (alt)", "2026-H1",
                          self.rows(("begonnen", 10, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        self.assertExit(run("status", "carry", "--db", self.db, "--from", "K (alt)", "--to", "N"), 0)
        before = query(self.db, "SELECT plan, source FROM status_report ORDER BY sequence")
        self.assertEqual(len(before), 2)
        self.assertExit(run("plans", "rename", "K", "Z", "--db", self.db), 0)
        self.assertEqual(query(self.db, "SELECT plan, source FROM status_report ORDER BY sequence"), before)
        dry = run("status", "carry", "--db", self.db, "--from", "K (alt)", "--to", "N", "--dry-run")
        self.assertExit(dry, 0)
        self.assertNotIn("Würden übernommen: 1", dry.stdout)

    def test_replacing_a_plan_says_which_reports_no_longer_count(self):
        form = build_form(self.path("f.xlsx"), "seed", "2026-H1",
                          self.rows(("begonnen", 10, ""), ("geplant", None, "")))
        self.assertExit(run("status", "import", "--db", self.db, form), 0)
        with open(SEED, encoding="utf-8") as f:
            text = f.read()
        focus_area = self.resp[0][2]
        self.assertIn(focus_area, text)
        fixed = self.write("fixed.md", text.replace(focus_area, focus_area + " (überarbeitet)", 1))
        r = run("import", fixed, "--units", UNITS, "--db", self.db, "--plan", "seed")
        self.assertExit(r, 0)
        self.assertIn("Plan „seed“ ersetzt", r.stdout)
        self.assertRegex(r.stderr, r"Warnung: \d+ Rückmeldung(en)? \(2026-H1\) ohne Zuständigkeit im "
                                   r"ersetzten Plan „seed“")
        self.assertIn("eduplan status carry", r.stderr)
        unchanged = run("import", fixed, "--units", UNITS, "--db", self.db, "--plan", "seed")
        self.assertExit(unchanged, 0)  # the same again: the same warning, nothing else lost
        self.assertEqual(self.stored(), 2)


class WhatAFolderOfFormsAlsoHolds(ImportFixture):
    def test_the_index_and_excel_lock_files_are_passed_over_an_empty_file_is_named(self):
        out = self.path("boegen")
        r = run("status", "forms", "--db", self.db, "--plan", "seed", "--period", "2026-H1",
                "--output-dir", out)
        self.assertExit(r, 0)
        names = sorted(os.listdir(out))
        self.assertIn("index.csv", names)
        form = os.path.join(out, "Stadtbibliothek.xlsx")
        wb = openpyxl.load_workbook(form)
        ws = wb["Rückmeldung"]
        ws["D4"] = "begonnen"
        wb.save(form)
        with open(os.path.join(out, "~$Stadtbibliothek.xlsx"), "wb") as f:
            f.write(b"\x0bSachbearbei" + b"\x00" * 150)  # what Excel leaves while the book is open
        r = run("status", "import", "--db", self.db, *[os.path.join(out, n) for n in sorted(os.listdir(out))])
        self.assertExit(r, 0)
        self.assertIn("index.csv: die Übersicht von „eduplan status forms“, kein Formular: übergangen",
                      r.stderr)
        self.assertIn("~$Stadtbibliothek.xlsx: eine Sperrdatei von Excel", r.stderr)
        self.assertIn(f"{len(names) - 1} Dateien gelesen, 1 Rückmeldung gespeichert", r.stdout)
        empty = self.write("leer.xlsx", b"")
        r = run("status", "import", "--db", self.db, empty)
        self.assertExit(r, 1)
        self.assertIn("leer.xlsx: die Datei ist leer (0 Byte): kein Formular", r.stderr)


class UnitForms(ImportFixture):
    def own_and_foreign_rows(self, unit):
        """Two filled rows: one of `unit`'s responsibilities, then another unit's; and that other
        responsibility (key, field, focus area, unit)."""
        mine = [r for r in self.resp if r[3] == unit][0]
        other = [r for r in self.resp if r[3] != unit][0]
        return [[*mine[:3], "begonnen", 10, ""], [*other[:3], "umgesetzt", 100, ""]], other


class WhatTheFormSays(UnitForms):
    def test_a_row_of_another_unit_is_refused_the_unit_matched_as_typed(self):
        rows, other = self.own_and_foreign_rows("Stadtbibliothek")
        for unit in ("Stadtbibliothek", "STADTBIBLIOTHEK", "stadtbibliothek\u00a0"):
            form = build_form(self.path("sb.xlsx"), "seed", "2026-H1", rows, unit=unit)
            r = run("status", "import", "--db", self.db, form)
            self.assertRejected(r, f"sb.xlsx:Rückmeldung!A5: Schlüssel „{other[0]}“ ist die Zuständigkeit eines "
                                   f"anderen Bereichs, das Formular ist das von „{unit}“")

    def test_a_date_where_the_period_or_the_progress_was(self):
        form = build_form(self.path("d.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 10, "")))
        wb = openpyxl.load_workbook(form)
        import datetime
        wb["Angaben"]["B2"] = datetime.date(2026, 6, 30)
        wb["Rückmeldung"]["E4"] = datetime.date(2026, 1, 3)
        wb.save(form)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "d.xlsx:Angaben!B2: ein Datum (46203), kein Berichtszeitraum")
        r = run("status", "import", "--db", self.db, "--period", "2026-H1", form)
        self.assertRejected(r, "d.xlsx:Angaben!B2: ein Datum (46203), kein Berichtszeitraum")
        wb["Angaben"]["B2"] = "2026-H1"
        wb.save(form)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "d.xlsx:Rückmeldung!E4: Fortschritt ist ein Datum (46025), keine ganze Zahl")


class TheScale(ImportFixture):
    def test_control_characters_overlong_statuses_and_too_many_are_refused(self):
        before = query(self.db, "SELECT * FROM status_scale")
        for scale, message in ((f"gut\x1b[31m,schlecht", "enthält ein Steuerzeichen (Byte 4)"),
                               ("x" * 81, "81 Zeichen lang, höchstens 80"),
                               (",".join(f"s{i}" for i in range(51)), "51 Status, höchstens 50")):
            r = run("status", "scale", "--db", self.db, "--set", scale)
            self.assertExit(r, 2)
            self.assertIn(message, r.stderr)
        self.assertEqual(query(self.db, "SELECT * FROM status_scale"), before)
        r = run("status", "scale", "--db", self.db, "--set", ",".join(f"s{i}" for i in range(50)))
        self.assertExit(r, 0)


class OutOfMemory(ImportFixture):
    def test_a_memory_limit_is_named_as_such_not_as_a_broken_form(self):
        if "ASAN_OPTIONS" in os.environ or "UBSAN_OPTIONS" in os.environ:
            self.skipTest("AddressSanitizer reserves more address space than any limit here allows")
        # A form whose shared strings take libxml2 some hundred MiB to parse.
        n = 100
        form = build_form(self.path("gross.xlsx"), "seed", "2026-H1",
                          self.rows(*[("begonnen", 10, f"{i:03}" + "x" * 29997) for i in range(n)]))

        shared_strings(form)  # as Excel writes it: the cells refer to xl/sharedStrings.xml

        def padded(members):
            filler = "".join(f'<si><t>{"y" * 200}{i}</t></si>' for i in range(60000))
            sst = members["xl/sharedStrings.xml"].decode()
            members["xl/sharedStrings.xml"] = sst.replace("</sst>", filler + "</sst>").encode()
        rewrite(form, padded)
        found = False
        for limit_mib in range(40, 260, 2):
            r = subprocess.run(["sh", "-c", f'ulimit -v {limit_mib * 1024}; exec "$0" "$@"', EDUPLAN,
                                "status", "import", "--db", self.db, form],
                               capture_output=True, text=True, timeout=120)
            if r.returncode == 127:  # too little even to load the libraries
                continue
            if r.returncode == 0:  # all of it, or nothing: a parse cut short stored part of a form
                self.assertEqual(query(self.db, "SELECT count(*), min(length(note)) FROM status_report"),
                                 [[str(n), "30000"]])
                break
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertNotIn("error :", r.stderr)  # libxml2's own lines
            self.assertNotIn("interner Fehler", r.stderr)
            self.assertNotIn("wohlgeformt", r.stderr)
            if "zu wenig Arbeitsspeicher" in r.stderr:
                # Named with what ran out: the form's parse, or (at the lowest limits, before the form
                # is read) SQLite opening the database — never as a broken form.
                form_oom = "gross.xlsx: zu wenig Arbeitsspeicher, um die Datei zu lesen" in r.stderr
                database_oom = "plan.db: zu wenig Arbeitsspeicher für die Datenbank" in r.stderr
                self.assertTrue(form_oom or database_oom, r.stderr)
                found = found or form_oom
            self.assertEqual(self.stored(), 0)
        self.assertTrue(found, "no limit made the parse run out of memory")


class CsvForms(ImportFixture):
    def test_a_piece_in_another_encoding_is_named_with_its_line(self):
        k = self.resp[0]
        body = (";".join(["Schlüssel", "Handlungsfeld", "Handlungsschwerpunkt", "Status", "Fortschritt (%)",
                          "Bemerkung"]) + "\n").encode() + f"{k[0]};F;A;begonnen;50;".encode() + \
            "Straße ".encode("cp1252") + "und Grün\n".encode()
        form = self.write("gemischt.csv", body)
        r = run("status", "import", "--db", self.db, "--plan", "seed", "--period", "2026-H1", form)
        self.assertRejected(r, "gemischt.csv:2: ungültiges Zeichen (Byte")


class SecondHostilePass(UnitForms):
    def test_a_date_format_on_the_progress_cell_is_refused_whatever_the_number(self):
        form = build_form(self.path("d.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 45, "")))
        wb = openpyxl.load_workbook(form)
        wb["Rückmeldung"]["E4"].number_format = "DD.MM.YYYY"
        wb.save(form)
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "d.xlsx:Rückmeldung!E4: Fortschritt ist ein Datum (45)")

    def test_an_unknown_unit_is_named(self):
        rows, _ = self.own_and_foreign_rows("Stadtbibliothek")
        form = build_form(self.path("x.xlsx"), "seed", "2026-H1", rows[:1], unit="Bibliothek am Markt")
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "x.xlsx:Angaben!B3: „Bibliothek am Markt“ ist kein Verwaltungsbereich des "
                               "Plans „seed“")

    def test_an_old_form_is_known_whatever_the_unicode_form_line_ends_and_spaces_of_its_note(self):
        old = build_form(self.path("a.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 45, "Café  Zeile1\nZeile2")))
        new = build_form(self.path("b.xlsx"), "seed", "2026-H1", self.rows(("umgesetzt", 100, "")))
        for form in (old, new):
            self.assertExit(run("status", "import", "--db", self.db, form), 0)
        for i, note in enumerate(("Cafe\u0301  Zeile1\nZeile2", "Café Zeile1\r\nZeile2")):
            again = build_form(self.path(f"a{i}.xlsx"), "seed", "2026-H1", self.rows(("begonnen", 45, note)))
            r = run("status", "import", "--db", self.db, again)
            self.assertExit(r, 0)
            self.assertIn("1 Rückmeldung aus älteren Formularen nicht gespeichert", r.stdout)
        self.assertEqual(self.stored(), 2)

    def test_plan_names_that_look_like_others_are_refused(self):
        for name in ("seed\u00a0", "\u3000seed", "se\u200bed", "seed\u00ad", "\u202eseed"):
            r = run("import", SEED, "--units", UNITS, "--db", self.db, "--plan", name)
            self.assertExit(r, 2)
            r = run("plans", "rename", "seed", name, "--db", self.db)
            self.assertExit(r, 2)
        self.assertEqual(query(self.db, "SELECT name FROM plan"), [["seed"]])
        r = run("status", "scale", "--db", self.db, "--set", "geplant,begon\u200bnen")
        self.assertExit(r, 2)
        self.assertIn("unsichtbares Zeichen", r.stderr)


class PercentCells(ImportFixture):
    def form_with_percent_cells(self, values):
        form = build_form(self.path("p.xlsx"), "seed", "2026-H1",
                          self.rows(*[("begonnen", v, "") for v in values]))
        wb = openpyxl.load_workbook(form)
        ws = wb["Rückmeldung"]
        for i, _ in enumerate(values):
            ws.cell(row=4 + i, column=5).number_format = "0%" if i % 2 == 0 else '0.0" "%'
        wb.save(form)
        return form

    def test_what_the_cell_shows_is_stored(self):
        form = self.form_with_percent_cells([1, 0.5, 0, 0.29])
        r = run("status", "import", "--db", self.db, form)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT progress FROM status_report ORDER BY sequence"),
                         [["100"], ["50"], ["0"], ["29"]])

    def test_a_fraction_of_a_percent_is_refused_as_shown(self):
        form = self.form_with_percent_cells([0.455, 1.5])
        r = run("status", "import", "--db", self.db, form)
        self.assertRejected(r, "p.xlsx:Rückmeldung!E4: Fortschritt „45.5 %“ ist keine ganze Zahl von 0 bis 100",
                            "p.xlsx:Rückmeldung!E5: Fortschritt „150 %“ ist keine ganze Zahl von 0 bis 100")

    def test_a_percent_cell_saved_by_libreoffice(self):
        from pdf_layout import convert
        form = self.form_with_percent_cells([1, 0.25])
        os.makedirs(self.path("lo"))
        saved = convert([form], self.path("lo"), "xlsx")[0]
        r = run("status", "import", "--db", self.db, saved)
        self.assertExit(r, 0)
        self.assertEqual(query(self.db, "SELECT progress FROM status_report ORDER BY sequence"),
                         [["100"], ["25"]])


class TextTheDatabaseCannotHold(ImportFixture):
    def test_a_nul_or_a_lone_surrogate_is_an_error_at_its_cell_in_a_dry_run_too(self):
        form = build_form(self.path("n.xlsx"), "seed", "2026-H1",
                          self.rows(("begonnen", 10, "a MARK1 b"), ("begonnen", 20, "c MARK2 d")))

        def escape(members):
            sheet = members["xl/worksheets/sheet1.xml"].decode()
            sheet = sheet.replace("MARK1", "_x0000_").replace("MARK2", "_xD800_")
            members["xl/worksheets/sheet1.xml"] = sheet.encode()
        rewrite(form, escape)
        for extra in ([], ["--dry-run"]):
            r = run("status", "import", "--db", self.db, *extra, form)
            self.assertRejected(r, "n.xlsx:Rückmeldung!F4: die Bemerkung enthält ein NUL-Zeichen (Byte 3)",
                                "n.xlsx:Rückmeldung!F5: die Bemerkung enthält ein ungültiges Zeichen (Byte 3)")


class ImportsAtTheSameTime(ImportFixture):
    def test_the_same_form_imported_by_many_processes_is_stored_once(self):
        # Every responsibility, so that each process takes a while to read and check; rounds of
        # 16 processes, since one round may happen to run them one after another.
        rows = [self.row(i, "begonnen", i % 101, "") for i in range(len(self.resp))]
        n = len(rows)
        for round, period in enumerate(("2026-H1", "2026-H2", "2027-H1", "2027-H2")):
            form = build_form(self.path(f"s{round}.xlsx"), "seed", period, rows)
            procs = [subprocess.Popen([EDUPLAN, "status", "import", "--db", self.db, form],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(16)]
            outputs = [p.communicate(timeout=120) for p in procs]
            for p, (out, err) in zip(procs, outputs):
                self.assertEqual(p.returncode, 0, err)
            self.assertEqual(self.stored(), n * (round + 1))
            stored_by = [out for out, _ in outputs if f"{n} Rückmeldungen gespeichert" in out]
            self.assertEqual(len(stored_by), 1, outputs)


if __name__ == "__main__":
    unittest.main()
