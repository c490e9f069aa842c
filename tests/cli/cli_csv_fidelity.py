"""The flat plan table and the units directory read as they are written: the CSV structure from the raw
text (only " quotes), values made canonical afterwards with a text-canonical note; fields and focus areas
in the order of their numbers; Excel's empty columns to the right accepted; a stray quote reported where it
opened; UTF-16 without a BOM named as such; the units directory as tolerant as the flat table."""
import csv
import io

from support import SEED, UNITS, PlanDbTest, TempDirTest, query, run

HEADER = "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung"
FOCUS_SQL = "SELECT f.title, fa.text FROM focus_area fa JOIN field f ON f.id = fa.field_id ORDER BY f.position, fa.position"


class Imported(TempDirTest):
    def imported(self, name, content, code=0, *args):
        path = self.write(name, content)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db, *args)
        self.assertExit(result, code)
        return db, result.stdout


class TypographicQuotes(Imported):
    """Typographic quotes are text, never CSV syntax: stored as straight quotes, as from a document."""

    def test_unquoted_field_keeps_its_quotes(self):
        db, out = self.imported("q.csv", f"{HEADER}\nZuständigkeit;1;MINT;1;„Haus der kleinen Forscher“;Dezernat IV;"
                                         "Stadtbibliothek;\nAbleitung;1;MINT;;;;;Angebote entwickeln\n")
        self.assertEqual(query(db, FOCUS_SQL), [["MINT", '"Haus der kleinen Forscher"']])
        self.assertIn("q.csv:2: Hinweis: Zeichen vereinheitlicht: 2 typografische Anführungszeichen gerade "
                      "[text-canonical]", out)

    def test_control_characters_are_removed_and_said(self):
        db, out = self.imported("c.csv", f"{HEADER}\nZuständigkeit;1;MINT;1;Haus der\x07 kleinen\x1b Forscher;Dezernat IV;"
                                         "Stadtbibliothek;\nAbleitung;1;MINT;;;;;Angebote entwickeln\n")
        self.assertEqual(query(db, FOCUS_SQL), [["MINT", "Haus der kleinen Forscher"]])
        self.assertIn("c.csv:2: Hinweis: Zeichen vereinheitlicht: 2 Steuerzeichen entfernt [text-canonical]", out)

    def test_libreoffice_quote_all_with_typographic_quotes_inside(self):
        rows = [HEADER.split(";"), ["Zuständigkeit", "1", "MINT", "1", "Projekt „Haus der kleinen Forscher“ ausbauen",
                                    "Dezernat IV", "Stadtbibliothek", ""],
                ["Ableitung", "1", "MINT", "", "", "", "", "„Angebote“ entwickeln"]]
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
        db, out = self.imported("all.csv", buffer.getvalue())
        self.assertEqual(query(db, FOCUS_SQL), [["MINT", 'Projekt "Haus der kleinen Forscher" ausbauen']])
        self.assertEqual(query(db, "SELECT text FROM objective"), [['"Angebote" entwickeln']])
        self.assertIn("[text-canonical]", out)
        self.assertNotIn("[csv-syntax]", out)

    def test_same_plan_as_the_document(self):
        markdown = ("## Handlungsfeld MINT\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
                    "| Projekt „Haus der kleinen Forscher“ ausbauen | Dezernat IV/ Stadtbibliothek |\n\n"
                    "Ableitungen: „Angebote“ entwickeln\n")
        md_db, md_out = self.imported("plan.md", markdown)
        csv_db, csv_out = self.imported("plan.csv", f"{HEADER}\nZuständigkeit;1;MINT;1;Projekt „Haus der kleinen "
                                                    "Forscher“ ausbauen;Dezernat IV;Stadtbibliothek;\n"
                                                    "Ableitung;1;MINT;;;;;„Angebote“ entwickeln\n")
        for sql in (FOCUS_SQL, "SELECT text, key FROM objective", "SELECT name, key FROM org_unit ORDER BY key"):
            self.assertEqual(query(csv_db, sql), query(md_db, sql), sql)
        self.assertIn("[text-canonical]", md_out)
        self.assertIn("[text-canonical]", csv_out)


