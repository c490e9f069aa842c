"""Word (.docx) and LibreOffice (.odt) documents read directly: made from the example by pandoc and by
LibreOffice Writer, they store the identical plan; broken and hostile archives are refused with a clear
error and nothing is stored."""
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from office_files import make_documents
from support import SEED, UNITS, TempDirTest, query, run

STRUCTURE = [
    "SELECT position, title, key FROM field ORDER BY position",
    "SELECT f.position, fa.position, fa.text, fa.key FROM focus_area fa JOIN field f ON f.id = fa.field_id ORDER BY 1, 2",
    "SELECT f.position, fa.position, r.position, u.name, u.is_division, coalesce(d.name, '') FROM responsibility r "
    "JOIN focus_area fa ON fa.id = r.focus_area_id JOIN field f ON f.id = fa.field_id "
    "JOIN org_unit u ON u.id = r.org_unit_id LEFT JOIN org_unit d ON d.id = u.parent_id ORDER BY 1, 2, 3",
    "SELECT f.position, fo.position, o.text, o.key FROM field_objective fo JOIN field f ON f.id = fo.field_id "
    "JOIN objective o ON o.id = fo.objective_id ORDER BY 1, 2",
]


def structure(db):
    return [query(db, sql) for sql in STRUCTURE]


class MadeByTwoPrograms(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="eduplan-office-")
        cls.documents = make_documents(SEED, cls.dir)
        cls.reference = os.path.join(cls.dir, "reference.db")
        result = run("import", SEED, "--units", UNITS, "--db", cls.reference, "--plan", "P")
        assert result.returncode == 0, result.stderr
        cls.expected = structure(cls.reference)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def imported(self, path, name):
        db = os.path.join(self.dir, name + ".db")
        result = run("import", path, "--units", UNITS, "--db", db, "--plan", "P")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return db, result

    def test_documents_store_the_identical_plan(self):
        self.assertEqual(len(self.documents), 5)
        for label, path in self.documents.items():
            with self.subTest(label):
                db, result = self.imported(path, label.replace(" ", "_"))
                self.assertEqual(structure(db), self.expected)
                # Findings name the paragraph ("line") they concern.
                self.assertRegex(result.stdout, rf"{os.path.basename(path)}:\d+: Warnung: „Museum für Naturkunde“")

    def test_pandoc_markdown_from_the_docx_stores_the_identical_plan(self):
        # pandoc writes the tables with line breaks in cells as HTML (gfm, commonmark) or as
        # multiline tables (its own Markdown).
        for target in ("gfm", "markdown", "commonmark"):
            with self.subTest(target):
                md = os.path.join(self.dir, f"from-docx-{target}.md")
                subprocess.run(["pandoc", "-f", "docx", "-t", target, self.documents["pandoc docx"], "-o", md],
                               check=True, timeout=120)
                db, _ = self.imported(md, f"md_{target}")
                self.assertEqual(structure(db), self.expected)

    def test_lost_line_breaks_are_split_or_reported(self):
        # pandoc's Markdown reader drops the example's raw <br>: the .docx it makes has the unit
        # lists of a cell glued together ("PuppentheaterBOB/ …") and words glued in texts.
        docx = os.path.join(self.dir, "glued.docx")
        subprocess.run(["pandoc", SEED, "-o", docx], check=True, timeout=120)
        db, result = self.imported(docx, "glued")
        self.assertEqual(structure(db)[2], self.expected[2])  # every responsibility as in the example
        self.assertIn("[unit-entry-split]", result.stdout)
        findings = json.loads(run("validate", docx, "--units", UNITS, "--format", "json").stdout)["findings"]
        explained = {f["subject"] for f in findings if f["rule"] == "text-words-joined"}
        reference = {(r[0], r[1]): (r[2], r[3]) for r in self.expected[1]}
        differing = 0
        for field, area, text, key in structure(db)[1]:
            if key != reference[(field, area)][1]:  # not only typography ("A/ B", quotes)
                differing += 1
                self.assertIn(text, explained)
        self.assertGreater(differing, 0)


