"""What Word and LibreOffice show is what is stored (issue 9, never a silent difference), for the
constructions a fidelity pass found read wrongly without a word: a field inside another field's code
(IF with DOCVARIABLE, MERGEFIELD), old drop-down form fields, a footnote's own mark, superscript by a
character style, a table row deleted with track changes on, bullets of the Symbol font, hidden sections
and the cached numbers of LibreOffice's headings."""
import json
import unittest

from cli_office_fidelity import Imported, docx, o_cell, o_plan, odt, w_p, w_plan, w_run, w_tc, w_tr
from support import run

FIELD = 'xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"'


def w_char(kind, inner=""):
    return f'<w:r><w:fldChar w:fldCharType="{kind}">{inner}</w:fldChar></w:r>'


def w_code(code):
    return f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'


def w_field(code, *result):
    """A complex field: begin, its code (runs, perhaps with fields of their own), separate, result, end."""
    return w_char("begin") + "".join(code) + w_char("separate") + "".join(result) + w_char("end")


def w_dropdown(entries, chosen, separate=False):
    """An old Word drop-down form field (FORMDROPDOWN): its entries and choice only in its settings;
    LibreOffice writes an empty result part, Word none."""
    items = "".join(f'<w:listEntry w:val="{e}"/>' for e in entries)
    settings = f'<w:ffData><w:name w:val="D"/><w:enabled/><w:ddList><w:result w:val="{chosen}"/>{items}</w:ddList></w:ffData>'
    return (w_char("begin", settings) + w_code(" FORMDROPDOWN ")
            + (w_char("separate") + "<w:r></w:r>" if separate else "") + w_char("end"))


def findings_of(path):
    return json.loads(run("validate", path, "--format", "json").stdout)["findings"]


class NestedFields(Imported):
    def test_a_field_in_another_fields_code_shows_only_the_outer_result(self):
        # { IF { DOCVARIABLE Stand } = 2025 "MINT-Cluster umsetzen" "" }: Word shows the IF's result;
        # the DOCVARIABLE's "2025" is part of the IF's code.
        nested_if = w_field([w_code(" IF "), w_field([w_code(" DOCVARIABLE Stand ")], w_run("2025")),
                             w_code(' = 2025 "MINT-Cluster umsetzen" "" ')],
                            w_run("MINT-Cluster umsetzen"))
        # A mail merge: { IF { MERGEFIELD Amt } <> "" { MERGEFIELD Amt } "Jugendamt" }.
        merge = w_field([w_code(" IF "), w_field([w_code(" MERGEFIELD Amt ")], w_run("«Amt»")),
                         w_code(' &lt;&gt; "" '), w_field([w_code(" MERGEFIELD Amt ")], w_run("«Amt»")),
                         w_code(' "Jugendamt" ')],
                        w_run("Jugendamt"))
        objective = w_field([w_code(" IF "), w_field([w_code(" DOCVARIABLE Jahr ")], w_run("2025")),
                             w_code(' > 2024 "Bildungsangebote evaluieren" "" ')],
                            w_run("Bildungsangebote evaluieren"))
        rows = w_tr(w_tc(w_p(nested_if)), w_tc(w_p(w_run("Dezernat V/ "), merge)))
        plan, _ = self.imported("felder.docx", docx(w_plan(rows, objective)))
        self.assertEqual(plan[1], [["MINT-Cluster umsetzen"]])
        self.assertEqual(plan[2], [["MINT-Cluster umsetzen", "Jugendamt"]])
        self.assertEqual(plan[3], [["Bildungsangebote evaluieren"]])

    def test_a_field_left_open_does_not_hide_the_next_paragraphs(self):
        # A field whose code never ends (a damaged or hostile file) hides the rest of its
        # paragraph only, as far as its code goes; the table and the objectives after it are read.
        broken = w_p(w_run("Einleitung "), w_char("begin"), w_code(" IF "), w_run("verschluckt"))
        plan, _ = self.imported("offen.docx", docx(broken + w_plan(
            w_tr(w_tc(w_p(w_run("Kitas stärken"))), w_tc(w_p(w_run("Dezernat III")))))))
        self.assertEqual(plan[0], [["MINT"]])
        self.assertEqual(plan[1], [["Kitas stärken"]])
        self.assertEqual(plan[3], [["Angebote entwickeln"]])


