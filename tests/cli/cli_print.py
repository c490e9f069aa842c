"""Printed workbooks as a user prints them: LibreOffice Calc converts them to PDF, and the PDF's text
boxes (pdftotext -bbox-layout) must show no lines on top of each other, every word of the workbook,
few pages, headers and footers. Runs on the seed, on a second city's plan (tests/data/print), on a
generated plan with long texts and many long unit names, and on a batch of Steckbriefe."""
import os
import re
import tempfile
import unittest

import openpyxl

from pdf_layout import overlaps, pages, to_pdf
from support import SEED, TEST_DATA, UNITS, run

DATE = "2026-11-26"
PRINT_DATA = os.path.join(TEST_DATA, "print")


def long_text_plan(directory):
    """400-character focus areas, 40 units with long names in four divisions."""
    divisions = [f"Dezernat {n} für Bildung, Jugend, Kultur, Soziales und Ordnungsangelegenheiten" for n in
                 ("I", "II", "III", "IV")]
    units = [(divisions[i % 4], f"Fachbereich {i + 1:02d} Stadtentwicklung, Liegenschaften, Schulverwaltung und "
                                f"Weiterbildungsangelegenheiten") for i in range(40)]
    with open(os.path.join(directory, "long-units.csv"), "w", encoding="utf-8") as f:
        f.write("unit,division,aliases\n")
        for d in divisions:
            f.write(f'"{d}",,\n')
        for d, u in units:
            f.write(f'"{u}","{d}",\n')
    filler = ("die Zusammenarbeit der Bildungseinrichtungen im Quartier mit den Trägern der Jugendhilfe, "
              "den Schulen, der Volkshochschule und den Vereinen verbindlich regeln und jährlich auswerten ")
    lines = ["# Bildungskonzept mit langen Texten", ""]
    k = 0
    for field in ("Erstes Handlungsfeld mit einem sehr langen Namen für die Kopfzeile", "Zweites Handlungsfeld",
                  "Drittes Handlungsfeld"):
        lines += [f"## Handlungsfeld {field}", "", "| Handlungsschwerpunkt | Zuständigkeit |", "|---|---|"]
        for n in range(8):
            text = (f"Schwerpunkt {k + 1}: " + filler * 3)[:400].rstrip()
            picked = [units[(k * 3 + j * 7) % 40] for j in range(2 + k % 7)]
            by_division = {}
            for d, u in picked:
                by_division.setdefault(d, []).append(u)
            cell = "<br>".join(f"{d}/ {', '.join(us)}" for d, us in by_division.items())
            lines.append(f"| {text} | {cell} |")
            k += 1
        lines += ["", "Ableitungen: " + filler.strip(), ""]
    doc = os.path.join(directory, "long.md")
    with open(doc, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return doc, os.path.join(directory, "long-units.csv")


def split_words(text):
    """Words as a spreadsheet may wrap them: at spaces and after hyphens."""
    return [w for w in re.split(r"[\s\-‐–]+", text) if w]


def workbook_words(path):
    """Every word of the text cells of a workbook, with how often it occurs (numbers are printed in
    their number format, so they are left out)."""
    from collections import Counter
    found = Counter()
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str):
                    found.update(split_words(v))
    return found


def printed_words(printed):
    from collections import Counter
    return Counter(w for p in printed for l in p.lines for w in split_words(l["text"]))


