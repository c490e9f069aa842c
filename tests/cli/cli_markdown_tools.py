"""Markdown as note and wiki tools write it, read as the tool shows it (a fidelity pass over other
producers found these stored differently without a word): Obsidian's and Typora's highlight ==…== and
Obsidian's comments %%…%%, Confluence's tables wrapped in a <div> on the same line, and a picture
(emoji) before "Handlungsfeld" as Notion puts one."""
import unittest

from support import TempDirTest, query, run

TABLE = ("| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
         "| {focus} | Dezernat IV/ Stadtbibliothek |\n\nAbleitungen: {objective}\n")
FOCUS_SQL = "SELECT fa.text FROM focus_area fa ORDER BY fa.position"


class ToolMarkdown(TempDirTest):
    def imported(self, name, text):
        path = self.write(name, text)
        db = self.path(name + ".db")
        result = run("import", path, "--db", db)
        self.assertExit(result, 0)
        return db, result.stdout

    def test_highlight_is_markup(self):
        db, _ = self.imported("mark.md", "## Handlungsfeld MINT\n\n" + TABLE.format(
            focus="Stärkung des ==Ehrenamtes==", objective="==Angebote== evaluieren"))
        self.assertEqual(query(db, FOCUS_SQL), [["Stärkung des Ehrenamtes"]])
        self.assertEqual(query(db, "SELECT text FROM objective"), [["Angebote evaluieren"]])

    def test_obsidian_comments_are_no_text_and_are_counted(self):
        db, out = self.imported("notiz.md", "## Handlungsfeld MINT\n\n" + TABLE.format(
            focus="Kontakte zu Kitas %%noch mit FB 51 klären%%", objective="Angebote evaluieren %%Vorschlag%%"))
        self.assertEqual(query(db, FOCUS_SQL), [["Kontakte zu Kitas"]])
        self.assertEqual(query(db, "SELECT text FROM objective"), [["Angebote evaluieren"]])
        self.assertIn("2 Kommentare entfernt", out)

    def test_an_obsidian_comment_over_several_lines_is_no_content(self):
        text = ("## Handlungsfeld MINT\n\n" + TABLE.format(focus="Kitas stärken", objective="").rstrip()
                + "\n- Vernetzung ausbauen\n%%\n- Streichkandidat\n%%\n- Angebote schaffen\n")
        db, out = self.imported("block.md", text.replace("Ableitungen: \n", "Ableitungen:\n"))
        self.assertEqual(query(db, "SELECT text FROM objective ORDER BY id"),
                         [["Vernetzung ausbauen"], ["Angebote schaffen"]], out)
        # One never closed leaves out its own line only, and says so.
        text = "## Handlungsfeld MINT\n\n" + TABLE.format(focus="Kitas stärken", objective="Angebote schaffen") + "\n%% offen\n"
        path = self.write("offen.md", text)
        result = run("validate", path)
        self.assertIn("Kommentar „%%“ ohne schließendes „%%“", result.stdout)

    def test_obsidian_links_show_their_text(self):
        table = ("## Handlungsfeld MINT\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
                 "| [[Kitas]] stärken | Dezernat IV/ [[Stadtbibliothek]], [[Amt 51\\|Jugendamt]] |\n\n"
                 "Ableitungen: Angebote evaluieren\n")
        db, out = self.imported("links.md", table)
        self.assertEqual(query(db, FOCUS_SQL), [["Kitas stärken"]], out)
        self.assertEqual(query(db, "SELECT u.name FROM responsibility r JOIN org_unit u ON u.id = r.org_unit_id "
                                   "ORDER BY r.position"), [["Stadtbibliothek"], ["Jugendamt"]])

    def test_a_table_wrapped_in_a_div_on_its_line(self):
        confluence = ('<h2>Handlungsfeld MINT</h2>\n<div class="table-wrap"><table class="confluenceTable"><tbody>\n'
                      "<tr><th><p>Handlungsschwerpunkt</p></th><th><p>befasster Verwaltungsbereich</p></th></tr>\n"
                      "<tr><td><p>Kitas stärken</p></td><td><p>Dezernat IV/ Stadtbibliothek</p></td></tr>\n"
                      "</tbody></table></div>\n\nAbleitungen: Angebote evaluieren\n")
        db, out = self.imported("wiki.md", confluence)
        self.assertEqual(query(db, FOCUS_SQL), [["Kitas stärken"]], out)
        self.assertNotIn("field-empty", out)

    def test_a_picture_before_the_field_heading(self):
        for heading in ("## 🏫 Handlungsfeld MINT", "## *🏫 Handlungsfeld MINT*", "## 👩‍🏫 Handlungsfeld MINT"):
            with self.subTest(heading):
                db, out = self.imported("emoji.md", heading + "\n\n" + TABLE.format(
                    focus="Kitas stärken", objective="Angebote evaluieren"))
                self.assertEqual(query(db, "SELECT title FROM field"), [["MINT"]], out)


if __name__ == "__main__":
    unittest.main()