class DropDowns(Imported):
    def test_the_chosen_entry_of_an_old_drop_down_is_the_text(self):
        entries = ("Gesundheitsamt", "Jugendamt", "Sozial- und Wohnungsamt")
        for name, separate in (("word.docx", False), ("libreoffice.docx", True)):
            with self.subTest(name):
                rows = w_tr(w_tc(w_p(w_run("Medienarbeit in Kitas"))),
                            w_tc(w_p(w_run("Dezernat V/ "), w_dropdown(entries, 1, separate))))
                plan, _ = self.imported(name, docx(w_plan(rows)))
                self.assertEqual(plan[2], [["Medienarbeit in Kitas", "Jugendamt"]])
        mark = (f'<field:fieldmark {FIELD} text:name="D" field:type="vnd.oasis.opendocument.field.FORMDROPDOWN">'
                + "".join(f'<field:param field:name="Dropdown_ListEntry" field:value="{e}"/>' for e in entries)
                + '<field:param field:name="Dropdown_Selected" field:value="2"/></field:fieldmark>')
        row = "<table:table-row>" + o_cell("Medienarbeit in Kitas") + o_cell("Dezernat V/ " + mark) + "</table:table-row>"
        plan, _ = self.imported("auswahl.odt", odt(o_plan(row)))
        self.assertEqual(plan[2], [["Medienarbeit in Kitas", "Sozial- und Wohnungsamt"]])


class FootnoteMarks(Imported):
    def test_own_marks_and_marks_raised_by_a_character_style_are_dropped_and_said(self):
        own = lambda text: (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                            f'<w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>{text}</w:t></w:r>')
        styled = lambda text: f'<w:r><w:rPr><w:rStyle w:val="Funotenzeichen"/></w:rPr><w:t>{text}</w:t></w:r>'
        styles = ('<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
                  '<w:style w:type="character" w:styleId="Funotenzeichen"><w:name w:val="footnote reference"/>'
                  '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>')
        rows = (w_tr(w_tc(w_p(w_run("MINT-Cluster umsetzen"), own("a)"))), w_tc(w_p(w_run("Dezernat III"))))
                + w_tr(w_tc(w_p(w_run("Stärkung des Ehrenamtes"), own("*"))), w_tc(w_p(w_run("Dezernat III"))))
                + w_tr(w_tc(w_p(w_run("Kitas stärken"), styled("1"))), w_tc(w_p(w_run("Dezernat III")))))
        plan, _ = self.imported("fussnoten.docx", docx(w_plan(rows), styles))
        self.assertEqual(plan[1], [["MINT-Cluster umsetzen"], ["Stärkung des Ehrenamtes"], ["Kitas stärken"]])
        dropped = [f["message"] for f in findings_of(self.path("fussnoten.docx")) if f["rule"] == "text-dropped"]
        self.assertEqual(len(dropped), 3, dropped)
        for mark in ("„a)“", "„*“", "„1“"):
            self.assertTrue(any(mark in m for m in dropped), (mark, dropped))


class DeletedRows(Imported):
    def test_a_row_deleted_with_track_changes_is_not_read(self):
        deleted = ('<w:tr><w:trPr><w:del w:id="9" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:trPr>'
                   + w_tc(w_p(w_run("Stadtteilforen durchführen"))) + w_tc(w_p(w_run("Dezernat IV"))) + "</w:tr>")
        rows = (w_tr(w_tc(w_p(w_run("Kitas stärken"))), w_tc(w_p(w_run("Dezernat III")))) + deleted
                + w_tr(w_tc(w_p(w_run("Ehrenamt stärken"))), w_tc(w_p(w_run("Dezernat V")))))
        plan, _ = self.imported("zeile.docx", docx(w_plan(rows)))
        self.assertEqual(plan[1], [["Kitas stärken"], ["Ehrenamt stärken"]])


