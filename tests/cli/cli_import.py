"""eduplan import: the seed's figures in the database, replacement, coexistence."""
import os
import resource
import signal
import socket
import subprocess
import time
import unittest

from support import EDUPLAN, SEED, UNITS, TempDirTest, digest, query, run, scalar


class ImportSeed(TempDirTest):
    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        self.result = run("import", SEED, "--db", self.db, "--units", UNITS)

    def test_succeeds_with_summary(self):
        self.assertExit(self.result, 0)
        self.assertIn("135 Zuständigkeiten", self.result.stdout)
        self.assertIn(f"Datenbank: {self.db}", self.result.stdout)

    def test_quiet_lists_errors_and_warnings_but_only_counts_notes(self):
        loud = [l for l in self.result.stdout.splitlines() if ": Hinweis: " in l]
        self.assertEqual(len(loud), 7)
        for quiet_flag in ("-q", "--quiet"):
            quiet = run("import", SEED, "--db", self.path("quiet.db"), "--units", UNITS, quiet_flag)
            self.assertExit(quiet, 0)
            self.assertNotIn(": Hinweis: ", quiet.stdout)
            warnings = [l for l in quiet.stdout.splitlines() if ": Warnung: " in l]
            self.assertEqual(len(warnings), 4)
            self.assertIn("7 Hinweise", quiet.stdout)  # still counted in the summary
            self.assertIn("(7 Hinweise nicht einzeln gezeigt, --quiet; ohne -q alle)", quiet.stdout)
        # The notes are stored all the same.
        self.assertEqual(scalar(self.path("quiet.db"), "SELECT count(*) FROM finding WHERE severity = 'info'"),
                         scalar(self.db, "SELECT count(*) FROM finding WHERE severity = 'info'"))

    def test_fields_in_document_order_with_their_focus_areas(self):
        rows = query(self.db, "SELECT f.position, f.title, count(fa.id) FROM field f "
                              "LEFT JOIN focus_area fa ON fa.field_id = f.id GROUP BY f.id ORDER BY f.position")
        self.assertEqual([int(r[2]) for r in rows], [12, 8, 6, 7, 11, 11])
        self.assertEqual(rows[2][1], "MINT")
        self.assertEqual([int(r[0]) for r in rows], list(range(6)))

    def test_objectives_are_shared(self):
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM objective"), "14")
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM field_objective"), "16")

    def test_responsibilities_and_units(self):
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM responsibility"), "135")
        self.assertEqual(scalar(self.db, "SELECT count(DISTINCT org_unit_id) FROM responsibility"), "26")
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM org_unit WHERE name = 'Dezernat VI'"), "0")
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM org_unit WHERE parent_id IS NULL AND is_division = 0"), "0")
        museum = query(self.db, "SELECT d.name FROM org_unit u JOIN org_unit d ON d.id = u.parent_id "
                                "WHERE u.name = 'Museum für Naturkunde'")
        self.assertEqual(museum, [["Dezernat IV"]])

    def test_findings_are_stored(self):
        rules = {r[0] for r in query(self.db, "SELECT rule FROM finding")}
        self.assertIn("unit-division-mismatch", rules)
        self.assertIn("unit-multiple-divisions", rules)

    def test_schema_version_and_foreign_keys(self):
        self.assertEqual(scalar(self.db, "PRAGMA user_version"), "3")
        self.assertEqual(query(self.db, "PRAGMA foreign_key_check"), [])

    def test_reimport_replaces_and_keeps_keys(self):
        keys_before = query(self.db, "SELECT key FROM focus_area ORDER BY key")
        again = run("import", SEED, "--db", self.db, "--units", UNITS)
        self.assertExit(again, 0)
        self.assertIn("ersetzt", again.stdout)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM plan"), "1")
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM responsibility"), "135")
        self.assertEqual(query(self.db, "SELECT key FROM focus_area ORDER BY key"), keys_before)

    def test_several_plans_coexist(self):
        self.assertExit(run("import", SEED, "--db", self.db, "--plan", "ohne Verzeichnis"), 0)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM plan"), "2")
        per_plan = query(self.db, "SELECT p.name, count(*) FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
                                  "JOIN field f ON f.id = fa.field_id JOIN plan p ON p.id = f.plan_id GROUP BY p.name ORDER BY p.name")
        self.assertEqual(per_plan, [["bildungskonzept", "135"], ["ohne Verzeichnis", "137"]])

    def test_rejected_document_changes_nothing(self):
        before = digest(self.db)
        bad = self.write("bad.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| x | y | z |\n")
        result = run("import", bad, "--db", self.db, "--plan", "bildungskonzept")
        self.assertExit(result, 1)
        self.assertIn(f"{bad}:4:", result.stdout)
        self.assertEqual(digest(self.db), before)


