"""eduplan status forms: one status form per responsible unit, read back with openpyxl and
LibreOffice; the contract of docs/monitoring.md ("Forms") that `status import` reads."""
import csv
import os
import re
import shutil
import socket
import stat
import subprocess
import tempfile

import openpyxl
from openpyxl.utils import range_boundaries

from office_files import soffice_convert
from support import EDUPLAN, PlanDbTest, digest, query, run

HEADER = ["Schlüssel", "Handlungsfeld", "Handlungsschwerpunkt", "Status", "Fortschritt (%)", "Bemerkung"]
DEFAULT_SCALE = ["geplant", "begonnen", "umgesetzt", "verzögert", "entfallen"]
PLAN = "bildungskonzept"
FIRST = 4  # the first data row (1-based): title, instructions, header above


def db_units(db):
    """{unit name: [keys in document order]} of every unit or division named in a responsibility."""
    rows = query(db, "SELECT u.name, fa.key || '/' || u.key FROM responsibility r "
                     "JOIN focus_area fa ON fa.id = r.focus_area_id JOIN field f ON f.id = fa.field_id "
                     "JOIN org_unit u ON u.id = r.org_unit_id JOIN plan p ON p.id = f.plan_id "
                     f"WHERE p.name = '{PLAN}' ORDER BY f.position, fa.position, r.position")
    units = {}
    for name, key in rows:
        units.setdefault(name, []).append(key)
    return units


