"""The CSV exporter, read back with Python's csv module, and the round trip through import."""
import csv
import io
import os

from support import SEED, UNITS, PlanDbTest, TempDirTest, query, run

HEADER = ["art", "handlungsfeld", "nr", "schwerpunkt", "dezernat", "einheit", "ableitung"]


def read_csv(path, delimiter=";", bom=True):
    with open(path, "rb") as f:
        data = f.read()
    if bom:
        assert data.startswith(b"\xef\xbb\xbf"), "no BOM"
        data = data[3:]
    else:
        assert not data.startswith(b"\xef\xbb\xbf"), "unexpected BOM"
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=delimiter)), data


class PlanTable(PlanDbTest):
    def test_german_excel_defaults(self):
        target = self.path("plan.csv")
        self.assertExit(self.export("csv", target), 0)
        rows, raw = read_csv(target)
        self.assertEqual(rows[0], HEADER)
        self.assertEqual(raw.count(b"\r\n"), len(rows))
        self.assertNotIn(b"sep=", raw)
        kinds = [r[0] for r in rows[1:]]
        self.assertEqual(kinds.count("Zuständigkeit"), 135)
        self.assertEqual(kinds.count("Ableitung"), 16)
        self.assertTrue(all(len(r) == 7 for r in rows))
        whole = [r for r in rows if r[4] == "Dezernat III"]
        self.assertEqual(len(whole), 4)
        self.assertTrue(all(r[5] == "" for r in whole))
        self.assertIn(["Zuständigkeit", "Bildungsplanung/ Infrastruktur", "9", "Festlegung der Schulbezirke für "
                       "Grundschulen mittels Optimierungsverfahren", "BOB", "Amt für Statistik, Wahlen, Digitalisierung", ""],
                      rows)

    def test_comma_without_bom_and_lf(self):
        target = self.path("plan.csv")
        self.assertExit(self.export("csv", target, "delimiter=comma", "bom=false", "newline=lf", "lang=en"), 0)
        rows, raw = read_csv(target, ",", bom=False)
        self.assertEqual(rows[0][0], "kind")
        self.assertNotIn(b"\r", raw)
        self.assertEqual(len(rows), 1 + 135 + 16)

    def test_other_tables(self):
        for table, first, count in [("units", ["einheit", "dezernat", "ist_dezernat", "schlüssel"], 30),  # 25 units + 5 divisions
                                    ("objectives", ["ableitung", "handlungsfeld"], 16),
                                    ("findings", ["regel", "schweregrad", "zeile", "betreff", "meldung"], 11)]:
            target = self.path(f"{table}.csv")
            self.assertExit(self.export("csv", target, f"table={table}"), 0)
            rows, _ = read_csv(target)
            self.assertEqual(rows[0], first)
            self.assertEqual(len(rows) - 1, count, table)
        units, _ = read_csv(self.path("units.csv"))
        self.assertIn(["Museum für Naturkunde", "Dezernat IV", "nein"], [r[:3] for r in units])

    def test_seed_round_trip_is_byte_identical_with_the_same_content(self):
        first, second = self.path("1.csv"), self.path("2.csv")
        self.assertExit(self.export("csv", first), 0)
        db2 = self.path("again.db")
        self.assertExit(run("import", first, "--db", db2, "--plan", "bildungskonzept"), 0)
        self.assertExit(run("export", "--db", db2, "--format", "csv", "-o", second), 0)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(a.read(), b.read())
        for sql in ["SELECT position, title, key FROM field ORDER BY position",
                    "SELECT f.position, fa.position, fa.text, fa.key FROM focus_area fa JOIN field f ON f.id = fa.field_id "
                    "ORDER BY 1, 2",
                    "SELECT u.name, u.key, u.is_division, coalesce(d.name, '') FROM org_unit u "
                    "LEFT JOIN org_unit d ON d.id = u.parent_id ORDER BY u.key",
                    "SELECT fa.key, r.position, u.key FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
                    "JOIN org_unit u ON u.id = r.org_unit_id ORDER BY 1, 2",
                    "SELECT f.position, fo.position, o.text, o.key FROM field_objective fo JOIN field f ON f.id = fo.field_id "
                    "JOIN objective o ON o.id = fo.objective_id ORDER BY 1, 2"]:
            self.assertEqual(query(self.db, sql), query(db2, sql), sql)

    def test_a_plan_edited_in_excel_comes_back(self):
        exported = self.path("plan.csv")
        self.assertExit(self.export("csv", exported), 0)
        rows, _ = read_csv(exported)
        for r in rows:
            if r[5] == "Stadtarchiv":
                r[5] = "Stadtarchiv (neu)"
        rows.append(["Zuständigkeit", "MINT", "7", "Neuer Schwerpunkt", "Dezernat V", "Jugendamt", ""])
        edited = self.path("edited.csv")
        with open(edited, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, delimiter=";").writerows(rows)
        db2 = self.path("edited.db")
        self.assertExit(run("import", edited, "--db", db2), 0)
        self.assertEqual(query(db2, "SELECT count(*) FROM org_unit WHERE name = 'Stadtarchiv (neu)'"), [["1"]])
        mint = query(db2, "SELECT fa.text FROM focus_area fa JOIN field f ON f.id = fa.field_id "
                          "WHERE f.title = 'MINT' ORDER BY fa.position")
        self.assertEqual(mint[-1], ["Neuer Schwerpunkt"])
        self.assertEqual(len(mint), 7)

    def test_broken_flat_table_names_file_and_line(self):
        bad = self.write("bad.csv", "\ufeffart;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
                                    "Zuständigkeit;MINT;1;Text;Dezernat V;Jugendamt;\nZuständigkeit;MINT;1;Text\n"
                                    "Unsinn;MINT;;;;;\n")
        result = run("import", bad, "--db", self.path("x.db"))
        self.assertExit(result, 1)
        self.assertIn(f"{bad}:3: Fehler: CSV-Zeile hat 4 Felder, die Kopfzeile 7", result.stdout)
        self.assertIn(f"{bad}:4: Fehler: unbekannte Zeilenart", result.stdout)
        self.assertFalse(os.path.exists(self.path("x.db")))


