"""A .docx as Microsoft Word writes it (word_like.py: German style ids, split runs, a table of contents,
tracked changes, a comment, cells with paragraphs and line breaks, a page header) stores the identical
plan, with no finding the Markdown does not have: Word's own furniture is not the plan's content."""
import json
import os
import re
import unittest
import zipfile

from cli_variants import PLAN
from support import SEED, UNITS, TempDirTest, query, run
from word_like import write_word_like


def findings(path):
    result = run("validate", path, "--units", UNITS, "--format", "json")
    return json.loads(result.stdout)["findings"]


class WordLike(TempDirTest):
    def stored(self, path, name):
        db = self.path(name + ".db")
        result = run("import", path, "--units", UNITS, "--db", db, "--plan", "P")
        self.assertExit(result, 0)
        return [query(db, sql) for sql in PLAN]

    def setUp(self):
        super().setUp()
        with open(SEED, encoding="utf-8") as f:
            self.seed = f.read()
        self.docx = write_word_like(self.seed, self.path("konzept.docx"))

    def test_the_document_is_what_word_writes(self):
        with zipfile.ZipFile(self.docx) as z:
            xml = z.read("word/document.xml").decode()
        for part in ('w:pStyle w:val="berschrift2"', "Table of Contents", "<w:del ", "<w:ins ",
                     "commentReference", "<w:br/>", "proofErr", "tblHeader"):
            self.assertIn(part, xml)

    def test_identical_plan_and_no_extra_findings(self):
        self.assertEqual(self.stored(self.docx, "word"), self.stored(SEED, "markdown"))
        rules = lambda fs: sorted({(f["rule"], f["severity"]) for f in fs})
        self.assertEqual(rules(findings(self.docx)), rules(findings(SEED)))

    def test_an_older_table_of_contents_without_content_control(self):
        older = write_word_like(self.seed, self.path("alt.docx"), toc_in_content_control=False)
        with zipfile.ZipFile(older) as z:
            self.assertNotIn("Table of Contents", z.read("word/document.xml").decode())
        self.assertEqual(self.stored(older, "older"), self.stored(SEED, "markdown"))
        rules = lambda fs: sorted({(f["rule"], f["severity"]) for f in fs})
        self.assertEqual(rules(findings(older)), rules(findings(SEED)))

    def test_deleted_text_and_comments_are_not_read(self):
        db = self.path("word.db")
        self.assertExit(run("import", self.docx, "--units", UNITS, "--db", db, "--plan", "P"), 0)
        texts = query(db, "SELECT text FROM focus_area UNION ALL SELECT text FROM objective UNION ALL SELECT name FROM org_unit")
        joined = "\n".join(t[0] for t in texts)
        self.assertNotIn("GESTRICHEN", joined)
        self.assertNotIn("abstimmen mit dem Fachbereich", joined)
        self.assertNotIn("Entwurf, Seite", joined)


if __name__ == "__main__":
    unittest.main()


class MergedCells(TempDirTest):
    """Word's "Zellen verbinden" in the objectives tables: a row whose first cell is empty becomes
    one cell across both columns (w:gridSpan), as people tidy such tables. Up to six objectives
    per table were lost, some without a finding."""

    def test_objectives_in_merged_cells_are_all_read(self):
        with open(SEED, encoding="utf-8") as f:
            seed = f.read()
        docx = write_word_like(seed, self.path("konzept.docx"))
        with zipfile.ZipFile(docx) as z:
            members = {n: z.read(n) for n in z.namelist()}
        xml = members["word/document.xml"].decode()
        merged = 0

        def merge(row):
            nonlocal merged
            cells = re.findall(r"<w:tc>.*?</w:tc>", row.group(0), flags=re.S)
            text = re.compile(r"<w:t[ >]")  # a run's text, not <w:tc> or <w:tcPr>
            if len(cells) != 2 or text.search(cells[0]) or not text.search(cells[1]):
                return row.group(0)
            merged += 1
            spanning = cells[1].replace("</w:tcPr>", '<w:gridSpan w:val="2"/></w:tcPr>', 1)
            return row.group(0).replace(cells[0] + cells[1], spanning)
        xml = re.sub(r"<w:tr [^>]*>.*?</w:tr>", merge, xml, flags=re.S)
        self.assertGreater(merged, 6)
        members["word/document.xml"] = xml.encode()
        merged_docx = self.path("verbunden.docx")
        with zipfile.ZipFile(merged_docx, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in members.items():
                z.writestr(n, data)
        stored = []
        for path, name in ((merged_docx, "merged"), (SEED, "markdown")):
            db = self.path(name + ".db")
            self.assertExit(run("import", path, "--units", UNITS, "--db", db, "--plan", "P"), 0)
            stored.append([query(db, sql) for sql in PLAN])
        self.assertEqual(stored[0], stored[1])
