"""The Graphviz exporter: every output parsed by dot; escaping, ids, filters, rendering."""
import os
import re
import subprocess

from support import PlanDbTest, TempDirTest, run, run_env

DOT = "/usr/bin/dot"


def parse_with_dot(test, path):
    result = subprocess.run([DOT, "-Tsvg", path], capture_output=True, text=True)
    test.assertEqual(result.returncode, 0, result.stderr)
    return result.stdout


def node_ids(text):
    return set(re.findall(r"^\s+(\w+) \[label=", text, re.M))


class Views(PlanDbTest):
    def dot(self, *options):
        target = self.path("g.dot")
        self.assertExit(self.export("dot", target, *options), 0)
        with open(target, "rb") as f:
            raw = f.read()
        self.assertFalse(raw.startswith(b"\xef\xbb\xbf"))
        parse_with_dot(self, target)
        return raw.decode("utf-8")

    def test_responsibility_view_clusters_units_by_division(self):
        text = self.dot()
        self.assertTrue(text.startswith("digraph eduplan {"))
        # 6 fields, each with its focus areas; IV, BOB, V, I; Dezernat III stands alone.
        self.assertEqual(text.count("subgraph cluster_"), 10)
        self.assertIn('label="Dezernat IV";', text)
        self.assertIn('label="MINT";', text)
        self.assertEqual(len([i for i in node_ids(text) if i.startswith("f")]), 6)
        self.assertEqual(len([i for i in node_ids(text) if i.startswith("a")]), 55)
        # Every responsibility is one edge between a focus area and a unit; the fields on the right
        # half are laid out from the units outwards, their arrows still point at the units.
        forward = re.findall(r"^\s+a[\d_]+ -> [ud]\d+;$", text, re.M)
        backward = re.findall(r"^\s+[ud]\d+ -> a[\d_]+ \[dir=back\];$", text, re.M)
        self.assertEqual(len(forward) + len(backward), 135)
        self.assertTrue(forward and backward)

    def test_focus_areas_stay_in_their_field_cluster(self):
        text = self.dot()
        for body in re.findall(r"subgraph cluster_\d+ \{\n(.*?)\n  \}", text, re.S):
            ids = set(re.findall(r"^\s+(\w+) \[label=", body, re.M))
            fields = {i.split("_")[0][1:] for i in ids if i.startswith("a")} | {i[1:] for i in ids if i.startswith("f")}
            self.assertLessEqual(len(fields), 1, body[:200])  # one field's areas, or units only
            if any(i.startswith("a") for i in ids):
                self.assertFalse(any(i.startswith(("u", "d")) for i in ids))

    def test_one_sans_font_and_an_a3_page(self):
        text = self.dot()
        for kind in ("graph", "node", "edge"):
            self.assertRegex(text, kind + r' \[[^]]*fontname="Helvetica,Arial,sans-serif"')
        svg = parse_with_dot(self, self.path("g.dot"))
        self.assertNotIn("Times", svg)
        self.assertNotIn("serif\"", svg.replace("sans-serif", ""))
        pdf = self.path("g.pdf")
        subprocess.run([DOT, "-Tpdf", "-o", pdf, self.path("g.dot")], check=True)
        size = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", size).groups())
        self.assertLessEqual(width, 1191)  # A3 landscape: 1191 x 842 points
        self.assertLessEqual(height, 842)
        # Readable: the seed is scaled to no less than 70 % (10-point labels print at 7 points or more).
        natural = subprocess.run([DOT, "-Tplain", self.path("g.dot")], capture_output=True, text=True,
                                 check=True).stdout.split("\n")[0].split()
        self.assertGreaterEqual(float(natural[1]), 0.7)
        for node_id in node_ids(text):
            self.assertRegex(node_id, r"^[fadu][0-9_]+$")

    def test_cooperation_and_fields_are_weighted(self):
        coop = self.dot("view=cooperation")
        self.assertTrue(coop.startswith("graph eduplan {"))
        self.assertIn(" -- ", coop)
        fields = self.dot("view=fields")
        weights = [int(w) for w in re.findall(r'label="(\d+)", weight', fields)]
        self.assertEqual(sum(weights), 135)

    def test_filters_collapse_and_min_weight(self):
        mint = self.dot("field=MINT")
        self.assertEqual(len([i for i in node_ids(mint) if i.startswith("a")]), 6)
        dez5 = self.dot("division=Dezernat V", "view=cooperation")
        self.assertNotIn("Stadtbibliothek", dez5)
        self.assertIn("Jugendamt", dez5)
        collapsed = self.dot("view=cooperation", "collapse=true")
        self.assertEqual(len(node_ids(collapsed)), 5)
        heavy = self.dot("view=cooperation", "min-weight=5")
        self.assertLess(heavy.count(" -- "), self.dot("view=cooperation").count(" -- "))
        self.assertTrue(all(int(w) >= 5 for w in re.findall(r'label="(\d+)", weight', heavy)))

    def test_unknown_field_is_an_error(self):
        result = self.export("dot", self.path("g.dot"), "field=Gibt es nicht")
        self.assertExit(result, 2)
        self.assertIn("kein Handlungsfeld „Gibt es nicht“ im Plan; es gibt: „Bildungsplanung/ Infrastruktur“, "
                      "„Digitalisierung/ Medienkompetenz“, „MINT“, „Demokratiebildung“, „Teilhabe“, "
                      "„lebenslanges Lernen“", result.stderr)
        result = self.export("dot", self.path("g.dot"), "division=Dezernat 9")
        self.assertExit(result, 2)
        self.assertIn("kein Dezernat „Dezernat 9“ im Plan; es gibt: „Dezernat IV“, „BOB“, „Dezernat V“, „Dezernat I“, "
                      "„Dezernat III“", result.stderr)

    def test_names_match_ignoring_case(self):
        mint = self.dot("field=mint")
        self.assertEqual(len([i for i in node_ids(mint) if i.startswith("a")]), 6)
        lernen = self.dot("field=LEBENSLANGES LERNEN")
        self.assertEqual(len([i for i in node_ids(lernen) if i.startswith("a")]), 11)
        self.assertIn("Jugendamt", self.dot("division=dezernat v", "view=cooperation"))

    def test_deterministic(self):
        self.assertEqual(self.dot("view=cooperation"), self.dot("view=cooperation"))

    def test_render_svg_and_png(self):
        svg = self.path("g.svg")
        self.assertExit(self.export("dot", svg, "render=svg"), 0)
        with open(svg) as f:
            self.assertIn("<svg", f.read())
        png = self.path("g.png")
        self.assertExit(self.export("dot", png, "render=png"), 0)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        self.assertEqual(sorted(os.listdir(self.dir)), ["g.png", "g.svg", "plan.db"])

    def test_render_without_graphviz_says_so(self):
        result = run_env(["export", "--db", self.db, "--format", "dot", "-o", self.path("g.svg"),
                          "--option", "render=svg"], {"PATH": "/nonexistent"})
        self.assertExit(result, 2)
        self.assertIn("Graphviz „dot“ nicht gefunden", result.stderr)
        self.assertEqual(os.listdir(self.dir), ["plan.db"])