class PrintedWorkbooks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="eduplan-print-")
        d = cls.dir = cls._tmp.name
        cls.books = {}

        def plan(name, doc, units, *extra):
            db = os.path.join(d, name + ".db")
            result = run("import", doc, "--units", units, "--db", db, *extra)
            assert result.returncode == 0, result.stderr
            return db

        def export(name, db, *options):
            target = os.path.join(d, name + ".xlsx")
            args = ["export", "--db", db, "--format", "xlsx", "-o", target, "--option", f"date={DATE}"]
            for o in options:
                args += ["--option", o]
            result = run(*args)
            assert result.returncode == 0, result.stderr
            cls.books[name] = target

        seed = plan("seed", SEED, UNITS)
        export("seed", seed)
        export("seed-en", seed, "lang=en")
        export("neustadt", plan("neustadt", os.path.join(PRINT_DATA, "neustadt.md"),
                                os.path.join(PRINT_DATA, "neustadt-verwaltung.csv")))
        doc, units = long_text_plan(d)
        export("long", plan("long", doc, units))
        batch = os.path.join(d, "batch")
        result = run("export", "--db", seed, "--format", "xlsx", "--per", "division", "--output-dir", batch,
                     "--option", f"date={DATE}")
        assert result.returncode == 0, result.stderr
        cls.books["index"] = os.path.join(batch, "index.xlsx")
        cls.books["steckbrief"] = os.path.join(batch, "Dezernat IV.xlsx")
        pdfs = to_pdf(list(cls.books.values()), os.path.join(d, "pdf"))
        cls.pages = {name: pages(pdf) for name, pdf in zip(cls.books, pdfs)}

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def assertPrintsCleanly(self, name):
        printed = self.pages[name]
        for page in printed:
            self.assertEqual(overlaps(page), [], f"{name}, page {page.number}: lines on top of each other")
        # No line is lost to a row too low: every word of every cell is printed (as often).
        missing = workbook_words(self.books[name]) - printed_words(printed)
        self.assertFalse(missing, f"{name}: not printed: {list(missing.items())[:10]}")

    def test_seed_prints_on_few_pages_without_overlaps(self):
        self.assertLessEqual(len(self.pages["seed"]), 14)
        self.assertPrintsCleanly("seed")

    def test_every_page_has_title_date_and_page_number(self):
        printed = self.pages["seed"]
        for page in printed:
            text = page.text()
            self.assertIn("Bildungskonzept", text.splitlines()[0])
            self.assertIn("Stand 26.11.2026", text)
            self.assertIn(f"Seite {page.number} von {len(printed)}", text)
        english = self.pages["seed-en"]
        self.assertIn("As of 2026-11-26", english[0].text())
        self.assertIn(f"Page 1 of {len(english)}", english[0].text())

    def test_wide_sheets_print_landscape(self):
        for page in self.pages["seed"]:
            if "Zuständigkeitsmatrix" in page.text() or "Handlungsfeld " in page.text():
                self.assertGreater(page.width, page.height, f"page {page.number}")

    def test_overview_on_one_page_with_its_chart(self):
        first = self.pages["seed"][0].text()
        lines = first.splitlines()
        self.assertEqual(lines[1], "Bildungskonzept")  # the seed has no title; never its file's stem
        self.assertNotIn("Bildungskonzept: bildungskonzept", first)
        self.assertIn("bildungskonzept.md", lines)  # the file name, not the importing machine's path
        self.assertNotIn("examples/", first)
        self.assertIn("26.11.2026", lines)
        self.assertTrue({"2.5", "2,5"} & set(lines), lines)  # one decimal, not 2.45454545454546
        self.assertNotIn("2.4545", first)
        self.assertIn("Schwerpunkte je Dezernat", first)  # the chart's title: on the overview's page
        self.assertNotIn("Schwerpunkte je Dezernat", self.pages["seed"][1].text())

    def matrix_pages(self, name):
        return [p for p in self.pages[name] if "Zuständigkeitsmatrix" in p.text()]

    def test_matrix_prints_one_page_wide_with_its_labels(self):
        for name in ("seed", "neustadt"):
            matrix = self.matrix_pages(name)
            self.assertTrue(matrix, name)
            for page in matrix:
                text = page.text()
                # Label columns and the last column on every page: nothing continues to the right.
                self.assertIn("Handlungsschwerpunkt", text, f"{name}, page {page.number}")
                self.assertIn("Summe", text, f"{name}, page {page.number}")
        seed_matrix = [p for p in self.pages["seed"] if "Zuständigkeitsmatrix" in p.text()]
        text = "\n".join(p.text() for p in seed_matrix)
        for unit in ("Kulturhistorisches Museum", "Fachbereich Stadtgeschichte und", "Dezernat IV"):
            self.assertIn(unit, text)  # whole names, not 5-letter fragments

    def test_field_sheet_keeps_focus_area_and_units_on_one_page(self):
        # The units of the first focus area are printed on the page of its text.
        first_field = [p for p in self.pages["seed"] if "Handlungsfeld Bildungsplanung/ Infrastruktur" in p.text()]
        self.assertEqual(len(first_field), 1)
        text = first_field[0].text()
        self.assertIn("Ausbau der Kooperationsprojekte", text)
        self.assertIn("Kulturhistorisches Museum", text)
        self.assertIn("Ableitungen", text)

    def test_second_city_prints_like_the_seed(self):
        self.assertLessEqual(len(self.pages["neustadt"]), 14)
        self.assertPrintsCleanly("neustadt")
        self.assertIn("Bildungskonzept der Stadt Neustadt 2026–2030", self.pages["neustadt"][0].text())

    def test_long_texts_print_without_overlaps(self):
        self.assertPrintsCleanly("long")
        # 40 units with long names are too wide for one readable page: the marks continue on further
        # pages, each with the label columns and the header rows.
        matrix = self.matrix_pages("long")
        self.assertGreater(len(matrix), 1)
        for page in matrix:
            self.assertIn("Handlungsschwerpunkt", page.text(), f"page {page.number}")
        self.assertIn("Bildungskonzept mit langen Texten", self.pages["long"][0].text())

    def test_batch_index_on_one_page_with_title_plan_and_date(self):
        index = self.pages["index"]
        self.assertEqual(len(index), 1)
        text = index[0].text()
        self.assertIn("Steckbriefe je Dezernat", text)
        self.assertIn("Plan", text.splitlines())
        self.assertIn("bildungskonzept", text.splitlines())
        self.assertIn("Stand 26.11.2026", text)
        self.assertIn("Dezernat IV.xlsx", text)
        self.assertPrintsCleanly("index")

    def test_steckbrief_is_titled_for_its_division(self):
        first = self.pages["steckbrief"][0].text()
        self.assertIn("Steckbrief: Dezernat IV", first)
        self.assertIn("Steckbrief: Dezernat IV", first.splitlines()[0])  # in the page header too
        self.assertPrintsCleanly("steckbrief")


if __name__ == "__main__":
    unittest.main()
