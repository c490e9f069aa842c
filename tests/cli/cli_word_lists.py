"""Word's multilevel lists whose levels are linked to paragraph styles ("Link level to style"): the
list definition in word/numbering.xml names the style at a level (<w:lvl w:ilvl="1"><w:pStyle
w:val="Unterpunkt"/>), the style names only the list (<w:numPr><w:numId/></w:numPr>, no w:ilvl). A
paragraph in such a style is an item of that level: the document stores the same plan as the same
document with explicit levels (w:ilvl), sub-items of the objectives continuing their objective. Broken
or odd list definitions (a list or definition that does not exist, a basedOn cycle, a style linked in
two definitions, numbering.xml missing) read at the first level, never crash; a numbering.xml that is
not well-formed is refused as a damaged styles.xml is."""
import io
import json
import os
import unittest
import zipfile

from support import TempDirTest, query, run
from word_like import PACKAGE_RELS, W
from word_like import R as REL

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/></Relationships>"""

SQL = ["SELECT title FROM field ORDER BY position",
       "SELECT fa.text, u.name FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
       "JOIN org_unit u ON u.id = r.org_unit_id ORDER BY fa.position, r.position",
       "SELECT o.text FROM field_objective fo JOIN objective o ON o.id = fo.objective_id "
       "ORDER BY fo.field_id, fo.position"]

JOINED = [["Digitalisierung voranbringen an Schulen"], ["Vernetzung ausbauen"]]
SEPARATE = [["Digitalisierung voranbringen"], ["an Schulen"], ["Vernetzung ausbauen"]]


def style(style_id, name, num_id=None, ilvl=None, based_on=None):
    numpr = ""
    if num_id is not None or ilvl is not None:
        numpr = "<w:pPr><w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
            (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "") + "</w:numPr></w:pPr>"
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f"{base}<w:qFormat/>{numpr}</w:style>")


BASE_STYLES = ('<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>'
               '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>'
               '<w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>')

# What Word writes after "Link level to style": the styles name the list, not the level.
LINKED_STYLES = BASE_STYLES + style("Schwerpunkt", "Schwerpunkt", num_id=7, based_on="Standard") + \
    style("Unterpunkt", "Unterpunkt", num_id=7, based_on="Standard") + \
    style("Unterpunktgrn", "Unterpunkt grün", based_on="Unterpunkt")


def level(ilvl, pstyle=None, bullet="•"):
    link = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/>{link}<w:numFmt w:val="bullet"/>'
            f'<w:lvlText w:val="{bullet}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (ilvl + 1)}" '
            f'w:hanging="360"/></w:pPr></w:lvl>')


def definition(abstract_id, styles, extra=""):
    """A multilevel list definition; `styles` maps a level to its linked paragraph style."""
    levels = "".join(level(i, styles.get(i)) for i in range(9))
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="1A2B3C{abstract_id:02d}"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{extra}{levels}</w:abstractNum>')


def num(num_id, abstract_id, overrides=""):
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


LINKED_NUMBERING = definition(3, {0: "Schwerpunkt", 1: "Unterpunkt"}) + definition(4, {}) + num(1, 4) + num(7, 3)


def w_p(text, style_id=None, numpr=""):
    ppr = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    ppr = f"<w:pPr>{ppr}{numpr}</w:pPr>" if ppr or numpr else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def numpr(num_id, ilvl=None):
    return "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
        f'<w:numId w:val="{num_id}"/></w:numPr>'


def cell(text):
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def plan(items):
    """A field with its table and "Ableitungen:" followed by the list paragraphs `items`."""
    table = ("<w:tbl>" + "<w:tr>" + cell("Handlungsschwerpunkt") + cell("Verwaltungsbereich") + "</w:tr>"
             + "<w:tr>" + cell("Fachkräftegewinnung") + cell("Dezernat III") + "</w:tr></w:tbl>")
    return w_p("Handlungsfeld MINT", "berschrift2") + table + w_p("Ableitungen:") + "".join(items)


def package(body, styles=LINKED_STYLES, numbering=LINKED_NUMBERING, numbering_xml=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
        if numbering_xml is not None:
            z.writestr("word/numbering.xml", numbering_xml)
        elif numbering is not None:
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
    return buffer.getvalue()


class WordLists(TempDirTest):
    def imported(self, name, content):
        path = self.write(name, content)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db)
        self.assertExit(result, 0)
        validate = run("validate", path, "--format", "json")
        findings = json.loads(validate.stdout)["findings"]
        return [query(db, sql) for sql in SQL], sorted((f["rule"], f["severity"], f["line"]) for f in findings)

    def objectives(self, name, content):
        stored, findings = self.imported(name, content)
        continued = [f for f in findings if f[0] == "objective-continued"]
        return stored[2], len(continued)

    def test_linked_levels_store_the_plan_of_explicit_levels(self):
        linked = package(plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("an Schulen", "Unterpunkt"),
                               w_p("Vernetzung ausbauen", "Schwerpunkt")]))
        explicit = package(plan([w_p("Digitalisierung voranbringen", numpr=numpr(1, 0)),
                                 w_p("an Schulen", numpr=numpr(1, 1)),
                                 w_p("Vernetzung ausbauen", numpr=numpr(1, 0))]))
        with zipfile.ZipFile(io.BytesIO(linked)) as z:
            self.assertNotIn("w:ilvl", z.read("word/document.xml").decode() + z.read("word/styles.xml").decode())
        self.assertEqual(self.imported("verknuepft.docx", linked), self.imported("ausdruecklich.docx", explicit))
        self.assertEqual(self.objectives("verknuepft.docx", linked), (JOINED, 1))

    def test_sub_item_by_linked_style_in_every_form(self):
        cases = {
            # the paragraph names the list itself, without a level: its style's link decides
            "own-numid": w_p("an Schulen", "Unterpunkt", numpr(7)),
            # a style based on the linked one (Word's "Based on") is the linked level too
            "based-on": w_p("an Schulen", "Unterpunktgrn"),
            # an explicit level on the paragraph wins over the link
            "own-ilvl": w_p("an Schulen", "Schwerpunkt", numpr(7, 1)),
        }
        for name, sub_item in cases.items():
            with self.subTest(name):
                body = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), sub_item,
                             w_p("Vernetzung ausbauen", "Schwerpunkt")])
                self.assertEqual(self.objectives(f"{name}.docx", package(body)), (JOINED, 1))

    def test_first_level_where_no_level_is_linked(self):
        items = lambda sub_style, sub_numpr="": plan([
            w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("an Schulen", sub_style, sub_numpr),
            w_p("Vernetzung ausbauen", "Schwerpunkt")])
        cases = {
            # the paragraph's own list is one whose definition links no style: its first level
            "other-list": package(items("Unterpunkt", numpr(1))),
            # a paragraph without style in a list whose definition links no style
            "unlinked-list": package(items(None, numpr(1))),
            # the style's list does not exist, or its definition does not
            "missing-num": package(items("Unterpunkt"), numbering=definition(3, {1: "Unterpunkt"}) + num(1, 4)),
            "missing-abstract": package(items("Unterpunkt"), numbering=num(7, 99)),
            # no numbering.xml at all
            "no-numbering": package(items("Unterpunkt"), numbering=None),
            # an empty one
            "empty-numbering": package(items("Unterpunkt"), numbering=""),
        }
        for name, content in cases.items():
            with self.subTest(name):
                self.assertEqual(self.objectives(f"{name}.docx", content), (SEPARATE, 0))

    def test_style_linked_in_two_definitions(self):
        """Each list reads its own definition: Unterpunkt is the second level of list 7 and the first
        of list 8."""
        numbering = LINKED_NUMBERING + definition(5, {0: "Unterpunkt"}) + num(8, 5)
        joined = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("an Schulen", "Unterpunkt"),
                       w_p("Vernetzung ausbauen", "Schwerpunkt")])
        separate = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"),
                         w_p("an Schulen", "Unterpunkt", numpr(8)), w_p("Vernetzung ausbauen", "Schwerpunkt")])
        self.assertEqual(self.objectives("sieben.docx", package(joined, numbering=numbering)), (JOINED, 1))
        self.assertEqual(self.objectives("acht.docx", package(separate, numbering=numbering)), (SEPARATE, 0))

    def test_based_on_cycle(self):
        styles = BASE_STYLES + style("Schwerpunkt", "Schwerpunkt", num_id=7) + \
            style("A", "Kreis A", based_on="B") + style("B", "Kreis B", num_id=7, based_on="A")
        for sub_style, expected in (("A", (SEPARATE, 0)), ("B", (SEPARATE, 0))):
            with self.subTest(sub_style):
                body = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("an Schulen", sub_style),
                             w_p("Vernetzung ausbauen", "Schwerpunkt")])
                self.assertEqual(self.objectives(f"kreis-{sub_style}.docx", package(body, styles)), expected)
        # a cycle whose one style is linked: found within the bounded chain
        numbering = definition(3, {0: "Schwerpunkt", 1: "B"}) + num(7, 3)
        body = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("an Schulen", "A"),
                     w_p("Vernetzung ausbauen", "Schwerpunkt")])
        self.assertEqual(self.objectives("kreis.docx", package(body, styles, numbering)), (JOINED, 1))

    def test_level_override_and_list_style_link(self):
        body = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("an Schulen", "Unterpunkt"),
                     w_p("Vernetzung ausbauen", "Schwerpunkt")])
        # list 7 redefines its second level without the link: Unterpunkt is no level of it
        override = ('<w:lvlOverride w:ilvl="1">' + level(1) + "</w:lvlOverride>"
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
        numbering = definition(3, {0: "Schwerpunkt", 1: "Unterpunkt"}) + num(7, 3, override)
        self.assertEqual(self.objectives("override.docx", package(body, numbering=numbering)), (SEPARATE, 0))
        # … or links it to the second level where the definition does not
        override = '<w:lvlOverride w:ilvl="1">' + level(1, "Unterpunkt") + "</w:lvlOverride>"
        numbering = definition(3, {0: "Schwerpunkt"}) + num(7, 3, override)
        self.assertEqual(self.objectives("override2.docx", package(body, numbering=numbering)), (JOINED, 1))
        # list 7's definition takes its levels from a list style (w:numStyleLink → w:styleLink)
        numbering = (definition(3, {}, '<w:numStyleLink w:val="MeineListe"/>')
                     + definition(6, {0: "Schwerpunkt", 1: "Unterpunkt"}, '<w:styleLink w:val="MeineListe"/>')
                     + num(7, 3) + num(2, 6))
        self.assertEqual(self.objectives("liststil.docx", package(body, numbering=numbering)), (JOINED, 1))
        # list styles that lead to each other, and levels Word does not have, link nothing
        numbering = (definition(3, {}, '<w:numStyleLink w:val="X"/><w:styleLink w:val="Y"/>')
                     + definition(6, {}, '<w:numStyleLink w:val="Y"/><w:styleLink w:val="X"/>')
                     + definition(8, {}, '<w:numStyleLink w:val="Z"/><w:styleLink w:val="Z"/>')
                     + num(7, 3) + num(2, 8))
        self.assertEqual(self.objectives("kreislauf.docx", package(body, numbering=numbering)), (SEPARATE, 0))
        bad_levels = ('<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="12"><w:pStyle w:val="Unterpunkt"/></w:lvl>'
                      '<w:lvl w:ilvl="-1"><w:pStyle w:val="Unterpunkt"/></w:lvl><w:lvl><w:pStyle w:val="Unterpunkt"/>'
                      '</w:lvl></w:abstractNum>' + num(7, 3))
        self.assertEqual(self.objectives("ebenen.docx", package(body, numbering=bad_levels)), (SEPARATE, 0))

    def test_numbered_styles_are_lists_and_numbered_headings_stay_headings(self):
        """A style with numbering makes list items whatever its name; a heading style with numbering
        (numbered headings, "1.2 Handlungsfeld MINT") stays a heading; a style that takes the numbering
        away (w:numId="0") makes running text."""
        styles = LINKED_STYLES.replace('<w:outlineLvl w:val="1"/>',
                                       '<w:outlineLvl w:val="1"/><w:numPr><w:numId w:val="7"/></w:numPr>') + \
            style("Ohne", "Ohne Nummer", num_id=0, based_on="Unterpunkt")
        numbering = definition(3, {0: "Schwerpunkt", 1: "berschrift2"}) + num(7, 3)
        body = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt"), w_p("Vernetzung ausbauen", "Schwerpunkt")])
        stored, _ = self.imported("nummeriert.docx", package(body, styles, numbering))
        self.assertEqual(stored[0], [["MINT"]])
        self.assertEqual(stored[2], [["Digitalisierung voranbringen"], ["Vernetzung ausbauen"]])
        body = plan([w_p("Digitalisierung voranbringen", "Ohne")])
        stored, _ = self.imported("ohne.docx", package(body, styles, numbering))
        self.assertEqual(stored[2], [])

    def test_numbering_not_well_formed_is_refused_as_styles_are(self):
        body = plan([w_p("Digitalisierung voranbringen", "Schwerpunkt")])
        broken = f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="3">'
        for name, content, part in (("nummern.docx", package(body, numbering_xml=broken), "word/numbering.xml"),
                                    ("stile.docx", package(body, styles="<w:style"), "word/styles.xml")):
            with self.subTest(part):
                path = self.write(name, content)
                db = self.path(name + ".db")
                result = run("import", path, "--db", db)
                self.assertExit(result, 1)
                self.assertIn(f"{path}: Fehler: ", result.stdout)
                self.assertIn("[document-unreadable]", result.stdout)
                self.assertIn(f"{part} ist kein wohlgeformtes XML", result.stdout)
                self.assertFalse(os.path.exists(db))


if __name__ == "__main__":
    unittest.main()