class HostileLabels(TempDirTest):
    """exporter-rules.md, case 8."""

    def test_labels_are_escaped_and_ids_synthetic(self):
        doc = self.write("hostile.csv",
                         "art;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
                         "Zuständigkeit;\"\"\"Quoted\"\" C:\\Daten\\\";1;Text mit \\N und <Amt> & R&D;Dezernat IV/Kultur;node;\n"
                         "Zuständigkeit;\"\"\"Quoted\"\" C:\\Daten\\\";1;Text mit \\N und <Amt> & R&D;Dezernat IV/Kultur;Graph;\n"
                         "Zuständigkeit;\"\"\"Quoted\"\" C:\\Daten\\\";1;Text mit \\N und <Amt> & R&D;BOB;strict;\n"
                         "Zuständigkeit;\"\"\"Quoted\"\" C:\\Daten\\\";1;Text mit \\N und <Amt> & R&D;BOB;C:\\Daten\\;\n")
        db = self.path("h.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        target = self.path("h.dot")
        self.assertExit(run("export", "--db", db, "--format", "dot", "-o", target), 0)
        with open(target, encoding="utf-8") as f:
            text = f.read()
        svg = parse_with_dot(self, target)
        for shown in ["&quot;Quoted&quot; C:\\Daten\\", "Text mit \\N und &lt;Amt&gt; &amp; R&amp;D", ">node<", ">strict<",
                      ">C:\\Daten\\<", ">Dezernat IV/Kultur<"]:
            self.assertIn(shown, svg)
        for keyword in ("node", "Graph", "strict"):
            self.assertNotIn(keyword, node_ids(text))


if __name__ == "__main__":
    import unittest
    unittest.main()
