"""Batch reports: one workbook per division, unit or plan, an index, parallel, failures contained."""
import os
import subprocess

import openpyxl

from support import EDUPLAN, SEED, PlanDbTest, TempDirTest, query, run

DIVISIONS = ["Dezernat IV", "BOB", "Dezernat V", "Dezernat I", "Dezernat III"]


def matrix_marks(path):
    wb = openpyxl.load_workbook(path)
    return sum(1 for n in wb.sheetnames if n.startswith("Zuständigkeitsmatrix")
               for row in wb[n].iter_rows(min_row=4, values_only=True) for v in row if v == "x")


class PerDivision(PlanDbTest):
    def batch(self, *extra):
        self.out = self.path("berichte")
        return run("export", "--db", self.db, "--format", "xlsx", "--per", "division", "--output-dir", self.out, *extra)

    def division_count(self, division):
        return int(query(self.db, "SELECT count(*) FROM responsibility r JOIN org_unit u ON u.id = r.org_unit_id "
                                  "LEFT JOIN org_unit d ON d.id = u.parent_id "
                                  f"WHERE d.name = '{division}' OR (u.is_division = 1 AND u.name = '{division}')")[0][0])

    def test_one_workbook_per_division_with_exactly_its_responsibilities(self):
        result = self.batch()
        self.assertExit(result, 0)
        self.assertIn("5 von 5 Berichten geschrieben", result.stdout)
        self.assertEqual(sorted(os.listdir(self.out)), sorted([d + ".xlsx" for d in DIVISIONS] + ["index.xlsx"]))
        total = 0
        for d in DIVISIONS:
            path = os.path.join(self.out, d + ".xlsx")
            marks = matrix_marks(path)
            self.assertEqual(marks, self.division_count(d), d)
            total += marks
            overview = openpyxl.load_workbook(path)["Übersicht"]
            self.assertEqual(overview["A1"].value, f"Steckbrief: {d}")  # titled for its division
            self.assertEqual(overview["A2"].value, "Bildungskonzept")
        self.assertEqual(total, 135)

    def test_index_links_to_every_report(self):
        self.assertExit(self.batch(), 0)
        ws = openpyxl.load_workbook(os.path.join(self.out, "index.xlsx")).active
        # A title, the plan and the date above the table.
        self.assertEqual(ws["A1"].value, "Steckbriefe je Dezernat – Bildungskonzept")
        self.assertEqual((ws["A2"].value, ws["B2"].value), ("Plan", "bildungskonzept"))
        self.assertEqual(ws["A3"].value, "Stand")
        self.assertRegex(ws["B3"].value, r"^\d\d\.\d\d\.\d{4}$")
        self.assertEqual(ws["A4"].value, "Bericht")
        rows = list(ws.iter_rows(min_row=5, values_only=True))
        self.assertEqual([r[0] for r in rows], DIVISIONS)
        self.assertEqual(sum(r[3] for r in rows), 135)
        for i, d in enumerate(DIVISIONS):
            link = ws.cell(row=i + 5, column=2).hyperlink
            self.assertIsNotNone(link)
            self.assertEqual(link.target.replace("%20", " "), d + ".xlsx")

    def test_one_unwritable_target_does_not_stop_the_others(self):
        self.out = self.path("berichte")
        os.makedirs(os.path.join(self.out, "Dezernat V.xlsx"))  # a directory where the workbook should go
        result = self.batch("--jobs", "2")
        self.assertExit(result, 1)
        self.assertIn("4 von 5 Berichten geschrieben", result.stdout)
        self.assertIn("Dezernat V: FEHLGESCHLAGEN", result.stdout)
        for d in DIVISIONS:
            if d != "Dezernat V":
                self.assertGreater(matrix_marks(os.path.join(self.out, d + ".xlsx")), 0)
        rows = list(openpyxl.load_workbook(os.path.join(self.out, "index.xlsx")).active.iter_rows(values_only=True))
        self.assertIn(("Dezernat V", "Dezernat V.xlsx"), [r[:2] for r in rows if r[4] == "fehlgeschlagen"])
        self.assertEqual([f for f in os.listdir(self.out) if f.startswith(".")], [])

    def test_plain_progress_lines_without_a_terminal(self):
        result = self.batch()
        lines = [l for l in result.stdout.splitlines() if l.startswith("[")]
        self.assertEqual(len(lines), 5)
        self.assertTrue(lines[-1].startswith("[5/5] "))

    def test_progress_bar_on_a_terminal(self):
        import pty
        import subprocess
        out = self.path("tty")
        master, slave = pty.openpty()
        proc = subprocess.run([os.environ["EDUPLAN"], "export", "--db", self.db, "--format", "csv", "--per", "division",
                               "--output-dir", out], stdout=subprocess.PIPE, stderr=slave, timeout=120)
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        os.close(master)
        self.assertEqual(proc.returncode, 0)
        text = shown.decode()
        self.assertIn("\r[" + "#" * 30 + "] 5/5  noch ~0 s", text)
        self.assertIn("] 1/5  noch ~", text)

    def test_config_file(self):
        config = self.write("berichte.cfg", f"db = {self.db}\nformat = csv\nper = division\n"
                                            f"output-dir = {self.path('csv')}\noption = delimiter=comma\n")
        result = run("export", "--config", config)
        self.assertExit(result, 0)
        self.assertEqual(len(os.listdir(self.path("csv"))), 5)  # csv writes no index
        with open(os.path.join(self.path("csv"), "BOB.csv"), encoding="utf-8-sig") as f:
            self.assertTrue(f.readline().startswith("art,feldnr,handlungsfeld"))
        missing = run("export", "--config", self.path("fehlt.cfg"))
        self.assertExit(missing, 2)
        self.assertIn("fehlt.cfg: Konfigurationsdatei nicht gefunden", missing.stderr)
        os.symlink("schleife.cfg", self.path("schleife.cfg"))
        loop = run("export", "--config", self.path("schleife.cfg"))
        self.assertExit(loop, 2)
        self.assertIn("schleife.cfg: lässt sich nicht lesen (zu viele symbolische Links (eine Schleife?))", loop.stderr)

    def test_config_file_problems_name_the_line(self):
        cases = [
            ("format = csv\nunbekannt = 1\n", "Zeile 2: unbekannter Name „unbekannt“ (möglich: format, db"),
            ("# Kommentar\n\nformat = csv\nformat = xlsx\n", "Zeile 4: format schon in Zeile 3 angegeben"),
            ("jobs = viele\n", "Zeile 1: ungültiger Wert für jobs: „viele“"),
            ("format\n", "Zeile 1: keine Zeile der Form NAME = WERT: „format“"),
            ("= csv\n", "Zeile 1: keine Zeile der Form NAME = WERT"),
            ("[export]\nformat = csv\n", "Zeile 1: Abschnitte wie „[export]“ gibt es hier nicht"),
            ("format = csv\nplan =\n", "Zeile 2: plan ohne Wert"),
            ("config = andere.cfg\n", "Zeile 1: unbekannter Name „config“"),
            ("help = 1\n", "Zeile 1: unbekannter Name „help“"),
            # short names are not names of the file (they slipped past the check of repeats)
            ("format = csv\n-o = x.csv\n", "Zeile 2: unbekannter Name „-o“"),
            ("format = csv\no = x.csv\n", "Zeile 2: unbekannter Name „o“"),
            ("format = csv\nopt\udcffion = 1\n", "Zeile 2: unbekannter Name „opt\\xFFion“"),
            ("format = csv\nplan = a\x01b\n", "Zeile 2: Steuerzeichen (Byte 9 der Zeile)"),
            ("format = csv\rper = unit\r", "Zeile 1: Zeilenende nur aus CR"),
            ("format = csv\noption = delimiter\n", "Zeile 2: option erwartet KEY=VALUE, nicht „delimiter“"),
            ("format = csv\noption = lang = en\n", "Zeile 2: option lang = en: ohne Leerzeichen um das zweite ="),
            ("format = csv\noption = bom=false\n\noption = bom=true\n",
             "Zeile 4: option bom schon in Zeile 2 angegeben"),
            ("format = csv\nper = nonsense\n", "Zeile 2: per = nonsense: möglich sind division, unit, plan"),
            ('format = csv\nplan = "Konzept 2025"\n',
             'Zeile 2: plan = "Konzept 2025": Werte ohne Anführungszeichen schreiben'),
            ("format = csv\nplan = 'Konzept'\n", "Zeile 2: plan = 'Konzept': Werte ohne Anführungszeichen"),
            # checked once the exporter is known, still with the line
            ("format = nichtda\n", "Zeile 1: kein Exporter „nichtda“ gefunden"),
            ("format = csv\n\noption = delimiter=tab\n",
             "Zeile 3: Exporter csv: Option delimiter=tab ungültig; erwartet einen von: semicolon, comma"),
        ]
        out = self.path("out.csv")
        for i, (text, message) in enumerate(cases):
            with self.subTest(text=text):
                config = self.write(f"bad{i}.cfg", text.encode("utf-8", "surrogateescape"))
                result = run("export", "--config", config, "--db", self.db, "-o", out)
                self.assertExit(result, 2)
                self.assertIn(f"{config}, {message}", result.stderr)
                self.assertFalse(os.path.exists(out))
        # Values checked after the file is read (their range, the database as target) name the line too,
        # unless the command line gave them.
        later = [
            ("format = csv\nper = division\noutput-dir = {out}\n\njobs = 0\n",
             "Zeile 5: --jobs muss zwischen 1 und 1024 liegen"),
            ("format = csv\nper = unit\noutput-dir = -\n", "Zeile 3: --output-dir -: Berichte je Dezernat"),
            ("format = csv\n# Ziel\noutput = {db}\n", "Zeile 3: " + self.db + " ist die Datenbank selbst"),
            ("format = csv\nperiod = $$$\n", "Zeile 2: --period: „$$$“ ist kein Berichtszeitraum"),
            ("format = csv\nplugin-timeout = 9999999\n", "Zeile 2: --plugin-timeout: 0 (keins) bis 604800"),
            ("format = csv\nper = division\n", "Zeile 2: --per braucht --output-dir"),
            ("format = csv\noutput = {out}/bericht.csv\n",
             "Zeile 2: " + self.path("je") + "/bericht.csv: das Verzeichnis " + self.path("je") + " gibt es nicht"),
        ]
        for i, (text, message) in enumerate(later):
            with self.subTest(text=text):
                config = self.write(f"later{i}.cfg", text.format(out=self.path("je"), db=self.db))
                result = run("export", "--config", config, "--db", self.db)
                self.assertExit(result, 2)
                self.assertIn(f"{config}, {message}", result.stderr)
                self.assertFalse(os.path.exists(self.path("je")))
        result = run("export", "--config", self.path("later0.cfg"), "--db", self.db, "--jobs", "0")
        self.assertExit(result, 2)
        self.assertNotIn("Zeile", result.stderr)  # the command line's value, not the file's
        # Repeatable options the file and the command line both give: a bad value on the command
        # line is not blamed on the file's line.
        both = self.write("both.cfg", "format = csv\noption = lang=de\nplugin-dir = " + self.dir + "\n")
        for extra, message in ((["--option", "foo"], "--option erwartet KEY=VALUE, nicht „foo“"),
                               (["--option", "bom=true", "--option", "bom=false"], "--option bom mehrfach angegeben"),
                               (["--plugin-dir", ""], "--plugin-dir: leerer Verzeichnisname")):
            with self.subTest(extra=extra):
                result = run("export", "--config", both, "--db", self.db, "-o", self.path("b.csv"), *extra)
                self.assertExit(result, 2)
                self.assertIn(message, result.stderr)
                self.assertNotIn("Zeile", result.stderr)
        # A database the file names that is not there: with the line, also without --per.
        for per in ([], ["--per", "division", "--output-dir", self.path("d")]):
            with self.subTest(per=per):
                missing = self.write("missing.cfg", "format = csv\n\ndb = " + self.path("nirgends/p.db") + "\n")
                result = run("export", "--config", missing, "-o", self.path("m.csv"), *per)
                self.assertExit(result, 2)
                self.assertIn(f"{missing}, Zeile 3: Datenbank {self.path('nirgends/p.db')} gibt es nicht",
                              result.stderr)
        # A plan the file names that the database does not hold: with the line.
        plan = self.write("plan.cfg", "format = csv\nplan = Konzept 2026\n")
        result = run("export", "--config", plan, "--db", self.db, "-o", self.path("p.csv"))
        self.assertExit(result, 2)
        self.assertIn(f"{plan}, Zeile 2: ", result.stderr)
        self.assertIn("Konzept 2026", result.stderr)
        # --jobs is checked without --per as well.
        result = run("export", "--db", self.db, "--format", "csv", "-o", self.path("j.csv"), "--jobs", "0")
        self.assertExit(result, 2)
        self.assertIn("--jobs muss zwischen 1 und 1024 liegen", result.stderr)
        self.assertFalse(os.path.exists(self.path("j.csv")))
        for jobs in ("0", "-1", "100000"):
            result = run("export", "--db", self.db, "--format", "csv", "--per", "division", "--output-dir",
                         self.path("j"), "--jobs", jobs)
            self.assertExit(result, 2)
            self.assertIn("--jobs muss zwischen 1 und 1024 liegen", result.stderr)
        english = run("--lang", "en", "export", "--config", self.write("en.cfg", "jobs = viele\n"))
        self.assertExit(english, 2)
        self.assertIn("en.cfg, line 1: invalid value for jobs: \"viele\"", english.stderr)

    def test_config_file_from_a_windows_editor(self):
        # Notepad writes a BOM and CRLF line ends; the values must not keep the \r.
        config = self.write("win.cfg", ("\ufeff# Bericht\r\nformat = csv\r\ndb = " + self.db +
                                        "\r\noption = delimiter=comma\r\n").encode("utf-8"))
        out = self.path("plan.csv")
        result = run("export", "--config", config, "-o", out)
        self.assertExit(result, 0)
        with open(out, encoding="utf-8-sig") as f:
            self.assertTrue(f.readline().startswith("art,feldnr,"))

    def test_the_command_line_wins_key_by_key(self):
        config = self.write("k.cfg", f"db = {self.db}\nformat = csv\noption = delimiter=comma\noption = bom=false\n")
        out = self.path("plan.csv")
        result = run("export", "--config", config, "-o", out, "--option", "delimiter=semicolon")
        self.assertExit(result, 0)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"art;feldnr;"))  # the command line's delimiter, the file's bom
        # A key the command line gives is not taken from the file at all.
        other = self.write("k2.cfg", f"db = {self.db}\nformat = csv\noption = delimiter=tab\n")
        self.assertExit(run("export", "--config", other, "-o", out, "--option", "delimiter=comma"), 0)
        self.assertExit(run("export", "--config", other, "-o", out), 2)

    def test_command_line_wins_and_options_collect(self):
        config = self.write("c.cfg", f"db = {self.db}\nformat = xlsx\noption = delimiter=comma\n"
                                     "option = newline=lf\n")
        out = self.path("plan.csv")
        result = run("export", "--config", config, "--format", "csv", "-o", out, "--option", "bom=false")
        self.assertExit(result, 0)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"art,feldnr,"))  # no BOM, commas
        self.assertNotIn(b"\r\n", data)