class HostileText(TempDirTest):
    """exporter-rules.md, cases 3 and 4: quoting and formula injection."""

    TEXTS = ["=1+2", "+49 391 540", "-5 Grad", "@SUMME(A1)", "'=schon", 'a";=1+2', "mit ; und \"Zitat\"", "9.10", "0042"]

    def setUp(self):
        super().setUp()
        rows = "".join(f"| {t.replace('|', chr(92) + '|')} | Dezernat V/ Jugendamt |\n" for t in self.TEXTS)
        doc = self.write("hostile.md", "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n" + rows)
        self.db = self.path("h.db")
        self.assertExit(run("import", doc, "--db", self.db), 0)

    def export(self, *options):
        target = self.path("h.csv")
        args = ["export", "--db", self.db, "--format", "csv", "-o", target]
        for o in options:
            args += ["--option", o]
        self.assertExit(run(*args), 0)
        rows, _ = read_csv(target)
        return target, [r[3] for r in rows[1:]]

    def test_formulas_are_neutralised_and_cells_stay_whole(self):
        _, cells = self.export()
        self.assertEqual(cells, ["'=1+2", "'+49 391 540", "'-5 Grad", "'@SUMME(A1)", "''=schon", 'a";=1+2',
                                 'mit ; und "Zitat"', "9.10", "0042"])

    def test_neutralisation_can_be_turned_off(self):
        _, cells = self.export("neutralize=false")
        self.assertEqual(cells, self.TEXTS)

    def test_import_undoes_the_neutralisation(self):
        target, _ = self.export()
        db2 = self.path("back.db")
        self.assertExit(run("import", target, "--db", db2), 0)
        self.assertEqual([r[0] for r in query(db2, "SELECT text FROM focus_area ORDER BY position")], self.TEXTS)


if __name__ == "__main__":
    import unittest
    unittest.main()


class CellsFromTheFlatTable(TempDirTest):
    """exporter-rules.md, cases 3, 4 and 11 for text that only the flat table can carry."""

    def test_line_breaks_tabs_and_a_german_locale(self):
        texts = ["Zeile 1\nZeile 2", "\tmit Tabulator", "Wagenrücklauf\r\nund mehr", "ganz normal"]
        rows = [["art", "handlungsfeld", "nr", "schwerpunkt", "dezernat", "einheit", "ableitung"]]
        rows += [["Schwerpunkt", "A", str(i + 1), t, "", "", ""] for i, t in enumerate(texts)]
        source = self.path("in.csv")
        with open(source, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter=",").writerows(rows)
        db = self.path("c.db")
        self.assertExit(run("import", source, "--db", db), 0)
        outputs = []
        for env in ({}, {"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"}):
            target = self.path(f"out{len(outputs)}.csv")
            from support import run_env
            self.assertExit(run_env(["export", "--db", db, "--format", "csv", "-o", target], env), 0)
            with open(target, "rb") as f:
                outputs.append(f.read())
        self.assertEqual(outputs[0], outputs[1])
        back, _ = read_csv(self.path("out0.csv"))
        self.assertEqual([r[3] for r in back[1:]], ["Zeile 1\nZeile 2", "'\tmit Tabulator", "Wagenrücklauf\r\nund mehr",
                                                    "ganz normal"])
        self.assertTrue(all(len(r) == 7 for r in back))