class WithTheUnitsDirectory(Imported):
    """With --units the flat table is read as a document is: aliases are names, division spellings
    eduplan's, units under the directory's division (a different stated one is reported)."""

    UNITS_SQL = ("SELECT u.name, u.is_division, coalesce(d.name, '') FROM org_unit u "
                 "LEFT JOIN org_unit d ON d.id = u.parent_id ORDER BY u.name")
    RESP_SQL = ("SELECT fa.text, u.name FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
                "JOIN org_unit u ON u.id = r.org_unit_id ORDER BY fa.position, r.position")

    def test_same_units_as_the_document(self):
        csv_db, out = self.imported(
            "d.csv", f"{HEADER}\nZuständigkeit;1;MINT;1;MINT-Cluster umsetzen;Dez. IV;Bibliothek;\n"
                     "Zuständigkeit;1;MINT;2;Ehrenamt stärken;Dezernat IV;FB 01;\n"
                     "Ableitung;1;MINT;;;;;MINT stärken\n", 0, "--units", UNITS)
        md_db, md_out = self.imported(
            "d.md", "## Handlungsfeld MINT\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
                    "| MINT-Cluster umsetzen | Dez. IV/ Bibliothek |\n| Ehrenamt stärken | Dezernat IV/ FB 01 |\n\n"
                    "Ableitungen:\n\n- MINT stärken\n", 0, "--units", UNITS)
        self.assertEqual(query(csv_db, self.UNITS_SQL), query(md_db, self.UNITS_SQL))
        self.assertEqual(query(csv_db, self.RESP_SQL), query(md_db, self.RESP_SQL))
        self.assertIn(["Stadtbibliothek", "0", "Dezernat IV"], query(csv_db, self.UNITS_SQL))
        self.assertIn(["FB 01", "0", "Dezernat I"], query(csv_db, self.UNITS_SQL))
        self.assertIn("„Dez. IV“ als „Dezernat IV“ gelesen [division-normalized]", out)
        self.assertIn("„FB 01“ steht unter „Dezernat IV“, laut Verwaltungsverzeichnis unter „Dezernat I“ "
                      "[unit-division-mismatch]", out)

    def test_without_a_directory_names_stay_as_written(self):
        db, _ = self.imported("n.csv", f"{HEADER}\nZuständigkeit;1;MINT;1;MINT-Cluster umsetzen;Dezernat IV;Bibliothek;\n"
                                       "Ableitung;1;MINT;;;;;MINT stärken\n")
        self.assertEqual(query(db, self.UNITS_SQL), [["Bibliothek", "0", "Dezernat IV"], ["Dezernat IV", "1", ""]])


class NumbersGiveTheOrder(Imported):
    """feldnr and nr say which field and focus area come first, not the order of the rows (a table sorted
    in Excel by another column)."""

    def test_sorted_rows_keep_the_numbered_order(self):
        rows = ["Zuständigkeit;2;Zweites Feld;2;D;Dezernat IV;Stadtbibliothek;",
                "Zuständigkeit;1;Erstes Feld;10;B;Dezernat IV;Stadtbibliothek;",
                "Zuständigkeit;2;Zweites Feld;1;C;Dezernat IV;Stadtbibliothek;",
                "Ableitung;2;Zweites Feld;;;;;Z",
                "Zuständigkeit;1;Erstes Feld;9;A;Dezernat IV;Stadtbibliothek;",
                "Ableitung;1;Erstes Feld;;;;;Y"]
        db, _ = self.imported("sortiert.csv", HEADER + "\n" + "\n".join(rows) + "\n")
        self.assertEqual(query(db, FOCUS_SQL), [["Erstes Feld", "A"], ["Erstes Feld", "B"], ["Zweites Feld", "C"],
                                                ["Zweites Feld", "D"]])
        self.assertEqual(query(db, "SELECT f.title, o.text FROM field_objective fo JOIN field f ON f.id = fo.field_id "
                                   "JOIN objective o ON o.id = fo.objective_id ORDER BY f.position, fo.position"),
                         [["Erstes Feld", "Y"], ["Zweites Feld", "Z"]])


