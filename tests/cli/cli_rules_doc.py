"""Every rule the binary knows is explained in docs/rules.md with its severity."""
import os
import re
import unittest

from support import TempDirTest, run

DOC = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "rules.md")
WORDS = {"error": None, "warning": "Warnung", "info": "Hinweis"}


class RulesDoc(TempDirTest):
    def test_each_rule_has_a_section_with_its_severity(self):
        result = run("rules")
        self.assertExit(result, 0)
        rules = [line.split("\t") for line in result.stdout.splitlines() if "\t" in line]
        self.assertGreaterEqual(len(rules), 24)
        with open(DOC, encoding="utf-8") as f:
            doc = f.read()
        for rule, severity, _ in rules:
            heading = re.search(rf"^### {re.escape(rule)}( \((\w+)\))?$", doc, re.M)
            self.assertIsNotNone(heading, f"{rule} not documented")
            if WORDS[severity]:
                self.assertEqual(heading.group(2), WORDS[severity], rule)


if __name__ == "__main__":
    unittest.main()
