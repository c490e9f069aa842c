"""Word and LibreOffice documents are read as Markdown is (issue 9, never a silent difference): a
sub-item of the objectives' list continues its objective (objective-continued), and a heading struck
through entirely is no field without a title (heading-empty), and a footnote's mark typed as
superscript is dropped and said (text-dropped), in both formats."""
import json
import unittest

from cli_office_fidelity import docx, odt, o_cell, w_p, w_run, w_tc, w_tr
from support import TempDirTest, query, run

SQL = ["SELECT title FROM field ORDER BY position",
       "SELECT o.text FROM field_objective fo JOIN objective o ON o.id = fo.objective_id "
       "ORDER BY fo.field_id, fo.position"]


def w_item(text, level):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"{w_run(text)}</w:p>")


def w_field(title_runs):
    header = w_tr(w_tc(w_p(w_run("Handlungsschwerpunkt"))), w_tc(w_p(w_run("Verwaltungsbereich"))))
    row = w_tr(w_tc(w_p(w_run("Fachkräftegewinnung"))), w_tc(w_p(w_run("Dezernat III"))))
    return w_p(title_runs, style="Heading2") + f"<w:tbl>{header}{row}</w:tbl>"


def o_field(title):
    header = "<table:table-row>" + o_cell("Handlungsschwerpunkt") + o_cell("Verwaltungsbereich") + "</table:table-row>"
    row = "<table:table-row>" + o_cell("Fachkräftegewinnung") + o_cell("Dezernat III") + "</table:table-row>"
    return (f'<text:h text:outline-level="2">{title}</text:h>'
            f'<table:table><table:table-column table:number-columns-repeated="2"/>{header}{row}</table:table>')


def o_list(*items):
    """A LibreOffice list; an item that is a tuple is (text, sub-items)."""
    out = "<text:list>"
    for item in items:
        text, subs = item if isinstance(item, tuple) else (item, ())
        out += f"<text:list-item><text:p>{text}</text:p>{o_list(*subs) if subs else ''}</text:list-item>"
    return out + "</text:list>"


STRUCK_STYLE = ('<style:style style:name="T1" style:family="text">'
                '<style:text-properties style:text-line-through-style="solid"/></style:style>')