class SymbolBullets(Imported):
    def test_objectives_with_bullets_of_the_symbol_font_are_a_list(self):
        def item(text, char="F0B7", font="Symbol"):
            return w_p(f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>', "<w:r><w:tab/></w:r>", w_run(text))
        body = (w_plan(w_tr(w_tc(w_p(w_run("Kitas stärken"))), w_tc(w_p(w_run("Dezernat III")))),
                       w_run(""))
                + item("Vernetzung ausbauen") + item("Angebote evaluieren", "F0A7", "Wingdings"))
        plan, stdout = self.imported("symbol.docx", docx(body))
        self.assertEqual(plan[3], [["Vernetzung ausbauen"], ["Angebote evaluieren"]], stdout)
        self.assertNotIn("objectives-paragraph-ignored", stdout)


class HiddenSections(Imported):
    def test_a_hidden_section_is_not_read_and_said(self):
        sport = ('<text:h text:outline-level="2">Handlungsfeld Sport</text:h>'
                 '<table:table><table:table-column table:number-columns-repeated="2"/><table:table-row>'
                 + o_cell("Handlungsschwerpunkt") + o_cell("Verwaltungsbereich") + "</table:table-row><table:table-row>"
                 + o_cell("Sanierung der Sporthallen") + o_cell("Dezernat IV") + "</table:table-row></table:table>"
                 "<text:p>Ableitungen: Sportstätten erhalten</text:p>")
        for display in ('text:display="none"', 'text:display="condition" text:condition="ooow:1"'):
            with self.subTest(display):
                text = o_plan("<table:table-row>" + o_cell("Kitas stärken") + o_cell("Dezernat III")
                              + "</table:table-row>") + f'<text:section text:name="Alt" {display}>{sport}</text:section>'
                plan, stdout = self.imported("abschnitt.odt", odt(text))
                self.assertEqual(plan[0], [["MINT"]])
                self.assertEqual(plan[1], [["Kitas stärken"]])
                self.assertIn("hidden-text", stdout)
                self.assertIn("Handlungsfeld Sport", stdout)
        # A section shown (or whose condition is not plainly true) is read.
        text = o_plan("<table:table-row>" + o_cell("Kitas stärken") + o_cell("Dezernat III") + "</table:table-row>") + \
            f'<text:section text:name="Neu" text:display="condition" text:condition="ooow:Stand &gt; 3">{sport}</text:section>'
        plan, _ = self.imported("sichtbar.odt", odt(text))
        self.assertEqual(plan[0], [["MINT"], ["Sport"]])

    def test_the_cached_number_of_a_heading_is_not_its_text(self):
        text = o_plan("<table:table-row>" + o_cell("Kitas stärken") + o_cell("Dezernat III") + "</table:table-row>")
        text = text.replace('<text:h text:outline-level="2">Handlungsfeld MINT',
                            '<text:h text:outline-level="2"><text:number>1.1</text:number>Handlungsfeld MINT')
        plan, stdout = self.imported("nummer.odt", odt(text))
        self.assertEqual(plan[0], [["MINT"]], stdout)


class LibreOfficeLists(Imported):
    TABLE = "<table:table-row>" + o_cell("Kitas stärken") + o_cell("Dezernat III") + "</table:table-row>"

    def plan_with(self, name, objectives_xml):
        text = o_plan(self.TABLE).replace("<text:p>Ableitungen: Angebote entwickeln</text:p>", objectives_xml)
        return self.imported(name, odt(text))

    def test_the_label_in_a_list_header_is_the_label_and_items_go_on_over_paragraphs(self):
        # "Ableitungen:" as the list's unnumbered entry; an item of two paragraphs (Enter, then
        # Backspace on the new bullet) is one objective.
        plan, stdout = self.plan_with("kopf.odt", (
            "<text:list><text:list-header><text:p>Ableitungen:</text:p></text:list-header>"
            "<text:list-item><text:p>Strukturen verbessern/</text:p><text:p>Vernetzung ausbauen</text:p></text:list-item>"
            "<text:list-item><text:p>Angebote evaluieren</text:p></text:list-item></text:list>"))
        self.assertEqual(plan[3], [["Strukturen verbessern/ Vernetzung ausbauen"], ["Angebote evaluieren"]], stdout)

    def test_an_objective_in_the_list_header_stays_an_item(self):
        # The first objective with its bullet switched off (LibreOffice: unnumbered entry).
        plan, stdout = self.plan_with("erster.odt", (
            "<text:p>Ableitungen:</text:p><text:list><text:list-header><text:p>Strukturen verbessern</text:p>"
            "</text:list-header><text:list-item><text:p>Angebote evaluieren</text:p></text:list-item></text:list>"))
        self.assertEqual(plan[3], [["Strukturen verbessern"], ["Angebote evaluieren"]], stdout)


class LayoutFrames(Imported):
    def test_a_one_cell_table_around_a_field_is_a_frame(self):
        """A field drawn with a border: heading, text and focus-area table inside a table of one cell.
        Read as if the frame were not there (it was refused: every table "before the first field")."""
        styles = '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>'
        field = w_plan(w_tr(w_tc(w_p(w_run("Kitas stärken"))), w_tc(w_p(w_run("Dezernat III")))))
        inner = field.split('</w:tbl>')[0].split('<w:tbl>')
        heading = w_p(w_run("Handlungsfeld MINT"), style="berschrift2")
        framed = (f"<w:tbl><w:tr><w:tc>{heading}{w_p(w_run('Die Fachbereiche nennen:'))}"
                  f"<w:tbl>{inner[1]}</w:tbl><w:p/></w:tc></w:tr></w:tbl>"
                  + w_p(w_run("Ableitungen: Angebote entwickeln")))
        plan, stdout = self.imported("rahmen.docx", docx(framed, styles))
        self.assertEqual(plan[0], [["MINT"]], stdout)
        self.assertEqual(plan[2], [["Kitas stärken", "Dezernat III"]])
        self.assertNotIn("table-outside-field", stdout)
        # LibreOffice: the same frame.
        table = o_plan("<table:table-row>" + o_cell("Kitas stärken") + o_cell("Dezernat III") + "</table:table-row>")
        head, rest = table.split("</text:h>", 1)
        focus, objectives = rest.split("</table:table>", 1)
        libre = ('<table:table><table:table-column/><table:table-row><table:table-cell>'
                 f"{head}</text:h>{focus}</table:table></table:table-cell></table:table-row></table:table>{objectives}")
        plan, stdout = self.imported("rahmen.odt", odt(libre))
        self.assertEqual(plan[0], [["MINT"]], stdout)
        self.assertEqual(plan[2], [["Kitas stärken", "Dezernat III"]])

    def test_a_one_cell_table_of_text_stays_a_table(self):
        # Without a heading or a table inside, a one-cell table is a table (here: outside any field).
        body = docx(w_p(w_run("Vorwort")) + "<w:tbl><w:tr>" + w_tc(w_p(w_run("Hinweis: Entwurf"))) + "</w:tr></w:tbl>"
                    + w_plan(w_tr(w_tc(w_p(w_run("Kitas stärken"))), w_tc(w_p(w_run("Dezernat III"))))))
        plan, stdout = self.imported("hinweis.docx", body)
        self.assertEqual(plan[1], [["Kitas stärken"]])
        self.assertIn("table-outside-field", stdout)


if __name__ == "__main__":
    unittest.main()
