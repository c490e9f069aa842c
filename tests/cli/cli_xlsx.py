"""The XLSX exporter, read back with openpyxl; the XLSX cases of exporter-rules.md."""
import csv
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl

from support import EDUPLAN, SQLITE3, PlanDbTest, TempDirTest, digest, run, run_env

FIELDS = ["Bildungsplanung/ Infrastruktur", "Digitalisierung/ Medienkompetenz", "MINT", "Demokratiebildung",
          "Teilhabe", "lebenslanges Lernen"]


def all_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws, cell


class SeedWorkbook(PlanDbTest):
    def setUp(self):
        super().setUp()
        self.target = self.path("plan.xlsx")
        self.assertExit(self.export("xlsx", self.target), 0)
        self.wb = openpyxl.load_workbook(self.target)

    def test_sheets_in_order(self):
        self.assertEqual(self.wb.sheetnames, ["Übersicht", "Bildungsplanung Infrastruktur",
                                              "Digitalisierung Medienkompetenz", "MINT", "Demokratiebildung", "Teilhabe",
                                              "lebenslanges Lernen", "Zuständigkeitsmatrix", "Verwaltungsbereiche",
                                              "Ableitungen", "Befunde"])

    def test_overview(self):
        rows = [r for r in self.wb["Übersicht"].iter_rows(values_only=True) if any(v is not None for v in r)]
        # The seed has no "# " title: the generic title, never the file's stem or its path.
        self.assertEqual(rows[0][0], "Bildungskonzept")
        self.assertIn(("Plan", "bildungskonzept"), [r[:2] for r in rows])
        self.assertIn(("Quelle", "bildungskonzept.md"), [r[:2] for r in rows])
        average = [c for row in self.wb["Übersicht"].iter_rows() for c in row
                   if isinstance(c.value, float) and abs(c.value - 135 / 55) < 1e-9][0]
        self.assertEqual(average.number_format, "0.0")
        self.assertIn(("Summe", 55, 135, 16), [r[:4] for r in rows])
        self.assertIn(("Dezernat IV", 14, 31), [r[:3] for r in rows])
        self.assertIn(("Warnung", 4), [r[:2] for r in rows])
        self.assertEqual(len(self.wb["Übersicht"]._charts), 1)
        self.assertEqual(self.wb.properties.title, "Bildungskonzept")

    def test_field_sheets_hold_every_focus_area_and_unit(self):
        db_rows = subprocess.run([os.environ.get("SQLITE3", "sqlite3"), "-separator", "\t", self.db,
                                  "SELECT f.position, fa.position, fa.text, u.name FROM responsibility r "
                                  "JOIN focus_area fa ON fa.id = r.focus_area_id JOIN field f ON f.id = fa.field_id "
                                  "JOIN org_unit u ON u.id = r.org_unit_id"],
                                 capture_output=True, text=True, check=True).stdout.splitlines()
        sheets = self.wb.sheetnames[1:7]
        for line in db_rows:
            field, pos, text, unit = line.split("\t")
            ws = self.wb[sheets[int(field)]]
            self.assertEqual(ws.cell(row=int(pos) + 3, column=1).value, int(pos) + 1)
            self.assertEqual(ws.cell(row=int(pos) + 3, column=2).value, text)
            # One line per division: "Dezernat IV: Stadtarchiv; Stadtbibliothek", "Dezernat III (als Ganzes)".
            listed = []
            for line in ws.cell(row=int(pos) + 3, column=3).value.split("\n"):
                units = line.split(": ", 1)[1] if ": " in line else line.removesuffix(" (als Ganzes)")
                listed += units.split("; ")
            self.assertIn(unit, listed)
        mint = self.wb["MINT"]
        self.assertEqual(mint["A1"].value, "Handlungsfeld MINT")
        self.assertEqual([c.value for c in mint[2]], ["Nr.", "Handlungsschwerpunkt", "Befasste Verwaltungsbereiche"])
        self.assertEqual(mint["C3"].value, "Dezernat III (als Ganzes)\nBOB: Stabsstelle Bildung und Wissenschaft")
        self.assertEqual(mint["B10"].value, "Ableitungen")
        self.assertEqual(mint.auto_filter.ref, "A2:C8")  # the focus areas, not the Ableitungen below
        self.assertEqual(mint.freeze_panes, "C3")
        self.assertTrue(mint.auto_filter.ref)

    def test_matrix_marks_equal_the_responsibilities(self):
        m = self.wb["Zuständigkeitsmatrix"]
        self.assertEqual(m.freeze_panes, "D4")
        self.assertTrue(m.auto_filter.ref)
        units = [c.value for c in m[3]][3:-1]
        self.assertEqual(len(units), 26)
        marks = [(r[0], r[2], units[i]) for r in m.iter_rows(min_row=4, max_row=58, values_only=True)
                 for i, v in enumerate(r[3:-1]) if v == "x"]
        self.assertEqual(len(marks), 135)
        totals = [r for r in m.iter_rows(values_only=True) if r[2] == "Summe"][0]
        self.assertEqual(totals[-1], 135)
        self.assertEqual(sum(totals[3:-1]), 135)
        self.assertEqual([c.value for c in m[2]][3], "Dezernat IV")
        self.assertIn("D2:Q2", [str(r) for r in m.merged_cells.ranges])  # Dezernat IV over its 14 units

    def test_lists(self):
        units = list(self.wb["Verwaltungsbereiche"].iter_rows(min_row=3, values_only=True))
        self.assertEqual(len(units), 26)
        self.assertIn(("Stabsstelle Bildung und Wissenschaft", "BOB", 21), [u[:3] for u in units])
        self.assertEqual(self.wb["Ableitungen"].max_row, 16)  # title, header, 14 objectives
        findings = list(self.wb["Befunde"].iter_rows(min_row=3, values_only=True))
        self.assertEqual(len(findings), 11)
        self.assertEqual(self.wb["Befunde"].freeze_panes, "B3")  # title, header row and rule column

    def test_no_cell_is_a_formula(self):
        for ws, cell in all_cells(self.wb):
            self.assertNotEqual(cell.data_type, "f", f"{ws.title}!{cell.coordinate}")

    def test_english(self):
        target = self.path("en.xlsx")
        self.assertExit(self.export("xlsx", target, "lang=en"), 0)
        wb = openpyxl.load_workbook(target)
        self.assertEqual(wb.sheetnames[0], "Overview")
        self.assertIn("Responsibility matrix", wb.sheetnames)

    def test_split_at_the_row_limit_loses_nothing(self):
        target = self.path("split.xlsx")
        self.assertExit(self.export("xlsx", target, "rows-per-sheet=20"), 0)
        wb = openpyxl.load_workbook(target)
        matrices = [n for n in wb.sheetnames if n.startswith("Zuständigkeitsmatrix")]
        self.assertEqual(matrices, ["Zuständigkeitsmatrix", "Zuständigkeitsmatrix (2)", "Zuständigkeitsmatrix (3)",
                                    "Zuständigkeitsmatrix (4)"])
        marks = sum(1 for n in matrices for r in wb[n].iter_rows(min_row=4, values_only=True) for v in r if v == "x")
        self.assertEqual(marks, 135)
        for n in matrices:
            self.assertLessEqual(wb[n].max_row, 20)
            self.assertEqual(wb[n]["C3"].value, "Handlungsschwerpunkt")
        notes = [r for r in wb["Übersicht"].iter_rows(values_only=True) if r[0] and "fortgesetzt" in str(r[0])]
        self.assertEqual(len(notes), 1)

    def test_german_locale_keeps_numbers_valid(self):
        locales = tempfile.mkdtemp()
        try:
            made = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", os.path.join(locales, "de_DE.UTF-8")],
                                  capture_output=True)
            self.assertEqual(made.returncode, 0, made.stderr)
            target = self.path("de.xlsx")
            result = run_env(["export", "--db", self.db, "--format", "xlsx", "-o", target],
                             {"LOCPATH": locales, "LC_ALL": "de_DE.UTF-8"})
            self.assertExit(result, 0)
        finally:
            shutil.rmtree(locales)
        wb = openpyxl.load_workbook(target)
        average = [r for r in wb["Übersicht"].iter_rows(values_only=True) if r[0] and "Durchschnitt" in r[0]][0]
        self.assertAlmostEqual(average[2], 135 / 55)
        with zipfile.ZipFile(target) as z:
            self.assertIn("<v>2.4545", z.read("xl/worksheets/sheet1.xml").decode())