def docx_with(document_xml, extra=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        if document_xml is not None:
            z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


class BrokenArchives(TempDirTest):
    def refused(self, name, content, reason):
        path = self.write(name, content)
        db = self.path("plan.db")
        result = run("import", path, "--db", db)
        self.assertExit(result, 1)
        self.assertIn(f"{path}: Fehler: ", result.stdout)
        self.assertIn("[document-unreadable]", result.stdout)
        self.assertIn(reason, result.stdout)
        self.assertFalse(os.path.exists(db), "a database was written")
        validate = run("validate", path, "--format", "json")
        self.assertExit(validate, 1)

    def test_not_a_zip(self):
        self.refused("text.docx", "nur Text, kein Archiv\n", "keine .docx/.odt-Datei")

    def test_encrypted_or_old_word(self):
        self.refused("alt.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "ein altes .doc, eine verschlüsselte")

    def test_truncated(self):
        with open(os.path.join(os.path.dirname(SEED), "bildungskonzept.md"), encoding="utf-8") as f:
            text = f.read()
        whole = docx_with(f"<w:document {W}><w:body><w:p><w:r><w:t>{text[:2000]}</w:t></w:r></w:p></w:body></w:document>")
        self.refused("truncated.docx", whole[: len(whole) // 2], "ZIP")

    def test_no_document_xml(self):
        self.refused("leer.docx", docx_with(None), "word/document.xml fehlt")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        self.refused("leer.odt", buffer.getvalue(), "content.xml fehlt")

    def test_not_a_text_document(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                                      'office:1.0"><office:body><office:spreadsheet/></office:body>'
                                      '</office:document-content>')
        self.refused("tabelle.odt", buffer.getvalue(), "kein Textdokument")

    def test_zip_bomb_stops_at_the_cap(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            with z.open("word/document.xml", "w") as member:
                member.write(f"<w:document {W}><w:body>".encode())
                chunk = b" " * (1 << 20)
                for _ in range(80):  # 80 MiB of spaces, some 80 KiB compressed
                    member.write(chunk)
        self.assertLess(len(buffer.getvalue()), 1 << 20)
        self.refused("bombe.docx", buffer.getvalue(), "ZIP-Bombe")

    def test_external_entity_is_never_resolved(self):
        xxe = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
               f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
        self.refused("xxe.docx", docx_with(xxe), "DTD oder Entitäten")

    def test_billion_laughs_is_refused(self):
        entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">'
                                                   for i in range(9))
        laughs = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
                  f"<w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
        self.refused("lol.docx", docx_with(laughs), "DTD oder Entitäten")

    def test_malformed_xml(self):
        self.refused("kaputt.docx", docx_with(f"<w:document {W}><w:body><w:p>"), "kein wohlgeformtes XML")


def odt_with(content_xml):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content_xml)
    return buffer.getvalue()


def _w_cell(text, merge=None):
    restart = "" if merge == "continue" else ' w:val="restart"'
    props = f"<w:tcPr><w:vMerge{restart}/></w:tcPr>" if merge else ""
    return f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _o_cell(text, rows=1):
    span = f' table:number-rows-spanned="{rows}"' if rows > 1 else ""
    return f"<table:table-cell{span}><text:p>{text}</text:p></table:table-cell>"


class MergedCells(TempDirTest):
    """A unit cell merged over two rows (Word: vMerge, LibreOffice: number-rows-spanned and a covered cell)
    stands beside both focus areas; a merged focus cell makes its rows one focus area."""
    EXPECTED = [["Fachkräftegewinnung", "Dezernat III"], ["Wecken des Interesses", "Dezernat III"],
                ["Wecken des Interesses", "Bibliothek"]]
    SQL = ("SELECT fa.text, u.name FROM responsibility r JOIN focus_area fa ON fa.id = r.focus_area_id "
           "JOIN org_unit u ON u.id = r.org_unit_id ORDER BY fa.position, r.position")

    def stored(self, name, content):
        path = self.write(name, content)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db)
        self.assertExit(result, 0)
        self.assertNotIn("[focus-no-unit]", result.stdout)
        return query(db, self.SQL), query(db, "SELECT text FROM focus_area ORDER BY position")

    def test_docx_vertical_merge(self):
        rows = [("Handlungsschwerpunkt", None, "Verwaltungsbereich", None),
                ("Fachkräftegewinnung", None, "Dezernat III", "restart"),
                ("Wecken des Interesses", "restart", "", "continue"),
                ("", "continue", "Dezernat IV/ Bibliothek", None)]
        table = "".join("<w:tr>" + _w_cell(a, am) + _w_cell(b, bm) + "</w:tr>" for a, am, b, bm in rows)
        body = (f'<w:document {W}><w:body><w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>'
                f"Handlungsfeld MINT</w:t></w:r></w:p><w:tbl>{table}</w:tbl>"
                "<w:p><w:r><w:t>Ableitungen: Angebote entwickeln</w:t></w:r></w:p></w:body></w:document>")
        responsibilities, focus = self.stored("merged.docx", docx_with(body))
        self.assertEqual(responsibilities, self.EXPECTED)
        self.assertEqual(focus, [["Fachkräftegewinnung"], ["Wecken des Interesses"]])

    def test_odt_rows_spanned(self):
        ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
              'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
              'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
        covered = "<table:covered-table-cell/>"
        rows = [_o_cell("Handlungsschwerpunkt") + _o_cell("Verwaltungsbereich"),
                _o_cell("Fachkräftegewinnung") + _o_cell("Dezernat III", 2),
                _o_cell("Wecken des Interesses", 2) + covered,
                covered + _o_cell("Dezernat IV/ Bibliothek")]
        table = "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
        content = (f'<office:document-content {ns}><office:body><office:text>'
                   '<text:h text:outline-level="2">Handlungsfeld MINT</text:h>'
                   f'<table:table><table:table-column table:number-columns-repeated="2"/>{table}</table:table>'
                   "<text:p>Ableitungen: Angebote entwickeln</text:p></office:text></office:body>"
                   "</office:document-content>")
        responsibilities, focus = self.stored("merged.odt", odt_with(content))
        self.assertEqual(responsibilities, self.EXPECTED)
        self.assertEqual(focus, [["Fachkräftegewinnung"], ["Wecken des Interesses"]])


if __name__ == "__main__":
    unittest.main()
