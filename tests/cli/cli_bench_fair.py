"""The export benchmarks compare like with like (docs/performance.md).

bench/xlsx_bare.cc, the floor for `eduplan export --format xlsx`, must write the same workbook
cells: the same sheets in the same order, every cell's value and format (font, number format,
border, fill, alignment; formatted empty cells too), the same merged cells, frozen panes and
filters. bench/flat_table.sql, the sqlite3 shell's yardstick for the CSV export, must write the
same rows as the CSV export's plan table (less the objective rows it leaves out).
"""
import csv
import io
import os
import re
import subprocess
import unittest
import zipfile

import openpyxl

from support import SEED, SQLITE3, TEST_DATA, UNITS, TempDirTest, run

BARE = os.environ["EDUPLAN_XLSX_BARE"]
GEN = os.environ["EDUPLAN_GEN"]
FLAT_TABLE_SQL = os.path.join(os.path.dirname(__file__), "..", "..", "bench", "flat_table.sql")
DATE = "2026-11-26"


def style_of(cell):
    f, b, a = cell.font, cell.border, cell.alignment
    fill = (cell.fill.fill_type, cell.fill.fgColor.rgb if cell.fill.fill_type else None)
    return (f.name, f.sz, bool(f.b), bool(f.i), f.u, cell.number_format,
            b.left.style, b.right.style, b.top.style, b.bottom.style, fill,
            a.horizontal, a.vertical, bool(a.wrap_text), a.textRotation)


def workbook_cells(path):
    """Sheet names in order, and per sheet {(row, col): (value, style)} of every cell that has a
    value or a format."""
    wb = openpyxl.load_workbook(path, read_only=True)
    styles = {}
    sheets = {}
    for ws in wb.worksheets:
        found = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not getattr(cell, "has_style", False):
                    continue
                key = tuple(cell.style_array)
                if key not in styles:
                    styles[key] = style_of(cell)
                found[(cell.row, cell.column)] = (cell.value, styles[key])
        sheets[ws.title] = found
    names = list(wb.sheetnames)
    wb.close()
    return names, sheets


def sheet_layout(path):
    """Per sheet in order: merged ranges, the frozen pane, the filter's range (from the XML)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for i in range(1, 1000):
            name = f"xl/worksheets/sheet{i}.xml"
            if name not in z.namelist():
                break
            xml = z.read(name).decode("utf-8")
            out.append((sorted(re.findall(r'<mergeCell ref="([^"]+)"', xml)),
                        re.findall(r"<pane [^>]*>", xml), re.findall(r'<autoFilter ref="([^"]+)"', xml)))
    return out


class ExportFloors(TempDirTest):
    def import_plan(self, doc, units):
        db = self.path(os.path.basename(doc) + ".db")
        self.assertExit(run("import", doc, "--units", units, "--db", db, "--plan", "p"), 0)
        return db

    def generated(self, n):
        out = self.path(f"gen{n}")
        subprocess.run([GEN, "-n", str(n), "-o", out], check=True, capture_output=True)
        return self.import_plan(os.path.join(out, "plan-0001.md"), os.path.join(out, "units.csv"))

    def assertSameWorkbook(self, db):
        """Exports the plan with eduplan and with the bare program; returns the cells."""
        ours, bare = self.path("eduplan.xlsx"), self.path("bare.xlsx")
        self.assertExit(run("export", "--db", db, "--format", "xlsx", "-o", ours, "--option", f"date={DATE}"), 0)
        result = subprocess.run([BARE, db, "p", bare, DATE], capture_output=True, text=True, timeout=300)
        self.assertEqual(result.returncode, 0, result.stderr)
        names, cells = workbook_cells(ours)
        bare_names, bare_cells = workbook_cells(bare)
        self.assertEqual(bare_names, names)
        for name in names:
            self.assertTrue(cells[name], name)
            ours_only = {k: v for k, v in cells[name].items() if bare_cells[name].get(k) != v}
            bare_only = {k: v for k, v in bare_cells[name].items() if cells[name].get(k) != v}
            self.assertEqual((list(ours_only.items())[:5], list(bare_only.items())[:5]), ([], []), name)
        self.assertEqual(sheet_layout(bare), sheet_layout(ours))
        return cells

    @staticmethod
    def empty_marks(cells):
        """Formatted empty cells among the matrix's unit columns (column D on)."""
        return sum(1 for (row, col), (value, _) in cells["Zuständigkeitsmatrix"].items()
                   if row > 3 and col > 3 and value is None)

    def test_seed(self):
        cells = self.assertSameWorkbook(self.import_plan(SEED, UNITS))
        self.assertEqual(cells["Übersicht"][(5, 2)][0], "26.11.2026")
        self.assertGreater(self.empty_marks(cells), 0)

    def test_plan_with_further_columns(self):
        print_data = os.path.join(TEST_DATA, "print")
        cells = self.assertSameWorkbook(self.import_plan(os.path.join(print_data, "neustadt.md"),
                                                         os.path.join(print_data, "neustadt-verwaltung.csv")))
        self.assertEqual(cells["Frühe Bildung"][(2, 4)][0], "Zeitraum")

    def test_generated_plan_with_grid(self):
        cells = self.assertSameWorkbook(self.generated(5000))
        self.assertGreater(self.empty_marks(cells), 100000)

    def test_generated_plan_marks_only(self):
        # Over 2,000,000 matrix cells: only the marks are written.
        cells = self.assertSameWorkbook(self.generated(50000))
        self.assertEqual(self.empty_marks(cells), 0)

    def test_flat_table_query_writes_the_csv_rows(self):
        for db in (self.import_plan(SEED, UNITS), self.generated(5000)):
            out = self.path("eduplan.csv")
            self.assertExit(run("export", "--db", db, "--format", "csv", "-o", out, "--option", "neutralize=false"), 0)
            with open(out, encoding="utf-8-sig", newline="") as f:
                ours = list(csv.reader(f, delimiter=";"))
            shell = self.path("sqlite3.csv")
            subprocess.run([SQLITE3, "-cmd", ".parameter set @plan p", "-cmd", f".output {shell}", db,
                            f".read {FLAT_TABLE_SQL}"], check=True, capture_output=True, timeout=120)
            with open(shell, encoding="utf-8", newline="") as f:
                theirs = list(csv.reader(f, delimiter=";"))
            self.assertEqual(theirs[0], ours[0])
            kept = [row for row in ours[1:] if row[0] in ("Zuständigkeit", "Schwerpunkt")]
            self.assertGreater(len(kept), 100)
            self.assertEqual(theirs[1:], kept)


if __name__ == "__main__":
    unittest.main()