class FullDisk(PlanDbTest):
    """libxlsxwriter does not notice when writing its temporary files fails: its files of rows are
    checked before the workbook is closed, and the workbook is read back before it replaces the
    target. A file-size limit makes the temporary files fail the way a full disk does (EFBIG for
    ENOSPC), while the smaller, compressed workbook itself could still be written."""

    def export_limited(self, target, limit_bytes, *options):
        import resource
        import signal

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

        args = [EDUPLAN, "export", "--db", self.db, "--format", "xlsx", "-o", target]
        for o in options:
            args += ["--option", o]
        return subprocess.run(args, capture_output=True, text=True, preexec_fn=limit, timeout=120)

    def test_truncated_temporary_files_never_replace_a_good_workbook(self):
        good = self.path("good.xlsx")
        self.assertExit(self.export("xlsx", good), 0)
        with zipfile.ZipFile(good) as z:
            largest = max(i.file_size for i in z.infolist())
        size = os.path.getsize(good)
        self.assertLess(size + 4096, largest)  # the limit below lies between the two
        target = self.path("report.xlsx")
        shutil.copy(good, target)
        before = digest(target)
        result = self.export_limited(target, size + 4096, f"tmpdir={self.dir}")
        self.assertExit(result, 2)
        self.assertIn(f"das temporäre Verzeichnis {self.dir} (Option tmpdir) ist voll: Zeilen des Blatts",
                      result.stderr)
        self.assertIn("report.xlsx unverändert", result.stderr)
        self.assertEqual(digest(target), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["good.xlsx", "plan.db", "report.xlsx"])

    def test_no_file_descriptors_left(self):
        # libxlsxwriter crashed (SIGSEGV in workbook_close) when it was asked to close a workbook
        # whose sheet could not be added; a failed workbook is now freed without being written.
        if "UBSAN_OPTIONS" in os.environ or "ASAN_OPTIONS" in os.environ:
            # UBSan checks a vptr by writing the object into a pipe: with no descriptor left it
            # takes every object for invalid. The normal and Release builds run this test.
            self.skipTest("the sanitizers need file descriptors of their own")
        target = self.path("bericht.xlsx")
        for limit in range(8, 17):
            with self.subTest(limit=limit):
                result = subprocess.run(["bash", "-c", f'ulimit -n {limit}; exec "$0" "$@"', EDUPLAN, "export",
                                         "--db", self.db, "--format", "xlsx", "-o", target],
                                        capture_output=True, text=True, timeout=120)
                self.assertNotIn("abgestürzt", result.stderr)
                if result.returncode == 0:
                    continue  # enough descriptors after all
                self.assertExit(result, 2)
                self.assertIn("zu viele offene Dateien", result.stderr)
                self.assertFalse(os.path.exists(target))
                self.assertEqual([n for n in os.listdir(self.dir) if ".tmp-" in n], [])
            if os.path.exists(target):
                os.remove(target)

    def test_a_full_target_disk_is_named_as_such(self):
        # libxlsxwriter says only "Zip generic error ZIP_ERRNO"; the message says what happened.
        if not can_mount_tmpfs():
            self.skipTest("cannot mount a tmpfs here (unshare -rm)")
        mount = self.path("small")
        os.mkdir(mount)
        for lang, expected in (("de", "Arbeitsmappe schreiben: der Datenträger ist voll (das ZIP-Archiv der "
                                      "Arbeitsmappe lässt sich nicht schreiben)"),
                               ("en", "writing the workbook: the disk is full (the workbook's zip archive "
                                      "cannot be written)")):
            command = ("mount -t tmpfs -o size=12k tmpfs \"$1\" && exec \"$2\" --lang \"$5\" export --db \"$3\" "
                       "--format xlsx -o \"$1/$4\" --option tmpdir=\"$6\"")
            result = subprocess.run(["unshare", "-rm", "sh", "-c", command, "sh", mount, EDUPLAN, self.db,
                                     "bericht.xlsx", lang, self.dir], capture_output=True, text=True, timeout=120)
            with self.subTest(lang=lang):
                self.assertExit(result, 2)
                self.assertIn(expected, result.stderr)
                # One message, eduplan's: libxlsxwriter's own English "[ERROR] …" lines are held back.
                self.assertNotIn("[ERROR]", result.stderr)

    def test_truncated_temporary_files_name_the_temporary_directory(self):
        # The rows' files fail first, in tmpdir: the message names it.
        good = self.path("good.xlsx")
        self.assertExit(self.export("xlsx", good), 0)
        target = self.path("report.xlsx")
        shutil.copy(good, target)
        before = digest(target)
        tmp = self.path("tmp dir")
        os.mkdir(tmp)
        result = self.export_limited(target, os.path.getsize(good) + 4096, f"tmpdir={tmp}")
        self.assertExit(result, 2)
        self.assertIn(f"das temporäre Verzeichnis {tmp} (Option tmpdir) ist voll: Zeilen des Blatts",
                      result.stderr)
        self.assertEqual(digest(target), before)
        self.assertEqual(os.listdir(tmp), [])

    def test_a_full_tmpdir_while_the_focus_areas_are_recorded_fails_before_anything_is_written(self):
        # The exporter records the focus areas in tmpdir on its first pass over the database and plays
        # them back for the second. Long, repetitive texts: the recording is larger than the limit.
        rows = "".join(f"| Schwerpunkt {i} " + "mit einem langen Text " * 12 + "| Dezernat V/ Jugendamt |\n"
                       for i in range(4000))
        doc = self.write("long.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n" + rows)
        db = self.path("long.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        target = self.path("long.xlsx")
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", target), 0)
        before = digest(target)
        self.db = db
        tmp = self.path("tmp")
        os.mkdir(tmp)
        result = self.export_limited(target, 1 << 18, f"tmpdir={tmp}")
        self.assertExit(result, 2)
        self.assertIn(f"tmpdir {tmp}: die temporäre Datei kann nicht geschrieben werden", result.stderr)
        self.assertIn("long.xlsx unverändert", result.stderr)
        self.assertEqual(digest(target), before)
        self.assertEqual(os.listdir(tmp), [])
        self.assertEqual(sorted(os.listdir(self.dir)), ["long.db", "long.md", "long.xlsx", "plan.db", "tmp"])

    def test_tmpdir_must_be_a_writable_directory(self):
        result = self.export("xlsx", self.path("r.xlsx"), "tmpdir=/nonexistent/dir")
        self.assertExit(result, 2)
        self.assertIn("tmpdir /nonexistent/dir ist kein Verzeichnis", result.stderr)


def can_mount_tmpfs():
    """Whether a small tmpfs can be mounted in a user and mount namespace (root, or unprivileged user
    namespaces allowed)."""
    try:
        return subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                              capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def xml_members(path):
    """Every member but the creation time's part, as bytes."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


class NearlyFullTmpdir(PlanDbTest):
    """A temporary directory that is nearly full loses pieces of libxlsxwriter's temporary files from
    the middle, and later writes go on once room comes back: the workbook used to close without
    error, sometimes well-formed with rows missing. With tmpdir on a small tmpfs of every size from
    too small to enough, each export either writes exactly the workbook written with room, or fails
    with exit 2 naming tmpdir and leaves the target as it was."""

    def test_every_size_writes_the_whole_workbook_or_nothing(self):
        if not can_mount_tmpfs():
            self.skipTest("cannot mount a tmpfs here (unshare -rm)")
        for lang in ("de", "en"):
            self.sweep(lang)

    def sweep(self, lang):
        reference = self.path("reference.xlsx")
        self.assertExit(self.export("xlsx", reference, "date=2026-11-26", f"lang={lang}"), 0)
        expected = xml_members(reference)
        target = self.path("report.xlsx")
        outcomes = set()
        for kib in range(48, 656, 8):
            shutil.copy(reference, target)
            os.utime(target, (0, 0))
            before = digest(target)
            mount = self.path("small")
            os.makedirs(mount, exist_ok=True)
            command = (f"mount -t tmpfs -o size={kib}k tmpfs \"$1\" && exec \"$2\" export --db \"$3\" "
                       f"--format xlsx -o \"$4\" --option date=2026-11-26 --option lang={lang} "
                       f"--option tmpdir=\"$1\"")
            result = subprocess.run(["unshare", "-rm", "sh", "-c", command, "sh", mount, EDUPLAN, self.db,
                                     target], capture_output=True, text=True, timeout=120)
            with self.subTest(lang=lang, kib=kib):
                if result.returncode == 0:
                    self.assertEqual(xml_members(target), expected)
                    outcomes.add("written")
                else:
                    self.assertExit(result, 2)
                    self.assertIn(f"das temporäre Verzeichnis {mount} (Option tmpdir)", result.stderr)
                    self.assertIn("report.xlsx unverändert", result.stderr)
                    self.assertEqual(digest(target), before)
                    outcomes.add("refused")
                self.assertEqual(sorted(os.listdir(self.dir)), ["plan.db", "reference.xlsx", "report.xlsx", "small"])
        self.assertEqual(outcomes, {"written", "refused"})  # the sizes reach from too small to enough


class LiteralEscapes(TempDirTest):
    def test_text_shaped_like_an_ooxml_escape_reads_back_as_itself(self):
        # "_x0041_" in a cell would read as "A" in Excel; LibreOffice shows what Excel would.
        from pdf_layout import convert
        text = "Code _x0041_ und _x005F_ und _xZZ_"
        doc = self.write("p.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
                                 f"| {text} | Dezernat V/ Jugendamt |\n")
        db = self.path("p.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        target = self.path("p.xlsx")
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", target), 0)
        # LibreOffice saves the field sheet (the second) as CSV: what it shows, decoded.
        out = self.path("lo")
        convert([target], out, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2')
        with open(os.path.join(out, "p-A.csv"), encoding="utf-8") as f:
            cells = [c for row in csv.reader(f) for c in row]
        self.assertIn(text, cells)

    def test_sheet_names_and_text_at_the_start_never_decode(self):
        # A field titled "Feld_x003A_B" gave <sheet name="Feld_x003A_B">, which LibreOffice decodes
        # to the forbidden "Feld:B" and refuses to load. A text that begins with the sequence was not
        # escaped at all.
        from pdf_layout import convert
        doc = self.write("p.md", "## Handlungsfeld Feld_x003A_B\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
                                 "| _x0041_ am Anfang | Dezernat V/ Jugendamt |\n")
        db = self.path("p.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        target = self.path("p.xlsx")
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", target,
                            "--option", "subtitle=Steckbrief _x0041_"), 0)
        with zipfile.ZipFile(target) as z:
            workbook = z.read("xl/workbook.xml").decode()
            self.assertNotIn("_x003A_", workbook)
            header = z.read("xl/worksheets/sheet1.xml").decode()
            self.assertIn("&amp;10Steckbrief _x0041_ – ", header)  # LibreOffice prints headers undecoded
        wb = openpyxl.load_workbook(target)
        self.assertIn("Feld x003A_B", wb.sheetnames)  # (openpyxl does not decode cells: LibreOffice below)
        # LibreOffice loads it (it refused the decoded name) and shows the sheet's text as written.
        out = self.path("lo")
        convert([target], out, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2')
        with open(os.path.join(out, "p-Feld x003A_B.csv"), encoding="utf-8") as f:
            cells = [c for row in csv.reader(f) for c in row]
        self.assertIn("_x0041_ am Anfang", cells)
        self.assertIn("Handlungsfeld Feld_x003A_B", cells)

    def test_control_characters_a_database_holds_never_reach_the_parts(self):
        # Other software may write a name or title with control characters: the workbook stays
        # well-formed XML (they are left out of headers and document properties).
        doc = self.write("p.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
                                 "| S | Dezernat V/ Jugendamt |\n")
        db = self.path("p.db")
        self.assertExit(run("import", doc, "--db", db, "--plan", "P"), 0)
        subprocess.run([SQLITE3, db, "UPDATE plan SET title = 'Ti' || char(1) || 'tel' || char(27) || '[1m'"],
                       check=True)
        target = self.path("p.xlsx")
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", target), 0)
        import xml.dom.minidom
        with zipfile.ZipFile(target) as z:
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    xml.dom.minidom.parseString(z.read(name))  # raises on a part that is not XML 1.0
            self.assertIn("Titel[1m", z.read("docProps/core.xml").decode())


class FurtherColumns(TempDirTest):
    def test_attribute_columns_follow_the_units(self):
        doc = self.write("plan.md", "## Handlungsfeld A\n| Maßnahme | Zuständigkeit | Zeitraum | Status |\n"
                                    "|--|--|--|--|\n| S1 | Dezernat V/ Jugendamt | 2025 | offen |\n"
                                    "| S2 | Dezernat V/ Sozialamt | | geplant |\n")
        db = self.path("a.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        target = self.path("a.xlsx")
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", target), 0)
        ws = openpyxl.load_workbook(target)["A"]
        header = [c.value for c in ws[2]]
        self.assertEqual(header[-2:], ["Zeitraum", "Status"])
        rows = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[1]}
        self.assertEqual(rows["S1"][-2:], ("2025", "offen"))
        self.assertEqual(rows["S2"][-2:], (None, "geplant"))


class HostileData(TempDirTest):
    """exporter-rules.md, XLSX cases 1-5, with data only the flat table can carry."""

    def setUp(self):
        super().setUp()
        self.long_ok = "a" * 32767
        self.long_cut = "b" * 32768
        self.emoji = "😀" * 20000
        # ("Ämter" vs "ÄMTER" cannot be two fields: fields are identified ignoring case. The
        # sheet-name clash itself is tested in tests/unit/sheet_names_test.cc.)
        fields = ["Dezernat IV/ Bibliothek", "Ämter der Stadtverwaltung mit sehr langem Namen", "Ämter",
                  "'Haushalt'", "History", "Übersicht", "Ämter der Stadtverwaltung mit sehr langem Titel"]
        texts = ["=1+2", "+49 391", "-5", "@SUMME(A1)", "\tTab", "9.10", "0042", "Zeile 1\nZeile 2", 'a";=1+2',
                 "Steuer\x01zeichen", self.long_ok, self.long_cut, self.emoji]
        rows = [["art", "handlungsfeld", "nr", "schwerpunkt", "dezernat", "einheit", "ableitung"]]
        for f in fields:
            rows.append(["Zuständigkeit", f, "1", "Text", "Dezernat V", "Jugendamt", ""])
        for i, t in enumerate(texts):
            rows.append(["Zuständigkeit", "Texte", str(i + 1), t, "Dezernat V", "Jugendamt", ""])
        source = self.path("hostile.csv")
        with open(source, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        self.db = self.path("h.db")
        self.assertExit(run("import", source, "--db", self.db), 0)
        # The readers never store a control character (the flat table's is removed and reported);
        # another program writing to the database may: the exporter must still write valid XML.
        subprocess.run([SQLITE3, self.db, "UPDATE focus_area SET text = 'Steuer' || char(1) || 'zeichen' "
                        "WHERE text = 'Steuerzeichen'"], check=True)
        self.target = self.path("h.xlsx")
        result = run("export", "--db", self.db, "--format", "xlsx", "-o", self.target)
        self.assertExit(result, 0)
        self.wb = openpyxl.load_workbook(self.target)
        self.texts = texts

    def test_sheet_names_are_valid_and_unique(self):
        names = self.wb.sheetnames
        self.assertEqual(names[:9], ["Übersicht", "Dezernat IV Bibliothek", "Ämter der Stadtverwaltung mit s",
                                     "Ämter", "Haushalt", "History 1", "Übersicht (2)",
                                     "Ämter der Stadtverwaltung m (2)", "Texte"])
        folded = [n.casefold() for n in names]
        self.assertEqual(len(folded), len(set(folded)))
        for n in names:
            self.assertTrue(1 <= len(n) <= 31)
            self.assertFalse(set(n) & set("[]:*?/\\"))
            self.assertFalse(n.startswith("'") or n.endswith("'"))

    def test_text_stays_text(self):
        ws = self.wb["Texte"]
        cells = [ws.cell(row=i + 3, column=2) for i in range(len(self.texts))]
        for cell in cells:
            self.assertEqual(cell.data_type, "s", cell.coordinate)
        # Control characters are stored escaped (_xHHHH_), as the format requires; Excel shows the character.
        expected = self.texts[:9] + ["Steuer_x0001_zeichen"]
        self.assertEqual([c.value for c in cells[:10]], expected)

    def test_long_text_is_cut_to_the_limit_and_reported(self):
        ws = self.wb["Texte"]
        self.assertEqual(ws.cell(row=13, column=2).value, self.long_ok)
        cut = ws.cell(row=14, column=2).value
        self.assertEqual(len(cut), 32767)
        self.assertTrue(cut.endswith("…"))
        emoji = ws.cell(row=15, column=2).value
        self.assertTrue(emoji.endswith("…"))
        self.assertLessEqual(len(emoji.encode("utf-16-le")) // 2, 32767)
        notes = [r for r in self.wb["Übersicht"].iter_rows(values_only=True) if r[0] and "gekürzt" in str(r[0])]
        self.assertEqual(notes[0][1], 4)  # two texts, each on the field sheet and in the matrix


if __name__ == "__main__":
    import unittest
    unittest.main()