class DefaultDatabase(TempDirTest):
    def test_missing_db_option_uses_and_names_the_default(self):
        result = run("import", SEED, cwd=self.dir)
        self.assertExit(result, 0)
        self.assertIn("eduplan.db (Standard", result.stdout)
        self.assertTrue(os.path.exists(self.path("eduplan.db")))

    def test_rejected_document_creates_no_database(self):
        bad = self.write("bad.md", b"\x00\x01binary")
        self.assertExit(run("import", bad, cwd=self.dir), 1)
        self.assertFalse(os.path.exists(self.path("eduplan.db")))

    # Fields are stored as they are read: a contradiction in a later field must still leave
    # nothing behind — no new database, no temporary file, an existing database unchanged.
    LATE_CONFLICT = ("## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
                     "| S1 | Dezernat V/ Jugendamt |\n\n## Handlungsfeld B\n"
                     "| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| S2 | Jugendamt/ Kita |\n")

    def test_contradiction_in_a_later_field_creates_no_database(self):
        late = self.write("late.md", self.LATE_CONFLICT)
        result = run("import", late, "--units", UNITS, "--db", "neu.db", cwd=self.dir)
        self.assertExit(result, 1)
        self.assertIn("als Dezernat und in Zeile", result.stdout)
        self.assertIn("Dokument abgewiesen; keine Datenbank angelegt (neu.db)", result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["late.md"])

    def test_a_staged_database_left_by_a_killed_import_is_removed_by_the_next(self):
        # What `eduplan import` leaves when it is killed while it writes a new database: the
        # staged file and its journal, named after the dead process.
        first = run("import", SEED, "--db", "p.db", cwd=self.dir)
        self.assertExit(first, 0)
        dead = subprocess.Popen(["true"])
        dead.wait()
        host = self.staged_host()
        left = [f".p.db.tmp-{host}-{dead.pid}-0123abcd", f".p.db.tmp-{host}-{dead.pid}-0123abcd-journal"]
        for name in left:
            self.write(name, "x")
        self.assertExit(run("import", SEED, "--db", "q.db", cwd=self.dir), 0)
        self.assertEqual(sorted(os.listdir(self.dir)), ["p.db", "q.db"])

    @staticmethod
    def staged_host():
        # The host part eduplan writes into temporary names: the host name's ASCII letters and
        # digits, at most 16 (docs: eduplan/atomic_output.h).
        name = "".join(c for c in socket.gethostname() if c.isascii() and c.isalnum())[:16]
        return name or "host"

    def test_a_link_to_a_database_not_yet_there_is_written_through_on_success_only(self):
        os.symlink(self.path("echt.db"), self.path("link.db"))
        late = self.write("late.md", self.LATE_CONFLICT)
        self.assertExit(run("import", late, "--units", UNITS, "--db", "link.db", cwd=self.dir), 1)
        self.assertFalse(os.path.exists(self.path("echt.db")))
        self.assertExit(run("import", SEED, "--db", "link.db", cwd=self.dir), 0)
        self.assertTrue(os.path.islink(self.path("link.db")))
        self.assertEqual(scalar(self.path("echt.db"), "SELECT count(*) FROM plan"), "1")
        self.assertEqual(sorted(os.listdir(self.dir)), ["echt.db", "late.md", "link.db"])

    def test_contradiction_in_a_later_field_leaves_the_database_as_it_was(self):
        db = self.path("plaene.db")
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", db, "--plan", "P"), 0)
        before = subprocess.run(["sqlite3", db, ".dump"], capture_output=True, text=True).stdout
        late = self.write("late.md", self.LATE_CONFLICT)
        self.assertExit(run("import", late, "--units", UNITS, "--db", db, "--plan", "P"), 1)
        after = subprocess.run(["sqlite3", db, ".dump"], capture_output=True, text=True).stdout
        self.assertEqual(after, before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["late.md", "plaene.db"])


    def test_rejected_document_neither_fills_an_empty_file_nor_migrates_an_older_database(self):
        # Opening a database for writing creates or migrates its schema; a document rejected in a
        # later field must not have done either (the message says "database unchanged").
        late = self.write("late.md", self.LATE_CONFLICT)
        empty = self.path("leer.db")
        open(empty, "wb").close()
        self.assertExit(run("import", late, "--units", UNITS, "--db", empty), 1)
        self.assertEqual(os.path.getsize(empty), 0)
        old = self.path("alt.db")
        self.assertExit(run("import", SEED, "--db", old), 0)
        subprocess.run(["sqlite3", old, "DROP TABLE focus_area_attribute; DROP TABLE status_report; "
                        "DROP TABLE status_scale; PRAGMA user_version = 1; PRAGMA application_id = 0"],
                       check=True)
        before = digest(old)
        self.assertExit(run("import", late, "--units", UNITS, "--db", old), 1)
        self.assertEqual(digest(old), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["alt.db", "late.md", "leer.db"])
        # Accepted, the plan goes into both: the same rows as into a new database.
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", empty), 0)
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", old, "--plan", "neu"), 0)
        self.assertEqual(scalar(old, "PRAGMA user_version"), "3")
        self.assertExit(run("import", SEED, "--units", UNITS, "--db", self.path("neu.db")), 0)
        rows = "SELECT f.title, fa.text, fa.key FROM focus_area fa JOIN field f ON f.id = fa.field_id ORDER BY fa.id"
        self.assertEqual(query(empty, rows), query(self.path("neu.db"), rows))
        self.assertEqual(scalar(empty, "SELECT count(*) FROM responsibility"), "135")
        self.assertEqual(sorted(os.listdir(self.dir)), ["alt.db", "late.md", "leer.db", "neu.db"])

    def test_a_long_database_name_is_staged_or_refused_before_reading(self):
        # SQLite writes "<name>-journal" beside a database: 247 bytes is the longest name that
        # works, also while the new database is staged under a temporary name.
        longest = "d" * 244 + ".db"
        self.assertExit(run("import", SEED, "--db", longest, cwd=self.dir), 0)
        again = run("import", SEED, "--db", longest, cwd=self.dir)
        self.assertExit(again, 0)
        self.assertIn("ersetzt", again.stdout)
        too_long = "e" * 245 + ".db"
        refused = run("import", SEED, "--db", too_long, cwd=self.dir)
        self.assertExit(refused, 2)
        self.assertIn("Dateiname zu lang", refused.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), [longest])

    def test_a_journal_left_by_an_interrupted_write_is_named_not_called_read_only(self):
        db = self.path("heiss.db")
        self.assertExit(run("import", SEED, "--db", db), 0)
        stored = int(scalar(db, "SELECT count(*) FROM responsibility"))
        # A writer killed in the middle of its transaction, its changes partly in the file.
        writer = subprocess.Popen(["sqlite3", db], stdin=subprocess.PIPE, text=True)
        writer.stdin.write("PRAGMA cache_size = 1; BEGIN; DELETE FROM finding; DELETE FROM responsibility; "
                           "UPDATE focus_area SET text = text || 'x';\n")
        writer.stdin.flush()
        for _ in range(100):
            if os.path.exists(db + "-journal") and os.path.getsize(db + "-journal") > 512:
                break
            time.sleep(0.05)
        writer.kill()
        writer.wait()
        writer.stdin.close()
        shown = run("show", "--db", db)
        self.assertExit(shown, 2)
        self.assertIn("Journal", shown.stderr)
        self.assertNotIn("schreibgeschützt", shown.stderr)
        # The next import rolls the journal back and stores.
        self.assertExit(run("import", SEED, "--db", db, "--plan", "neu"), 0)
        self.assertFalse(os.path.exists(db + "-journal"))
        self.assertEqual(scalar(db, "SELECT count(*) FROM responsibility"), str(2 * stored))

    def test_a_failure_while_staging_names_the_database_not_its_temporary(self):
        # A file size limit (with SIGXFSZ ignored, writes fail with EFBIG) stands in for a full disk.
        rows = "".join(f"| Schwerpunkt {i} {'x' * 100} | Dezernat V/ Jugendamt |\n" for i in range(3000))
        doc = self.write("gross.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n" + rows)

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

        result = subprocess.run([EDUPLAN, "import", doc, "--db", "neu.db"], capture_output=True, text=True,
                                cwd=self.dir, preexec_fn=limit, restore_signals=False, timeout=120)
        self.assertExit(result, 2)
        self.assertIn("eduplan import: neu.db: ", result.stderr)
        self.assertNotIn(".tmp-", result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["gross.md"])

    def test_a_fifo_as_database_is_refused_at_once(self):
        # The check whether an existing database can be written while the document is read must
        # not read from a FIFO (it would block until a writer came).
        fifo = self.path("fifo.db")
        os.mkfifo(fifo)
        result = subprocess.run([EDUPLAN, "import", SEED, "--db", fifo], capture_output=True, text=True,
                                timeout=20)
        self.assertExit(result, 2)
        self.assertIn("keine gewöhnliche Datei", result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["fifo.db"])

if __name__ == "__main__":
    unittest.main()
