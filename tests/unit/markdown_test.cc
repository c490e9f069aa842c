#include "parse/markdown.h"

#include <gtest/gtest.h>

namespace eduplan::markdown {
namespace {

using Cells = std::vector<std::string>;

TEST(Markdown, HeadingsWithEmphasisAndBold) {
  EXPECT_EQ(parse_heading("## *Handlungsfeld MINT*")->text, "Handlungsfeld MINT");
  EXPECT_EQ(parse_heading("## **Handlungsfeld MINT**")->text, "Handlungsfeld MINT");
  EXPECT_EQ(parse_heading("## <b>Handlungsfeld MINT</b> ##")->text, "Handlungsfeld MINT");
  EXPECT_EQ(parse_heading("# Titel")->level, 1);
  EXPECT_FALSE(parse_heading("#Kein Titel"));
  EXPECT_FALSE(parse_heading("Text # mit Raute"));
}

TEST(Markdown, CellsWithAndWithoutOuterPipes) {
  EXPECT_EQ(split_cells("| a | b |"), (Cells{"a", "b"}));
  EXPECT_EQ(split_cells("a | b"), (Cells{"a", "b"}));
  EXPECT_EQ(split_cells("|  |  |"), (Cells{"", ""}));
  EXPECT_EQ(split_cells("| a \\| b | c |"), (Cells{"a | b", "c"}));
}

TEST(Markdown, AlignmentRows) {
  EXPECT_TRUE(is_alignment_row({"---", ":--", "--:", ":-:"}));
  EXPECT_FALSE(is_alignment_row({"---", "x"}));
  EXPECT_FALSE(is_alignment_row({""}));
}

TEST(Markdown, BrAndFormatting) {
  EXPECT_EQ(split_at_br("a<br>b<BR/>c<br />d").size(), 4u);
  EXPECT_EQ(cell_text("<b>Ableitungen:</b>"), "Ableitungen:");
  EXPECT_EQ(cell_text("Einwohner:innen/<br>Beteiligung  der <b>Ziel</b>gruppen"),
            "Einwohner:innen/ Beteiligung der Zielgruppen");
  EXPECT_EQ(cell_text("Kinder <5 Jahre <i>kursiv</i>"), "Kinder <5 Jahre kursiv");
  EXPECT_EQ(cell_text("Schüler*innen und Lehrer*innen"), "Schüler*innen und Lehrer*innen");
  EXPECT_EQ(cell_text("**fett** und __auch__"), "fett und auch");
  EXPECT_TRUE(make_cell("**Ableitungen:**", nullptr).bold);
  EXPECT_EQ(make_cell("a<br><br>b", nullptr).lines, (Cells{"a", "b"}));
}

TEST(Markdown, EntitiesAndEscapesAreDecodedAndCounted) {
  inline_text::Counts counts;
  EXPECT_EQ(inline_text::plain("&quot;Aufholen&quot; &#58; &#x2013; &amp;", &counts),
            "\"Aufholen\" : – &");
  EXPECT_EQ(counts.entities, 5u);
  EXPECT_EQ(inline_text::plain("\\(u.a.\\) \\*", &counts), "(u.a.) *");
  EXPECT_EQ(counts.escapes, 3u);
  EXPECT_EQ(inline_text::plain("&unbekannt; & &#0; &#xD800;"), "&unbekannt; & &#0; &#xD800;");
  EXPECT_EQ(inline_text::plain("a&nbsp;b&shy;c"), "a bc");  // canonical after decoding
}

TEST(Markdown, HeadingsOfEveryKind) {
  auto heading = [](std::string_view doc) {
    const auto b = blocks(doc, nullptr);
    return b.empty() || b[0].kind != BlockKind::heading ? std::string("-")
                                                        : std::to_string(b[0].level) + b[0].text;
  };
  EXPECT_EQ(heading("### Handlungsfeld MINT {#mint .x}"), "3Handlungsfeld MINT");
  EXPECT_EQ(heading("Handlungsfeld MINT\n=================\n"), "1Handlungsfeld MINT");
  EXPECT_EQ(heading("Handlungsfeld MINT\n---\n"), "2Handlungsfeld MINT");
  EXPECT_EQ(heading("   ## eingerückt"), "2eingerückt");
  EXPECT_EQ(heading("####### sieben"), "-");
}

TEST(Markdown, TablesWithoutOuterPipesNeedADelimiterRow) {
  const auto b =
      blocks("Schwerpunkt | Verwaltungsbereich\n--- | ---\nA | Dezernat V/ Jugendamt\n", nullptr);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(b[0].kind, BlockKind::table);
  EXPECT_TRUE(b[0].header);
  ASSERT_EQ(b[0].rows.size(), 2u);
  EXPECT_EQ(b[0].rows[1].cells[1].text(), "Dezernat V/ Jugendamt");
  EXPECT_EQ(blocks("Nur | ein Strich im Text\n", nullptr)[0].kind, BlockKind::paragraph);
}

TEST(Markdown, ListsBoldParagraphsAndComments) {
  const auto b = blocks(
      "<!-- Kommentar\nüber zwei Zeilen -->\n**Ableitungen:**\n- eins\n• zwei\n3. drei\n", nullptr);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_TRUE(b[0].bold);
  EXPECT_EQ(b[0].text, "Ableitungen:");
  EXPECT_EQ(b[1].kind, BlockKind::list_item);
  EXPECT_EQ(b[2].text, "zwei");
  EXPECT_EQ(b[3].text, "drei");
  EXPECT_EQ(b[3].line, 6);
}

}  // namespace
}  // namespace eduplan::markdown
