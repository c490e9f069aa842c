"""Inputs that once took time quadratic in their size (issue 9, section B of the hostile pass):
many fields of the same title, very wide grid and simple tables. The sizes are chosen so that a
quadratic reader would need minutes; the test has no timing assertion of its own — ctest's TIMEOUT
for this suite (tests/CMakeLists.txt) is the guard. Each case also checks what is read."""
import json

from support import TempDirTest, run, scalar

TABLE_HEAD = "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"


class ReaderScale(TempDirTest):
    def findings(self, path):
        result = run("validate", path, "--format", "json")
        self.assertIn(result.returncode, (0, 1), result.stderr)
        return json.loads(result.stdout)["findings"]

    def test_many_fields_of_the_same_title(self):
        n = 20000
        doc = self.write("dup.md", "".join(f"## Handlungsfeld MINT\n\n{TABLE_HEAD}| S{k} | Dezernat V/ Jugendamt |\n\n"
                                           for k in range(n)))
        db = self.path("dup.db")
        result = run("import", doc, "--db", db, "--plan", "P")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(scalar(db, "SELECT count(*) FROM field"), str(n))
        self.assertEqual(scalar(db, "SELECT count(DISTINCT key) FROM field"), str(n))
        self.assertEqual(scalar(db, "SELECT count(*) FROM focus_area"), str(n))
        duplicates = [f for f in self.findings(doc) if f["rule"] == "field-duplicate"]
        self.assertEqual(len(duplicates), n - 1)
        self.assertEqual(duplicates[-1]["line"], 6 * (n - 1) + 1)  # six lines per field

    def test_wide_grid_table(self):
        n = 100000
        doc = self.write("grid.md", "## Handlungsfeld MINT\n\n+" + "---+" * n + "\n| S |" + " x |" * (n - 1)
                         + "\n+" + "---+" * n + "\n\nAbleitungen: eins\n")
        guessed = [f for f in self.findings(doc) if f["rule"] == "table-columns-guessed"]
        self.assertEqual(len(guessed), 1)
        self.assertIn(f"{n} Spalten", guessed[0]["message"])
        self.assertEqual(guessed[0]["line"], 3)

    def test_wide_simple_table(self):
        n = 50000
        doc = self.write("simple.md", "## Handlungsfeld MINT\n\n" + " ".join(["Spalte"] * n) + "\n"
                         + " ".join(["------"] * n) + "\n" + " ".join(["wert12"] * n) + "\n\nAbleitungen: eins\n")
        unknown = [f for f in self.findings(doc) if f["rule"] == "table-unknown"]
        self.assertEqual(len(unknown), 1)
        self.assertIn(f"{n} Spalte(n)", unknown[0]["message"])
        self.assertEqual(unknown[0]["line"], 3)
