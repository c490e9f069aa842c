"""The Graphviz exporter: every output parsed by dot; escaping, ids, filters, rendering, large plans."""
import os
import random
import re
import subprocess
import time
import xml.etree.ElementTree as ET

from support import EDUPLAN, SQLITE3, PlanDbTest, TempDirTest, run, run_env

DOT = "/usr/bin/dot"
MAX_LABEL_BYTES = 1000  # dot_text.h


def parse_with_dot(test, path):
    """The SVG dot makes of a DOT file: no error, no warning (Graphviz warns of invalid UTF-8 and then
    reads the whole file as Latin-1), well-formed XML."""
    result = subprocess.run([DOT, "-Tsvg", path], capture_output=True, text=True)
    test.assertEqual(result.returncode, 0, result.stderr)
    test.assertEqual(result.stderr, "")
    ET.fromstring(result.stdout)
    return result.stdout


def svg_texts(svg):
    """The text of every <text> element, as a viewer shows it (entities decoded)."""
    return ["".join(e.itertext()) for e in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


def labels(text):
    """Every quoted label of a DOT file, as written (escapes kept)."""
    return re.findall(r'label="((?:[^"\\]|\\.)*)"', text)


def big_plan_csv(path, units=240, divisions=8, fields=10, areas=12, per_area=5, seed=1):
    """A flat CSV plan whose cooperation view takes dot minutes: 120 focus areas with 5 of 240 units
    each, about 1,100 pairs of units."""
    rng = random.Random(seed)
    names = [(f"Dezernat {d + 1}", f"Amt {d + 1}.{u + 1}") for d in range(divisions)
             for u in range(units // divisions)]
    rows = ["art;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung"]
    for f in range(fields):
        for a in range(areas):
            for division, unit in rng.sample(names, per_area):
                rows.append(f"Zuständigkeit;Feld {f + 1};{a + 1};Schwerpunkt {f + 1}.{a + 1};{division};{unit};")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")


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

    def test_the_seed_is_drawn_whole_by_dot(self):
        for view in ("responsibility", "cooperation", "fields"):
            text = self.dot("view=" + view)
            self.assertNotIn("layout=", text)
            self.assertNotIn("Großer Graph", text)

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
        with open(svg, encoding="utf-8") as f:
            self.assertIn("Museum für Naturkunde", svg_texts(f.read()))
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


class LabelLimits(TempDirTest):
    """Graphviz cannot read a quoted string of about 16,384 bytes: every label is cut well below."""

    def test_long_texts_are_cut_without_splitting_a_character(self):
        title = "Feld " + "ü" * 17000
        doc = self.write("long.csv",
                         "art;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
                         f"Zuständigkeit;{title};1;{'x' * 20000};Dezernat {'Ä' * 9000};Amt {'ö' * 9000};\n"
                         f"Zuständigkeit;{title};1;{'x' * 20000};Dezernat {'Ä' * 9000};Amt B;\n"
                         f"Zuständigkeit;{title};2;{'😀' * 20000};Dezernat {'Ä' * 9000};Amt B;\n"
                         f"Zuständigkeit;{title};3;{'&' * 16385};Dezernat {'Ä' * 9000};Amt B;\n"
                         f"Zuständigkeit;{title};4;{'x' * 990} {'y' * 20};Dezernat {'Ä' * 9000};Amt B;\n")
        db = self.path("l.db")
        self.assertExit(run("import", doc, "--db", db), 0)
        for view in ("responsibility", "cooperation", "fields"):
            target = self.path(f"{view}.dot")
            self.assertExit(run("export", "--db", db, "--format", "dot", "-o", target, "--option", "view=" + view), 0)
            with open(target, "rb") as f:
                text = f.read().decode("utf-8")  # strict: no cut sequence
            svg = parse_with_dot(self, target)
            written = labels(text)
            self.assertTrue(any(len(label) > 100 for label in written))
            for label in written:
                unescaped = label.replace("\\n", "\n").replace("&amp;", "&")
                self.assertLessEqual(len(unescaped.encode("utf-8")), MAX_LABEL_BYTES)
                self.assertLessEqual(len(label.encode("utf-8")), 5 * MAX_LABEL_BYTES)  # all "&amp;"
                if len(label) > 100:
                    self.assertTrue(label.endswith("…"), label[-20:])
            if view == "responsibility":
                shown = svg_texts(svg)
                self.assertIn("😀" * 8, "".join(shown))
                self.assertTrue(any(t.startswith("&" * 60) for t in shown))  # shown as written
                # Cut before the last word, not inside it.
                self.assertIn("x" * 990 + "…", shown)
                self.assertNotIn("y", "".join(shown))
        svg = self.path("g.svg")
        self.assertExit(run("export", "--db", db, "--format", "dot", "-o", svg, "--option", "render=svg"), 0)
        with open(svg, encoding="utf-8") as f:
            self.assertTrue(any(t.endswith("…") for t in svg_texts(f.read())))


class ForeignDatabase(PlanDbTest):
    """A database written by other software: any bytes in TEXT columns."""

    def test_invalid_utf8_is_refused_as_invalid_data(self):
        # The database's rows are checked as they are read: text that is not UTF-8 is refused with
        # the table, row and column (cli_database.py), before the exporter sees it.
        subprocess.run([SQLITE3, self.db, "UPDATE focus_area SET text = CAST(X'4dc3a4ff' AS TEXT) "
                        "WHERE id = (SELECT min(id) FROM focus_area);"], check=True)
        result = self.export("dot", self.path("g.dot"))
        self.assertExit(result, 2)
        self.assertIn("Datenbank enthält Ungültiges", result.stderr)
        self.assertIn("UTF-8", result.stderr)

    def test_control_characters_make_a_readable_graph(self):
        bad = "4dc3a4" "20" "011b7f" "41" "09" "42" "0d0a" "43" "c285" "efbfbe" \
              "20" "266c743b" "20" "5c"  # Mä, C0 controls, TAB, CRLF, C1, a noncharacter, &lt;, backslash
        subprocess.run([SQLITE3, self.db,
                        f"UPDATE focus_area SET text = CAST(X'{bad}' AS TEXT) "
                        "WHERE id = (SELECT min(id) FROM focus_area);"
                        "UPDATE org_unit SET name = 'Amt C:\\Daten\\' WHERE name = 'BOB';"
                        "UPDATE org_unit SET name = 'Stadtarchiv \\' WHERE name = 'Stadtarchiv';"], check=True)
        for view in ("responsibility", "cooperation"):
            target = self.path(view + ".dot")
            self.assertExit(self.export("dot", target, "view=" + view), 0)
            with open(target, "rb") as f:
                text = f.read().decode("utf-8")
            self.assertIsNone(re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe]", text))
            shown = svg_texts(parse_with_dot(self, target))
            self.assertIn("Museum für Naturkunde", shown)  # not read as Latin-1
            self.assertIn("Amt C:\\Daten\\", shown)  # a cluster label ending in a backslash
            self.assertIn("Stadtarchiv \\", shown)
            if view == "responsibility":
                self.assertIn("Mä A B", shown)  # controls dropped, TAB as a space
                self.assertIn("C &lt; \\", shown)  # C1 and the noncharacter dropped; "&lt;" as written


class LargePlans(TempDirTest):
    """Large graphs are reduced before dot sees them, and dot runs with a time limit."""

    def setUp(self):
        super().setUp()
        big_plan_csv(self.path("big.csv"))
        self.db = self.path("big.db")
        self.assertExit(run("import", self.path("big.csv"), "--db", self.db), 0)

    def export(self, target, *options, env=None):
        args = ["export", "--db", self.db, "--format", "dot", "-o", target]
        for o in options:
            args += ["--option", o]
        return run_env(args, env) if env else run(*args)

    def dot(self, *options):
        target = self.path("g.dot")
        self.assertExit(self.export(target, *options), 0)
        with open(target, encoding="utf-8") as f:
            text = f.read()
        return text, parse_with_dot(self, target)

    def test_cooperation_collapses_into_divisions_and_says_so(self):
        text, svg = self.dot("view=cooperation")
        self.assertEqual({i[0] for i in node_ids(text)}, {"d"})
        self.assertEqual(len(node_ids(text)), 8)
        note = " ".join(svg_texts(svg))
        self.assertIn("Großer Graph (222 Knoten, 1178 Kanten; Grenzen max-nodes=500, max-edges=600)", note)
        self.assertIn("Einheiten zu ihren Dezernaten zusammengefasst", note)
        self.assertNotIn("layout=", text)
        # The note is the root graph's label, after the clusters: they keep their own labels on top.
        self.assertRegex(text, r'label="Gro[^"]*"; labelloc=b; labeljust=l;\n}\n$')

    def test_the_note_follows_the_graphs_language(self):
        text, svg = self.dot("view=cooperation", "lang=en")
        note = " ".join(svg_texts(svg))
        self.assertIn("Large graph (222 nodes, 1178 edges; limits max-nodes=500, max-edges=600): "
                      "units drawn as their divisions. All with dot:", note)
        self.assertNotIn("Großer Graph", text)
        text, svg = self.dot("view=cooperation", "collapse=false", "lang=en")
        self.assertIn("laid out with sfdp instead of dot, without boxes", " ".join(svg_texts(svg)))
        # --lang en fills the option; messages and labels can also differ.
        target = self.path("en.dot")
        self.assertExit(run("--lang", "en", "export", "--db", self.db, "--format", "dot", "-o", target), 0)
        with open(target, encoding="utf-8") as f:
            self.assertIn("Large graph (", f.read())
        self.assertExit(run("--lang", "en", "export", "--db", self.db, "--format", "dot", "-o", target,
                            "--option", "lang=de"), 0)
        with open(target, encoding="utf-8") as f:
            self.assertIn("Großer Graph (", f.read())

    def test_responsibility_falls_back_to_fields_by_divisions(self):
        text, svg = self.dot()
        self.assertEqual({i[0] for i in node_ids(text)}, {"f", "d"})
        self.assertIn("Schwerpunkte zu ihren Handlungsfeldern", " ".join(svg_texts(svg)))
        weights = [int(w) for w in re.findall(r'label="(\d+)", weight', text)]
        pairs = subprocess.run([SQLITE3, self.db, "SELECT count(DISTINCT r.focus_area_id || '/' || u.parent_id) "
                                "FROM responsibility r JOIN org_unit u ON u.id = r.org_unit_id"],
                               capture_output=True, text=True, check=True).stdout
        self.assertEqual(sum(weights), int(pairs))

    def test_collapse_false_keeps_the_units_and_lays_out_with_sfdp(self):
        text, svg = self.dot("view=cooperation", "collapse=false")
        self.assertEqual(len(node_ids(text)), 222)
        self.assertIn("layout=sfdp, overlap=prism", text)
        self.assertNotIn("subgraph", text)
        self.assertNotRegex(text, r'label="\d+"')  # sfdp takes 15 times as long with edge labels
        self.assertIn("mit sfdp statt dot gesetzt", " ".join(svg_texts(svg)))
        start = time.monotonic()
        self.assertExit(self.export(self.path("g.svg"), "view=cooperation", "collapse=false", "render=svg"), 0)
        self.assertLess(time.monotonic() - start, 30)

    def test_thresholds_are_options(self):
        text, _ = self.dot("view=fields")  # 232 nodes, 534 edges: within the defaults
        self.assertEqual(len(node_ids(text)), 232)
        self.assertNotIn("Großer Graph", text)
        for limit in ("max-nodes=100", "max-edges=500"):
            text, _ = self.dot("view=fields", limit)
            self.assertEqual({i[0] for i in node_ids(text)}, {"f", "d"})
            self.assertIn(limit, text)
        result = self.export(self.path("g.dot"), "max-edges=5")
        self.assertExit(result, 2)
        self.assertIn("max-edges", result.stderr)
        help_text = run("export", "--format", "dot", "--help").stdout
        for shown in ("collapse=auto|true|false", "max-nodes=<int 10..10000000>", "max-edges=<int 10..10000000>",
                      "timeout=<int 1..86400>"):
            self.assertIn(shown, help_text)

    def test_render_is_fast_with_the_defaults(self):
        for view in ("responsibility", "cooperation", "fields"):
            start = time.monotonic()
            self.assertExit(self.export(self.path("g.svg"), "view=" + view, "render=svg"), 0)
            self.assertLess(time.monotonic() - start, 20, view)

    def test_dot_is_killed_at_the_time_limit(self):
        target = self.path("g.svg")
        start = time.monotonic()
        result = self.export(target, "view=cooperation", "collapse=false", "max-edges=10000000", "render=svg",
                             "timeout=1")
        self.assertLess(time.monotonic() - start, 15)
        self.assertExit(result, 2)
        self.assertIn("Graphviz „dot“ hat den Graphen (222 Knoten, 1178 Kanten) in 1 s nicht gesetzt und wurde "
                      "abgebrochen", result.stderr)
        for advice in ("collapse=true", "max-edges=", "timeout=", "ohne render="):
            self.assertIn(advice, result.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["big.csv", "big.db"])
        self.assertEqual(self.processes_using_the_directory(), [])

    def test_dot_ends_when_the_export_is_killed(self):
        args = [EDUPLAN, "export", "--db", self.db, "--format", "dot", "-o", self.path("g.svg")]
        for o in ("view=cooperation", "collapse=false", "max-edges=10000000", "render=svg"):
            args += ["--option", o]
        export = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 20
            while len(self.processes_using_the_directory()) < 3 and time.monotonic() < deadline:
                time.sleep(0.05)
            # eduplan, the child process running the exporter, and dot
            self.assertEqual(len(self.processes_using_the_directory()), 3)
        finally:
            export.kill()
            export.wait()
        deadline = time.monotonic() + 10
        while self.processes_using_the_directory() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(self.processes_using_the_directory(), [])
        self.assertFalse([f for f in os.listdir(self.dir) if f.endswith(".dot")])

    def processes_using_the_directory(self):
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if self.dir.encode() in f.read():
                        found.append(pid)
            except OSError:
                pass
        return found


class RenderFailures(PlanDbTest):
    """What dot says, or how it ended, reaches the user; nothing is left behind."""

    def fake_dot(self, script):
        bin_dir = os.path.join(self.dir, "bin")
        os.mkdir(bin_dir)
        path = os.path.join(bin_dir, "dot")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + script + "\n")
        os.chmod(path, 0o755)
        return {"PATH": bin_dir + ":/usr/bin:/bin"}

    def render(self, env, *options):
        args = ["export", "--db", self.db, "--format", "dot", "-o", self.path("g.png"), "--option", "render=png"]
        for o in options:
            args += ["--option", o]
        return run_env(args, env)

    def assertNothingLeft(self):
        self.assertEqual(sorted(os.listdir(self.dir)), ["bin", "plan.db"])

    def test_dot_error_is_shown(self):
        env = self.fake_dot('echo "Error: kaputt in line 3" >&2; echo "weiteres" >&2; exit 3')
        result = self.render(env)
        self.assertExit(result, 2)
        self.assertIn("Graphviz „dot“ ist mit einem Fehler beendet worden (Exit-Code 3): Error: kaputt in line 3;",
                      result.stderr)
        self.assertNotIn("weiteres", result.stderr)
        self.assertNothingLeft()

    def test_dot_crash_is_shown(self):
        result = self.render(self.fake_dot("kill -SEGV $$"))
        self.assertExit(result, 2)
        self.assertIn("Graphviz „dot“ ist abgestürzt (Signal 11", result.stderr)
        self.assertNothingLeft()

    def test_hanging_dot_is_killed(self):
        start = time.monotonic()
        result = self.render(self.fake_dot("exec sleep 60"), "timeout=1")
        self.assertLess(time.monotonic() - start, 15)
        self.assertExit(result, 2)
        self.assertRegex(result.stderr, r"Graphviz „dot“ hat den Graphen \(\d+ Knoten, \d+ Kanten\) in 1 s "
                                        r"nicht gesetzt und wurde abgebrochen")
        self.assertNothingLeft()
        english = run_env(["--lang", "en", "export", "--db", self.db, "--format", "dot", "-o", self.path("g.png"),
                           "--option", "render=png", "--option", "timeout=1"], {"PATH": os.path.join(self.dir, "bin") + ":/usr/bin:/bin"})
        self.assertExit(english, 2)
        self.assertRegex(english.stderr, r'Graphviz "dot" did not lay out the graph \(\d+ nodes, \d+ edges\) in 1 s '
                                         r"and was stopped")
        self.assertNothingLeft()

    def test_dot_failures_in_english(self):
        result = run_env(["--lang", "en", "export", "--db", self.db, "--format", "dot", "-o", self.path("g.png"),
                          "--option", "render=png"], self.fake_dot("kill -SEGV $$"))
        self.assertExit(result, 2)
        self.assertIn('Graphviz "dot" crashed (signal 11', result.stderr)
        self.assertNotIn("abgestürzt", result.stderr)
        self.assertNothingLeft()

    def test_render_into_a_missing_directory(self):
        target = os.path.join(self.dir, "fehlt", "g.png")
        result = run("export", "--db", self.db, "--format", "dot", "-o", target, "--option", "render=png")
        self.assertExit(result, 2)
        self.assertIn(f"das Verzeichnis {os.path.join(self.dir, 'fehlt')} gibt es nicht", result.stderr)
        self.assertEqual(os.listdir(self.dir), ["plan.db"])


class NothingToDraw(PlanDbTest):
    """An empty selection is an error that says why, not an empty picture."""

    def assertRefused(self, expected, *options, db=None):
        target = self.path("g.png")
        args = ["export", "--db", db or self.db, "--format", "dot", "-o", target]
        for o in options:
            args += ["--option", o]
        result = run(*args)
        self.assertExit(result, 2)
        self.assertIn(expected, result.stderr)
        self.assertFalse(os.path.exists(target))

    def sql(self, statement):
        subprocess.run([SQLITE3, self.db, "PRAGMA foreign_keys = ON; " + statement], check=True)

    def test_a_plan_without_fields(self):
        self.sql("DELETE FROM field;")
        self.assertRefused("der Plan enthält kein Handlungsfeld: nichts zu zeichnen", "render=png")

    def test_a_plan_without_responsibilities(self):
        self.sql("DELETE FROM responsibility;")
        self.assertRefused("keine Zuständigkeiten im Plan: nichts zu zeichnen")

    def test_filters_that_leave_nothing(self):
        self.assertRefused("keine Zuständigkeiten im Handlungsfeld „MINT“ für Dezernat „Dezernat I“: "
                           "nichts zu zeichnen",
                           "field=MINT", "division=Dezernat I")
        self.assertRefused("keine zwei Einheiten teilen einen Schwerpunkt im Handlungsfeld „MINT“ "
                           "für Dezernat „BOB“",
                           "field=MINT", "division=BOB", "view=cooperation")

    def test_min_weight_that_prunes_everything(self):
        self.assertRefused("min-weight=100 lässt keine Verbindung übrig; die stärkste hat das Gewicht 7",
                           "view=cooperation", "min-weight=100")
        self.assertRefused("min-weight=2 lässt keine Verbindung übrig; die stärkste hat das Gewicht 1",
                           "min-weight=2")


if __name__ == "__main__":
    import unittest
    unittest.main()
