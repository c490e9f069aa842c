"""eduplan validate: text and JSON findings, --strict, exit codes."""
import json
import unittest

from support import SEED, UNITS, TempDirTest, run


class ValidateSeed(TempDirTest):
    def test_json_without_directory_names_the_irregularities(self):
        result = run("validate", SEED, "--format", "json")
        self.assertExit(result, 0)
        findings = json.loads(result.stdout)
        for f in findings:
            self.assertEqual(set(f), {"rule", "severity", "message", "line", "subject"})
            self.assertIn(f["severity"], {"error", "warning", "info"})
        got = {(f["rule"], f["subject"]) for f in findings}
        for expected in [
            ("unit-multiple-divisions", "Museum für Naturkunde"),
            ("unit-multiple-divisions", "Schulumweltzentrum"),
            ("unit-near-duplicate", "Bibliothek | Stadtbibliothek"),
            ("unit-near-duplicate", "FB 01 | FB01"),
            ("unit-near-duplicate", "Fachbereich Schule und Sport | FB Schule und Sport"),
            ("unit-near-duplicate", "Stabsstelle Bildung und Wissenschaft | Stabsstelle Bildung- und Wissenschaft"),
            ("unit-division-inferred", "Stabsstelle Bildung und Wissenschaft"),
        ]:
            self.assertIn(expected, got)
        self.assertEqual(findings, sorted(findings, key=lambda f: f["line"]))

    def test_directory_resolves_the_variants(self):
        findings = json.loads(run("validate", SEED, "--units", UNITS, "--format", "json").stdout)
        self.assertNotIn("unit-near-duplicate", {f["rule"] for f in findings})
        mismatch = [f for f in findings if f["rule"] == "unit-division-mismatch"]
        self.assertEqual({f["line"] for f in mismatch}, {110})

    def test_text_format_names_file_and_line(self):
        result = run("validate", SEED)
        self.assertIn(f"{SEED}:110: Warnung:", result.stdout)
        self.assertIn("[unit-multiple-divisions]", result.stdout)

    def test_strict_fails_on_warnings(self):
        self.assertExit(run("validate", SEED, "--strict"), 1)
        clean = run("validate", self.write("clean.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n"
                                           "|--|--|\n| S | Dezernat V/ Jugendamt |\n\n| Ableitungen: | Z |\n"), "--strict")
        self.assertExit(clean, 0)

    def test_errors_exit_1_and_json_still_parses(self):
        bad = self.write("bad.md", "# nur Titel\n")
        result = run("validate", bad, "--format", "json")
        self.assertExit(result, 1)
        self.assertEqual(json.loads(result.stdout)[0]["rule"], "document-no-field")

    def test_bad_format_is_a_usage_error(self):
        self.assertExit(run("validate", SEED, "--format", "xml"), 2)


if __name__ == "__main__":
    unittest.main()
