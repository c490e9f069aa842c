"""Status reports in the exports: the CSV flat table's "stand:" columns (and that it still
round-trips), the XLSX Stand sheet and status column, the graph's colours. Reports are written
into the database with the sqlite3 shell, as other software may; every expectation is computed
here from the database, independently of eduplan."""
import csv
import json
import os
import subprocess
import unittest
from collections import Counter, defaultdict

import openpyxl

from pdf_layout import overlaps, pages, to_pdf
from support import PlanDbTest, query, run

SCALE = ["geplant", "begonnen", "umgesetzt", "verzögert", "entfallen"]

# Every responsibility (focus area key, unit key, unit name, division name, field position,
# focus area position, unit position in the focus area), in document order.
RESPONSIBILITIES = """
SELECT fa.key, u.key, u.name, COALESCE(d.name, CASE WHEN u.is_division THEN u.name END, ''),
       f.position, fa.position, r.position, u.is_division
FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id
JOIN field f ON f.id = fa.field_id JOIN org_unit u ON u.id = r.org_unit_id
LEFT JOIN org_unit d ON d.id = u.parent_id
ORDER BY f.position, fa.position, r.position"""


def sql(db, statements):
    subprocess.run(["sqlite3", "-batch", db], input=statements, text=True, check=True)


def quoted(s):
    return "'" + s.replace("'", "''") + "'"


