"""The reader never stores a different plan silently: each realistic variant of the example stores the
identical plan, or its findings explain the difference (rules the example does not have). Variants the
reader is meant to undo must store the identical plan. Prints how many of each kind there were."""
import json
import os
import unittest

from support import SEED, UNITS, TempDirTest, query, run
from variants import variants

PLAN = [
    "SELECT position, title FROM field ORDER BY position",
    "SELECT f.position, fa.position, fa.text FROM focus_area fa JOIN field f ON f.id = fa.field_id ORDER BY 1, 2",
    "SELECT f.position, fa.position, r.position, u.name, u.is_division, coalesce(d.name, '') FROM responsibility r "
    "JOIN focus_area fa ON fa.id = r.focus_area_id JOIN field f ON f.id = fa.field_id "
    "JOIN org_unit u ON u.id = r.org_unit_id LEFT JOIN org_unit d ON d.id = u.parent_id ORDER BY 1, 2, 3",
    "SELECT f.position, fo.position, o.text FROM field_objective fo JOIN field f ON f.id = fo.field_id "
    "JOIN objective o ON o.id = fo.objective_id ORDER BY 1, 2",
    "SELECT count(*) FROM focus_area_attribute",
]


class Variants(TempDirTest):
    def rules_of(self, path):
        result = run("validate", path, "--units", UNITS, "--format", "json")
        return {f["rule"] for f in json.loads(result.stdout)["findings"]}

    def stored(self, path, name):
        db = self.path(name + ".db")
        result = run("import", path, "--units", UNITS, "--db", db, "--plan", "P")
        if result.returncode != 0:
            return None
        return [query(db, sql) for sql in PLAN]

    def test_identical_or_explained(self):
        reference = self.stored(SEED, "reference")
        reference_rules = self.rules_of(SEED)
        with open(SEED, encoding="utf-8") as f:
            seed = f.read()
        tally = {"identical": [], "explained": [], "rejected": [], "silent": []}
        for name, file_name, content, expectation in variants(seed):
            path = self.write(file_name, content)
            plan = self.stored(path, name)
            new_rules = self.rules_of(path) - reference_rules
            if plan == reference:
                tally["identical"].append(name)
            elif plan is None:
                tally["rejected"].append(name)
            elif new_rules:
                tally["explained"].append(f"{name} ({', '.join(sorted(new_rules))})")
            else:
                tally["silent"].append(name)
            with self.subTest(name):
                if expectation == "identical":
                    self.assertEqual(plan, reference, f"{name}: not the example's plan")
        print(f"\n{len(variants(seed))} variants: " + ", ".join(f"{k} {len(v)}" for k, v in tally.items()))
        for kind in ("explained", "rejected", "silent"):
            for entry in tally[kind]:
                print(f"  {kind}: {entry}")
        self.assertEqual(tally["silent"], [], "a variant stored a different plan without a finding")


if __name__ == "__main__":
    unittest.main()