class PerUnitAndPlan(PlanDbTest):
    def test_per_unit(self):
        out = self.path("units")
        result = run("export", "--db", self.db, "--format", "xlsx", "--per", "unit", "--output-dir", out)
        self.assertExit(result, 0)
        self.assertEqual(len(os.listdir(out)), 26 + 1)
        self.assertEqual(matrix_marks(os.path.join(out, "Stabsstelle Bildung und Wissenschaft.xlsx")), 21)

    def test_per_plan(self):
        self.assertExit(run("import", SEED, "--db", self.db, "--plan", "Dezernat IV/ Kopie: 2025?"), 0)
        out = self.path("plans")
        result = run("export", "--db", self.db, "--format", "xlsx", "--per", "plan", "--output-dir", out)
        self.assertExit(result, 0)
        self.assertEqual(sorted(os.listdir(out)), ["Dezernat IV Kopie 2025.xlsx", "bildungskonzept.xlsx", "index.xlsx"])

    def test_usage(self):
        self.assertExit(run("export", "--db", self.db, "--format", "xlsx", "--per", "dezernat", "--output-dir", "x"), 2)
        self.assertExit(run("export", "--db", self.db, "--format", "xlsx", "--per", "division"), 2)


class LongNames(TempDirTest):
    """Names that agree in their first ~200 bytes: every mode ends, with one file per report."""

    COMMON = "Amt " + "x" * 250

    def test_every_mode_writes_distinct_files(self):
        names = [f"{self.COMMON} {suffix}" for suffix in ("Nord", "Süd", "West")]
        rows = "".join(f"| S {n} | {n}/ Stelle {n} |\n" for n in names)
        doc = self.write("lang.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n" + rows)
        db = self.path("lang.db")
        for n in names:
            self.assertExit(run("import", doc, "--db", db, "--plan", n), 0)
        for per, expected in (("division", 3), ("unit", 3), ("plan", 3)):
            out = self.path(per)
            args = ["export", "--db", db, "--format", "csv", "--per", per, "--output-dir", out]
            if per != "plan":
                args += ["--plan", names[0]]
            result = subprocess.run([EDUPLAN, *args], capture_output=True, text=True, timeout=60)
            self.assertExit(result, 0)
            files = sorted(f for f in os.listdir(out) if not f.startswith("index"))
            self.assertEqual(len(files), expected, (per, files))
            self.assertTrue(all(len(f.encode()) <= 200 for f in files), files)
            self.assertEqual(sum(f.endswith(" (2).csv") for f in files), 1, files)
            self.assertEqual(sum(f.endswith(" (3).csv") for f in files), 1, files)


if __name__ == "__main__":
    import unittest
    unittest.main()
