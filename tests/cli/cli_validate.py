"""eduplan validate: text and JSON findings, --strict, exit codes; the JSON answers its schema."""
import json
import os
import unittest

import jsonschema

from support import SEED, UNITS, TempDirTest, run

with open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "validate.schema.json"),
          encoding="utf-8") as f:
    SCHEMA = json.load(f)


def validated(result):
    """The JSON printed by `validate --format json`, checked against docs/validate.schema.json."""
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    return data


class ValidateSeed(TempDirTest):
    def test_json_without_directory_names_the_irregularities(self):
        result = run("validate", SEED, "--format", "json")
        self.assertExit(result, 0)
        data = validated(result)
        self.assertEqual(data["file"], SEED)
        self.assertTrue(data["valid"])
        findings = data["findings"]
        self.assertEqual(data["counts"]["warning"], sum(f["severity"] == "warning" for f in findings))
        self.assertEqual(sum(data["counts"].values()), len(findings))
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
        findings = validated(run("validate", SEED, "--units", UNITS, "--format", "json"))["findings"]
        self.assertNotIn("unit-near-duplicate", {f["rule"] for f in findings})
        mismatch = [f for f in findings if f["rule"] == "unit-division-mismatch"]
        self.assertEqual({f["line"] for f in mismatch}, {110})

    def test_text_format_names_file_and_line(self):
        result = run("validate", SEED)
        self.assertIn(f"{SEED}:110: Warnung:", result.stdout)
        self.assertIn("[unit-multiple-divisions]", result.stdout)

    def test_quiet_leaves_out_the_notes_and_keeps_their_count(self):
        loud = run("validate", SEED, "--units", UNITS)
        quiet = run("validate", SEED, "--units", UNITS, "--quiet")
        self.assertExit(quiet, 0)
        self.assertIn(": Hinweis: ", loud.stdout)
        self.assertNotIn(": Hinweis: ", quiet.stdout)
        left_out = "(7 Hinweise nicht einzeln gezeigt, --quiet; ohne -q alle)"
        self.assertEqual([l for l in loud.stdout.splitlines() if ": Hinweis: " not in l],
                         [l for l in quiet.stdout.splitlines() if l != left_out])
        self.assertIn(left_out, quiet.stdout)
        self.assertIn("4 Warnungen, 7 Hinweise", quiet.stdout)
        # JSON is for scripts: it always has every finding.
        self.assertEqual(run("validate", SEED, "--units", UNITS, "--format", "json", "-q").stdout,
                         run("validate", SEED, "--units", UNITS, "--format", "json").stdout)

    def test_strict_fails_on_warnings(self):
        self.assertExit(run("validate", SEED, "--strict"), 1)
        clean = run("validate", self.write("clean.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n"
                                           "|--|--|\n| S | Dezernat V/ Jugendamt |\n\n| Ableitungen: | Z |\n"), "--strict")
        self.assertExit(clean, 0)

    def test_errors_exit_1_and_json_still_parses(self):
        bad = self.write("bad.md", "# nur Titel\n")
        result = run("validate", bad, "--format", "json")
        self.assertExit(result, 1)
        data = validated(result)
        self.assertFalse(data["valid"])
        self.assertEqual(data["counts"]["error"], 1)
        self.assertEqual(data["findings"][0]["rule"], "document-no-field")

    def test_a_broken_units_directory_still_answers_in_json(self):
        units = self.write("units.csv", "unit,division,aliases\nJugendamt,Dezernat V\n")
        result = run("validate", SEED, "--units", units, "--format", "json")
        self.assertExit(result, 1)
        data = validated(result)
        self.assertEqual(data["file"], units)
        self.assertFalse(data["valid"])
        self.assertEqual(data["findings"][0]["rule"], "directory-invalid")
        self.assertEqual(data["findings"][0]["line"], 2)
        self.assertIn(f"{units}:2:", result.stderr)

    def test_a_units_directory_that_cannot_be_read_still_answers_in_json(self):
        os.mkdir(self.path("ordner.csv"))
        for units, why in ((self.path("fehlt.csv"), "cannot be read"), (self.path("ordner.csv"), "is a directory")):
            result = run("--lang", "en", "validate", SEED, "--units", units, "--format", "json")
            self.assertExit(result, 2)
            data = validated(result)
            self.assertEqual((data["file"], data["valid"], data["counts"]["error"]), (units, False, 1))
            self.assertEqual(data["findings"][0]["rule"], "directory-invalid")
            self.assertIn(why, data["findings"][0]["message"])
            self.assertIn(f"{units}: {why}", result.stderr)

    def test_a_document_that_cannot_be_read_still_answers_in_json(self):
        os.mkdir(self.path("ordner.md"))
        for doc, why in ((self.path("fehlt.md"), "cannot be read"), (self.path("ordner.md"), "is a directory")):
            result = run("--lang", "en", "validate", doc, "--format", "json")
            self.assertExit(result, 2)
            data = validated(result)
            self.assertEqual((data["file"], data["valid"], data["counts"]["error"]), (doc, False, 1))
            self.assertEqual(data["findings"][0]["rule"], "document-unreadable")
            self.assertIn(why, data["findings"][0]["message"])
            self.assertIn(f"{doc}: {why}", result.stderr)

    def test_json_stays_alone_on_stdout_when_the_directory_has_warnings(self):
        units = self.write("units.csv", "unit,division,aliases\nJugendamt,Dezernat V,\nStadtbücherei,Dezernat IV,\n"
                           .encode("cp1252"))
        result = run("validate", SEED, "--units", units, "--format", "json")
        self.assertExit(result, 0)
        self.assertTrue(validated(result)["valid"])
        self.assertIn("encoding-converted", result.stderr)
        text = run("validate", SEED, "--units", units)
        self.assertIn("encoding-converted", text.stdout)

    def test_english_messages_and_plural_forms(self):
        one = self.write("one.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n"
                                   "|--|--|\n| S | Dezernat V/ Jugendamt |\n")
        german = run("validate", one)
        self.assertIn("0 Fehler, 1 Warnung, 0 Hinweise", german.stdout)
        self.assertIn("hat keine Ableitungen", german.stdout)
        for english in (run("--lang", "en", "validate", one), run("validate", one, "--lang=en")):
            self.assertIn("0 errors, 1 warning, 0 notes", english.stdout)
            self.assertIn(f"{one}:1: warning: ", english.stdout)
            self.assertIn('field "A" has no objectives', english.stdout)
        env = dict(os.environ, LANGUAGE="en_GB:de")
        import subprocess
        from support import EDUPLAN
        by_env = subprocess.run([EDUPLAN, "validate", one], capture_output=True, text=True, env=env)
        self.assertIn("1 warning", by_env.stdout)
        self.assertExit(run("--lang", "fr", "validate", one), 2)

    def test_bad_format_is_a_usage_error(self):
        self.assertExit(run("validate", SEED, "--format", "xml"), 2)


if __name__ == "__main__":
    unittest.main()
