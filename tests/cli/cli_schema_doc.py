"""docs/schema.md documents every table and column of the real database, and its example queries run."""
import os
import re
import subprocess
import unittest

from support import SEED, SQLITE3, UNITS, TempDirTest, query, run

DOC = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "schema.md")


class SchemaDoc(TempDirTest):
    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", self.db, "--units", UNITS), 0)
        with open(DOC, encoding="utf-8") as f:
            self.doc = f.read()

    def section(self, table):
        match = re.search(rf"^### `{table}`.*?(?=^### |^## )", self.doc, re.S | re.M)
        self.assertIsNotNone(match, f"no section for table {table}")
        return match.group(0)

    def test_every_column_is_documented(self):
        tables = [r[0] for r in query(self.db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
        self.assertEqual(len(tables), 11)
        for table in tables:
            section = self.section(table)
            for column in query(self.db, f"PRAGMA table_info({table})"):
                self.assertIn(f"| `{column[1]}` |", section, f"{table}.{column[1]} undocumented")

    def test_example_queries_run(self):
        block = re.search(r"```sql\n(.*?)```", self.doc, re.S).group(1)
        sql = "\n".join(line for line in block.splitlines() if not line.startswith("--"))
        statements = [s.strip() for s in sql.split(";") if s.strip()]
        self.assertEqual(len(statements), 3)
        units = subprocess.run([SQLITE3, self.db, statements[0]], capture_output=True, text=True, check=True).stdout
        self.assertIn("Stadtbibliothek|12", units)
        areas = subprocess.run([SQLITE3, self.db, statements[1]], capture_output=True, text=True, check=True).stdout
        self.assertEqual(len(areas.splitlines()), 7)


if __name__ == "__main__":
    unittest.main()
