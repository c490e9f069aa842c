"""bench/eduplan-gen writes valid documents with the seed's kinds of irregularity."""
import json
import os
import subprocess
import unittest

from support import TempDirTest, run, scalar

GEN = os.environ.get("EDUPLAN_GEN")


@unittest.skipUnless(GEN, "benchmarks not built")
class Generator(TempDirTest):
    def setUp(self):
        super().setUp()
        subprocess.run([GEN, "-n", "3000", "--plans", "3", "-o", self.dir], check=True, capture_output=True)
        self.units = self.path("units.csv")
        self.docs = [self.path(f"plan-000{i}.md") for i in (1, 2, 3)]

    def rules(self, *args):
        result = run("validate", *args, "--format", "json")
        self.assertExit(result, 0)
        return {f["rule"] for f in json.loads(result.stdout)["findings"]}

    def test_irregularities_are_present_and_resolved_by_the_directory(self):
        without = self.rules(self.docs[0])
        for rule in ("unit-near-duplicate", "unit-compound-split", "unit-division-inferred",
                     "unit-multiple-divisions", "objective-shared"):
            self.assertIn(rule, without)
        with_directory = self.rules(self.docs[0], "--units", self.units)
        self.assertNotIn("unit-near-duplicate", with_directory)
        self.assertNotIn("unit-no-division", with_directory)

    def test_many_plans_share_one_database(self):
        db = self.path("land.db")
        for doc in self.docs:
            self.assertExit(run("import", doc, "--db", db, "--units", self.units), 0)
        self.assertEqual(scalar(db, "SELECT count(*) FROM plan"), "3")
        self.assertGreater(int(scalar(db, "SELECT count(*) FROM responsibility")), 8000)


if __name__ == "__main__":
    unittest.main()
