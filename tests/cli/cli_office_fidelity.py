"""Word and LibreOffice documents store what the reader sees, never a silent difference: field results
(date, page number, sequence, user field, …) are text in both formats; rows and cells wrapped in content
controls or custom XML are read; hidden text is left out with a hidden-text warning naming its paragraph;
damaged archives are refused in our own words, naming the part, never with the library's English text."""
import io
import os
import struct
import unittest
import zipfile

from support import TempDirTest, query, run

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
       'xmlns:fo="urn:oasis:names:sc:xsl-fo-compatible:xmlns:1.0" '
       'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')

PLAN_SQL = [
    "SELECT title FROM field ORDER BY position",
    "SELECT fa.text FROM focus_area fa ORDER BY fa.field_id, fa.position",
    "SELECT fa.text, u.name FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
    "JOIN org_unit u ON u.id = r.org_unit_id ORDER BY fa.position, r.position",
    "SELECT o.text FROM field_objective fo JOIN objective o ON o.id = fo.objective_id ORDER BY fo.position",
]


def docx(body, styles=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if styles:
            z.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return buffer.getvalue()


def odt(text, automatic_styles=""):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", f"<office:document-content {ODF}><office:automatic-styles>{automatic_styles}"
                                  f"</office:automatic-styles><office:body><office:text>{text}</office:text>"
                                  "</office:body></office:document-content>")
    return buffer.getvalue()


