"""eduplan plans: list with figures, rename, delete — one plan at a time, never another."""
import json
import os
import unittest

from support import SEED, UNITS, TempDirTest, run, query, scalar

TABLES = {  # table -> SQL giving the plan id of each row
    "field": "SELECT plan_id FROM field",
    "focus_area": "SELECT f.plan_id FROM focus_area fa JOIN field f ON f.id = fa.field_id",
    "responsibility": "SELECT f.plan_id FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
                      "JOIN field f ON f.id = fa.field_id",
    "org_unit": "SELECT plan_id FROM org_unit",
    "objective": "SELECT plan_id FROM objective",
    "field_objective": "SELECT f.plan_id FROM field_objective fo JOIN field f ON f.id = fo.field_id",
    "finding": "SELECT plan_id FROM finding",
}


class Plans(TempDirTest):
    def setUp(self):
        super().setUp()
        self.db = self.path("p.db")
        for name in ("Konzept 2025", "Entwurf"):
            self.assertExit(run("import", SEED, "--units", UNITS, "--db", self.db, "--plan", name), 0)
        small = self.write("small.md", "# Kleiner Plan\n## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n"
                                       "|--|--|\n| S | Dezernat V/ Jugendamt |\n\n| Ableitungen: | Z |\n")
        self.assertExit(run("import", small, "--db", self.db), 0)

    def rows_per_plan(self):
        out = {}
        for table, sql in TABLES.items():
            for (plan_id, count) in query(self.db, f"SELECT plan_id, count(*) FROM ({sql}) GROUP BY plan_id"):
                out[(table, plan_id)] = int(count)
        return out

    def test_list_shows_figures_and_import_date(self):
        result = run("plans", "--db", self.db)
        self.assertExit(result, 0)
        lines = result.stdout.splitlines()
        row = next(l for l in lines if l.startswith("Konzept 2025"))
        self.assertEqual(row.split()[2:5], ["6", "55", "135"])  # fields, focus areas, responsibilities
        data = json.loads(run("plans", "list", "--db", self.db, "--format", "json").stdout)
        self.assertEqual([p["name"] for p in data], ["Entwurf", "Kleiner Plan", "Konzept 2025"])
        seed = data[2]
        self.assertEqual((seed["fields"], seed["focus_areas"], seed["responsibilities"], seed["objectives"]),
                         (6, 55, 135, 14))
        self.assertEqual(data[1]["title"], "Kleiner Plan")
        self.assertRegex(seed["imported_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

    def test_rename(self):
        before = self.rows_per_plan()
        self.assertExit(run("plans", "rename", "Entwurf", "Konzept 2026", "--db", self.db), 0)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM plan WHERE name = 'Konzept 2026'"), "1")
        self.assertEqual(self.rows_per_plan(), before)
        show = run("show", "--db", self.db, "--plan", "Konzept 2026")
        self.assertExit(show, 0)
        self.assertIn("Plan: Konzept 2026", show.stdout)
        taken = run("plans", "rename", "Konzept 2026", "Konzept 2025", "--db", self.db)
        self.assertExit(taken, 2)
        self.assertIn("gibt schon einen Plan „Konzept 2025“", taken.stderr)
        missing = run("plans", "rename", "Gibt es nicht", "X", "--db", self.db)
        self.assertExit(missing, 2)
        self.assertIn("keinen Plan „Gibt es nicht“", missing.stderr)
        self.assertExit(run("plans", "rename", "Entwurf", "--db", self.db), 2)  # one name only
        self.assertExit(run("plans", "rename", "Konzept 2026", "", "--db", self.db), 2)

    def test_delete_removes_one_plan_and_nothing_else(self):
        before = self.rows_per_plan()
        victim = scalar(self.db, "SELECT id FROM plan WHERE name = 'Entwurf'")
        result = run("plans", "delete", "Entwurf", "--db", self.db)
        self.assertExit(result, 0)
        self.assertIn("Plan „Entwurf“ gelöscht", result.stdout)
        after = self.rows_per_plan()
        self.assertEqual(after, {k: v for k, v in before.items() if k[1] != victim})
        self.assertTrue(any(k[1] == victim for k in before))
        self.assertEqual(query(self.db, "PRAGMA foreign_key_check"), [])
        again = run("plans", "delete", "Entwurf", "--db", self.db)
        self.assertExit(again, 2)

    def test_an_empty_or_padded_plan_name_is_refused(self):
        db = self.path("leer.db")
        self.assertEqual(run("import", SEED, "--units", UNITS, "--db", db).returncode, 0)
        before = query(db, "SELECT name, imported_at FROM plan")
        for command in (["import", SEED, "--units", UNITS, "--db", db],
                        ["status", "show", "--db", db], ["export", "--db", db, "-f", "csv", "-o", self.path("x.csv")]):
            for name in ("", "  "):
                r = run(*command, "--plan", name)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("--plan: leerer Name", r.stderr)
        for name in ("bildungskonzept ", " bildungskonzept"):
            r = run("import", SEED, "--units", UNITS, "--db", db, "--plan", name)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("darf nicht mit einem Leerzeichen beginnen oder enden", r.stderr)
            r = run("plans", "rename", "bildungskonzept", name, "--db", db)
            self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(query(db, "SELECT name, imported_at FROM plan"), before)
        self.assertFalse(os.path.exists(self.path("x.csv")))

    def test_usage_errors(self):
        self.assertExit(run("plans", "shred", "--db", self.db), 2)
        self.assertExit(run("plans", "--db", self.path("none.db")), 2)
        self.assertFalse(os.path.exists(self.path("none.db")))

    def test_english(self):
        result = run("--lang", "en", "plans", "delete", "Entwurf", "--db", self.db)
        self.assertIn('plan "Entwurf" deleted', result.stdout)


if __name__ == "__main__":
    unittest.main()
