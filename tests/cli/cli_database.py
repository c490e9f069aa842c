"""Database files eduplan did not write, or that other software changed, and concurrent use: every
case ends in a correct result or a message naming the file (exit code 2), never in a signal, and
read-only commands never change a file."""
import json
import os
import stat
import subprocess
import time
import unittest

from support import EDUPLAN, SEED, SQLITE3, UNITS, PlanDbTest, TempDirTest, digest, query, run, scalar


def sql(db, statements):
    subprocess.run([SQLITE3, "-batch", db, statements], check=True, capture_output=True, text=True)


def en(*args):
    return run("--lang", "en", *args)


class Files(TempDirTest):
    def assertRefused(self, result, db, *expected):
        self.assertEqual(result.returncode, 2, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
        self.assertIn(db, result.stderr)
        for e in expected:
            self.assertIn(e, result.stderr)

    def readers(self, db):
        """Every command that only reads the database."""
        return [("show", "--db", db), ("plans", "--db", db), ("plans", "list", "--db", db),
                ("export", "--db", db, "--format", "csv", "-o", self.path("out.csv")),
                ("export", "--db", db, "--format", "csv", "--per", "unit", "--output-dir", self.path("out"))]

    def test_negative_and_unknown_schema_versions_are_refused(self):
        db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", db, "--units", UNITS), 0)
        for version in ("-1", "-2147483648", "99"):
            sql(db, f"PRAGMA user_version = {version}")
            before = digest(db)
            for args in self.readers(db) + [("import", SEED, "--db", db)]:
                self.assertRefused(en(*args), db, "schema version", version)
            self.assertEqual(digest(db), before)
        self.assertFalse(os.path.exists(self.path("out.csv")))
        self.assertFalse(os.path.exists(self.path("out")))

    def test_read_only_commands_leave_an_empty_file_alone(self):
        empty = self.write("empty.db", "")
        for args in self.readers(empty):
            self.assertRefused(en(*args), empty, "not an eduplan database", "empty")
        self.assertEqual(os.path.getsize(empty), 0)
        self.assertEqual(os.listdir(self.dir), ["empty.db"])

    def test_commands_that_change_stored_plans_leave_an_empty_file_alone(self):
        # Only import makes a database of an empty file; the others used to write the schema into it
        # and then fail ("holds no plan").
        empty = self.write("empty.db", "")
        forms = self.write("r.csv", "key,status\n")
        writers = [("plans", "delete", "x", "--db", empty), ("plans", "rename", "a", "b", "--db", empty),
                   ("status", "carry", "--from", "a", "--to", "b", "--db", empty),
                   ("status", "import", forms, "--plan", "a", "--period", "2026-H1", "--db", empty),
                   ("status", "scale", "--set", "geplant,umgesetzt", "--db", empty)]
        for args in writers:
            with self.subTest(args=args[:2]):
                self.assertRefused(en(*args), empty, "not an eduplan database", "empty")
                self.assertEqual(os.path.getsize(empty), 0)
        self.assertEqual(sorted(os.listdir(self.dir)), ["empty.db", "r.csv"])

    def test_devices_fifos_and_directories_are_no_databases(self):
        fifo = self.path("fifo.db")
        os.mkfifo(fifo)
        os.mkdir(self.path("ordner.db"))
        for db in (os.devnull, fifo, self.path("ordner.db")):
            for args in self.readers(db) + [("import", SEED, "--db", db)]:
                self.assertRefused(en(*args), db, "not a regular file")  # a FIFO used to hang
        self.assertTrue(stat.S_ISCHR(os.stat(os.devnull).st_mode))
        self.assertFalse(os.path.exists(os.devnull + "-journal"))
        self.assertEqual(sorted(os.listdir(self.dir)), ["fifo.db", "ordner.db"])

    def test_a_text_file_is_no_database(self):
        text = self.write("notes.db", "Dies ist keine Datenbank, sondern Text.\n" * 20)
        for args in self.readers(text) + [("import", SEED, "--db", text)]:
            self.assertRefused(en(*args), text, "not an SQLite database")
        self.assertEqual(open(text).read(), "Dies ist keine Datenbank, sondern Text.\n" * 20)

    def test_a_file_of_a_few_bytes_is_no_database(self):
        # SQLite takes a file shorter than 512 bytes for an empty database: an import wrote one over
        # it, and the reading commands called it empty.
        for content in (b"\n", b"x", b"\0", b"Notiz: nicht loeschen\n"):
            with self.subTest(content=content):
                short = self.write("kurz.db", content)
                for args in self.readers(short) + [("import", SEED, "--db", short)]:
                    self.assertRefused(en(*args), short, f"not an SQLite database ({len(content)} bytes")
                with open(short, "rb") as f:
                    self.assertEqual(f.read(), content)

    def test_links_in_a_loop_and_empty_names(self):
        os.symlink("b.db", self.path("a.db"))
        os.symlink("a.db", self.path("b.db"))
        for args in self.readers(self.path("a.db")):
            with self.subTest(args=args[0]):
                result = run(*args)
                self.assertExit(result, 2)
                self.assertNotIn("interner Fehler", result.stderr)
                # The system's reason in the message's language, not strerror's English.
                self.assertIn("zu viele symbolische Links", result.stderr)
        for args in (("plans", "--db", ""), ("import", SEED, "--db", "")):
            result = run(*args)
            self.assertExit(result, 2)
            self.assertIn("--db: leerer Name", result.stderr)

    def test_damaged_databases(self):
        db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", db, "--units", UNITS), 0)
        with open(db, "rb") as f:
            good = f.read()
        # Cut short, and the table of tables (page 1, after the 100-byte header) overwritten.
        damages = {"truncated.db": good[:len(good) // 4],
                   "overwritten.db": good[:100] + b"\xff" * 3000 + good[3100:]}
        for name, content in damages.items():
            damaged = self.write(name, content)
            for args in self.readers(damaged) + [("import", SEED, "--db", damaged)]:
                self.assertRefused(en(*args), damaged, "the database is damaged")
            with open(damaged, "rb") as f:
                self.assertEqual(f.read(), content, name)

    def test_other_applications_databases_are_named_as_such(self):
        cases = {
            "marked.db": ("PRAGMA application_id = 1234; CREATE TABLE termine(id)", "another application"),
            # Its own "plan" table and a user_version of 1, as another program could have.
            "plan-table.db": ("CREATE TABLE plan(id INTEGER PRIMARY KEY, name TEXT, budget REAL);"
                              "PRAGMA user_version = 1", "not an eduplan database"),
            "tables.db": ("CREATE TABLE kunden(id, name)", "not an eduplan database"),
        }
        for name, (setup, expected) in cases.items():
            db = self.path(name)
            sql(db, setup)
            before = digest(db)
            for args in self.readers(db) + [("import", SEED, "--db", db)]:
                self.assertRefused(en(*args), db, expected)
            self.assertEqual(digest(db), before, name)

    def test_new_databases_are_marked_and_old_ones_read_without_migrating(self):
        db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", db, "--units", UNITS), 0)
        self.assertEqual(scalar(db, "PRAGMA application_id"), str(0x45445550))
        # What an eduplan of schema 1 left behind.
        sql(db, "DROP TABLE focus_area_attribute; DROP TABLE status_report; DROP TABLE status_scale; "
                "PRAGMA user_version = 1; PRAGMA application_id = 0")
        before = digest(db)
        shown = run("show", "--db", db, "--format", "json")
        self.assertExit(shown, 0)
        self.assertEqual(json.loads(shown.stdout)["focus_areas"], 55)
        self.assertExit(run("export", "--db", db, "--format", "csv", "-o", self.path("plan.csv")), 0)
        self.assertEqual(digest(db), before)
        self.assertExit(run("import", SEED, "--db", db, "--plan", "neu"), 0)
        self.assertEqual(scalar(db, "PRAGMA user_version"), "3")
        self.assertEqual(scalar(db, "PRAGMA application_id"), str(0x45445550))


class StoredData(PlanDbTest):
    """Rows other software wrote through the public schema."""

    def assertRefused(self, *expected):
        for args in (("show", "--db", self.db),
                     ("export", "--db", self.db, "--format", "xlsx", "-o", self.path("plan.xlsx")),
                     ("export", "--db", self.db, "--format", "csv", "--per", "unit",
                      "--output-dir", self.path("units"))):
            result = en(*args)
            self.assertExit(result, 2)
            self.assertIn(f"{self.db}: the database holds invalid data", result.stderr)
            for e in expected:
                self.assertIn(e, result.stderr)
        self.assertFalse(os.path.exists(self.path("plan.xlsx")))
        self.assertFalse(os.path.exists(self.path("units")))

    def unit_id(self, name):
        return scalar(self.db, f"SELECT id FROM org_unit WHERE name = '{name}'")

    def test_a_unit_that_is_its_own_parent(self):
        archive = self.unit_id("Stadtarchiv")
        sql(self.db, f"UPDATE org_unit SET parent_id = id WHERE id = {archive}")
        self.assertRefused("table org_unit", f"row id {archive}", f"parent_id = {archive} is the unit itself")

    def test_a_cycle_of_two(self):
        archive, division = self.unit_id("Stadtarchiv"), self.unit_id("Dezernat IV")
        sql(self.db, f"UPDATE org_unit SET parent_id = {archive}, is_division = 0 WHERE id = {division}")
        self.assertRefused("is not a division")

    def test_a_chain_of_200000_units(self):
        sql(self.db, "INSERT INTO org_unit(id, plan_id, name, parent_id, is_division, key, source_line) "
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
                     "SELECT 1000000 + i, 1, 'Einheit ' || i, CASE WHEN i > 1 THEN 1000000 + i - 1 END, 0, "
                     "'ou-' || i, 0 FROM n")
        start = time.monotonic()
        self.assertRefused("is not a division")
        self.assertLess(time.monotonic() - start, 60)

    def test_a_parent_that_does_not_exist(self):
        sql(self.db, "UPDATE org_unit SET parent_id = 424242 WHERE name = 'Stadtarchiv'")
        self.assertRefused("parent_id = 424242: no row of org_unit in this plan")

    def test_text_that_is_not_utf8(self):
        sql(self.db, "UPDATE focus_area SET text = CAST(X'4d494e54ff' AS TEXT) WHERE id = "
                     "(SELECT min(id) FROM focus_area)")
        self.assertRefused("column text", "not valid UTF-8")

    def test_text_in_an_integer_column_and_a_negative_position(self):
        sql(self.db, "UPDATE responsibility SET source_line = 'vier' WHERE focus_area_id = "
                     "(SELECT min(focus_area_id) FROM responsibility)")
        self.assertRefused("column source_line", "integer expected, found text")
        sql(self.db, "UPDATE responsibility SET source_line = 4; UPDATE field SET position = -1 "
                     "WHERE position = 0")
        self.assertRefused("column position", "-1 is not between 0 and 2147483647")


def import_process(db, plan):
    return subprocess.Popen([EDUPLAN, "import", SEED, "--units", UNITS, "--db", db, "--plan", plan],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class Concurrency(TempDirTest):
    def test_thirty_first_imports_into_a_new_file(self):
        db = self.path("neu.db")
        processes = [import_process(db, f"Plan {i:02}") for i in range(30)]
        for p in processes:
            out, err = p.communicate(timeout=120)
            self.assertEqual(p.returncode, 0, err)
        rows = query(db, "SELECT p.name, count(fa.id) FROM plan p JOIN field f ON f.plan_id = p.id "
                         "JOIN focus_area fa ON fa.field_id = f.id GROUP BY p.id ORDER BY p.name")
        self.assertEqual(rows, [[f"Plan {i:02}", "55"] for i in range(30)])
        # Each import stages the new file beside it; those that lost the race store into the
        # winner's file and leave nothing behind.
        self.assertEqual(os.listdir(self.dir), ["neu.db"])
        self.assertEqual(scalar(db, "PRAGMA user_version"), "3")
        self.assertEqual(query(db, "PRAGMA foreign_key_check"), [])

    def test_readers_see_whole_plans_while_imports_replace_them(self):
        db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", db, "--plan", "X"), 0)
        writers = [import_process(db, "X") for _ in range(10)]
        readers = [subprocess.Popen([EDUPLAN, "show", "--db", db, "--format", "json"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for _ in range(10)]
        results = [(p, *p.communicate(timeout=120)) for p in writers + readers]
        for p, out, err in results:
            self.assertEqual(p.returncode, 0, err)
        for p, out, err in results[len(writers):]:
            summary = json.loads(out)
            self.assertEqual((summary["focus_areas"], summary["responsibilities"]), (55, 135))
        self.assertEqual(scalar(db, "SELECT count(*) FROM plan"), "1")


if __name__ == "__main__":
    unittest.main()