def w_run(text, props=""):
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def w_p(*runs, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def w_tc(*paragraphs):
    return "<w:tc>" + "".join(paragraphs) + "</w:tc>"


def w_tr(*cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def w_plan(rows, objectives=None):
    """A Word plan: heading, focus table (header + rows given as XML), objectives paragraph (runs as XML)."""
    header = w_tr(w_tc(w_p(w_run("Handlungsschwerpunkt"))), w_tc(w_p(w_run("Verwaltungsbereich"))))
    return (w_p(w_run("Handlungsfeld MINT"), style="Heading2") + f"<w:tbl>{header}{rows}</w:tbl>"
            + w_p(w_run("Ableitungen: "), objectives or w_run("Angebote entwickeln")))


def o_cell(*content):
    return "<table:table-cell>" + "".join(f"<text:p>{c}</text:p>" for c in content) + "</table:table-cell>"


def o_plan(rows, objectives="Angebote entwickeln"):
    header = "<table:table-row>" + o_cell("Handlungsschwerpunkt") + o_cell("Verwaltungsbereich") + "</table:table-row>"
    return ('<text:h text:outline-level="2">Handlungsfeld MINT</text:h>'
            f'<table:table><table:table-column table:number-columns-repeated="2"/>{header}{rows}</table:table>'
            f"<text:p>Ableitungen: {objectives}</text:p>")


class Imported(TempDirTest):
    def imported(self, name, content, code=0):
        path = self.write(name, content)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db)
        self.assertExit(result, code)
        plan = [query(db, sql) for sql in PLAN_SQL] if code == 0 else None
        return plan, result.stdout


class FieldResults(Imported):
    """A field shows its result; that result is the text, in Word (simple and complex fields) and in
    LibreOffice (text:date, text:time, text:page-number, text:sequence, text:user-field-get, …)."""
    FOCUS = "Wecken des Interesses (Seite 3, Stand 12:30)"
    UNITS = "Dezernat III"
    OBJECTIVE = "Entwicklung von Angeboten (Maßnahme 1, Kapitel Einleitung) bis 01.01.2025, Ref 7"

    def test_word_and_libreoffice_store_the_same_plan(self):
        complex_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TIME </w:instrText></w:r>'
                         '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + w_run("12:30")
                         + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        focus = w_p(w_run("Wecken des Interesses (Seite "),
                    f'<w:fldSimple w:instr=" PAGE ">{w_run("3")}</w:fldSimple>', w_run(", Stand "),
                    complex_field, w_run(")"))
        units = w_p(f'<w:fldSimple w:instr=" DOCPROPERTY Dezernat ">{w_run("Dezernat III")}</w:fldSimple>')
        def simple(instruction, result):
            return f'<w:fldSimple w:instr=" {instruction} ">{w_run(result)}</w:fldSimple>'

        objectives = (w_run("Entwicklung von Angeboten (Maßnahme ") + simple("SEQ Massnahme", "1")
                      + w_run(", Kapitel ") + simple("STYLEREF 1", "Einleitung") + w_run(") bis ")
                      + simple("DATE", "01.01.2025") + w_run(", Ref ") + simple("REF x", "7"))
        word = docx(w_plan(w_tr(w_tc(focus), w_tc(units)), objectives))
        row = ("<table:table-row>"
               + o_cell('Wecken des Interesses (Seite <text:page-number text:select-page="current">3</text:page-number>'
                        ', Stand <text:time text:time-value="12:30:00">12:30</text:time>)')
               + o_cell('<text:user-field-get text:name="d">Dezernat III</text:user-field-get>')
               + "</table:table-row>")
        libre = odt(o_plan(row, objectives=(
            'Entwicklung von Angeboten (Maßnahme <text:sequence text:name="Massnahme" '
            'text:formula="ooow:Massnahme+1" style:num-format="1">1</text:sequence>, Kapitel '
            '<text:chapter text:display="name" text:outline-level="1">Einleitung</text:chapter>) bis '
            '<text:date text:date-value="2025-01-01">01.01.2025</text:date>, Ref '
            '<text:variable-get text:name="x">7</text:variable-get>')))
        word_plan, _ = self.imported("felder.docx", word)
        libre_plan, _ = self.imported("felder.odt", libre)
        self.assertEqual(word_plan[1], [[self.FOCUS]])
        self.assertEqual(word_plan[2], [[self.FOCUS, self.UNITS]])
        self.assertEqual(word_plan[3], [[self.OBJECTIVE]])
        self.assertEqual(libre_plan, word_plan)

    def test_libreoffice_notes_annotations_frames_and_scripts_are_not_text(self):
        row = ("<table:table-row>"
               + o_cell('Wecken des Interesses<text:note text:note-class="footnote"><text:note-citation>1'
                        "</text:note-citation><text:note-body><text:p>Fußnote</text:p></text:note-body></text:note>"
                        "<office:annotation><text:p>Kommentar</text:p></office:annotation>"
                        '<draw:frame draw:name="Bild"><draw:text-box><text:p>Bildtext</text:p></draw:text-box>'
                        '</draw:frame><text:bookmark text:name="b"/>'
                        '<text:script script:language="StarBasic">MsgBox 1</text:script>')
               + o_cell("Dezernat III") + "</table:table-row>")
        plan, _ = self.imported("notizen.odt", odt(o_plan(row)))
        self.assertEqual(plan[1], [["Wecken des Interesses"]])


class Wrappers(Imported):
    """Content controls (w:sdt) and custom XML (w:customXml) wrap rows, cells and whole tables: what they
    wrap is read as if they were not there."""
    EXPECTED = [["Fachkräftegewinnung", "Dezernat III"], ["Wecken des Interesses", "Bibliothek"]]

    def rows(self, wrap_row=lambda r: r, wrap_cell=lambda c: c):
        first = w_tr(w_tc(w_p(w_run("Fachkräftegewinnung"))), w_tc(w_p(w_run("Dezernat III"))))
        second = w_tr(wrap_cell(w_tc(w_p(w_run("Wecken des Interesses")))),
                      wrap_cell(w_tc(w_p(w_run("Dezernat IV/ Bibliothek")))))
        return first + wrap_row(second)

    def check(self, name, body):
        plan, out = self.imported(name, docx(body))
        self.assertEqual(plan[2], self.EXPECTED, out)
        self.assertNotIn("[field-empty]", out)

    def test_row_in_custom_xml(self):
        self.check("row.docx", w_plan(self.rows(wrap_row=lambda r: f'<w:customXml w:element="zeile">{r}</w:customXml>')))

    def test_row_in_content_control(self):
        self.check("sdt-row.docx", w_plan(self.rows(
            wrap_row=lambda r: f"<w:sdt><w:sdtPr/><w:sdtContent>{r}</w:sdtContent></w:sdt>")))

    def test_cells_in_custom_xml_and_content_controls(self):
        self.check("cells.docx", w_plan(self.rows(
            wrap_cell=lambda c: f'<w:customXml w:element="z"><w:sdt><w:sdtContent>{c}</w:sdtContent></w:sdt>'
                                "</w:customXml>")))

    def test_body_level_custom_xml_around_table_and_paragraphs(self):
        plan_xml = w_plan(self.rows())
        self.check("body.docx", f'<w:customXml w:element="plan">{plan_xml}</w:customXml>')


    def test_libreoffice_content_controls_around_text(self):
        # As LibreOffice saves Word's content controls: a plain one, a drop-down with its choices, and
        # one around a heading. The choices are not text; what the control shows is.
        dropdown = ('<loext:content-control loext:dropdown="true">'
                    '<loext:list-item loext:display-text="Stadtarchiv" loext:value="Stadtarchiv"/>'
                    '<loext:list-item loext:display-text="Bibliothek" loext:value="Bibliothek"/>'
                    "Bibliothek</loext:content-control>")
        rows = ("<table:table-row>" + o_cell("Fachkräftegewinnung")
                + o_cell("<loext:content-control>Dezernat III</loext:content-control>") + "</table:table-row>"
                + "<table:table-row>" + o_cell("Wecken des Interesses")
                + o_cell(f"Dezernat IV/ {dropdown}") + "</table:table-row>")
        body = o_plan(rows).replace(
            "Handlungsfeld MINT", '<loext:content-control loext:checkbox="false">Handlungsfeld MINT'
                                  "</loext:content-control>")
        plan, out = self.imported("steuerelemente.odt", odt(body))
        self.assertEqual(plan[0], [["MINT"]], out)
        self.assertEqual(plan[2], self.EXPECTED, out)


class WordParagraphs(Imported):
    """Paragraphs as Word's editing leaves them: a list item continued in a paragraph of the list's style
    without a bullet (Enter, then Backspace on the new bullet), and paragraph marks deleted with track
    changes on (the two paragraphs are one in the document as it reads)."""

    @staticmethod
    def item(text, bullet=True, mark_deleted=False):
        num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if bullet else ""
        mark = '<w:rPr><w:del w:id="9" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr>' if mark_deleted else ""
        return f'<w:p><w:pPr><w:pStyle w:val="ListParagraph"/>{num}{mark}</w:pPr>{w_run(text)}</w:p>'

    def plan(self, units_cell, items):
        header = w_tr(w_tc(w_p(w_run("Handlungsschwerpunkt"))), w_tc(w_p(w_run("Verwaltungsbereich"))))
        row = w_tr(w_tc(w_p(w_run("Fachkräftegewinnung"))), units_cell)
        return (w_p(w_run("Handlungsfeld MINT"), style="Heading2") + f"<w:tbl>{header}{row}</w:tbl>"
                + w_p(w_run("Ableitungen:")) + "".join(items))

    def test_a_paragraph_without_bullet_continues_the_item(self):
        body = self.plan(w_tc(w_p(w_run("Dezernat III"))), [
            self.item("Strukturen der Zusammenarbeit optimieren/"),
            self.item("Vernetzung und Kommunikation ausbauen", bullet=False),
            self.item("Angebote entwickeln")])
        plan, out = self.imported("fortsetzung.docx", docx(body))
        self.assertEqual(plan[3], [["Strukturen der Zusammenarbeit optimieren/ Vernetzung und Kommunikation ausbauen"],
                                   ["Angebote entwickeln"]], out)

    def test_list_style_paragraphs_without_any_bullet_stay_items(self):
        # No bulleted item before them: each paragraph of the list style is an item, as before.
        body = self.plan(w_tc(w_p(w_run("Dezernat III"))), [
            self.item("Angebote entwickeln", bullet=False), self.item("Vernetzung ausbauen", bullet=False)])
        plan, out = self.imported("ohne-punkte.docx", docx(body))
        self.assertEqual(plan[3], [["Angebote entwickeln"], ["Vernetzung ausbauen"]], out)

    def test_libreoffice_keeps_the_continuation_between_two_lists(self):
        # The same document saved by LibreOffice: the paragraph stands between two lists, in the
        # style "List Paragraph" (through an automatic style based on it).
        row = "<table:table-row>" + o_cell("Fachkräftegewinnung") + o_cell("Dezernat III") + "</table:table-row>"
        items = ("<text:list><text:list-item><text:p>Strukturen der Zusammenarbeit optimieren/</text:p>"
                 "</text:list-item></text:list>"
                 '<text:p text:style-name="P7">Vernetzung und Kommunikation ausbauen</text:p>'
                 '<text:list text:continue-numbering="true"><text:list-item><text:p>Angebote entwickeln</text:p>'
                 "</text:list-item></text:list>")
        body = o_plan(row).replace("<text:p>Ableitungen: Angebote entwickeln</text:p>",
                                   "<text:p>Ableitungen:</text:p>" + items)
        styles = ('<style:style style:name="P7" style:family="paragraph" '
                  'style:parent-style-name="List_20_Paragraph"/>')
        plan, out = self.imported("fortsetzung.odt", odt(body, styles))
        self.assertEqual(plan[3], [["Strukturen der Zusammenarbeit optimieren/ Vernetzung und Kommunikation ausbauen"],
                                   ["Angebote entwickeln"]], out)

    def test_a_list_in_a_cell_is_one_objective_per_item(self):
        # Word: bulleted paragraphs (w:numPr) in the cell beside "Ableitungen:"; a sub-item continues
        # its item. Bullets in a units cell are not part of the names.
        def bullet(text, level=0):
            return (f'<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/>'
                    f'<w:numId w:val="1"/></w:numPr></w:pPr>{w_run(text)}</w:p>')
        header = w_tr(w_tc(w_p(w_run("Handlungsschwerpunkt"))), w_tc(w_p(w_run("Verwaltungsbereich"))))
        row = w_tr(w_tc(w_p(w_run("Fachkräftegewinnung"))),
                   w_tc(bullet("Dezernat III"), bullet("Dezernat IV/ Stadtarchiv")))
        objectives = w_tr(w_tc(w_p(w_run("Ableitungen:"))),
                          w_tc(bullet("Angebote entwickeln"), bullet("für alle Altersgruppen", 1),
                               bullet("Vernetzung ausbauen")))
        body = (w_p(w_run("Handlungsfeld MINT"), style="Heading2") + f"<w:tbl>{header}{row}</w:tbl>"
                + w_p(w_run("")) + f"<w:tbl>{objectives}</w:tbl>")
        plan, out = self.imported("zellenliste.docx", docx(body))
        self.assertEqual(plan[2], [["Fachkräftegewinnung", "Dezernat III"],
                                   ["Fachkräftegewinnung", "Stadtarchiv"]], out)
        self.assertEqual(plan[3], [["Angebote entwickeln für alle Altersgruppen"], ["Vernetzung ausbauen"]], out)
        # LibreOffice: a text:list in the cell, a nested list for the sub-item.
        items = ("<text:list><text:list-item><text:p>Angebote entwickeln</text:p><text:list><text:list-item>"
                 "<text:p>für alle Altersgruppen</text:p></text:list-item></text:list></text:list-item>"
                 "<text:list-item><text:p>Vernetzung ausbauen</text:p></text:list-item></text:list>")
        libre_row = "<table:table-row>" + o_cell("Fachkräftegewinnung") + o_cell("Dezernat III") + "</table:table-row>"
        libre = o_plan(libre_row).replace(
            "<text:p>Ableitungen: Angebote entwickeln</text:p>",
            '<table:table><table:table-column table:number-columns-repeated="2"/><table:table-row>'
            + o_cell("Ableitungen:") + f"<table:table-cell>{items}</table:table-cell></table:table-row></table:table>")
        plan, out = self.imported("zellenliste.odt", odt(libre))
        self.assertEqual(plan[3], [["Angebote entwickeln für alle Altersgruppen"], ["Vernetzung ausbauen"]], out)

    def test_a_deleted_paragraph_mark_joins_two_paragraphs(self):
        units = ('<w:tc><w:p><w:pPr><w:rPr><w:del w:id="7" w:author="A"/></w:rPr></w:pPr>'
                 + w_run("Dezernat IV/ Stadt") + "</w:p>" + w_p(w_run("archiv")) + "</w:tc>")
        body = self.plan(units, [self.item("Förderung ehrenamtlichen ", mark_deleted=True),
                                 self.item("Engagements"), self.item("Angebote entwickeln")])
        plan, out = self.imported("absatzmarke.docx", docx(body))
        self.assertEqual(plan[2], [["Fachkräftegewinnung", "Stadtarchiv"]], out)
        self.assertEqual(plan[3], [["Förderung ehrenamtlichen Engagements"], ["Angebote entwickeln"]], out)


class Placeholders(Imported):
    """A content control nobody filled in shows Word's placeholder text, greyed; LibreOffice saves it as an
    input field holding that text. Neither is content: the cell holds what was typed beside it."""
    EXPECTED = [["Fachkräftegewinnung", "Dezernat III"]]

    def test_word_placeholder_in_a_cell_and_in_a_paragraph(self):
        placeholder = ('<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder>'
                       "<w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                       + w_run("Klicken oder tippen Sie hier, um Text einzugeben.") + "</w:sdtContent></w:sdt>")
        row = w_tr(w_tc(w_p(w_run("Fachkräftegewinnung"))),
                   w_tc(w_p(w_run("Dezernat III")), f"<w:p>{placeholder}</w:p>"))
        block = ("<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                 + w_p(w_run("Klicken oder tippen Sie hier, um Text einzugeben.")) + "</w:sdtContent></w:sdt>")
        plan, out = self.imported("platzhalter.docx", docx(w_plan(row) + block))
        self.assertEqual(plan[2], self.EXPECTED, out)
        self.assertNotIn("Klicken", out)

    def test_libreoffice_input_field_with_words_placeholder(self):
        field = '<text:text-input text:description="">Klicken oder tippen Sie hier, um Text einzugeben.&#x0d;</text:text-input>'
        row = ("<table:table-row>" + o_cell("Fachkräftegewinnung") + o_cell("Dezernat III", field)
               + "</table:table-row>")
        plan, out = self.imported("platzhalter.odt", odt(o_plan(row)))
        self.assertEqual(plan[2], self.EXPECTED, out)
        # An input field that holds text typed into it counts, as any field's result does.
        typed = ("<table:table-row>" + o_cell("Fachkräftegewinnung")
                 + o_cell('<text:text-input text:description="">Dezernat III</text:text-input>')
                 + "</table:table-row>")
        plan, out = self.imported("eingabe.odt", odt(o_plan(typed)))
        self.assertEqual(plan[2], self.EXPECTED, out)


class AlternateContent(Imported):
    """mc:AlternateContent holds one content twice (for newer and older programs): it is read once."""
    MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

    def test_read_once_in_paragraph_cell_and_body(self):
        def twice(choice, fallback):
            return (f"<mc:AlternateContent {self.MC}><mc:Choice Requires=\"w14\">{choice}</mc:Choice>"
                    f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>")

        focus = w_p(w_run("Wecken "), twice(w_run("des Interesses"), w_run("des Interesses")))
        units = twice(w_p(w_run("Dezernat IV/ Bibliothek")), w_p(w_run("Dezernat IV/ Bibliothek")))
        row = w_tr(w_tc(focus), "<w:tc>" + units + "</w:tc>")
        body = w_plan(row) + twice(w_p(w_run("Ableitungen: Y")), w_p(w_run("Ableitungen: Y")))
        plan, out = self.imported("mc.docx", docx(body))
        self.assertEqual(plan[2], [["Wecken des Interesses", "Bibliothek"]])
        self.assertEqual(plan[3], [["Angebote entwickeln"], ["Y"]])
        self.assertNotIn("[objective-duplicate]", out)


class HiddenText(Imported):
    """Text formatted as hidden is not what the council reads: it is left out, and a warning names the
    paragraph (the table row) and the text."""

    def test_word_vanish_in_a_cell(self):
        row = w_tr(w_tc(w_p(w_run("Wecken des Interesses"))),
                   w_tc(w_p(w_run("Dezernat IV/ Bibliothek"), w_run(", Geheimamt", "<w:vanish/>"))))
        plan, out = self.imported("versteckt.docx", docx(w_plan(row)))
        self.assertEqual(plan[2], [["Wecken des Interesses", "Bibliothek"]])
        self.assertIn("versteckt.docx:3: Warnung: ausgeblendeter Text nicht gelesen: „, Geheimamt“", out)
        self.assertIn("[hidden-text]", out)

    def test_word_vanish_by_style_and_switched_off(self):
        styles = ('<w:style w:type="character" w:styleId="Verborgen"><w:name w:val="Verborgen"/>'
                  "<w:rPr><w:vanish/></w:rPr></w:style>")
        row = w_tr(w_tc(w_p(w_run("Wecken des Interesses"),
                            w_run(" (intern)", '<w:rStyle w:val="Verborgen"/>'))),
                   w_tc(w_p(w_run("Dezernat IV/ Bibliothek", '<w:vanish w:val="0"/>'))))
        hidden_paragraph = w_p(w_run("Ableitungen: Geheime Ableitung", "<w:vanish/>"))
        body = w_plan(row) + hidden_paragraph
        path = self.write("stil.docx", docx(body, styles))
        db = self.path("stil.db")
        result = run("import", path, "--db", db)
        self.assertExit(result, 0)
        self.assertEqual(query(db, PLAN_SQL[2]), [["Wecken des Interesses", "Bibliothek"]])
        self.assertEqual(query(db, PLAN_SQL[3]), [["Angebote entwickeln"]])
        self.assertIn("stil.docx:3: Warnung: ausgeblendeter Text nicht gelesen: „(intern)“", result.stdout)
        self.assertIn("stil.docx:5: Warnung: ausgeblendeter Text nicht gelesen: „Ableitungen: Geheime Ableitung“",
                      result.stdout)

    def test_libreoffice_display_none_and_hidden_conditional_text(self):
        styles = ('<style:style style:name="T1" style:family="text">'
                  '<style:text-properties text:display="none"/></style:style>')
        row = ("<table:table-row>" + o_cell("Wecken des Interesses")
               + o_cell('Dezernat IV/ Bibliothek<text:span text:style-name="T1">, Geheimamt</text:span>'
                        '<text:hidden-text text:condition="ooow:1" text:string-value=", Schattenamt" '
                        'text:is-hidden="true"/>')
               + "</table:table-row>")
        plan, out = self.imported("versteckt.odt", odt(o_plan(row), styles))
        self.assertEqual(plan[2], [["Wecken des Interesses", "Bibliothek"]])
        self.assertIn("versteckt.odt:3: Warnung: ausgeblendeter Text nicht gelesen: „, Geheimamt , Schattenamt“",
                      out)

    def test_libreoffice_hidden_paragraphs(self):
        styles = ('<style:style style:name="P9" style:family="paragraph">'
                  '<style:text-properties text:display="none"/></style:style>')
        text = (o_plan("<table:table-row>" + o_cell("Wecken des Interesses") + o_cell("Dezernat IV/ Bibliothek")
                       + "</table:table-row>")
                + '<text:p text:style-name="P9">Ableitungen: Geheime Ableitung</text:p>'
                + '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>'
                  "Ableitungen: Noch eine</text:p>")
        plan, out = self.imported("absatz.odt", odt(text, styles))
        self.assertEqual(plan[3], [["Angebote entwickeln"]])
        self.assertIn("absatz.odt:5: Warnung: ausgeblendeter Text nicht gelesen: „Ableitungen: Geheime Ableitung“", out)
        self.assertIn("absatz.odt:6: Warnung: ausgeblendeter Text nicht gelesen: „Ableitungen: Noch eine“", out)

    def test_english(self):
        row = w_tr(w_tc(w_p(w_run("Wecken des Interesses"))),
                   w_tc(w_p(w_run("Dezernat IV/ Bibliothek"), w_run(", Geheimamt", "<w:vanish/>"))))
        path = self.write("hidden.docx", docx(w_plan(row)))
        result = run("validate", path, "--lang", "en")
        self.assertExit(result, 0)
        self.assertIn("hidden.docx:3: warning: hidden text not read: \", Geheimamt\"", result.stdout)


def stored_zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for name, data in members:
            z.writestr(name, data)
    return bytearray(buffer.getvalue())


class LibraryMessages(TempDirTest):
    """Damaged archives and XML are refused in German (or English) words that name the file and the part;
    libzip's and libxml2's English texts ("File already exists", "CRC error", "use XML_PARSE_HUGE option")
    never reach the user."""
    LIBRARY_TEXTS = ["XML_PARSE_HUGE", "Excessive depth", "Premature end", "File already exists", "CRC error",
                     "Compression method", "Zip archive", "not supported"]

    def refused(self, name, content, *expected):
        path = self.write(name, bytes(content))
        db = self.path("plan.db")
        for lang in ("de", "en"):
            result = run("import", path, "--db", db, "--lang", lang)
            self.assertExit(result, 1)
            for text in self.LIBRARY_TEXTS:
                self.assertNotIn(text, result.stdout)
            self.assertIn("[document-unreadable]", result.stdout)
        self.assertFalse(os.path.exists(db))
        result = run("import", path, "--db", db)
        for text in expected:
            self.assertIn(text, result.stdout)
        self.assertIn(f"{path}: Fehler: ", result.stdout)

    def test_nested_too_deeply(self):
        deep = "<w:tbl><w:tr><w:tc>" * 100 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 100
        self.refused("tief.docx", docx(deep), "word/document.xml ist zu tief verschachtelt (mehr als 256 Ebenen)")

    def test_truncated_xml(self):
        whole = f"<w:document {W}><w:body>" + w_plan(w_tr(w_tc(w_p(w_run("A"))), w_tc(w_p(w_run("B")))))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("word/document.xml", whole)
        self.refused("halb.docx", buffer.getvalue(), "word/document.xml ist kein wohlgeformtes XML: es endet, bevor alle "
                     "Elemente geschlossen sind (abgeschnitten?)",
                     "(Zeile 1, Spalte")

    def test_member_twice(self):
        body = f"<w:document {W}><w:body>{w_plan('')}</w:body></w:document>"
        with self.assertWarns(UserWarning):  # Python's zipfile warns of the duplicate name
            content = stored_zip([("word/document.xml", body), ("word/document.xml", body.replace("MINT", "X"))])
        self.refused("doppelt.docx", content, "word/document.xml steht zweimal im ZIP-Archiv")

    def test_checksum(self):
        body = f"<w:document {W}><w:body>{w_plan('')}</w:body></w:document>"
        content = stored_zip([("word/document.xml", body)])
        at = content.find(b"Handlungsfeld")
        content[at] = ord("h")
        self.refused("crc.docx", content, "word/document.xml im ZIP-Archiv ist beschädigt (Prüfsumme stimmt nicht)")

    def test_unknown_compression_method(self):
        body = f"<w:document {W}><w:body>{w_plan('')}</w:body></w:document>"
        content = stored_zip([("word/document.xml", body)])
        for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = content.find(signature)
            content[at + offset:at + offset + 2] = struct.pack("<H", 97)
        self.refused("methode.docx", content,
                     "word/document.xml im ZIP-Archiv kann nicht gelesen werden (mit einem nicht unterstützten "
                     "Verfahren komprimiert)")


if __name__ == "__main__":
    unittest.main()