def read_index(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def sqref_bounds(dv):
    return [range_boundaries(str(r)) for r in dv.sqref.ranges]


class Forms(PlanDbTest):
    def setUp(self):
        super().setUp()
        self.out = self.path("boegen")

    def forms(self, *extra, out=None):
        return run("status", "forms", "--db", self.db, "--plan", PLAN, "--period", "2026-H1",
                   "--output-dir", out or self.out, *extra)

    def written(self):
        index = read_index(os.path.join(self.out, "index.csv"))
        self.assertEqual(index[0], ["Einheit", "Dezernat", "Datei", "Zuständigkeiten"])
        return index[1:]

    def test_the_database_is_never_overwritten_by_a_form(self):
        # A database kept in the output directory under a form's name (or the index's) was replaced
        # by that form with --force.
        os.mkdir(self.out)
        db = os.path.join(self.out, "index.csv")
        shutil.copy(self.db, db)
        result = run("status", "forms", "--db", db, "--plan", PLAN, "--period", "2026-H1",
                     "--output-dir", self.out, "--force")
        self.assertExit(result, 2)
        self.assertIn("ist die Datenbank selbst", result.stderr)
        self.assertEqual(query(db, "PRAGMA integrity_check"), [["ok"]])
        self.assertEqual(os.listdir(self.out), ["index.csv"])

    def test_a_new_directory_follows_the_umask(self):
        result = subprocess.run([EDUPLAN, "status", "forms", "--db", self.db, "--plan", PLAN, "--period",
                                 "2026-H1", "--output-dir", self.out], capture_output=True, text=True,
                                timeout=120, preexec_fn=lambda: os.umask(0o022))
        self.assertExit(result, 0)
        self.assertEqual(stat.S_IMODE(os.stat(self.out).st_mode), 0o755)  # mkdtemp's 0700 before

    def test_one_form_per_responsible_unit_and_an_index(self):
        result = self.forms()
        self.assertExit(result, 0)
        units = db_units(self.db)
        self.assertEqual(len(units), 26)  # the figure for the seed
        rows = self.written()
        self.assertEqual([r[0] for r in rows], list(units))  # order of first responsibility
        self.assertEqual(sorted(os.listdir(self.out)), sorted([r[2] for r in rows] + ["index.csv"]))
        for unit, division, file, count in rows:
            self.assertEqual(int(count), len(units[unit]), unit)
            self.assertTrue(file.endswith(".xlsx"))
        self.assertIn("26 Rückmeldebögen", result.stdout)
        # Divisions responsible as a whole get a form of their own, their own name as Dezernat.
        divisions = {r[0] for r in query(self.db, "SELECT DISTINCT u.name FROM responsibility r JOIN org_unit u "
                                                  "ON u.id = r.org_unit_id WHERE u.is_division = 1")}
        self.assertTrue(divisions)
        for unit, division, _, _ in rows:
            if unit in divisions:
                self.assertEqual(division, unit)
        parents = dict(query(self.db, "SELECT u.name, coalesce(d.name, '') FROM org_unit u "
                                      "LEFT JOIN org_unit d ON d.id = u.parent_id WHERE u.is_division = 0"))
        for unit, division, _, _ in rows:
            if unit not in divisions:
                self.assertEqual(division, parents[unit], unit)
        # No temporary directory is left next to the output.
        self.assertEqual([n for n in os.listdir(self.dir) if ".tmp-" in n], [])

    def test_every_form_follows_the_contract(self):
        self.assertExit(self.forms(), 0)
        units = db_units(self.db)
        for unit, division, file, count in self.written():
            with self.subTest(unit=unit):
                self.check_form(os.path.join(self.out, file), unit, division, units[unit], DEFAULT_SCALE)

    def check_form(self, path, unit, division, keys, scale):
        wb = openpyxl.load_workbook(path)
        self.assertEqual(wb.sheetnames, ["Rückmeldung", "Angaben"])
        ws = wb["Rückmeldung"]
        self.assertEqual(ws["A1"].value, f"Rückmeldung 2026-H1 – {unit}")
        self.assertTrue(ws["A2"].value)  # instructions
        self.assertEqual([c.value for c in ws[3]][:6], HEADER)
        last = FIRST + len(keys) - 1
        self.assertEqual(ws.max_row, last)
        self.assertEqual([ws.cell(row=r, column=1).value for r in range(FIRST, last + 1)], keys)
        for r in range(FIRST, last + 1):
            self.assertTrue(ws.cell(row=r, column=2).value)  # field
            self.assertTrue(ws.cell(row=r, column=3).value)  # focus area
            self.assertEqual([ws.cell(row=r, column=c).value for c in (4, 5, 6)], [None] * 3)  # nothing pre-filled
        # Validations: the drop-down refers to the scale row of Angaben; progress 0..100.
        dvs = ws.data_validations.dataValidation
        self.assertEqual(len(dvs), 2)
        lists = [d for d in dvs if d.type == "list"]
        wholes = [d for d in dvs if d.type == "whole"]
        self.assertEqual(len(lists), 1)
        self.assertEqual(len(wholes), 1)
        end = chr(ord("A") + len(scale))
        self.assertEqual(lists[0].formula1, f"Angaben!$B$6:${end}$6")
        self.assertEqual(sqref_bounds(lists[0]), [(4, FIRST, 4, last)])
        self.assertEqual((wholes[0].operator or "between", wholes[0].formula1, wholes[0].formula2),
                         ("between", "0", "100"))
        self.assertEqual(sqref_bounds(wholes[0]), [(5, FIRST, 5, last)])
        for d in dvs:
            self.assertTrue(d.allow_blank)
            self.assertEqual(d.errorStyle or "stop", "stop")
        # Protected without a password; exactly the three input columns of the data rows unlocked.
        self.assertTrue(ws.protection.sheet)
        self.assertIsNone(ws.protection.password)
        unlocked = {(c.row, c.column) for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=10)
                    for c in row if c.has_style and not c.protection.locked}
        self.assertEqual(unlocked, {(r, c) for r in range(FIRST, last + 1) for c in (4, 5, 6)})
        # The key column narrow, the others wider; printing: A4 landscape, one page wide, header repeated.
        self.assertLessEqual(ws.column_dimensions["A"].width, 12)
        self.assertGreater(ws.column_dimensions["C"].width, 20)
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(int(ws.page_setup.paperSize), 9)
        self.assertIn(ws.page_setup.fitToWidth, (None, 1))  # OOXML: absent means 1
        self.assertEqual(int(ws.page_setup.fitToHeight), 0)  # as many pages high as needed
        self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(ws.print_title_rows, "$3:$3")
        # Angaben: label and value; the scale along its row.
        info = wb["Angaben"]
        self.assertTrue(info.protection.sheet)
        self.assertIsNone(info.protection.password)
        facts = {info.cell(row=r, column=1).value: info.cell(row=r, column=2).value for r in range(1, 6)}
        self.assertEqual(facts["Plan"], PLAN)
        self.assertEqual(facts["Periode"], "2026-H1")
        self.assertEqual(facts["Einheit"], unit)
        self.assertEqual(facts["Dezernat"] or "", division)
        self.assertRegex(facts["Erstellt"], r"^\d{4}-\d\d-\d\d$")
        self.assertEqual(info["A6"].value, "Statusskala")
        self.assertEqual([c.value for c in info[6]][1:1 + len(scale)], scale)
        self.assertEqual(info.max_column, len(scale) + 1)

    def test_the_scale_of_the_database(self):
        self.assertExit(run("status", "scale", "--db", self.db, "--set", "offen,läuft,fertig"), 0)
        self.assertExit(self.forms(), 0)
        unit, division, file, _ = self.written()[0]
        self.check_form(os.path.join(self.out, file), unit, division, db_units(self.db)[unit],
                        ["offen", "läuft", "fertig"])

    def test_libreoffice_reads_a_form(self):
        self.assertExit(self.forms(), 0)
        unit, _, file, count = self.written()[0]
        lo = self.path("lo")
        os.mkdir(lo)
        soffice_convert([os.path.join(self.out, file)], "csv:Text - txt - csv (StarCalc):59,34,76,1", lo)
        with open(os.path.join(lo, os.path.splitext(file)[0] + ".csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter=";"))
        self.assertEqual(rows[0][0], f"Rückmeldung 2026-H1 – {unit}")
        self.assertEqual(rows[2][:6], HEADER)
        self.assertEqual([r[0] for r in rows[3:] if r and r[0]], db_units(self.db)[unit])
        # Saved again by LibreOffice as .xlsx, the form keeps header, validations and protection.
        soffice_convert([os.path.join(self.out, file)], "xlsx:Calc MS Excel 2007 XML", lo)
        wb = openpyxl.load_workbook(os.path.join(lo, file))
        ws = wb["Rückmeldung"]
        self.assertEqual([c.value for c in ws[3]][:6], HEADER)
        self.assertEqual(sorted(d.type for d in ws.data_validations.dataValidation), ["list", "whole"])
        self.assertTrue(ws.protection.sheet)
        self.assertEqual(wb["Angaben"]["B2"].value, "2026-H1")

    def test_filled_with_openpyxl(self):
        """Filled the way a unit fills it in; kept in the layout `status import` reads."""
        self.assertExit(self.forms(), 0)
        unit, _, file, count = self.written()[0]
        path = os.path.join(self.out, file)
        wb = openpyxl.load_workbook(path)
        ws = wb["Rückmeldung"]
        ws.cell(row=FIRST, column=4).value = "begonnen"
        ws.cell(row=FIRST, column=5).value = 40
        ws.cell(row=FIRST, column=6).value = "Erste Kurse laufen"
        filled = self.path("ausgefuellt.xlsx")
        wb.save(filled)
        back = openpyxl.load_workbook(filled)
        ws = back["Rückmeldung"]
        self.assertEqual([ws.cell(row=FIRST, column=c).value for c in (4, 5, 6)], ["begonnen", 40, "Erste Kurse laufen"])
        self.assertEqual([c.value for c in ws[3]][:6], HEADER)
        self.assertEqual(len(ws.data_validations.dataValidation), 2)
        self.assertEqual(back["Angaben"]["B1"].value, PLAN)
        # Once `status import` exists (issue 12, another part), the filled form goes in.
        probe = run("status", "import", "--help")
        if probe.returncode != 0:
            self.skipTest("eduplan status import is not there yet")
        self.assertExit(run("status", "import", "--db", self.db, filled), 0)
        reports = query(self.db, "SELECT key, period, status, progress, note FROM status_report")
        self.assertEqual(reports, [[db_units(self.db)[unit][0], "2026-H1", "begonnen", "40", "Erste Kurse laufen"]])

    def test_english_messages_keep_the_contract(self):
        result = run("--lang", "en", "status", "forms", "--db", self.db, "--plan", PLAN, "--period", "2026-H1",
                     "--output-dir", self.out)
        self.assertExit(result, 0)
        self.assertIn("26 status forms", result.stdout)
        unit, division, file, _ = self.written()[0]
        self.check_form(os.path.join(self.out, file), unit, division, db_units(self.db)[unit], DEFAULT_SCALE)

    # Errors: a clear message, exit 2, nothing written.
    def assertNothingWritten(self, result, pattern):
        self.assertExit(result, 2)
        self.assertRegex(result.stderr, pattern)
        self.assertFalse(os.path.exists(self.out))
        self.assertEqual([n for n in os.listdir(self.dir) if ".tmp-" in n], [])

    def test_unknown_plan(self):
        result = run("status", "forms", "--db", self.db, "--plan", "gibtsnicht", "--period", "2026-H1",
                     "--output-dir", self.out)
        self.assertNothingWritten(result, "gibtsnicht")

    def test_bad_periods(self):
        for period in ["", "2026 H1", "x" * 33, "../2026", "2026/H1", "Hälfte", "2026-H1;"]:
            with self.subTest(period=period):
                result = run("status", "forms", "--db", self.db, "--plan", PLAN, "--period", period,
                             "--output-dir", self.out)
                self.assertNothingWritten(result, "--period")
        self.assertExit(run("status", "forms", "--db", self.db, "--plan", PLAN, "--period", "x" * 32,
                            "--output-dir", self.out), 0)

    def test_missing_options(self):
        self.assertNothingWritten(run("status", "forms", "--db", self.db, "--output-dir", self.out), "--period")
        self.assertExit(run("status", "forms", "--db", self.db, "--period", "2026-H1"), 2)

    def test_existing_files_need_force(self):
        self.assertExit(self.forms(), 0)
        _, _, file, _ = self.written()[0]
        keep = self.write("boegen/eigene-notiz.txt", "bleibt")
        before = {n: digest(os.path.join(self.out, n)) for n in os.listdir(self.out)}
        result = self.forms()
        self.assertExit(result, 2)
        self.assertIn("--force", result.stderr)
        self.assertIn("index.csv", result.stderr)
        self.assertEqual({n: digest(os.path.join(self.out, n)) for n in os.listdir(self.out)}, before)
        # Another period into the same directory: the same file names, so also refused.
        result = run("status", "forms", "--db", self.db, "--plan", PLAN, "--period", "2026-H2",
                     "--output-dir", self.out)
        self.assertExit(result, 2)
        self.assertEqual(openpyxl.load_workbook(os.path.join(self.out, file))["Angaben"]["B2"].value, "2026-H1")
        result = run("status", "forms", "--db", self.db, "--plan", PLAN, "--period", "2026-H2",
                     "--output-dir", self.out, "--force")
        self.assertExit(result, 0)
        self.assertEqual(openpyxl.load_workbook(os.path.join(self.out, file))["Angaben"]["B2"].value, "2026-H2")
        self.assertEqual(sorted(os.listdir(self.out)), sorted(before))
        with open(keep, encoding="utf-8") as f:
            self.assertEqual(f.read(), "bleibt")
        self.assertEqual([n for n in os.listdir(self.dir) if ".tmp-" in n], [])

    def test_into_an_existing_empty_directory(self):
        os.mkdir(self.out)
        self.assertExit(self.forms(), 0)
        self.assertEqual(len(self.written()), 26)

    def test_output_dir_is_a_file(self):
        self.write("boegen", "keine Mappe")
        result = self.forms()
        self.assertExit(result, 2)
        self.assertIn("kein Verzeichnis", result.stderr)
        with open(self.out, encoding="utf-8") as f:
            self.assertEqual(f.read(), "keine Mappe")
        self.assertEqual([n for n in os.listdir(self.dir) if ".tmp-" in n], [])

    def test_output_dir_below_a_file(self):
        self.write("datei", "x")
        result = self.forms(out=self.path("datei/boegen"))
        self.assertExit(result, 2)
        self.assertIn("datei", result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["datei", "plan.db"])

    def test_plan_without_responsibilities(self):
        plan = self.write("leer.md", "# Leer\n\n## Handlungsfeld Test\n\n"
                          "| genannte Handlungsschwerpunkte der Fachbereiche | befasster Verwaltungsbereich |\n"
                          "|---|---|\n| Eins |  |\n")
        db = self.path("leer.db")
        self.assertExit(run("import", plan, "--db", db), 0)
        self.assertEqual(query(db, "SELECT count(*) FROM responsibility"), [["0"]])
        result = run("status", "forms", "--db", db, "--period", "P1", "--output-dir", self.out)
        self.assertExit(result, 1)
        self.assertIn("keine zuständigen Verwaltungsbereiche", result.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_unwritable_directory(self):
        # /proc refuses new files even to root.
        result = self.forms(out="/proc/eduplan-forms")
        self.assertExit(result, 2)
        self.assertIn("/proc kann nicht geschrieben werden", result.stderr)
        if os.geteuid() == 0:
            self.skipTest("root writes anywhere else")
        locked = self.path("gesperrt")
        os.mkdir(locked, 0o500)
        try:
            result = self.forms(out=os.path.join(locked, "boegen"))
            self.assertExit(result, 2)
            self.assertIn("gesperrt", result.stderr)
            self.assertEqual(os.listdir(locked), [])
        finally:
            os.chmod(locked, 0o700)

    def staging_name(self, pid, host=None):
        host = host or "".join(c for c in socket.gethostname() if c.isalnum())[:16] or "host"
        return f".boegen.tmp-{host}-{pid}-AbC123"

    def abandoned(self, where):
        # What a run killed while writing left: its staging directory, named after its process.
        gone = subprocess.Popen(["true"])
        gone.wait()
        names = {"dead": self.staging_name(gone.pid), "alive": self.staging_name(1),
                 "elsewhere": self.staging_name(gone.pid, host="anderer0rechner"),
                 "a copy": self.staging_name(gone.pid) + ".bak"}  # not mkdtemp's name: someone's
        for name in names.values():
            os.makedirs(os.path.join(where, name, "inhalt"))
        return names

    def test_what_a_killed_run_left_is_removed_by_the_next(self):
        # Beside a new output directory: Ctrl-C during `status forms` left its staging directory
        # there for good (its name said nothing about its process).
        names = self.abandoned(self.dir)
        self.assertExit(self.forms(), 0)
        left = sorted(n for n in os.listdir(self.dir) if ".tmp-" in n)
        kept = sorted([names["alive"], names["elsewhere"], names["a copy"]])  # running, another host's, a copy
        self.assertEqual(left, kept)
        # Inside an existing one, where the next run into it stages.
        names = self.abandoned(self.out)
        self.assertExit(self.forms("--force"), 0)
        left = sorted(n for n in os.listdir(self.out) if ".tmp-" in n)
        self.assertEqual(left, sorted([names["alive"], names["elsewhere"], names["a copy"]]))
        self.assertEqual(len(self.written()), 26)

    def test_what_a_killed_run_left_beside_is_removed_once_the_directory_exists(self):
        # Killed while the output directory was new (its staging beside it), then a run that
        # made it: the next run, into the existing directory, still sweeps beside it.
        self.assertExit(self.forms(), 0)
        names = self.abandoned(self.dir)
        self.assertExit(self.forms("--force"), 0)
        left = sorted(n for n in os.listdir(self.dir) if ".tmp-" in n)
        self.assertEqual(left, sorted([names["alive"], names["elsewhere"], names["a copy"]]))

    def test_two_runs_into_one_existing_directory_do_not_mix(self):
        os.mkdir(self.out)
        for _ in range(5):
            procs = [subprocess.Popen([EDUPLAN, "status", "forms", "--db", self.db, "--plan", PLAN,
                                       "--period", period, "--output-dir", self.out, "--force"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for period in ("2026-H1", "2026-H2", "2027-H1", "2027-H2") * 2]
            results = [(p, *p.communicate(timeout=120)) for p in procs]
            for p, out, err in results:
                self.assertIn(p.returncode, (0, 2), err)
                if p.returncode == 2:
                    self.assertIn("schreibt gerade ein anderer Lauf von „eduplan status forms“", err)
            self.assertTrue(any(p.returncode == 0 for p, _, _ in results))
            periods = set()
            for _, _, file, _ in self.written():
                periods.add(openpyxl.load_workbook(os.path.join(self.out, file))["Angaben"]["B2"].value)
            self.assertEqual(len(periods), 1, periods)

    def test_a_directory_named_like_a_form_is_not_forced(self):
        self.assertExit(self.forms(), 0)
        _, _, file, _ = self.written()[0]
        os.remove(os.path.join(self.out, file))
        os.mkdir(os.path.join(self.out, file))
        result = self.forms("--force")
        self.assertExit(result, 2)
        self.assertIn(f"enthält Verzeichnisse mit den Namen von Formularen ({file}); bitte umbenennen",
                      result.stderr)
        self.assertNotIn("--force überschreibt", result.stderr)

    def test_dot_dot_is_resolved_on_disk(self):
        # "lnk/.." is the parent of the link's target, as for mkdir or the kernel: the forms went to
        # the directory the text spells, and --force replaced an index.csv there.
        os.makedirs(self.path("echt/unter"))
        os.symlink("echt/unter", self.path("lnk"))
        mine = self.write("index.csv", "meine eigene Liste")
        self.assertExit(self.forms(out=os.path.join(self.dir, "lnk", "..", "boegen")), 0)
        self.assertTrue(os.path.isfile(self.path("echt/boegen/index.csv")))
        self.assertFalse(os.path.exists(self.out))
        self.assertExit(self.forms("--force", out=os.path.join(self.dir, "lnk", "..")), 0)
        self.assertTrue(os.path.isfile(self.path("echt/index.csv")))
        with open(mine, encoding="utf-8") as f:
            self.assertEqual(f.read(), "meine eigene Liste")
        result = self.forms(out=os.path.join(self.dir, "fehlt", ".."))
        self.assertExit(result, 2)
        self.assertIn("lässt sich nicht auflösen (Datei oder Verzeichnis gibt es nicht)", result.stderr)

    def test_an_existing_directory_on_another_file_system(self):
        # An existing output directory reached through a link to another file system: the forms
        # are staged inside it (staged beside the link, the renames failed: "Invalid cross-device
        # link"). /dev/shm is a tmpfs where there is one.
        if not os.path.isdir("/dev/shm") or os.stat("/dev/shm").st_dev == os.stat(self.dir).st_dev:
            self.skipTest("no second file system at /dev/shm")
        elsewhere = tempfile.mkdtemp(prefix="eduplan-forms-", dir="/dev/shm")
        try:
            os.symlink(elsewhere, self.out)
            result = self.forms()
            self.assertExit(result, 0)
            self.assertEqual(len(self.written()), 26)
            self.assertEqual(len(os.listdir(elsewhere)), 27)  # 26 forms and the index, nothing staged
            self.assertTrue(os.path.islink(self.out))
        finally:
            shutil.rmtree(elsewhere)

    def test_file_names_are_safe_and_unique(self):
        self.assertExit(self.forms(), 0)
        files = [r[2] for r in self.written()]
        self.assertEqual(len({f.lower() for f in files}), len(files))
        for f in files:
            self.assertRegex(f, r'^[^<>:"/\\|?*\x00-\x1f]+\.xlsx$')

    def test_names_that_collide_as_files(self):
        plan = self.write("namen.md", "# Namen\n\n## Handlungsfeld Test\n\n"
                          "| genannte Handlungsschwerpunkte der Fachbereiche | befasster Verwaltungsbereich |\n|---|---|\n"
                          "| Eins | Dezernat A/ Amt Nord, Amt <Nord>, =Summe, CON |\n"
                          "| Zwei | Dezernat A/ Amt Nord<br>Dezernat B |\n")
        db = self.path("namen.db")
        self.assertExit(run("import", plan, "--db", db), 0)
        result = run("status", "forms", "--db", db, "--period", "P1", "--output-dir", self.out)
        self.assertExit(result, 0)
        rows = read_index(os.path.join(self.out, "index.csv"))[1:]
        self.assertEqual([(r[0], r[2], r[3]) for r in rows],
                         [("Amt Nord", "Amt Nord.xlsx", "2"), ("Amt <Nord>", "Amt Nord (2).xlsx", "1"),
                          ("'=Summe", "'=Summe.xlsx", "1"),  # not a formula when Excel opens the index
                          ("CON", "_CON.xlsx", "1"), ("Dezernat B", "Dezernat B.xlsx", "1")])
        self.assertEqual(sorted(os.listdir(self.out)),
                         sorted(["Amt Nord.xlsx", "Amt Nord (2).xlsx", "=Summe.xlsx", "_CON.xlsx", "Dezernat B.xlsx",
                                 "index.csv"]))
        info = openpyxl.load_workbook(os.path.join(self.out, "Amt Nord (2).xlsx"))["Angaben"]
        self.assertEqual((info["B1"].value, info["B3"].value, info["B4"].value), ("Namen", "Amt <Nord>", "Dezernat A"))
        # "=Summe" stays text in the workbook, never a formula.
        ws = openpyxl.load_workbook(os.path.join(self.out, "=Summe.xlsx"))["Rückmeldung"]
        self.assertEqual(ws["A1"].value, "Rückmeldung P1 – =Summe")
        self.assertEqual(ws["A1"].data_type, "s")
