"""Hostile and careless input: clear messages with file and line, exit 1 or 2, nothing changed."""
import json
import os
import random
import subprocess
import unittest

from support import SEED, UNITS, TempDirTest, digest, query, run, scalar

TABLE_HEAD = "| Handlungsschwerpunkt | Verwaltungsbereich |\n|---|---|\n"


class BrokenDocuments(TempDirTest):
    """Each broken document is rejected; an existing database stays byte-identical."""

    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", self.db, "--units", UNITS), 0)
        self.before = digest(self.db)

    def rejected(self, name, content, code, expect_in_output):
        path = self.write(name, content)
        result = run("import", path, "--db", self.db, "--plan", "bildungskonzept")
        self.assertExit(result, code)
        self.assertIn(expect_in_output.format(path=path), result.stdout + result.stderr)
        self.assertEqual(digest(self.db), self.before, "database changed")

    def test_bytes_that_are_no_text(self):
        self.rejected("binary.md", ("## Handlungsfeld A\n" + TABLE_HEAD).encode() + b"| Gr\x81\x8de | Dezernat V/ Amt |\n",
                      1, "{path}:4: Fehler: kein gültiges UTF-8 an Byte-Offset 79")

    def test_windows_1252_is_converted_and_said(self):
        path = self.write("ansi.md", ("## Handlungsfeld A\n" + TABLE_HEAD).encode() + b"| Gr\xfc\xdfe | Dezernat V/ Amt |\n")
        result = run("import", path, "--db", self.db, "--plan", "ansi")
        self.assertExit(result, 0)
        self.assertIn(f"{path}:1: Warnung: Datei ist in Windows-1252 gespeichert", result.stdout)
        self.assertEqual(scalar(self.db, "SELECT fa.text FROM focus_area fa JOIN field f ON f.id = fa.field_id "
                                         "JOIN plan p ON p.id = f.plan_id WHERE p.name = 'ansi'"), "Grüße")

    def test_nul_byte(self):
        self.rejected("nul.md", b"## Handlungsfeld A\nText\x00mehr\n", 1, "{path}:2: Fehler: NUL-Byte")

    def test_row_with_three_cells(self):
        self.rejected("cells.md", "## Handlungsfeld A\n" + TABLE_HEAD + "| a | b | c |\n", 1,
                      "{path}:4: Fehler: Tabellenzeile hat 3 Zellen")

    def test_binary_garbage(self):
        rng = random.Random(7)
        self.rejected("garbage.bin", bytes(rng.randrange(256) for _ in range(4096)), 1, "{path}:")

    def test_empty_file(self):
        self.rejected("empty.md", b"", 1, "{path}:1: Fehler: Dokument enthält kein Handlungsfeld")

    def test_table_before_first_field_is_a_warning_not_a_rejection(self):
        path = self.write("before.md", "| Kapitel | Seite |\n|---|---|\n| Handlungsfeld A | 3 |\n\n"
                                       "## Handlungsfeld A\n" + TABLE_HEAD + "| S | Dezernat V/ Jugendamt |\n")
        result = run("import", path, "--db", self.db, "--plan", "mit Inhaltsverzeichnis")
        self.assertExit(result, 0)
        self.assertIn(f"{path}:1: Warnung: Tabelle vor dem ersten Handlungsfeld", result.stdout)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM field f JOIN plan p ON p.id = f.plan_id "
                                         "WHERE p.name = 'mit Inhaltsverzeichnis'"), "1")

    def test_missing_file(self):
        result = run("import", self.path("fehlt.md"), "--db", self.db)
        self.assertExit(result, 2)
        self.assertIn("fehlt.md", result.stderr)
        self.assertEqual(digest(self.db), self.before)

    def test_directory_instead_of_file(self):
        result = run("import", self.dir, "--db", self.db)
        self.assertExit(result, 2)
        self.assertIn("Verzeichnis", result.stderr)

    def test_broken_units_directory(self):
        csv = self.write("units.csv", "unit,division,aliases\nA,D,\n\"offen,D,\n")
        result = run("import", SEED, "--db", self.db, "--units", csv)
        self.assertExit(result, 1)
        self.assertIn(f"{csv}:3: Fehler:", result.stderr)
        self.assertEqual(digest(self.db), self.before)

    def test_missing_units_directory(self):
        self.assertExit(run("import", SEED, "--db", self.db, "--units", self.path("none.csv")), 2)

    def test_database_that_is_not_one(self):
        fake = self.write("fake.db", "Dies ist keine Datenbank, sondern Text." * 10)
        result = run("import", SEED, "--db", fake)
        self.assertExit(result, 2)
        self.assertIn("fake.db", result.stderr)
        self.assertEqual(open(fake).read(), "Dies ist keine Datenbank, sondern Text." * 10)

    def test_database_in_missing_directory(self):
        result = run("import", SEED, "--db", self.path("no/such/dir/plan.db"))
        self.assertExit(result, 2)
        self.assertIn("plan.db", result.stderr)