class StatusInExports(PlanDbTest):
    def setUp(self):
        super().setUp()
        self.plan = query(self.db, "SELECT name FROM plan")[0][0]
        self.rows = query(self.db, RESPONSIBILITIES)
        # A report for three of every four responsibilities; some without progress; for a few
        # an earlier report of the same period that a later one supersedes, and one of 2025-H2.
        self.latest = {}
        inserts = []
        for i, (fa, unit, *_rest) in enumerate(self.rows):
            key = f"{fa}/{unit}"
            if i % 4 == 3:
                continue
            if i % 7 == 0:
                inserts.append((key, "2026-H1", "geplant", 5, "früher"))
            status, progress = SCALE[i % 4], (None if i % 5 == 0 else (i * 13) % 101)
            note = f"Bemerkung {i}; mit \"Anführung\""
            inserts.append((key, "2026-H1", status, progress, note))
            self.latest[key] = (status, progress, note, "2026-H1")
        inserts.append((f"{self.rows[3][0]}/{self.rows[3][1]}", "2025-H2", "begonnen", 10, "alt"))
        self.latest[f"{self.rows[3][0]}/{self.rows[3][1]}"] = ("begonnen", 10, "alt", "2025-H2")
        values = ",\n".join(
            f"({quoted(self.plan)}, {quoted(k)}, {quoted(p)}, {quoted(s)}, "
            f"{'NULL' if g is None else g}, {quoted(n)}, 'test', '2026-11-26T00:00:00Z')"
            for k, p, s, g, n in inserts)
        sql(self.db, "INSERT INTO status_report(plan, key, period, status, progress, note, source, "
                     f"imported_at) VALUES\n{values};")

    def read_csv(self, path):
        with open(path, encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f, delimiter=";"))

    def test_csv_carries_the_latest_status_of_each_responsibility(self):
        target = self.path("plan.csv")
        self.assertExit(self.export("csv", target), 0)
        table = self.read_csv(target)
        header = table[0]
        self.assertEqual(header[-4:], ["stand:status", "stand:fortschritt", "stand:bemerkung",
                                       "stand:periode"])
        responsibilities = [r for r in table[1:] if r[0] == "Zuständigkeit"]
        self.assertEqual(len(responsibilities), len(self.rows))
        for row, (fa, unit, *_rest) in zip(responsibilities, self.rows):
            status, progress, note, period = self.latest.get(f"{fa}/{unit}", ("", None, "", ""))
            self.assertEqual(row[-4:], [status, "" if progress is None else str(progress), note,
                                        period], row)
        for row in table[1:]:
            if row[0] != "Zuständigkeit":
                self.assertEqual(row[-4:], ["", "", "", ""], row)

    def test_csv_of_one_period(self):
        target = self.path("h2.csv")
        self.assertExit(self.export("csv", target, extra=["--period", "2025-H2"]), 0)
        table = self.read_csv(target)
        reported = [r for r in table[1:] if r[-4]]
        self.assertEqual(len(reported), 1)
        self.assertEqual(reported[0][-4:], ["begonnen", "10", "alt", "2025-H2"])
        bad = self.export("csv", self.path("x.csv"), extra=["--period", "2026/H1"])
        self.assertExit(bad, 2)
        self.assertIn("kein Berichtszeitraum", bad.stderr)
        self.assertFalse(os.path.exists(self.path("x.csv")))

    def test_csv_with_statuses_still_round_trips(self):
        target = self.path("plan.csv")
        self.assertExit(self.export("csv", target), 0)
        db2 = self.path("again.db")
        self.assertExit(run("import", target, "--db", db2, "--plan", "again"), 0)
        again = self.path("again.csv")
        self.assertExit(run("export", "--db", db2, "-f", "csv", "-o", again), 0)
        # The re-imported plan has no reports: its table is the first without the stand columns.
        self.assertEqual([r[:-4] for r in self.read_csv(target)], self.read_csv(again))
        self.assertEqual(query(db2, "SELECT count(*) FROM status_report"), [["0"]])

    def rollups(self):
        result = run("status", "show", "--db", self.db, "--format", "json")
        self.assertExit(result, 0)
        return {(r["scope"], r["name"]): r for r in json.loads(result.stdout)["rollups"]}

    def expected_tallies(self):
        """Per field title and per division name: responsibilities, reported, counts, progress."""
        fields = {row[0]: row[1] for row in query(self.db, "SELECT position, title FROM field")}
        tallies = defaultdict(lambda: {"n": 0, "reported": 0, "counts": Counter(), "progress": []})
        for fa, unit, name, division, field, *_ in self.rows:
            for scope in (("field", fields[field]), ("division", division), ("plan", "")):
                if scope[1] == "" and scope[0] == "division":
                    continue
                t = tallies[scope]
                t["n"] += 1
                report = self.latest.get(f"{fa}/{unit}")
                if report:
                    t["reported"] += 1
                    t["counts"][report[0]] += 1
                    if report[1] is not None:
                        t["progress"].append(report[1])
        return fields, tallies

    def test_xlsx_stand_sheet_counts_what_the_database_holds(self):
        target = self.path("plan.xlsx")
        self.assertExit(self.export("xlsx", target, "date=2026-11-26"), 0)
        wb = openpyxl.load_workbook(target)
        self.assertEqual(wb.sheetnames[:2], ["Übersicht", "Stand"])
        ws = wb["Stand"]
        rows = [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]
        headers = [i for i, r in enumerate(rows) if r[1] == "Zuständigkeiten"]
        self.assertEqual(len(headers), 2)
        self.assertEqual(list(rows[headers[0]]), ["Handlungsfeld", "Zuständigkeiten", "gemeldet",
                                                  *SCALE, "Fortschritt (%)"])
        fields, tallies = self.expected_tallies()
        rollups = self.rollups()

        def check(scope, name, row):
            t = tallies[(scope, name if scope != "plan" else "")]
            self.assertEqual(row[1:3], (t["n"], t["reported"]), name)
            self.assertEqual(list(row[3:3 + len(SCALE)]), [t["counts"][s] for s in SCALE], name)
            mean = round(sum(t["progress"]) / len(t["progress"])) if t["progress"] else "–"
            self.assertEqual(row[3 + len(SCALE)], mean, name)
            # The same figures as `eduplan status show` (its own roll-up code).
            r = rollups[(scope, name if scope != "plan" else self.plan)]
            self.assertEqual((r["responsibilities"], r["reported"]), (t["n"], t["reported"]))
            if r["progress"] is not None:
                self.assertEqual(round(r["progress"]), mean)

        field_rows = rows[headers[0] + 1:headers[0] + 1 + len(fields)]
        self.assertEqual([r[0] for r in field_rows], [fields[k] for k in sorted(fields, key=int)])
        for row in field_rows:
            check("field", row[0], row)
        total = rows[headers[0] + 1 + len(fields)]
        self.assertEqual(total[0], "Summe")
        check("plan", "", total)
        divisions = [r for r in rows[headers[1] + 1:] if r[0]]
        self.assertEqual(sorted(r[0] for r in divisions),
                         sorted({k[1] for k in tallies if k[0] == "division"}))
        for row in divisions:
            check("division", row[0], row)
        # The traffic light: three rules on the progress column, and the chart.
        ranges = [str(cf.sqref) for cf in ws.conditional_formatting]
        self.assertTrue(all(r.startswith("I") for r in ranges), ranges)
        self.assertEqual(sum(len(cf.rules) for cf in ws.conditional_formatting), 6)
        self.assertEqual(len(ws._charts), 1)

    def test_stand_sheet_prints_on_one_page_in_libreoffice(self):
        target = self.path("plan.xlsx")
        self.assertExit(self.export("xlsx", target, "date=2026-11-26"), 0)
        printed = pages(to_pdf([target], self.path("pdf"))[0])
        stand = [p for p in printed if any(l["text"] == "Stand der Umsetzung" for l in p.lines)]
        self.assertEqual(len(stand), 1)
        text = [l["text"] for l in stand[0].lines]
        divisions = {row[3] for row in self.rows if row[3]}
        for name in list(divisions) + ["Summe", "Stand je Handlungsfeld (Zuständigkeiten)"]:
            self.assertTrue(any(name in t for t in text), name)
        self.assertGreater(stand[0].width, stand[0].height)  # landscape
        # No page of the workbook, the field sheets' status column included, prints lines on top
        # of each other.
        self.assertEqual([(p.number, overlaps(p)) for p in printed if overlaps(p)], [])

    def test_field_sheets_show_each_units_status(self):
        target = self.path("plan.xlsx")
        self.assertExit(self.export("xlsx", target, "date=2026-11-26"), 0)
        wb = openpyxl.load_workbook(target)
        field_titles = [r[0] for r in query(self.db, "SELECT title FROM field ORDER BY position")]
        by_area = defaultdict(list)
        for fa, unit, name, division, field, pos, _upos, _whole in self.rows:
            report = self.latest.get(f"{fa}/{unit}")
            if report:
                line = f"{name}: {report[0]}" + (f", {report[1]} %" if report[1] is not None else "")
                by_area[(int(field), int(pos))].append(line)
        for f, ws in enumerate(wb.worksheets[2:2 + len(field_titles)]):
            rows = list(ws.iter_rows(values_only=True))
            self.assertEqual(rows[1][-1], "Stand")
            data = [r for r in rows[2:] if isinstance(r[0], int)]
            self.assertTrue(data)
            for r in data:
                self.assertEqual((r[-1] or "").split("\n") if r[-1] else [],
                                 by_area[(f, r[0] - 1)], (ws.title, r[0]))

    def test_steckbriefe_show_their_own_statuses(self):
        out = self.path("units")
        result = run("export", "--db", self.db, "-f", "xlsx", "--per", "unit", "--output-dir", out,
                     "--option", "date=2026-11-26")
        self.assertExit(result, 0)
        name = "Stadtarchiv"
        path = [os.path.join(out, f) for f in os.listdir(out) if f.startswith(name)][0]
        wb = openpyxl.load_workbook(path)
        statuses = []
        for ws in wb.worksheets[2:]:
            rows = list(ws.iter_rows(values_only=True))
            if len(rows) < 2 or rows[1][-1] != "Stand":
                continue
            statuses += [r[-1] for r in rows[2:] if isinstance(r[0], int) and r[-1]]
        expected = [f"{name}: {self.latest[f'{fa}/{unit}'][0]}" for fa, unit, n, *_ in self.rows
                    if n == name and f"{fa}/{unit}" in self.latest]
        self.assertTrue(expected)
        self.assertEqual([s.split(",")[0] for s in statuses], expected)

    def test_graph_colours_focus_areas_by_status(self):
        target = self.path("plan.dot")
        self.assertExit(self.export("dot", target), 0)
        with open(target, encoding="utf-8") as f:
            dot = f.read()
        svg = subprocess.run(["dot", "-Tsvg", target], capture_output=True, text=True, check=True)
        self.assertIn("<svg", svg.stdout)
        self.assertIn("subgraph cluster_legend", dot)
        for s in SCALE + ["nicht gemeldet"]:
            self.assertIn(f'label="{s}"', dot)
        self.assertRegex(dot, r'cluster_legend \{\n    label="Stand[ "]')
        # The key's own words follow the graph's language (lang=en, or --lang en).
        for extra, options in (((), ("lang=en",)), (("--lang", "en"), ())):
            english = self.path("plan-en.dot")
            result = run(*extra, "export", "--db", self.db, "--format", "dot", "-o", english,
                         *[a for o in options for a in ("--option", o)])
            self.assertExit(result, 0)
            with open(english, encoding="utf-8") as f:
                text = f.read()
            self.assertIn('label="not reported"', text)
            self.assertNotIn("nicht gemeldet", text)
            self.assertRegex(text, r'cluster_legend \{\n    label="Status[ "]')
        fills = ["#C9DAF8", "#FFE599", "#B6D7A8", "#EA9999", "#D9D9D9"]
        per_area = defaultdict(Counter)
        for fa, unit, _name, _div, field, pos, *_ in self.rows:
            report = self.latest.get(f"{fa}/{unit}")
            per_area[(int(field), int(pos))]  # every area, reported or not
            if report:
                per_area[(int(field), int(pos))][report[0]] += 1
        self.assertGreater(sum(1 for c in per_area.values() if len(c) > 1), 3)  # mixed areas
        for (field, pos), counts in per_area.items():
            node = f"a{field + 1}_{pos + 1} ["
            line = next(l for l in dot.splitlines() if l.strip().startswith(node))
            if not counts:
                self.assertNotIn("fillcolor", line)
                continue
            best = max(SCALE, key=lambda s: (counts[s], -SCALE.index(s)))
            self.assertIn(f'fillcolor="{fills[SCALE.index(best)]}"', line, line)

    def test_without_reports_nothing_changes(self):
        sql(self.db, "DELETE FROM status_report;")
        self.assertExit(self.export("csv", self.path("p.csv")), 0)
        self.assertNotIn("stand:", self.read_csv(self.path("p.csv"))[0][-1])
        self.assertExit(self.export("xlsx", self.path("p.xlsx")), 0)
        self.assertNotIn("Stand", openpyxl.load_workbook(self.path("p.xlsx")).sheetnames)
        self.assertExit(self.export("dot", self.path("p.dot")), 0)
        with open(self.path("p.dot"), encoding="utf-8") as f:
            self.assertNotIn("cluster_legend", f.read())


if __name__ == "__main__":
    unittest.main()
