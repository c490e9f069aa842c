"""Closed world: every unit of the example's directory, typed with one or two letters wrong in the
example document, is reported (unit-not-in-directory) with the right unit as the first suggestion —
also a name with commas ("Amt für Statistik, Wahlen, Digitalisierung", which must not fall apart into
pieces) and a unit inside a compound "A und B" (suggested part by part)."""
import csv
import json
import random
import re
import unittest

from support import SEED, UNITS, TempDirTest, run


def typo(name, rng):
    """One typed letter wrong: one too few, one too many, a wrong one, two swapped (not at the
    ends, not a comma or a space)."""
    while True:
        i = 1 + rng.randrange(len(name) - 2)
        if name[i] in ", " or name[i + 1] in ", ":
            continue
        kind = rng.randrange(4)
        if kind == 0:
            return name[:i] + name[i + 1:]
        if kind == 1:
            return name[:i] + "e" + name[i:]
        if kind == 2:
            return name[:i] + ("y" if name[i] == "x" else "x") + name[i + 1:]
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]


class TypoSuggestions(TempDirTest):
    @staticmethod
    def seed():
        with open(SEED, encoding="utf-8") as f:
            return f.read()

    def first_suggestion(self, doc, written):
        result = run("validate", doc, "--units", UNITS, "--format", "json")
        findings = [f for f in json.loads(result.stdout)["findings"]
                    if f["rule"] == "unit-not-in-directory" and written in f["subject"]]
        self.assertEqual(len(findings), 1, (written, [f["message"] for f in findings]))
        message = findings[0]["message"]
        self.assertIn("meinten Sie ", message)
        return message.split("meinten Sie ", 1)[1].split(" oder ")[0].rstrip("?")

    def test_every_unit_of_the_example_typed_wrong(self):
        seed = self.seed()
        with open(UNITS, encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        names = {r[0] for r in rows}
        divisions = {r[1] for r in rows} | {r[0] for r in rows if not r[1]}
        rng = random.Random(7)
        checked = 0
        for name in sorted(names - divisions):
            pattern = r"(?<![\w])" + re.escape(name) + r"(?![\w])"
            if len(name) < 6 or not re.search(pattern, seed):
                continue
            for distance in (1, 2):
                written = name
                for _ in range(distance):
                    written = typo(written, rng)
                if written in names:
                    continue
                with self.subTest(name=name, written=written):
                    doc = self.write("typo.md", re.sub(pattern, lambda m: written, seed, count=1))
                    self.assertIn(f"„{name}“", self.first_suggestion(doc, written))
                    checked += 1
        self.assertGreater(checked, 40)

    def test_a_name_with_commas_stays_one_name(self):
        seed = self.seed()
        doc = self.write("typo.md", seed.replace("Statistik, Wahlen,", "Statistik, Wxhlen,", 1))
        self.assertEqual(self.first_suggestion(doc, "Amt für Statistik, Wxhlen, Digitalisierung"),
                         "„Amt für Statistik, Wahlen, Digitalisierung“")

    def test_a_compound_is_suggested_part_by_part(self):
        seed = self.seed()
        doc = self.write("typo.md", seed.replace("Kulturhistorisches Museum und", "Kulturhistorisches Muesum und", 1))
        self.assertEqual(self.first_suggestion(doc, "Kulturhistorisches Muesum"),
                         "„Kulturhistorisches Museum“ und „Museum für Naturkunde“")

    def test_a_division_typed_wrong_is_suggested_with_its_number(self):
        seed = self.seed()
        doc = self.write("typo.md", seed.replace("Dezernat VI/", "Dezrnat VI/", 1))
        for units in ([], ["--units", UNITS]):
            with self.subTest(units=bool(units)):
                result = run("validate", doc, *units, "--format", "json")
                assumed = [f["message"] for f in json.loads(result.stdout)["findings"]
                           if f["rule"] == "division-assumed"]
                # With the directory its division; without, the document names no "Dezernat VI"
                # elsewhere, and "Dezernat IV" (another number) is no suggestion.
                self.assertEqual(len(assumed), 1, assumed)
                if units:
                    self.assertIn("meinten Sie „Dezernat VI“?", assumed[0])
                else:
                    self.assertNotIn("meinten Sie", assumed[0])


if __name__ == "__main__":
    unittest.main()
