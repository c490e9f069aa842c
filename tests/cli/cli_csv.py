"""The CSV exporter, read back with Python's csv module, and the round trip through import."""
import csv
import io
import os

from support import SEED, UNITS, PlanDbTest, TempDirTest, query, run

HEADER = ["art", "feldnr", "handlungsfeld", "nr", "schwerpunkt", "dezernat", "einheit", "ableitung"]
# Column indices of the flat table, version 2.
KIND, FIELD_NO, FIELD, NR, FOCUS, DIVISION, UNIT, OBJECTIVE = range(8)


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
        self.assertTrue(all(len(r) == 8 for r in rows))
        whole = [r for r in rows if r[DIVISION] == "Dezernat III"]
        self.assertEqual(len(whole), 4)
        self.assertTrue(all(r[UNIT] == "" for r in whole))
        self.assertIn(["Zuständigkeit", "1", "Bildungsplanung/ Infrastruktur", "9", "Festlegung der Schulbezirke für "
                       "Grundschulen mittels Optimierungsverfahren", "BOB", "Amt für Statistik, Wahlen, Digitalisierung", ""],
                      rows)
        self.assertEqual({r[FIELD_NO] for r in rows[1:]}, {"1", "2", "3", "4", "5", "6"})

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
            if r[UNIT] == "Stadtarchiv":
                r[UNIT] = "Stadtarchiv (neu)"
        rows.append(["Zuständigkeit", "3", "MINT", "7", "Neuer Schwerpunkt", "Dezernat V", "Jugendamt", ""])
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

    def test_header_only_table_does_not_replace_a_plan(self):
        """A flat table without rows (Excel saved after deleting them) is no plan: an error, the stored
        plan unchanged."""
        fields = query(self.db, "SELECT position, title FROM field ORDER BY position")
        plan = query(self.db, "SELECT name FROM plan")[0][0]
        for name, content in [("header.csv", ";".join(HEADER) + "\n"),
                              ("quoted.csv", "\ufeff" + ";".join(f'"{h}"' for h in HEADER) + "\r\n\r\n"),
                              ("english.csv", "kind,field_no,field,no,focus_area,division,unit,objective\n")]:
            with self.subTest(name):
                path = self.write(name, content)
                result = run("import", path, "--db", self.db, "--plan", plan)
                self.assertExit(result, 1)
                self.assertIn(f"{path}:", result.stdout)
                self.assertIn("[document-no-field]", result.stdout)
                self.assertExit(run("validate", path), 1)
                self.assertEqual(query(self.db, "SELECT position, title FROM field ORDER BY position"), fields)


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
        return target, [r[FOCUS] for r in rows[1:]]

    def test_formulas_are_neutralised_and_cells_stay_whole(self):
        _, cells = self.export()
        self.assertEqual(cells, ["'=1+2", "'+49 391 540", "'-5 Grad", "'@SUMME(A1)", "''=schon", 'a";=1+2',
                                 'mit ; und "Zitat"', "9.10", "0042"])

    def test_neutralisation_can_be_turned_off(self):
        _, cells = self.export("neutralize=false")
        self.assertEqual(cells, self.TEXTS)

    def test_libreoffice_shows_the_apostrophe_and_runs_no_formula(self):
        # What docs/export.md says of LibreOffice Calc: the cell shows "'=1+2" as text, never 3.
        from pdf_layout import convert
        import openpyxl
        target, _ = self.export()
        opened = convert([target], self.path("lo"), "xlsx", infilter="CSV:59,34,76,1")[0]
        ws = openpyxl.load_workbook(opened).active
        column = [row[FOCUS] for row in ws.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(column[:4], ["'=1+2", "'+49 391 540", "'-5 Grad", "'@SUMME(A1)"])
        for row in ws.iter_rows():
            for cell in row:
                self.assertNotEqual(cell.data_type, "f", cell.coordinate)

    def test_import_undoes_the_neutralisation(self):
        target, _ = self.export()
        db2 = self.path("back.db")
        self.assertExit(run("import", target, "--db", db2), 0)
        self.assertEqual([r[0] for r in query(db2, "SELECT text FROM focus_area ORDER BY position")], self.TEXTS)


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
        self.assertEqual([r[FOCUS] for r in back[1:]], ["Zeile 1\nZeile 2", "'\tmit Tabulator",
                                                        "Wagenrücklauf\r\nund mehr", "ganz normal"])
        self.assertTrue(all(len(r) == 8 for r in back))


class FlatTableDialects(PlanDbTest):
    """The flat table as Excel and LibreOffice save it back re-imports identically (issue: any
    RFC 4180 form), and the version 1 table of eduplan 0.1 still reads."""

    def structure(self, db):
        return query(db, "SELECT f.position, f.title, fa.position, fa.text, u.name, coalesce(d.name, '') "
                         "FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
                         "JOIN field f ON f.id = fa.field_id JOIN org_unit u ON u.id = r.org_unit_id "
                         "LEFT JOIN org_unit d ON d.id = u.parent_id ORDER BY 1, 3, r.position")

    def reimport(self, rows, name, delimiter=";", quoting=csv.QUOTE_MINIMAL, bom=True, newline="\r\n"):
        path = self.path(name)
        with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            csv.writer(f, delimiter=delimiter, quoting=quoting, lineterminator=newline).writerows(rows)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db)
        self.assertExit(result, 0)
        return db

    def test_every_dialect_comes_back_identical(self):
        exported = self.path("plan.csv")
        self.assertExit(self.export("csv", exported), 0)
        rows, _ = read_csv(exported)
        expected = self.structure(self.db)
        for i, dialect in enumerate([dict(quoting=csv.QUOTE_ALL),                       # LibreOffice, all quoted
                                     dict(delimiter=",", bom=False, newline="\n"),      # another program
                                     dict(delimiter=",", quoting=csv.QUOTE_ALL, bom=False),
                                     dict(bom=False)]):                                 # Excel without BOM
            db = self.reimport(rows, f"d{i}.csv", **dialect)
            self.assertEqual(self.structure(db), expected, dialect)

    def test_header_in_other_case_and_version_1(self):
        exported = self.path("plan.csv")
        self.assertExit(self.export("csv", exported), 0)
        rows, _ = read_csv(exported)
        upper = [[c.upper() for c in rows[0]]] + rows[1:]
        self.assertEqual(self.structure(self.reimport(upper, "upper.csv")), self.structure(self.db))
        v1 = [[r[KIND]] + r[FIELD:] for r in rows]  # without feldnr, as eduplan 0.1 wrote it
        self.assertEqual(self.structure(self.reimport(v1, "v1.csv")), self.structure(self.db))

    def test_not_the_plan_table_speaks_of_csv(self):
        other = self.write("adressen.csv", "Name;Straße;Ort\nA;B;C\n")
        result = run("import", other, "--db", self.path("x.db"))
        self.assertExit(result, 1)
        self.assertIn(f"{other}:1: Fehler: CSV-Datei, aber nicht die Plantabelle", result.stdout)
        self.assertNotIn("Handlungsfeld …", result.stdout)