class OfficeSilent(TempDirTest):
    def imported(self, name, content):
        path = self.write(name, content)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        findings = json.loads(run("validate", path, "--format", "json").stdout)["findings"]
        return [query(db, sql) for sql in SQL], findings

    def rules(self, findings, rule):
        return [f for f in findings if f["rule"] == rule]

    def test_sub_items_continue_their_objective(self):
        word = docx(w_field(w_run("Handlungsfeld MINT")) + w_p(w_run("Ableitungen:"))
                    + w_item("Digitalisierung voranbringen", 0) + w_item("an Schulen", 1)
                    + w_item("Vernetzung ausbauen", 0))
        libre = odt(o_field("Handlungsfeld MINT") + "<text:p>Ableitungen:</text:p>"
                    + o_list(("Digitalisierung voranbringen", ("an Schulen",)), "Vernetzung ausbauen"))
        for name, content in (("liste.docx", word), ("liste.odt", libre)):
            with self.subTest(name):
                plan, findings = self.imported(name, content)
                self.assertEqual(plan[1], [["Digitalisierung voranbringen an Schulen"], ["Vernetzung ausbauen"]])
                continued = self.rules(findings, "objective-continued")
                self.assertEqual(len(continued), 1, findings)
                self.assertIn("an Schulen", continued[0]["message"])

    def test_sub_items_by_list_style_continue_their_objective(self):
        # Word's built-in list styles carry the level: "List Bullet 2" by its name, a style of the
        # city's own by its numbering (w:numPr/w:ilvl in styles.xml), also through basedOn.
        styles = ('<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="Unterpunkt"><w:name w:val="Aufzählung Unterpunkt"/>'
                  '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="Unterpunkt2"><w:name w:val="Aufzählung Unterpunkt grün"/>'
                  '<w:basedOn w:val="Unterpunkt"/></w:style>')
        for sub_style in ("ListBullet2", "Unterpunkt", "Unterpunkt2"):
            with self.subTest(sub_style):
                word = docx(w_field(w_run("Handlungsfeld MINT")) + w_p(w_run("Ableitungen:"))
                            + w_p(w_run("Digitalisierung voranbringen"), style="ListBullet")
                            + w_p(w_run("an Schulen"), style=sub_style)
                            + w_p(w_run("Vernetzung ausbauen"), style="ListBullet"), styles)
                plan, findings = self.imported(f"stil-{sub_style}.docx", word)
                self.assertEqual(plan[1], [["Digitalisierung voranbringen an Schulen"], ["Vernetzung ausbauen"]])
                self.assertEqual(len(self.rules(findings, "objective-continued")), 1, findings)

    def test_struck_heading_is_no_field(self):
        struck = w_run("Handlungsfeld Alt", "<w:strike/>")
        word = docx(w_field(w_run("Handlungsfeld MINT")) + w_field(struck)
                    + w_field(w_run("Handlungsfeld Teilhabe")))
        libre = odt(o_field("Handlungsfeld MINT") + o_field('<text:span text:style-name="T1">Handlungsfeld Alt</text:span>')
                    + o_field("Handlungsfeld Teilhabe"), STRUCK_STYLE)
        for name, content in (("gestrichen.docx", word), ("gestrichen.odt", libre)):
            with self.subTest(name):
                plan, findings = self.imported(name, content)
                self.assertEqual(plan[0], [["MINT"], ["Teilhabe"]])
                self.assertEqual(len(self.rules(findings, "heading-empty")), 1, findings)
                self.assertEqual(len(self.rules(findings, "table-outside-field")), 1, findings)
                self.assertEqual(len(self.rules(findings, "text-dropped")), 1, findings)

    def test_superscript_footnote_marks_are_dropped_and_said(self):
        """A footnote's mark typed as superscript is dropped as <sup>1</sup> is in Markdown; a power
        after a unit of length ("m²") and other superscript text stay text."""
        sup = '<w:vertAlign w:val="superscript"/>'
        word_rows = w_tr(w_tc(w_p(w_run("Reaktivierung der Kontakte zu Kitas"), w_run("1", sup))),
                         w_tc(w_p(w_run("Dezernat III")))) + \
            w_tr(w_tc(w_p(w_run("Schulhof mit 100 m"), w_run("2", sup), w_run(" Fläche"), w_run(" neu", sup))),
                 w_tc(w_p(w_run("Dezernat III"))))
        header = w_tr(w_tc(w_p(w_run("Handlungsschwerpunkt"))), w_tc(w_p(w_run("Verwaltungsbereich"))))
        word = docx(w_p(w_run("Handlungsfeld MINT"), w_run("2,3", sup), style="Heading2")
                    + f"<w:tbl>{header}{word_rows}</w:tbl>" + w_p(w_run("Ableitungen: Angebote entwickeln")))
        raised = ('<style:style style:name="S1" style:family="text">'
                  '<style:text-properties style:text-position="super 58%"/></style:style>')
        span = lambda t: f'<text:span text:style-name="S1">{t}</text:span>'
        o_header = "<table:table-row>" + o_cell("Handlungsschwerpunkt") + o_cell("Verwaltungsbereich") + "</table:table-row>"
        o_rows = ("<table:table-row>" + o_cell("Reaktivierung der Kontakte zu Kitas" + span("1"))
                  + o_cell("Dezernat III") + "</table:table-row><table:table-row>"
                  + o_cell("Schulhof mit 100 m" + span("2") + " Fläche" + span(" neu"))
                  + o_cell("Dezernat III") + "</table:table-row>")
        libre = odt(f'<text:h text:outline-level="2">Handlungsfeld MINT{span("2,3")}</text:h>'
                    f'<table:table><table:table-column table:number-columns-repeated="2"/>{o_header}{o_rows}'
                    "</table:table><text:p>Ableitungen: Angebote entwickeln</text:p>", raised)
        for name, content in (("hoch.docx", word), ("hoch.odt", libre)):
            with self.subTest(name):
                path = self.write(name, content)
                db = self.path(name + ".db")
                self.assertEqual(run("import", path, "--db", db).returncode, 0)
                self.assertEqual(query(db, "SELECT title FROM field"), [["MINT"]])
                self.assertEqual(query(db, "SELECT text FROM focus_area ORDER BY position"),
                                 [["Reaktivierung der Kontakte zu Kitas"], ["Schulhof mit 100 m2 Fläche neu"]])
                findings = json.loads(run("validate", path, "--format", "json").stdout)["findings"]
                dropped = sorted(f["message"] for f in self.rules(findings, "text-dropped"))
                self.assertEqual(len(dropped), 2, findings)
                self.assertTrue(any("„1“" in m for m in dropped), dropped)
                self.assertTrue(any("„2,3“" in m for m in dropped), dropped)


if __name__ == "__main__":
    unittest.main()
