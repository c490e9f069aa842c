"""Output files: a killed export's temporary file is removed by the next run, a report keeps the
permissions of the file it replaces, new reports follow the umask, and `-o -` writes to standard
output."""
import csv
import io
import os
import shutil
import signal
import stat
import subprocess
import time
import unittest
import zipfile

from support import EDUPLAN, MODULES, PlanDbTest, query, run


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class OutputFiles(PlanDbTest):
    def export_with_umask(self, mask, *args):
        return subprocess.run([EDUPLAN, "export", "--db", self.db, *args], capture_output=True, text=True,
                              timeout=120, preexec_fn=lambda: os.umask(mask))

    def test_a_killed_export_leaves_a_temporary_that_the_next_run_removes(self):
        out = self.path("berichte")
        os.mkdir(out)
        killed = subprocess.Popen([EDUPLAN, "export", "--db", self.db, "--plugin-dir", MODULES, "--format",
                                   "sleeps", "-o", os.path.join(out, "bericht.txt")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        temporaries = []
        while time.monotonic() < deadline and not temporaries:
            temporaries = [n for n in os.listdir(out) if n.startswith(".bericht.txt.tmp-")]
            time.sleep(0.05)
        self.assertEqual(len(temporaries), 1, os.listdir(out))
        temporary = os.path.join(out, temporaries[0])
        while time.monotonic() < deadline and os.path.getsize(temporary) == 0:
            time.sleep(0.05)
        self.assertEqual(mode(temporary), 0o600)  # private while it is written
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=60)
        self.assertEqual(os.listdir(out), temporaries)  # left behind, with half a report
        # Not ours: a file that only looks like a temporary.
        lookalike = os.path.join(out, ".bericht.txt.tmp-entwurf")
        with open(lookalike, "w") as f:
            f.write("Notizen")
        result = self.export("csv", os.path.join(out, "plan.csv"))
        self.assertExit(result, 0)
        self.assertEqual(sorted(os.listdir(out)), [".bericht.txt.tmp-entwurf", "plan.csv"])

    def test_a_private_report_stays_private(self):
        for fmt, name in (("csv", "plan.csv"), ("xlsx", "plan.xlsx"), ("dot", "plan.dot")):
            target = self.path(name)
            with open(target, "w") as f:
                f.write("vertraulich")
            os.chmod(target, 0o600)
            self.assertExit(self.export(fmt, target), 0)
            self.assertEqual(mode(target), 0o600, fmt)
            self.assertGreater(os.path.getsize(target), len("vertraulich"))
            os.chmod(target, 0o640)
            self.assertExit(self.export(fmt, target), 0)
            self.assertEqual(mode(target), 0o640, fmt)

    def test_new_reports_follow_the_umask(self):
        for mask, expected in ((0o022, 0o644), (0o027, 0o640), (0o077, 0o600)):
            target = self.path(f"plan-{mask:o}.xlsx")
            result = self.export_with_umask(mask, "--format", "xlsx", "-o", target)
            self.assertExit(result, 0)
            self.assertEqual(mode(target), expected, oct(mask))
        out = self.path("steckbriefe")
        self.assertExit(self.export_with_umask(0o077, "--format", "csv", "--per", "division", "--output-dir", out), 0)
        self.assertGreater(len(os.listdir(out)), 3)
        for name in os.listdir(out):
            self.assertEqual(mode(os.path.join(out, name)), 0o600, name)


class StandardOutput(PlanDbTest):
    """`-o -` as other command-line tools understand it: the report on stdout, nothing else there,
    no file named "-", nothing left in TMPDIR, and nothing on stdout when the export fails."""

    def setUp(self):
        super().setUp()
        self.tmp = self.path("tmp")
        os.mkdir(self.tmp)
        self.cwd = self.path("cwd")
        os.mkdir(self.cwd)

    def eduplan(self, *args, stdout=subprocess.PIPE):
        return subprocess.run([EDUPLAN, *args], stdout=stdout, stderr=subprocess.PIPE, timeout=120,
                              cwd=self.cwd, env=dict(os.environ, TMPDIR=self.tmp))

    def assertNothingLeft(self):
        self.assertEqual(os.listdir(self.cwd), [])
        self.assertEqual(os.listdir(self.tmp), [])

    def test_csv_and_dot_on_stdout_are_the_files(self):
        for fmt in ("csv", "dot"):
            with self.subTest(fmt=fmt):
                piped = self.eduplan("export", "--db", self.db, "--format", fmt, "-o", "-")
                self.assertEqual(piped.returncode, 0, piped.stderr)
                target = self.path("plan." + fmt)
                self.assertExit(self.export(fmt, target), 0)
                with open(target, "rb") as f:
                    self.assertEqual(piped.stdout, f.read())  # the report and nothing else
                self.assertNothingLeft()

    def test_csv_rows_from_a_pipe(self):
        piped = self.eduplan("export", "--db", self.db, "--format", "csv", "-o", "-")
        rows = list(csv.reader(io.StringIO(piped.stdout.decode("utf-8-sig"), newline=""), delimiter=";"))
        self.assertEqual(rows[0][:3], ["art", "feldnr", "handlungsfeld"])
        self.assertGreater(len(rows), 50)

    def test_a_workbook_on_stdout(self):
        target = self.path("piped.xlsx")
        with open(target, "wb") as f:
            result = self.eduplan("export", "--db", self.db, "--format", "xlsx", "-o", "-", stdout=f)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertExit(self.export("xlsx", self.path("file.xlsx")), 0)
        with zipfile.ZipFile(target) as piped, zipfile.ZipFile(self.path("file.xlsx")) as written:
            self.assertEqual(piped.namelist(), written.namelist())
            for name in piped.namelist():
                if name != "docProps/core.xml":  # holds the time it was written
                    self.assertEqual(piped.read(name), written.read(name), name)
        self.assertNothingLeft()

    def test_a_workbook_is_not_sent_to_a_terminal(self):
        master, slave = os.openpty()
        try:
            result = self.eduplan("export", "--db", self.db, "--format", "xlsx", "-o", "-", stdout=slave)
        finally:
            os.close(slave)
            os.close(master)
        self.assertEqual(result.returncode, 2)
        self.assertIn("binäre Ausgabe nicht ins Terminal", result.stderr.decode())
        self.assertNothingLeft()

    def test_a_failed_export_writes_nothing_to_stdout(self):
        result = self.eduplan("export", "--db", self.db, "--plugin-dir", MODULES, "--format", "fails", "-o", "-")
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(result.stdout, b"")
        self.assertNothingLeft()

    def test_a_full_stdout_is_an_error(self):
        with open("/dev/full", "wb") as full:
            result = self.eduplan("export", "--db", self.db, "--format", "csv", "-o", "-", stdout=full)
        self.assertEqual(result.returncode, 2)
        self.assertIn("Standardausgabe lässt sich nicht schreiben", result.stderr.decode())
        self.assertNothingLeft()

    def test_a_reader_that_stops_early(self):
        # | head on a large report: the pipe closes before the report is through. SIGPIPE used to end
        # eduplan at once, leaving the whole report in TMPDIR.
        for fmt in ("csv", "xlsx"):
            with self.subTest(fmt=fmt):
                read_end, write_end = os.pipe()
                os.close(read_end)
                try:
                    result = self.eduplan("export", "--db", self.db, "--format", fmt, "-o", "-", stdout=write_end)
                finally:
                    os.close(write_end)
                self.assertEqual(result.returncode, 2)
                self.assertIn("die Standardausgabe wurde geschlossen, bevor der Bericht ganz geschrieben war",
                              result.stderr.decode())
                self.assertNothingLeft()

    def test_what_a_killed_run_left_is_removed_by_the_next(self):
        gone = os.path.join(self.tmp, "eduplan-stdout-999999999-aBcDeF")  # no such process
        os.makedirs(os.path.join(gone, "sub"))
        alive = os.path.join(self.tmp, f"eduplan-stdout-{os.getpid()}-aBcDeF")  # this test runs
        os.mkdir(alive)
        other = os.path.join(self.tmp, "eduplan-stdout-notes")  # not one of ours
        os.mkdir(other)
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "-o", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(sorted(os.listdir(self.tmp)), sorted(os.path.basename(p) for p in (alive, other)))

    def test_a_failure_names_standard_output_not_the_temporary_file(self):
        result = self.eduplan("export", "--db", self.db, "--plugin-dir", MODULES, "--format", "fails", "-o", "-")
        self.assertEqual(result.returncode, 2)
        self.assertIn("die Standardausgabe (-o -) unverändert", result.stderr.decode())
        self.assertNotIn(self.tmp, result.stderr.decode())
        self.assertNothingLeft()

    def test_stdout_that_is_a_database_is_refused(self):
        # Opened without emptying it (1<> or >>): whatever a command prints would go into it
        # (diff and status show without -o destroyed the database that way).
        other = self.path("andere.db")
        shutil.copy(self.db, other)
        commands = [["export", "--db", self.db, "--format", "csv", "-o", "-"],
                    ["diff", "--db", self.db, "bildungskonzept", "bildungskonzept"],
                    ["status", "show", "--db", self.db, "--format", "json"], ["show", "--db", self.db],
                    ["rules"]]
        for target in (self.db, other):
            for args in commands:
                for mode in ("r+b", "ab"):
                    with self.subTest(target=os.path.basename(target), args=args[:2], mode=mode):
                        with open(target, mode) as db:
                            result = self.eduplan(*args, stdout=db)
                        self.assertEqual(result.returncode, 2)
                        self.assertIn("die Standardausgabe ist eine SQLite-Datenbank", result.stderr.decode())
                        self.assertEqual(query(target, "PRAGMA integrity_check"), [["ok"]])

    def test_o_and_per_do_not_go_together(self):
        for args, message in ((["-o", "-"], "-o gilt für einen Bericht"), (["-o", "x.csv"], "-o gilt für einen Bericht")):
            result = self.eduplan("export", "--db", self.db, "--format", "csv", "--per", "division",
                                  "--output-dir", "berichte", *args)
            self.assertEqual(result.returncode, 2)
            self.assertIn(message, result.stderr.decode())
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "--per", "division", "--output-dir", "-")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--output-dir -: Berichte je Dezernat, Einheit oder Plan gehen in ein Verzeichnis",
                      result.stderr.decode())
        self.assertNothingLeft()

    def test_no_report_overwrites_the_database(self):
        copy = self.path("kopie.db")
        shutil.copy(self.db, copy)
        out = self.path("steckbriefe")
        os.mkdir(out)
        os.symlink(copy, os.path.join(out, "Dezernat IV.csv"))  # a link where a report goes
        cases = [
            ["export", "--db", copy, "--format", "csv", "--per", "division", "--output-dir", out],
            ["diff", "--db", copy, "bildungskonzept", "bildungskonzept", "-o", copy],
            ["diff", "--db", copy, "bildungskonzept", "bildungskonzept", "--format", "xlsx", "-o",
             os.path.join(out, "Dezernat IV.csv")],
        ]
        for args in cases:
            with self.subTest(args=args[:3]):
                result = self.eduplan(*args)
                self.assertEqual(result.returncode, 2)
                self.assertIn("ist die Datenbank selbst", result.stderr.decode())
        with open(copy, "r+b") as db:
            result = self.eduplan("diff", "--db", copy, "bildungskonzept", "bildungskonzept", "--format", "json",
                                  "-o", "-", stdout=db)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(query(copy, "SELECT count(*) FROM plan"), [["1"]])
        self.assertEqual(query(copy, "PRAGMA integrity_check"), [["ok"]])

    def test_no_report_replaces_a_database_s_log_or_journal(self):
        # The write-ahead log and its index hold committed changes the database file does not
        # have yet; a hot journal undoes a broken transaction. Replacing one loses data.
        import sqlite3
        live = self.path("live.db")
        conn = sqlite3.connect(live)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE t(x)")
            conn.execute("INSERT INTO t VALUES (1)")
            conn.commit()
            journal = self.path("hot.db-journal")
            with open(journal, "wb") as f:  # a rollback journal's header, as SQLite writes it
                f.write(bytes.fromhex("d9d505f920a163d7") + b"\0" * 504)
            for companion in (live + "-wal", live + "-shm", journal):
                with open(companion, "rb") as f:
                    before = f.read()
                for fmt in ("csv", "xlsx"):
                    result = self.eduplan("export", "--db", self.db, "--format", fmt, "-o", companion)
                    self.assertEqual(result.returncode, 2, result.stderr)
                    self.assertIn(f"{companion} gehört zu einer SQLite-Datenbank (Protokoll oder Journal)",
                                  result.stderr.decode())
                with open(companion, "rb") as f:
                    self.assertEqual(f.read(), before)
        finally:
            conn.close()
        self.assertEqual(query(live, "SELECT x FROM t"), [["1"]])

    def test_no_report_replaces_another_database(self):
        # Not the database read (the CLI names that one), but another SQLite file: the library
        # refuses it for every caller, the CLI's single exports and batches alike.
        other = self.path("andere.db")
        shutil.copy(self.db, other)
        with open(other, "rb") as f:
            before = f.read()
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "-o", other)
        self.assertEqual(result.returncode, 2)
        self.assertIn(f"{other} ist eine SQLite-Datenbank; ein Bericht ersetzt keine Datenbank",
                      result.stderr.decode())
        out = self.path("je-dezernat")
        os.mkdir(out)
        os.symlink(other, os.path.join(out, "Dezernat IV.csv"))
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "--per", "division",
                              "--output-dir", out)
        self.assertEqual(result.returncode, 2)  # refused before anything is written
        self.assertIn("Dezernat IV.csv ist eine SQLite-Datenbank", result.stderr.decode())
        self.assertEqual(os.listdir(out), ["Dezernat IV.csv"])
        self.assertTrue(os.path.islink(os.path.join(out, "Dezernat IV.csv")))
        # A CSV batch writes no index: a database named index.csv is no target, and stays.
        csv_only = self.path("nur-csv")
        os.mkdir(csv_only)
        shutil.copy(other, os.path.join(csv_only, "index.csv"))
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "--per", "division",
                              "--output-dir", csv_only)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(query(os.path.join(csv_only, "index.csv"), "PRAGMA integrity_check"), [["ok"]])
        # Standard output opened on another database without truncating it (1<>), and diff.
        with open(other, "r+b") as db:
            result = self.eduplan("export", "--db", self.db, "--format", "csv", "-o", "-", stdout=db)
        self.assertEqual(result.returncode, 2)
        self.assertIn("die Standardausgabe ist eine SQLite-Datenbank", result.stderr.decode())
        for target in (other, os.path.join(out, "Dezernat IV.csv")):
            result = self.eduplan("diff", "--db", self.db, "bildungskonzept", "bildungskonzept", "--format",
                                  "json", "-o", target)
            self.assertEqual(result.returncode, 2)
            self.assertIn("ist eine SQLite-Datenbank", result.stderr.decode())
        # A path through a directory that does not exist is not the database it spells after "..":
        # the kernel would refuse it, and so does eduplan (it used to write over the database).
        around = os.path.join(os.path.dirname(self.db), "fehlt", "..")
        for fmt in ("csv", "xlsx"):
            for target in (os.path.join(around, os.path.basename(self.db)), os.path.join(around, "andere.db")):
                result = self.eduplan("export", "--db", self.db, "--format", fmt, "-o", target)
                self.assertEqual(result.returncode, 2, target)
                self.assertIn("fehlt/.. gibt es nicht", result.stderr.decode())
        result = self.eduplan("diff", "--db", self.db, "bildungskonzept", "bildungskonzept", "--format", "json",
                              "-o", os.path.join(around, os.path.basename(self.db)))
        self.assertEqual(result.returncode, 2)
        # The same for a batch's directory: it made "fehlt" and the directory beside it.
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "--per", "division",
                              "--output-dir", os.path.join(around, "steckbriefe"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("der Pfad führt durch", result.stderr.decode())
        self.assertFalse(os.path.exists(os.path.join(os.path.dirname(self.db), "fehlt")))
        self.assertFalse(os.path.exists(os.path.join(os.path.dirname(self.db), "steckbriefe")))
        self.assertEqual(query(self.db, "PRAGMA integrity_check"), [["ok"]])
        with open(other, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(query(other, "PRAGMA integrity_check"), [["ok"]])

    def test_places_that_are_no_directories(self):
        # A file where a directory should be, a loop of links, a name too long: each says so
        # (they were "das Verzeichnis … gibt es nicht" for a file, and internal errors).
        afile = self.path("eine-datei")
        with open(afile, "w") as f:
            f.write("x")
        result = self.eduplan("export", "--db", self.db, "--format", "csv", "-o", os.path.join(afile, "x.csv"))
        self.assertEqual(result.returncode, 2)
        self.assertIn(f"{afile} ist kein Verzeichnis", result.stderr.decode())
        os.symlink("schleife-b", self.path("schleife-a"))
        os.symlink("schleife-a", self.path("schleife-b"))
        cases = [(self.path("schleife-a"), "zu viele symbolische Links"), (afile, "dort ist eine Datei"),
                 (self.path("B" * 256), "Name zu lang")]
        for out, reason in cases:
            with self.subTest(out=out[-20:]):
                result = self.eduplan("export", "--db", self.db, "--format", "csv", "--per", "division",
                                      "--output-dir", out)
                self.assertEqual(result.returncode, 2)
                self.assertNotIn("interner Fehler", result.stderr.decode())
                self.assertIn("kann nicht angelegt werden", result.stderr.decode())
                self.assertIn(reason, result.stderr.decode())

    def test_a_reader_that_goes_away_is_reported_not_a_signal(self):
        # | head, | (exit): SIGPIPE used to end every command at once (exit 141), a batch with a
        # temporary file left beside its reports.
        out = self.path("berichte")
        for args in (["plans", "--db", self.db], ["show", "--db", self.db], ["rules"],
                     ["export", "--db", self.db, "--format", "csv", "--per", "unit", "--output-dir", out]):
            with self.subTest(args=args[0]):
                read_end, write_end = os.pipe()
                os.close(read_end)
                try:
                    result = self.eduplan(*args, stdout=write_end)
                finally:
                    os.close(write_end)
                self.assertEqual(result.returncode, 2)
                self.assertIn("die Standardausgabe wurde geschlossen", result.stderr.decode())
        self.assertFalse([n for n in os.listdir(out) if ".tmp-" in n])
        self.assertGreater(len(os.listdir(out)), 10)  # the batch went on

    def test_every_command_fails_when_stdout_cannot_be_written(self):
        for args in (["show", "--db", self.db], ["show", "--db", self.db, "--format", "json"], ["rules"],
                     ["plans", "--db", self.db], ["status", "show", "--db", self.db],
                     ["diff", "--db", self.db, "bildungskonzept", "bildungskonzept", "--format", "json", "-o", "-"]):
            with self.subTest(args=args[:3]), open("/dev/full", "wb") as full:
                result = self.eduplan(*args, stdout=full)
                self.assertEqual(result.returncode, 2)
                # The reason, also where the stream no longer knew it ("Schreibfehler" before).
                self.assertIn("Standardausgabe lässt sich nicht schreiben (kein Platz mehr auf dem Datenträger)",
                              result.stderr.decode())

    def test_diff_on_stdout(self):
        text = self.eduplan("diff", "--db", self.db, "bildungskonzept", "bildungskonzept", "-o", "-")
        self.assertEqual(text.returncode, 0, text.stderr)
        plain = self.eduplan("diff", "--db", self.db, "bildungskonzept", "bildungskonzept")
        self.assertEqual(text.stdout, plain.stdout)
        target = self.path("diff.xlsx")
        with open(target, "wb") as f:
            book = self.eduplan("diff", "--db", self.db, "bildungskonzept", "bildungskonzept", "--format",
                                "xlsx", "-o", "-", stdout=f)
        self.assertEqual(book.returncode, 0, book.stderr)
        self.assertTrue(zipfile.is_zipfile(target))
        self.assertNothingLeft()


class TargetsThatAreNoFiles(PlanDbTest):
    """A target that cannot be replaced is written into: renaming the finished report over it
    replaced the device node itself (as root, `-o /dev/null` left a regular file at /dev/null)."""

    def test_a_character_device_stays_a_device(self):
        device = self.path("null")
        try:
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
        except PermissionError:
            self.skipTest("mknod needs root")
        for fmt in ("csv", "xlsx"):
            with self.subTest(fmt=fmt):
                self.assertExit(self.export(fmt, device), 0)
                self.assertTrue(stat.S_ISCHR(os.stat(device).st_mode))
        self.assertEqual(sorted(os.listdir(self.dir)), ["null", "plan.db"])

    def test_a_block_device_is_refused(self):
        device = self.path("disk")
        try:
            os.mknod(device, 0o600 | stat.S_IFBLK, os.makedev(7, 200))  # a loop device that is not set up
        except PermissionError:
            self.skipTest("mknod needs root")
        result = self.export("csv", device)
        self.assertExit(result, 2)
        self.assertIn("ist ein Blockgerät", result.stderr)
        self.assertTrue(stat.S_ISBLK(os.stat(device).st_mode))

    def test_a_fifo_gets_the_report_and_one_without_reader_is_an_error(self):
        fifo = self.path("bericht.fifo")
        os.mkfifo(fifo)
        started = time.monotonic()
        alone = self.export("csv", fifo)
        self.assertExit(alone, 2)
        self.assertIn("niemand liest daraus", alone.stderr)
        self.assertLess(time.monotonic() - started, 30)  # no waiting for a reader
        reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
        result = self.export("csv", fifo)
        received = reader.communicate(timeout=60)[0]
        self.assertExit(result, 0)
        self.assertExit(self.export("csv", self.path("plan.csv")), 0)
        with open(self.path("plan.csv"), "rb") as f:
            self.assertEqual(received, f.read())
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))

    def test_dev_stdout_into_a_pipe_holds_only_the_report(self):
        # A link of our own to what /dev/stdout links to: should eduplan replace the link again, it
        # replaces this one, not the machine's /dev/stdout (tests run as root).
        stdout = self.path("stdout")
        os.symlink("/proc/self/fd/1", stdout)
        piped = subprocess.run([EDUPLAN, "export", "--db", self.db, "--format", "csv", "-o", stdout],
                               capture_output=True, timeout=120)
        self.assertTrue(os.path.islink(stdout))
        self.assertEqual(piped.returncode, 0, piped.stderr)
        self.assertExit(self.export("csv", self.path("plan.csv")), 0)
        with open(self.path("plan.csv"), "rb") as f:
            self.assertEqual(piped.stdout, f.read())  # no "geschrieben" line in it

    def test_own_descriptors_are_written_through_keeping_append(self):
        # `-o /dev/stdout >> log`: the report is appended to the log, as the shell's >> says; it
        # used to replace the log (a rename over the file behind the link).
        stdout = self.path("stdout")
        os.symlink("/proc/self/fd/1", stdout)
        log = self.write("log.txt", "wichtig\n")
        with open(log, "ab") as f:
            result = subprocess.run([EDUPLAN, "export", "--db", self.db, "--format", "csv", "-o", stdout],
                                    stdout=f, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertExit(self.export("csv", self.path("plan.csv")), 0)
        with open(log, "rb") as f, open(self.path("plan.csv"), "rb") as report:
            self.assertEqual(f.read(), b"wichtig\n" + report.read())

    def test_binary_output_through_a_descriptor_is_not_sent_to_a_terminal(self):
        stdout = self.path("stdout")
        os.symlink("/proc/self/fd/1", stdout)
        master, slave = os.openpty()
        try:
            result = subprocess.run([EDUPLAN, "export", "--db", self.db, "--format", "xlsx", "-o", stdout],
                                    stdout=slave, stderr=subprocess.PIPE, timeout=120)
        finally:
            os.close(slave)
            os.close(master)
        self.assertEqual(result.returncode, 2)
        self.assertIn("binäre Ausgabe nicht ins Terminal", result.stderr.decode())

    def test_dangling_links_loops_sockets_and_empty_names(self):
        os.symlink("neu.csv", self.path("zeiger.csv"))
        self.assertExit(self.export("csv", self.path("zeiger.csv")), 0)
        self.assertTrue(os.path.islink(self.path("zeiger.csv")))  # the file is created behind it
        self.assertTrue(os.path.isfile(self.path("neu.csv")))
        os.symlink("b", self.path("a"))
        os.symlink("a", self.path("b"))
        loop = self.export("csv", self.path("a"))
        self.assertExit(loop, 2)
        self.assertIn("zu viele symbolische Links", loop.stderr)
        import socket
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(self.path("sock"))
        try:
            refused = self.export("csv", self.path("sock"))
        finally:
            sock.close()
        self.assertExit(refused, 2)
        self.assertIn("ist ein Socket", refused.stderr)
        for args, shown in ((["export", "--db", self.db, "--format", "csv", "-o", ""], "-o"),
                            (["diff", "--db", self.db, "bildungskonzept", "bildungskonzept", "-o", ""], "-o"),
                            (["export", "--db", self.db, "--format", "csv", "--per", "unit", "--output-dir", ""],
                             "--output-dir"),
                            (["status", "forms", "--db", self.db, "--period", "2026-H1", "--output-dir", ""],
                             "--output-dir")):
            result = run(*args)
            self.assertExit(result, 2)
            self.assertIn(f"{shown}: leerer Name", result.stderr)

    def test_a_link_to_a_report_stays_a_link(self):
        real = self.write("2026.csv", "alt\n")
        link = self.path("aktuell.csv")
        os.symlink("2026.csv", link)
        self.assertExit(self.export("csv", link), 0)
        self.assertTrue(os.path.islink(link))
        with open(real, encoding="utf-8-sig") as f:
            self.assertTrue(f.readline().startswith("art;feldnr;"))


if __name__ == "__main__":
    unittest.main()
