"""eduplan diff and eduplan status carry, end to end: the seed as plan A, an edited copy
(Fortschreibung) with its own units directory as plan B; JSON, text and XLSX read back; reports
inserted with the sqlite3 shell, carried over and read back with it."""
import json
import os
import unittest

import openpyxl

from support import SEED, UNITS, TempDirTest, query, run, scalar


def replace_once(text, old, new):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def edited_seed():
    """The seed with one change of every kind the comparison reports."""
    with open(SEED, encoding="utf-8") as f:
        b = f.read()
    # Two focus areas reworded slightly; the first also gains a unit (Theater).
    b = replace_once(b, "| Reaktivierung der Kontakte zu Kitas   | Dezernat IV/ Puppentheater   |",
                     "| Reaktivierung der Kontakte zu Kitas und Horten | Dezernat IV/ Puppentheater, Theater |")
    b = replace_once(b, "| Ausdifferenzierte MINT-Angebote vorhalten   |",
                     "| Ausdifferenzierte MINT-Angebote vorhalten und erweitern |")
    # One removed, one added.
    b = replace_once(b, "| Entwicklung eines Jugendmedienzentrums  | Dezernat V/ Jugendamt   |\n", "")
    corona = ('| Außerschulische Bildungsangebote für Familien zu "Aufholen nach Corona"'
              '                                      | Dezernat V/ Stabsstelle Führungsunterstützung, '
              'Integrationskoordination  |\n')
    b = replace_once(b, corona, corona + "| Ferienangebote für Kinder aus einkommensschwachen Familien"
                     " | Dezernat V/ Jugendamt |\n")
    # A unit added to and one removed from focus areas that keep their text.
    b = replace_once(b, "| Umsetzung des Digitalisierungspaktes an Schulen   | Dezernat IV/ FB Schule und Sport  |",
                     "| Umsetzung des Digitalisierungspaktes an Schulen   | Dezernat IV/ FB Schule und Sport"
                     "<br>BOB/ Amt für Statistik, Wahlen, Digitalisierung |")
    b = replace_once(b, "| Stärkung des Ehrenamtes  | Dezernat IV/ Technikmuseum, Stadtarchiv   |",
                     "| Stärkung des Ehrenamtes  | Dezernat IV/ Technikmuseum   |")
    # The Volkshochschule moves to Dezernat III (here and in the units directory).
    b = replace_once(b, "| Dezernat IV/ Volkshochschule  |", "| Dezernat III/ Volkshochschule  |")
    b = replace_once(b, "Stadtarchiv, Puppentheater, Volkshochschule              |",
                     "Stadtarchiv, Puppentheater<br>Dezernat III/ Volkshochschule |")
    # An objective changed.
    b = replace_once(b, "Digitalisierungsprojekte intern und extern entwickeln, begleiten, umsetzen  |",
                     "Digitalisierungsprojekte intern und extern entwickeln, begleiten, umsetzen und evaluieren |")
    with open(UNITS, encoding="utf-8") as f:
        units = replace_once(f.read(), "Volkshochschule,Dezernat IV,VHS", "Volkshochschule,Dezernat III,VHS")
    return b, units


DIGI = "Digitalisierung/ Medienkompetenz"
EXPECTED = {
    "added": [{"field": "Teilhabe", "text": "Ferienangebote für Kinder aus einkommensschwachen Familien"}],
    "removed": [{"field": DIGI, "text": "Entwicklung eines Jugendmedienzentrums"}],
    "reworded": [
        {"field": "Bildungsplanung/ Infrastruktur", "from": "Reaktivierung der Kontakte zu Kitas",
         "to": "Reaktivierung der Kontakte zu Kitas und Horten"},
        {"field": "MINT", "from": "Ausdifferenzierte MINT-Angebote vorhalten",
         "to": "Ausdifferenzierte MINT-Angebote vorhalten und erweitern"},
    ],
    "responsibilities": {
        "added": [
            {"field": "Bildungsplanung/ Infrastruktur",
             "focus_area": "Reaktivierung der Kontakte zu Kitas und Horten", "unit": "Theater"},
            {"field": DIGI, "focus_area": "Umsetzung des Digitalisierungspaktes an Schulen",
             "unit": "Amt für Statistik, Wahlen, Digitalisierung"},
            {"field": "Teilhabe", "focus_area": "Ferienangebote für Kinder aus einkommensschwachen Familien",
             "unit": "Jugendamt"},
        ],
        "removed": [
            {"field": DIGI, "focus_area": "Entwicklung eines Jugendmedienzentrums", "unit": "Jugendamt"},
            {"field": "Demokratiebildung", "focus_area": "Stärkung des Ehrenamtes", "unit": "Stadtarchiv"},
        ],
    },
    "objectives": {
        "added": [{"field": DIGI, "text": "Digitalisierungsprojekte intern und extern entwickeln, "
                                         "begleiten, umsetzen und evaluieren"}],
        "removed": [{"field": DIGI, "text": "Digitalisierungsprojekte intern und extern entwickeln, "
                                           "begleiten, umsetzen"}],
    },
    "moved": [{"unit": "Volkshochschule", "from": "Dezernat IV", "to": "Dezernat III"}],
}


class VersionsTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        self.assertExit(run("import", SEED, "--db", self.db, "--units", UNITS, "--plan", "Konzept 2021"), 0)
        doc, units = edited_seed()
        self.write("fortschreibung.md", doc)
        self.write("gliederung.csv", units)
        self.assertExit(run("import", self.path("fortschreibung.md"), "--db", self.db,
                            "--units", self.path("gliederung.csv"), "--plan", "Konzept 2025"), 0)

    def diff(self, *extra):
        return run("diff", "--db", self.db, "Konzept 2021", "Konzept 2025", *extra)

    def resp_key(self, plan, text, unit):
        rows = query(self.db, "SELECT fa.key || '/' || ou.key FROM focus_area fa "
                              "JOIN field f ON f.id = fa.field_id JOIN plan p ON p.id = f.plan_id "
                              "JOIN responsibility r ON r.focus_area_id = fa.id "
                              "JOIN org_unit ou ON ou.id = r.org_unit_id "
                              f"WHERE p.name = '{plan}' AND fa.text = '{text}' AND ou.name = '{unit}'")
        self.assertEqual(len(rows), 1, (plan, text, unit))
        return rows[0][0]


class DiffTest(VersionsTest):
    def test_json_every_category(self):
        result = self.diff("--format", "json")
        self.assertExit(result, 0)
        self.assertEqual(json.loads(result.stdout), EXPECTED)

    def test_same_plan_twice_is_empty(self):
        result = run("diff", "--db", self.db, "Konzept 2025", "Konzept 2025", "--format", "json")
        self.assertExit(result, 0)
        self.assertEqual(json.loads(result.stdout), {
            "added": [], "removed": [], "reworded": [], "responsibilities": {"added": [], "removed": []},
            "objectives": {"added": [], "removed": []}, "moved": []})
        text = run("diff", "--db", self.db, "Konzept 2025", "Konzept 2025")
        self.assertExit(text, 0)
        self.assertIn("Keine Unterschiede.", text.stdout)

    def test_reverse_turns_everything_over(self):
        result = run("diff", "--db", self.db, "Konzept 2025", "Konzept 2021", "--format", "json")
        self.assertExit(result, 0)
        back = json.loads(result.stdout)
        self.assertEqual(back["added"], EXPECTED["removed"])
        self.assertEqual(back["removed"], EXPECTED["added"])
        self.assertEqual([(r["from"], r["to"]) for r in back["reworded"]],
                         [(r["to"], r["from"]) for r in EXPECTED["reworded"]])
        self.assertEqual(back["moved"], [{"unit": "Volkshochschule", "from": "Dezernat III", "to": "Dezernat IV"}])
        self.assertEqual(back["objectives"], {"added": EXPECTED["objectives"]["removed"],
                                              "removed": EXPECTED["objectives"]["added"]})

    def test_text_german_and_english(self):
        result = self.diff()
        self.assertExit(result, 0)
        out = result.stdout
        self.assertIn("Vergleich: „Konzept 2021“ → „Konzept 2025“", out)
        self.assertIn("Neue Handlungsschwerpunkte (1):\n"
                      "  + [Teilhabe] Ferienangebote für Kinder aus einkommensschwachen Familien\n", out)
        self.assertIn("Entfallene Handlungsschwerpunkte (1):\n"
                      f"  - [{DIGI}] Entwicklung eines Jugendmedienzentrums\n", out)
        self.assertIn("Umformulierte Handlungsschwerpunkte (2):\n"
                      "  ~ [Bildungsplanung/ Infrastruktur] Reaktivierung der Kontakte zu Kitas\n"
                      "    → Reaktivierung der Kontakte zu Kitas und Horten\n", out)
        self.assertIn("Neue Zuständigkeiten (3):\n", out)
        self.assertIn("  - [Demokratiebildung] Stärkung des Ehrenamtes: Stadtarchiv\n", out)
        self.assertIn("Verwaltungsbereiche in einem anderen Dezernat (1):\n"
                      "  Volkshochschule: Dezernat IV → Dezernat III\n", out)
        self.assertIn("Neue Ableitungen (1):", out)
        self.assertIn("Entfallene Ableitungen (1):", out)
        english = self.diff("--lang", "en")
        self.assertExit(english, 0)
        for heading in ("Focus areas added (1):", "Focus areas removed (1):", "Focus areas reworded (2):",
                        "Responsibilities added (3):", "Responsibilities removed (2):",
                        "Units moved between divisions (1):", "Objectives added (1):",
                        "Objectives removed (1):"):
            self.assertIn(heading, english.stdout)

    def test_output_file(self):
        target = self.path("diff.json")
        self.assertExit(self.diff("--format", "json", "-o", target), 0)
        with open(target, encoding="utf-8") as f:
            self.assertEqual(json.load(f), EXPECTED)

    def test_xlsx_one_sheet_per_category(self):
        target = self.path("vergleich.xlsx")
        result = self.diff("--format", "xlsx", "-o", target)
        self.assertExit(result, 0)
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".")], [])  # no temporaries
        wb = openpyxl.load_workbook(target)
        self.assertEqual(wb.sheetnames, ["Neu", "Entfallen", "Umformuliert", "Zuständigkeiten",
                                         "Dezernatswechsel", "Ableitungen"])

        def data(name, header):
            rows = list(wb[name].iter_rows(values_only=True))
            at = [i for i, r in enumerate(rows) if list(r[:len(header)]) == header]
            self.assertEqual(len(at), 1, (name, rows))
            return [list(r) for r in rows[at[0] + 1:]]

        self.assertEqual(data("Neu", ["Handlungsfeld", "Handlungsschwerpunkt"]),
                         [[e["field"], e["text"]] for e in EXPECTED["added"]])
        self.assertEqual(data("Entfallen", ["Handlungsfeld", "Handlungsschwerpunkt"]),
                         [[e["field"], e["text"]] for e in EXPECTED["removed"]])
        self.assertEqual(data("Umformuliert", ["Handlungsfeld", "bisher", "neu", "Ähnlichkeit (%)"]),
                         [["Bildungsplanung/ Infrastruktur", "Reaktivierung der Kontakte zu Kitas",
                           "Reaktivierung der Kontakte zu Kitas und Horten", 71],
                          ["MINT", "Ausdifferenzierte MINT-Angebote vorhalten",
                           "Ausdifferenzierte MINT-Angebote vorhalten und erweitern", 67]])
        self.assertEqual(data("Zuständigkeiten", ["Änderung", "Handlungsfeld", "Handlungsschwerpunkt",
                                                  "Verwaltungsbereich"]),
                         [["neu", r["field"], r["focus_area"], r["unit"]]
                          for r in EXPECTED["responsibilities"]["added"]] +
                         [["entfallen", r["field"], r["focus_area"], r["unit"]]
                          for r in EXPECTED["responsibilities"]["removed"]])
        self.assertEqual(data("Dezernatswechsel", ["Verwaltungsbereich", "bisheriges Dezernat", "neues Dezernat"]),
                         [["Volkshochschule", "Dezernat IV", "Dezernat III"]])
        self.assertEqual(data("Ableitungen", ["Änderung", "Handlungsfeld", "Ableitung"]),
                         [["neu", DIGI, EXPECTED["objectives"]["added"][0]["text"]],
                          ["entfallen", DIGI, EXPECTED["objectives"]["removed"][0]["text"]]])
        for ws in wb:  # printable: landscape, header rows repeated on every page, both plans named
            self.assertEqual(ws.page_setup.orientation, "landscape")
            self.assertTrue(ws.print_title_rows)
            values = [v for r in ws.iter_rows(values_only=True) for v in r]
            self.assertIn("Konzept 2021", values)
            self.assertIn("Konzept 2025", values)

    def test_xlsx_without_changes_says_so_in_english(self):
        target = self.path("none.xlsx")
        self.assertExit(run("diff", "--db", self.db, "Konzept 2021", "Konzept 2021",
                            "--format", "xlsx", "-o", target, "--lang", "en"), 0)
        wb = openpyxl.load_workbook(target)
        self.assertEqual(wb.sheetnames, ["Added", "Removed", "Reworded", "Responsibilities",
                                         "Moved units", "Objectives"])
        for ws in wb:
            self.assertIn("no changes", [v for r in ws.iter_rows(values_only=True) for v in r])

    def test_xlsx_needs_a_file_and_leaves_the_old_one_on_failure(self):
        self.assertExit(self.diff("--format", "xlsx"), 2)
        missing_dir = self.diff("--format", "xlsx", "-o", self.path("fehlt/vergleich.xlsx"))
        self.assertExit(missing_dir, 2)
        self.assertIn("fehlt", missing_dir.stderr)
        self.assertFalse(os.path.exists(self.path("fehlt")))
        self.assertExit(self.diff("--format", "json", "-o", self.dir), 2)  # a directory
        target = self.write("keep.xlsx", b"old")
        os.chmod(self.dir, 0o500)
        try:
            result = self.diff("--format", "xlsx", "-o", target)
        finally:
            os.chmod(self.dir, 0o700)
        if os.geteuid() != 0:  # root may write anyway
            self.assertExit(result, 2)
            with open(target, "rb") as f:
                self.assertEqual(f.read(), b"old")

    def test_unknown_plan_and_usage(self):
        result = run("diff", "--db", self.db, "Konzept 2021", "Konzept 2030")
        self.assertExit(result, 2)  # as for every command that names a plan the database lacks
        self.assertIn("keinen Plan „Konzept 2030“", result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertExit(run("diff", "--db", self.db, "Konzept 2021"), 2)
        self.assertExit(run("diff", "--db", self.db, "Konzept 2021", "Konzept 2025", "--format", "csv"), 2)
        self.assertExit(run("diff", "--db", self.path("missing.db"), "A", "B"), 2)


class CarryTest(VersionsTest):
    def setUp(self):
        super().setUp()
        old = "Konzept 2021"
        self.same = self.resp_key(old, "Förderung der Medienkompetenz und Digitalisierung", "Stadtbibliothek")
        self.reworded = self.resp_key(old, "Reaktivierung der Kontakte zu Kitas", "Puppentheater")
        self.moved = self.resp_key(old, "Aktualisierung/ Anpassung des Bildungsprogramm der VHS für "
                                        "lebensbegleitetes Lernen", "Volkshochschule")
        self.removed = self.resp_key(old, "Entwicklung eines Jugendmedienzentrums", "Jugendamt")
        self.dropped = self.resp_key(old, "Stärkung des Ehrenamtes", "Stadtarchiv")
        rows = [
            (self.same, "2026-H1", "begonnen", "20", "erste Meldung"),
            (self.same, "2026-H1", "umgesetzt", "100", "fertig"),  # supersedes the first
            (self.same, "2025-H2", "geplant", "0", ""),
            (self.reworded, "2026-H1", "verzögert", "NULL", "Personal fehlt"),
            (self.moved, "2026-H1", "begonnen", "40", ""),
            (self.removed, "2026-H1", "geplant", "0", ""),
            (self.dropped, "2026-H1", "begonnen", "30", "x"),
        ]
        values = ",".join(f"('{old}', '{k}', '{p}', '{s}', {g}, '{n}', 'formular.xlsx:Rückmeldung!D{i + 4}', "
                          f"'2026-07-01T00:00:00Z')" for i, (k, p, s, g, n) in enumerate(rows))
        query(self.db, "INSERT INTO status_report (plan, key, period, status, progress, note, source, "
                       f"imported_at) VALUES {values}")

    def carry(self, *extra):
        return run("status", "carry", "--db", self.db, "--from", "Konzept 2021", "--to", "Konzept 2025", *extra)

    def new_reports(self):
        return query(self.db, "SELECT key, period, status, ifnull(progress, 'NULL'), note, source "
                              "FROM status_report WHERE plan = 'Konzept 2025' ORDER BY sequence")

    def test_carry(self):
        dry = self.carry("--dry-run")
        self.assertExit(dry, 0)
        self.assertIn("Würden übernommen: 4 (davon 1 zu umformulierten Handlungsschwerpunkten)", dry.stdout)
        self.assertEqual(self.new_reports(), [])

        result = self.carry()
        self.assertExit(result, 0)
        new = "Konzept 2025"
        reworded_b = self.resp_key(new, "Reaktivierung der Kontakte zu Kitas und Horten", "Puppentheater")
        src = "übernommen aus Konzept 2021 ({0})"
        # A's document order: Bildungsplanung (reworded), Digitalisierung (same, both periods),
        # lebenslanges Lernen (moved unit).
        self.assertEqual(self.new_reports(), [
            [reworded_b, "2026-H1", "verzögert", "NULL", "Personal fehlt", src.format(self.reworded)],
            [self.same, "2025-H2", "geplant", "0", "", src.format(self.same)],
            [self.same, "2026-H1", "umgesetzt", "100", "fertig", src.format(self.same)],
            [self.moved, "2026-H1", "begonnen", "40", "", src.format(self.moved)],
        ])
        out = result.stdout
        self.assertIn("Übernommen: 4 (davon 1 zu umformulierten Handlungsschwerpunkten)", out)
        self.assertIn("Nicht übernommen: 2", out)
        self.assertIn(f"{self.removed} (2026-H1, geplant): Handlungsschwerpunkt entfallen", out)
        self.assertIn(f"[{DIGI}] Entwicklung eines Jugendmedienzentrums – Jugendamt", out)
        self.assertIn(f"{self.dropped} (2026-H1, begonnen): Verwaltungsbereich nicht mehr zuständig", out)
        # The carried reports count in the new version's roll-ups.
        show = run("status", "show", "--db", self.db, "--plan", new, "--period", "2026-H1", "--format", "json")
        self.assertExit(show, 0)
        plan = [r for r in json.loads(show.stdout)["rollups"] if r["scope"] == "plan"][0]
        self.assertEqual(plan["reported"], 3)

        again = self.carry()
        self.assertExit(again, 0)
        self.assertIn("Übernommen: 0", again.stdout)
        self.assertIn("Schon früher übernommen (übersprungen): 4", again.stdout)
        self.assertEqual(len(self.new_reports()), 4)
        self.assertEqual(scalar(self.db, "SELECT count(*) FROM status_report WHERE plan = 'Konzept 2021'"), "7")

    def test_own_report_of_the_new_version_wins(self):
        new = "Konzept 2025"
        query(self.db, "INSERT INTO status_report (plan, key, period, status, progress, note, source, "
                       f"imported_at) VALUES ('{new}', '{self.moved}', '2026-H1', 'umgesetzt', 100, 'neu', "
                       "'vhs.xlsx:Rückmeldung!D4', '2026-08-01T00:00:00Z')")
        result = self.carry()
        self.assertExit(result, 0)
        self.assertIn("Übernommen: 3 (davon 1 zu umformulierten Handlungsschwerpunkten)", result.stdout)
        self.assertIn(f"{self.moved} (2026-H1, begonnen): die neue Fassung hat für diesen Zeitraum "
                      "schon eine eigene Rückmeldung", result.stdout)
        self.assertEqual(query(self.db, "SELECT status, source FROM status_report WHERE plan = 'Konzept 2025' "
                                        f"AND key = '{self.moved}' ORDER BY sequence"),
                         [["umgesetzt", "vhs.xlsx:Rückmeldung!D4"]])

    def test_a_later_report_of_the_old_version_carries_again(self):
        self.assertExit(self.carry(), 0)
        query(self.db, "INSERT INTO status_report (plan, key, period, status, progress, note, source, "
                       f"imported_at) VALUES ('Konzept 2021', '{self.same}', '2026-H1', 'entfallen', NULL, "
                       "'Nachtrag', 'nachtrag.xlsx:Rückmeldung!D4', '2026-08-01T00:00:00Z')")
        again = self.carry()
        self.assertExit(again, 0)
        self.assertIn("Übernommen: 1 (davon 0 zu umformulierten Handlungsschwerpunkten)", again.stdout)
        self.assertIn("Schon früher übernommen (übersprungen): 3", again.stdout)
        self.assertEqual(self.new_reports()[-1][:5], [self.same, "2026-H1", "entfallen", "NULL", "Nachtrag"])
        self.assertEqual(len(self.new_reports()), 5)

    def test_english_and_errors(self):
        english = self.carry("--lang", "en")
        self.assertExit(english, 0)
        self.assertIn("Carried over: 4 (1 of them to reworded focus areas)", english.stdout)
        self.assertIn("unit no longer responsible", english.stdout)
        missing = run("status", "carry", "--db", self.db, "--from", "Konzept 2021", "--to", "Konzept 2030")
        self.assertExit(missing, 2)
        self.assertIn("keinen Plan „Konzept 2030“", missing.stderr)
        self.assertExit(run("status", "carry", "--db", self.db, "--from", "Konzept 2021"), 2)
        same = run("status", "carry", "--db", self.db, "--from", "Konzept 2021", "--to", "Konzept 2021")
        self.assertExit(same, 2)
        self.assertEqual(len(self.new_reports()), 4)  # only the first run stored anything


if __name__ == "__main__":
    unittest.main()