class NotOrdinaryFiles(TempDirTest):
    """Devices, FIFOs and oversized files are refused at once: no hang, no unbounded memory."""

    def assertRefused(self, args, expect):
        # A hang or a read without end would run into the timeout (support.run: 120 s).
        result = run(*args)
        self.assertExit(result, 2)
        self.assertIn(expect, result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_devices_as_document_and_units_directory(self):
        self.assertRefused(["validate", "/dev/zero"], "/dev/zero: ist ein Gerät")
        self.assertRefused(["import", "/dev/zero", "--db", self.path("a.db")], "/dev/zero: ist ein Gerät")
        self.assertRefused(["validate", SEED, "--units", "/dev/zero"], "/dev/zero: ist ein Gerät")
        self.assertFalse(os.path.exists(self.path("a.db")))

    def test_fifo_without_a_writer_does_not_block(self):
        fifo = self.path("pipe.md")
        os.mkfifo(fifo)
        self.assertRefused(["validate", fifo], "ist eine Pipe (FIFO)")
        self.assertRefused(["validate", SEED, "--units", fifo], "ist eine Pipe (FIFO)")

    def test_text_larger_than_64_mib(self):
        big = self.path("big.md")
        with open(big, "wb") as f:
            f.truncate((64 << 20) + 1)  # sparse: no disk space needed
        self.assertRefused(["validate", big], "größer als 64 MiB")
        self.assertRefused(["validate", SEED, "--units", big], "größer als 64 MiB")
        result = run("--lang", "en", "validate", big)
        self.assertIn("larger than 64 MiB", result.stderr)

    def test_export_config_that_is_a_device(self):
        self.assertRefused(["export", "--config", "/dev/zero"], "/dev/zero")


class ValidateAndImportAgree(TempDirTest):
    """What validate rejects, import rejects the same way; the database never sees a contradiction."""

    DOC = TABLE_HEAD.join(["## Handlungsfeld A\n", "| S1 | Amt A |\n| S2 | Amt B |\n| S3 | Amt B/ Amt C |\n"])

    def agree(self, document, expect, units=None):
        extra = ["--units", units] if units else []
        validated = run("validate", document, *extra)
        db = self.path("plan.db")
        imported = run("import", document, "--db", db, *extra)
        for result in (validated, imported):
            self.assertExit(result, 1)
            output = result.stdout + result.stderr
            self.assertIn(expect, output)
            self.assertNotIn("constraint", output.lower())
        self.assertFalse(os.path.exists(db))

    def test_units_directory_with_a_cycle_or_a_self_reference(self):
        doc = self.write("plan.md", self.DOC)
        cycle = self.write("cycle.csv", "unit,division,aliases\nAmt A,Amt B,\nAmt B,Amt A,\n")
        self.agree(doc, f"{cycle}:2: Fehler: Dezernat „Amt B“ von „Amt A“ ist in Zeile 3 selbst eine Einheit", cycle)
        itself = self.write("self.csv", "unit,division,aliases\nAmt A,Amt A,\n")
        self.agree(doc, f"{itself}:2: Fehler: „Amt A“ ist als sein eigenes Dezernat eingetragen", itself)
        nested = self.write("nested.csv", "unit,division,aliases\nAmt B,Dezernat V,\nAmt C,Amt B,\n")
        self.agree(doc, f"{nested}:3: Fehler:", nested)
        named = self.write("named.csv", "unit,division,aliases\nDezernat IV,Dezernat I,\n")
        self.agree(doc, f"{named}:2: Fehler: „Dezernat IV“ ist ein Dezernat", named)

    def test_a_unit_of_the_directory_written_as_a_division(self):
        doc = self.write("plan.md", "## Handlungsfeld A\n" + TABLE_HEAD +
                         "| S1 | Jugendamt/ Kita-Fachberatung |\n| S2 | Dezernat V/ Jugendamt |\n")
        units = self.write("units.csv", "unit,division,aliases\nJugendamt,Dezernat V,\n")
        self.agree(doc, f"{doc}:5: Fehler: „Jugendamt“ steht in Zeile 4 als Dezernat und in Zeile 5 als Einheit", units)

    def test_flat_table_unit_named_like_its_division(self):
        csv = self.write("plan.csv", "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
                                     "Zuständigkeit;1;F;1;S;Dezernat IV;Dezernat IV;\n")
        self.agree(csv, f"{csv}:2: Fehler: Einheit „Dezernat IV“ heißt wie ihr Dezernat")


class TerminalSafety(TempDirTest):
    """Control characters from documents, names and databases never reach the terminal raw: text
    output shows them as \\u001B (a JSON escape too), JSON output stays valid with the original text."""

    CONTROLS = ("\x1b", "\x07", "\x9b", "\x7f", "\r")

    def assertSafe(self, result):
        for stream in (result.stdout, result.stderr):
            for c in self.CONTROLS:
                self.assertNotIn(c, stream, repr(stream))

    def test_validate_import_show_plans_and_errors(self):
        doc = self.write("esc.md", "# Plan \x1b[31mROT\n\n## Handlungsfeld \x1b]0;Titel\x07X\u009bY\n\n"
                         "| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| S\x1b[2J | Dezernat V/ Amt\x7f\x1b[1m |\n")
        validated = run("validate", doc)
        self.assertExit(validated, 0)
        self.assertSafe(validated)
        # A document's control characters are never text: removed and counted, with the first line.
        self.assertIn(f"{doc}:1: Hinweis: Zeichen vereinheitlicht: 7 Steuerzeichen entfernt [text-canonical]",
                      validated.stdout)
        as_json = run("validate", doc, "--format", "json")
        self.assertSafe(as_json)
        messages = [f["message"] for f in json.loads(as_json.stdout)["findings"]]
        self.assertTrue(any("„]0;TitelXY“" in m for m in messages), messages)
        db = self.path("plan.db")
        # Names are one line of printable text: one with control characters is refused where it
        # enters (it would break the XLSX parts it is written to), and the message stays safe.
        name = "Plan \x1b[31m\u009b"
        refused = run("import", doc, "--db", db, "--plan", name)
        self.assertExit(refused, 2)
        self.assertSafe(refused)
        self.assertIn("Steuerzeichen", refused.stderr)
        self.assertExit(run("import", doc, "--db", db, "--plan", "Plan"), 0)
        for args in (["show", "--db", db, "--plan", name], ["plans", "--db", db],
                     ["show", "--db", db, "--plan", "fehlt\x1b[2J"],
                     ["export", "--db", db, "--plan", "Plan", "--format", "csv", "-o", self.path("x\x1b.csv")]):
            result = run(*args)
            self.assertSafe(result)
            self.assertIn(result.returncode, (0, 2), result.stderr)
        self.assertEqual([p["name"] for p in json.loads(run("plans", "--db", db, "--format", "json").stdout)], ["Plan"])
        renamed = run("plans", "--db", db, "rename", "Plan", "\x1b")
        self.assertExit(renamed, 2)
        self.assertSafe(renamed)
        self.assertIn("Steuerzeichen", renamed.stderr)
        shown = json.loads(run("show", "--db", db, "--format", "json").stdout)
        self.assertEqual(shown["name"], "Plan")
        self.assertEqual(shown["fields"][0]["title"], "]0;TitelXY")
        self.assertIn("Amt[1m", [u["name"] for u in shown["units"]])
        self.assertSafe(run("show", "--db", db, "--format", "json"))


class NamesAreUtf8(TempDirTest):
    """A name or title that is not UTF-8 is refused where it enters; a file name that is not
    becomes valid text (U+FFFD), so that no invalid UTF-8 reaches the database, XLSX or JSON."""

    DOC = "## Handlungsfeld A\n" + TABLE_HEAD + "| S | Dezernat V/ Jugendamt |\n"

    def test_plan_name_and_title_options(self):
        doc = self.write("plan.md", self.DOC)
        db = self.path("plan.db")
        for option in ("--plan", "--title"):
            # "\udcff" is how Python passes the byte 0xFF in an argument.
            result = run("import", doc, "--db", db, option, "Plan \udcff")
            self.assertExit(result, 2)
            self.assertIn("ist kein gültiges UTF-8", result.stderr)
            self.assertFalse(os.path.exists(db))
        self.assertExit(run("validate", doc), 0)

    def test_file_name_that_is_not_utf8(self):
        path = os.path.join(os.fsencode(self.dir), b"B\xfcro.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.DOC)
        db = self.path("plan.db")
        result = subprocess.run([os.fsencode(os.environ["EDUPLAN"]), b"import", path, b"--db", os.fsencode(db)],
                                capture_output=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        listed = json.loads(run("plans", "--db", db, "--format", "json").stdout)
        self.assertEqual([p["name"] for p in listed], ["B\ufffdro"])
        self.assertEqual(query(db, "SELECT source FROM plan")[0][0], self.dir + "/B\ufffdro.md")

    def test_file_names_with_control_characters_or_not_utf8(self):
        # A plan named after its file loses the file name's control characters (it was refused
        # with a message that named no file); JSON about a file whose name is not UTF-8 stays UTF-8.
        doc = self.write("na\x1bme.md", self.DOC)
        db = self.path("plan.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        self.assertEqual(query(db, "SELECT name FROM plan"), [["name"]])
        raw = os.path.join(os.fsencode(self.dir), b"\xffplan.md")
        with open(raw, "wb") as f:
            f.write(self.DOC.encode())
        for target in (raw, os.path.join(os.fsencode(self.dir), b"\xfffehlt.md")):
            result = subprocess.run([os.fsencode(os.environ["EDUPLAN"]), b"validate", target, b"--format", b"json"],
                                    capture_output=True, timeout=120)
            data = json.loads(result.stdout.decode("utf-8"))  # strict: invalid UTF-8 raises
            self.assertTrue(data["file"].endswith("\ufffdplan.md") or data["file"].endswith("\ufffdfehlt.md"))

    def test_control_characters_in_names_titles_and_options_are_refused(self):
        # They used to reach the XLSX parts raw (page header, document properties), which are then
        # not well-formed XML: LibreOffice and Excel refuse the workbook that eduplan said it wrote.
        doc = self.write("plan.md", self.DOC)
        db = self.path("plan.db")
        for args, what in ((["--plan", "ok", "--title", "Tit\x01le\x0b"], "Der Titel des Plans"),
                           (["--plan", "P\x1b[31m\x07"], "Der Name des Plans")):
            refused = run("import", doc, "--db", db, *args)
            self.assertExit(refused, 2)
            self.assertIn(f"{what} enthält ein Steuerzeichen", refused.stderr)
        self.assertEqual(os.listdir(self.dir), ["plan.md"])
        self.assertExit(run("import", doc, "--db", db, "--plan", "ok"), 0)
        target = self.path("r.xlsx")
        for value in ("S\x01", "S\x1b[1m", "\x0b"):  # what XML cannot hold
            refused = run("export", "--db", db, "--format", "xlsx", "-o", target, "--option", f"subtitle={value}")
            self.assertExit(refused, 2)
            self.assertIn("Exporter xlsx: Option subtitle enthält ein Steuerzeichen", refused.stderr)
        self.assertFalse(os.path.exists(target))
        # A tab or line break may be meant (a partner's delimiter option): given, it is passed on.
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", target, "--option", "subtitle=a\tb"), 0)
        renamed = run("plans", "rename", "ok", "neu\x02", "--db", db)
        self.assertExit(renamed, 2)
        self.assertIn("Steuerzeichen", renamed.stderr)
        self.assertEqual(query(db, "SELECT name FROM plan"), [["ok"]])


class ExtremeButValid(TempDirTest):
    def test_ten_megabyte_document(self):
        rows = []
        n = size = 0
        while size < 10 * 1024 * 1024:
            rows.append(f"| Schwerpunkt Nummer {n} mit etwas Text, der eine Zeile füllt | "
                        f"Dezernat {['I', 'II', 'IV', 'V'][n % 4]}/ Amt {n % 500}, Amt {(n * 7) % 500}<br>BOB/ Stabsstelle {n % 20} |\n")
            size += len(rows[-1].encode())
            n += 1
        doc = self.write("big.md", "## Handlungsfeld Groß\n" + TABLE_HEAD + "".join(rows))
        self.assertGreater(os.path.getsize(doc), 10 * 1024 * 1024)
        db = self.path("big.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        self.assertEqual(scalar(db, "SELECT count(*) FROM focus_area"), str(n))
        self.assertEqual(scalar(db, "SELECT max(source_line) FROM focus_area"), str(n + 3))

    def test_one_megabyte_line(self):
        text = "Bildung " * (1024 * 128)
        doc = self.write("longline.md", "## Handlungsfeld A\n" + TABLE_HEAD + f"| {text} | Dezernat V/ Jugendamt |\n")
        db = self.path("long.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        self.assertEqual(scalar(db, "SELECT length(text) FROM focus_area"), str(len(text.strip())))


class Usage(TempDirTest):
    def test_no_arguments_unknown_command_unknown_option(self):
        self.assertExit(run(), 2)
        self.assertExit(run("frobnicate"), 2)
        result = run("import", SEED, "--nope")
        self.assertExit(result, 2)
        self.assertIn("eduplan import: unbekannte Option --nope\nAufruf: eduplan import DOKUMENT", result.stderr)
        missing = run("import")
        self.assertExit(missing, 2)
        self.assertIn("eduplan import: DOKUMENT fehlt", missing.stderr)
        self.assertIn("DOCUMENT is missing", run("--lang", "en", "validate").stderr)
        self.assertIn("zu viele Argumente", run("import", SEED, SEED).stderr)
        self.assertIn("--db braucht einen Wert", run("show", "--db").stderr)
        self.assertIn("ungültiger Wert für --jobs", run("export", "--format", "csv", "--jobs", "viele").stderr)

    def test_help_and_version(self):
        result = run("--help")
        self.assertExit(result, 0)
        for command in ("import", "validate", "show"):
            self.assertIn(command, result.stdout)
        help_text = run("import", "--help")
        self.assertExit(help_text, 0)
        self.assertNotIn("--document", help_text.stdout)  # the positional argument is named in the synopsis
        self.assertIn("--db DATEI", help_text.stdout)
        self.assertNotIn(" arg", help_text.stdout)
        self.assertIn("--db FILE", run("--lang", "en", "import", "--help").stdout)
        self.assertRegex(run("--version").stdout, r"^eduplan \d+\.\d+\.\d+\n$")


if __name__ == "__main__":
    unittest.main()