class ShuffledRoundTrip(PlanDbTest):
    def test_exported_rows_in_any_order_give_the_same_plan(self):
        exported = self.path("plan.csv")
        self.assertExit(self.export("csv", exported), 0)
        with open(exported, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        structure = ("SELECT f.position, f.title, f.key, fa.position, fa.text, fa.key FROM focus_area fa "
                     "JOIN field f ON f.id = fa.field_id ORDER BY 1, 4")
        # Sorted by the focus area's text, as a user might in Excel: fields and focus areas interleave.
        shuffled = [rows[0]] + sorted(rows[1:], key=lambda r: (r[4], r[0]))
        path = self.path("sortiert.csv")
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(shuffled)
        db = self.path("sortiert.db")
        self.assertExit(run("import", path, "--db", db), 0)
        self.assertEqual(query(db, structure), query(self.db, structure))


class ExcelForms(Imported):
    def test_trailing_empty_columns(self):
        rows = ["Zuständigkeit;1;MINT;1;A;Dezernat IV;Stadtbibliothek;;;", "Ableitung;1;MINT;;;;;Y;;"]
        db, out = self.imported("leer.csv", "\r\n".join([HEADER + ";;"] + rows) + "\r\n")
        self.assertEqual(query(db, FOCUS_SQL), [["MINT", "A"]])

    def test_text_in_a_column_beyond_the_header_is_refused(self):
        rows = ["Zuständigkeit;1;MINT;1;A;Dezernat IV;Stadtbibliothek;;;verloren"]
        _, out = self.imported("mehr.csv", "\n".join([HEADER + ";;"] + rows) + "\n", 1)
        self.assertIn("mehr.csv:2: Fehler: CSV-Zeile hat 10 Felder, die Kopfzeile 8", out)

    def test_stray_quote_is_reported_where_it_opens(self):
        rows = ["Zuständigkeit;1;MINT;1;A;Dezernat IV;Stadtbibliothek;",
                'Zuständigkeit;1;MINT;1;A;"Dezernat IV;Bibliothek;'] + \
               ["Zuständigkeit;1;MINT;1;A;Dezernat IV;Theater;"] * 20 + \
               ['Zuständigkeit;1;MINT;2;"Projekt ""B""";Dezernat IV;Theater;']
        _, out = self.imported("quote.csv", "\n".join([HEADER] + rows) + "\n", 1)
        self.assertIn("quote.csv:3: Fehler: Anführungszeichen in Zeile 3 geöffnet, erst in Zeile 24 geschlossen",
                      out)
        self.assertIn("[csv-syntax]", out)

    def test_classic_mac_line_ends_and_rows_of_delimiters_only(self):
        # Excel for Mac's "CSV (Macintosh)" ends lines with CR alone; Excel writes ";;;;" for rows it
        # once formatted or cleared. Both are the table as it is meant.
        rows = ["Zuständigkeit;1;MINT;1;A;Dezernat IV;Stadtbibliothek;", ";;;;;;;",
                'Zuständigkeit;1;MINT;2;"B";Dezernat IV;Theater;', "Ableitung;1;MINT;;;;;Y", ";;;;;;;", ""]
        db, out = self.imported("mac.csv", "\r".join([HEADER] + rows))
        self.assertEqual(query(db, FOCUS_SQL), [["MINT", "A"], ["MINT", "B"]])
        self.assertEqual(query(db, "SELECT text FROM objective"), [["Y"]])
        units = self.write("units-mac.csv", "unit;division;aliases\rStadtbibliothek;Dezernat IV;Bibliothek\r;;\r")
        result = run("validate", self.write("p.md", UnitsDirectoryForms.PLAN), "--units", units)
        self.assertExit(result, 0)
        self.assertNotIn("[unit-not-in-directory]", result.stdout)

    def test_utf16_without_bom(self):
        text = f"{HEADER}\nZuständigkeit;1;MINT;1;A;Dezernat IV;Stadtbibliothek;\n"
        for encoding, form in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
            _, out = self.imported(f"{encoding}.csv", text.encode(encoding), 1)
            self.assertIn(f":1: Fehler: sieht aus wie {form} ohne Byte-Order-Mark (UTF-16 ohne BOM?)", out)
            self.assertNotIn("Binärdatei", out)
        _, out = self.imported("odd.md", b"\xff\xfe" + "# Plan\n".encode("utf-16-le") + b"\n", 1)
        self.assertIn("UTF-16 mit Byte-Order-Mark, aber mit ungerader Byte-Zahl (17)", out)


class UnitsDirectoryForms(Imported):
    """The units directory takes what the flat table takes: ',' or ';', header names in any case (or
    German), Excel's empty columns to the right."""
    PLAN = ("## Handlungsfeld MINT\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
            "| A | Dezernat IV/ Bibliothek |\n\nAbleitungen: Y\n")

    def check(self, name, directory):
        units = self.write(name, directory)
        db, out = self.imported(name + ".md", self.PLAN, 0, "--units", units)
        self.assertNotIn("[unit-not-in-directory]", out)
        self.assertEqual(query(db, "SELECT name FROM org_unit WHERE parent_id IS NOT NULL"), [["Stadtbibliothek"]])

    def test_semicolon_english_capitalised(self):
        self.check("units1.csv", "Unit;Division;Aliases\r\nStadtbibliothek;Dezernat IV;Bibliothek|Stabi\r\n")

    def test_german_header_and_trailing_empty_columns(self):
        self.check("units2.csv", "\ufeffeinheit;dezernat;aliase;;\nStadtbibliothek;Dezernat IV;Bibliothek;;\n")

    def test_comma_as_before(self):
        self.check("units3.csv", "unit,division,aliases\nStadtbibliothek,Dezernat IV,Bibliothek\n")

    def test_wrong_header_names_both_forms(self):
        units = self.write("bad.csv", "name;dezernat;aliase\nStadtbibliothek;Dezernat IV;\n")
        result = run("validate", self.write("p.md", self.PLAN), "--units", units)
        self.assertExit(result, 1)
        self.assertIn("bad.csv:1: Fehler: Kopfzeile muss unit,division,aliases lauten (oder einheit,dezernat,aliase",
                      result.stderr)

    def test_utf16_without_bom(self):
        units = self.write("u16.csv", "unit,division,aliases\nStadtbibliothek,Dezernat IV,\n".encode("utf-16-le"))
        result = run("validate", self.write("p.md", self.PLAN), "--units", units)
        self.assertExit(result, 1)
        self.assertIn("u16.csv:1: Fehler: sieht aus wie UTF-16LE ohne Byte-Order-Mark", result.stderr)


if __name__ == "__main__":
    import unittest
    unittest.main()
