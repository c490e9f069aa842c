"""eduplan show: summaries of stored plans."""
import json
import unittest

from support import SEED, UNITS, TempDirTest, run


class Show(TempDirTest):
    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", self.db, "--units", UNITS), 0)

    def test_text_summary(self):
        result = run("show", "--db", self.db)
        self.assertExit(result, 0)
        self.assertIn("Stabsstelle Bildung und Wissenschaft (BOB)", result.stdout)
        self.assertIn("Dezernat III (als Ganzes)", result.stdout)
        self.assertIn("Befunde: 0 Fehler, 4 Warnungen, 7 Hinweise", result.stdout)

    def test_quiet_lists_no_notes(self):
        loud = run("show", "--db", self.db).stdout
        quiet = run("show", "--db", self.db, "-q")
        self.assertExit(quiet, 0)
        self.assertEqual(loud.count(": Hinweis: "), 7)
        self.assertEqual(quiet.stdout.count(": Hinweis: "), 0)
        self.assertEqual(quiet.stdout.count(": Warnung: "), 4)
        self.assertIn("Befunde: 0 Fehler, 4 Warnungen, 7 Hinweise", quiet.stdout)
        self.assertIn("(7 Hinweise nicht einzeln gezeigt, --quiet; ohne -q alle)", quiet.stdout)
        english = run("--lang", "en", "show", "--db", self.db, "-q")
        self.assertIn("(7 notes not listed, --quiet; all of them without -q)", english.stdout)

    def test_json_summary(self):
        data = json.loads(run("show", "--db", self.db, "--format", "json").stdout)
        self.assertEqual([f["focus_areas"] for f in data["fields"]], [12, 8, 6, 7, 11, 11])
        self.assertEqual(data["responsibilities"], 135)
        self.assertEqual(len(data["units"]), 26)
        self.assertEqual(data["units"][0], {"name": "Stabsstelle Bildung und Wissenschaft", "division": "BOB",
                                            "is_division": False, "focus_areas": 21, "fields": 5})
        self.assertEqual(len(data["findings"]), 11)

    def test_several_plans_need_a_choice(self):
        self.assertExit(run("import", SEED, "--db", self.db, "--plan", "zweiter"), 0)
        result = run("show", "--db", self.db)
        self.assertExit(result, 2)
        self.assertIn("zweiter", result.stderr)
        self.assertExit(run("show", "--db", self.db, "--plan", "zweiter"), 0)
        self.assertExit(run("show", "--db", self.db, "--plan", "fehlt"), 2)

    def test_missing_database_is_not_created(self):
        result = run("show", "--db", self.path("nope.db"))
        self.assertExit(result, 2)
        self.assertIn("nope.db", result.stderr)


if __name__ == "__main__":
    unittest.main()