class FlatTableIdentity(TempDirTest):
    """Fields and focus areas are identified by number: equal titles stay apart, contradictions are
    refused, never merged."""

    DOC = ("## Handlungsfeld Bildung\n| Schwerpunkt | Verwaltungsbereich | Zeitraum |\n|--|--|--|\n"
           "| A | Dezernat V/ Jugendamt | 2025 |\n| A | Dezernat V/ Sozialamt | |\n\n"
           "## Handlungsfeld Bildung\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| B | Dezernat V/ Jugendamt |\n\n"
           "## Handlungsfeld bildung\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| C | Dezernat V/ Jugendamt |\n")

    def test_round_trip_keeps_equal_titles_repeated_texts_and_attributes(self):
        doc = self.write("plan.md", self.DOC)
        db = self.path("a.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        first = self.path("1.csv")
        self.assertExit(run("export", "--db", db, "--format", "csv", "-o", first), 0)
        rows, _ = read_csv(first)
        self.assertEqual(rows[0][-1], "merkmal:Zeitraum")
        db2 = self.path("b.db")
        result = run("import", first, "--db", db2)
        self.assertExit(result, 0)
        sql = ("SELECT f.position, f.title, f.key, fa.position, fa.text, fa.key FROM focus_area fa "
               "JOIN field f ON f.id = fa.field_id ORDER BY 1, 4")
        self.assertEqual(query(db, sql), query(db2, sql))
        self.assertEqual(len(query(db2, sql)), 4)
        attrs = "SELECT fa.text, a.name, a.value FROM focus_area_attribute a JOIN focus_area fa ON fa.id = a.focus_area_id"
        self.assertEqual(query(db2, attrs), [["A", "Zeitraum", "2025"]])
        second = self.path("2.csv")
        self.assertExit(run("export", "--db", db2, "--format", "csv", "-o", second), 0)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(a.read(), b.read())

    # Every kind of element: equal field titles (F, F, f), one focus text twice in a field, a unit
    # without division, a division as a whole, a focus area without unit, a field of objectives
    # only, an empty field, an objective shared by two fields, attributes.
    EVERY_KIND = (
        "# Plan\n\n## Handlungsfeld F\n| Schwerpunkt | Verwaltungsbereich | Status |\n|--|--|--|\n"
        "| A | Dezernat V/ Jugendamt, Sozialamt<br>Dezernat III | offen |\n| A | Stabsstelle Bildung | |\n"
        "| B | | zu |\n\nAbleitungen:\n- Vernetzen\n- Evaluieren\n\n"
        "## Handlungsfeld F\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| C | Dezernat V/ Jugendamt |\n\n"
        "## Handlungsfeld f\n\nAbleitungen:\n- Vernetzen\n\n"
        "## Handlungsfeld Leer\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n\n")
    TABLES = {
        "fields": "SELECT position, title, key FROM field ORDER BY position",
        "focus": "SELECT f.position, fa.position, fa.text, fa.key FROM focus_area fa "
                 "JOIN field f ON f.id = fa.field_id ORDER BY 1, 2",
        "units": "SELECT u.name, u.is_division, coalesce(d.name, ''), u.key FROM org_unit u "
                 "LEFT JOIN org_unit d ON d.id = u.parent_id ORDER BY u.key",
        "responsibilities": "SELECT f.position, fa.position, r.position, u.name FROM responsibility r "
                            "JOIN focus_area fa ON fa.id = r.focus_area_id JOIN field f ON f.id = fa.field_id "
                            "JOIN org_unit u ON u.id = r.org_unit_id ORDER BY 1, 2, 3",
        "objectives": "SELECT o.text, o.key FROM objective o ORDER BY o.key",
        "field_objectives": "SELECT f.position, fo.position, o.text FROM field_objective fo "
                            "JOIN field f ON f.id = fo.field_id JOIN objective o ON o.id = fo.objective_id "
                            "ORDER BY 1, 2",
        "attributes": "SELECT fa.text, a.position, a.name, a.value FROM focus_area_attribute a "
                      "JOIN focus_area fa ON fa.id = a.focus_area_id ORDER BY 1, 2",
    }

    def test_round_trip_gives_back_the_same_plan(self):
        doc = self.write("plan.md", self.EVERY_KIND)
        db = self.path("a.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        for lang in ("de", "en"):
            exported = self.path(f"{lang}.csv")
            self.assertExit(run("export", "--db", db, "--format", "csv", "--option", f"lang={lang}",
                                "-o", exported), 0)
            db2 = self.path(f"{lang}.db")
            self.assertExit(run("import", exported, "--db", db2), 0)
            for name, sql in self.TABLES.items():
                original = query(db, sql)
                self.assertTrue(original, name)
                self.assertEqual(query(db2, sql), original, f"{lang}: {name}")
            again = self.path(f"{lang}2.csv")
            self.assertExit(run("export", "--db", db2, "--format", "csv", "--option", f"lang={lang}",
                                "-o", again), 0)
            with open(exported, "rb") as a, open(again, "rb") as b:
                self.assertEqual(a.read(), b.read(), lang)

    def test_units_and_divisions_that_contradict_an_earlier_row_are_refused(self):
        head = "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
        first = "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;\n"
        cases = {
            "two_divisions": first + "Zuständigkeit;1;F;2;T;Dezernat IV;Jugendamt;\n",
            "with_and_without": first + "Zuständigkeit;1;F;2;T;;Jugendamt;\n",
            "division_as_unit": "Zuständigkeit;1;F;1;S;Dezernat IV;;\nZuständigkeit;1;F;2;T;Dezernat I;Dezernat IV;\n",
            "unit_as_division": first + "Zuständigkeit;1;F;2;T;Jugendamt;Kita;\n",
            "named_like_division": "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;\nZuständigkeit;1;F;2;T;Dezernat IV;Dezernat IV;\n",
            "objective_with_focus": first + "Ableitung;1;F;;S;;;Ziel\n",
            "objective_with_nr": first + "Ableitung;1;F;3;;;;Ziel\n",
            "field_with_unit": first + "Handlungsfeld;2;G;;;;Jugendamt;\n",
            "focus_with_unit": first + "Schwerpunkt;1;F;2;T;;Jugendamt;\n",
            "responsibility_with_objective": first + "Zuständigkeit;1;F;2;T;Dezernat V;Sozialamt;Ziel\n",
        }
        cases = {name: head + rows for name, rows in cases.items()}
        cases["nr_not_a_number"] = head + first + "Zuständigkeit;1;F;zwei;T;Dezernat V;Sozialamt;\n"
        # Version 1 knows fields by title only: F again after G may be a second field F.
        cases["v1_field_again_after_another"] = (
            "art;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
            "Zuständigkeit;F;1;S;Dezernat V;Jugendamt;\nZuständigkeit;G;1;T;Dezernat V;Jugendamt;\n"
            "Zuständigkeit;F;2;U;Dezernat V;Jugendamt;\n")
        for name, content in cases.items():
            path = self.write(name + ".csv", content)
            db = self.path(name + ".db")
            for command in (["validate", path], ["import", path, "--db", db]):
                result = run(*command)
                self.assertExit(result, 1)
                output = result.stdout + result.stderr
                self.assertIn(f"{path}:{4 if name.startswith('v1') else 3}: Fehler:", output, name)
                self.assertIn("[flat-table-invalid]", output, name)
                self.assertNotIn("constraint", output.lower(), name)
            self.assertFalse(os.path.exists(db), name)

    def test_numbers_with_leading_zeros_are_the_same_number(self):
        path = self.write("zeros.csv", "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
                          "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;\nZuständigkeit;01;F;001;S;Dezernat V;Sozialamt;\n")
        db = self.path("zeros.db")
        self.assertExit(run("import", path, "--db", db), 0)
        self.assertEqual(query(db, "SELECT count(*) FROM field"), [["1"]])
        self.assertEqual(query(db, "SELECT count(*) FROM focus_area"), [["1"]])
        self.assertEqual(query(db, "SELECT count(*) FROM responsibility"), [["2"]])

    def test_contradictions_are_refused(self):
        head = "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung;merkmal:Status\n"
        cases = {
            "title.csv": head + "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;;\nZuständigkeit;1;f;2;T;Dezernat V;Jugendamt;;\n",
            "nr.csv": head + "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;;\nZuständigkeit;1;F;1;T;Dezernat V;Sozialamt;;\n",
            "attr.csv": head + "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;;offen\nZuständigkeit;1;F;1;S;Dezernat V;Sozialamt;;zu\n",
            "fieldno.csv": head + "Zuständigkeit;eins;F;1;S;Dezernat V;Jugendamt;;\n",
            "column.csv": head.replace("merkmal:Status", "Status") + "Zuständigkeit;1;F;1;S;Dezernat V;Jugendamt;;\n",
        }
        for name, content in cases.items():
            path = self.write(name, content)
            result = run("import", path, "--db", self.path(name + ".db"))
            self.assertExit(result, 1)
            self.assertIn(f"{path}:", result.stdout + result.stderr, name)
            self.assertFalse(os.path.exists(self.path(name + ".db")), name)


if __name__ == "__main__":
    import unittest
    unittest.main()
