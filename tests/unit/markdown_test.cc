#include "parse/markdown.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

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

TEST(Markdown, WrappedListItemsAndParagraphsAreJoined) {
  // Continuation lines (indented, lazy), a second paragraph indented to the item's content, a
  // hard break ("\\" at the end) and pandoc's 72-column wrapping all belong to the item.
  const auto b = blocks(
      "- Entwicklung von\n  Angeboten\n- lazy\nweiter\n1. hart\\\n   umbrochen\n\n"
      "    zweiter Absatz\n-   pandoc, die für\n    verschiedene Zielgruppen\n",
      nullptr);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].text, "Entwicklung von Angeboten");
  EXPECT_EQ(b[1].text, "lazy weiter");
  EXPECT_EQ(b[2].text, "hart umbrochen zweiter Absatz");
  EXPECT_EQ(b[3].text, "pandoc, die für verschiedene Zielgruppen");
  EXPECT_EQ(b[3].line, 9);
  const auto p = blocks(
      "**Handlungsfeld Bildungsplanung und Kooperation mit Trägern\nder kulturellen Bildung**\n"
      "Ableitungen: Entwicklung von Angeboten, die für\nverschiedene Zielgruppen\n",
      nullptr);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(p[0].bold);
  EXPECT_EQ(p[0].text,
            "Handlungsfeld Bildungsplanung und Kooperation mit Trägern der kulturellen Bildung");
  EXPECT_EQ(p[1].text, "Ableitungen: Entwicklung von Angeboten, die für verschiedene Zielgruppen");
  EXPECT_EQ(p[1].line, 3);
}

TEST(Markdown, WhatEndsAParagraph) {
  // A bold line, the objectives label, a heading, a table, a list, a setext heading and a
  // simple table's header each stand on their own.
  const auto b = blocks(
      "**Handlungsfeld MINT**\nText\nAbleitungen:\nA\nText\nB\nÜberschrift\n---\n"
      "Text\n| a | b |\nText\n- item\nKennzahl  Wert\n--------  ----\nKurse     12\n",
      nullptr);
  std::vector<std::string> kinds;
  for (const auto& x : b) kinds.push_back(std::to_string(static_cast<int>(x.kind)) + x.text);
  EXPECT_EQ(kinds, (Cells{"1Handlungsfeld MINT", "1Text", "1Ableitungen:", "1A Text B",
                          "0Überschrift", "1Text", "3", "1Text", "2item", "3"}));
}

TEST(Markdown, HtmlRowspanStandsInEveryRowItCovers) {
  const auto b = blocks(
      "<table>\n<tr><th>Schwerpunkt</th><th>Verwaltungsbereich</th></tr>\n"
      "<tr><td>A</td><td rowspan=\"2\">Dezernat III</td></tr>\n"
      "<tr><td rowspan=\"2\">B</td></tr>\n<tr><td>Dezernat V/ Jugendamt</td></tr>\n</table>\n",
      nullptr);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(b[0].rows.size(), 4u);
  EXPECT_EQ(b[0].rows[2].cells.size(), 2u);
  EXPECT_EQ(b[0].rows[2].cells[0].text(), "B");
  EXPECT_EQ(b[0].rows[2].cells[1].text(), "Dezernat III");
  EXPECT_TRUE(b[0].rows[2].cells[1].merged_above);
  EXPECT_EQ(b[0].rows[3].cells[0].text(), "B");
  EXPECT_TRUE(b[0].rows[3].cells[0].merged_above);
  EXPECT_EQ(b[0].rows[3].cells[1].text(), "Dezernat V/ Jugendamt");
}

TEST(Markdown, AnchorsAndInlineTagsAreMarkup) {
  EXPECT_EQ(cell_text("<span>Dezernat V</span>/ Jugendamt"), "Dezernat V/ Jugendamt");
  EXPECT_EQ(cell_text("<a id=\"mint\"></a>Handlungsfeld MINT"), "Handlungsfeld MINT");
  EXPECT_EQ(cell_text("[]{#anchor}*Handlungsfeld MINT*"), "Handlungsfeld MINT");
  EXPECT_EQ(cell_text("[Bibliothek]{.unit}"), "Bibliothek");
  EXPECT_EQ(cell_text("[Liste] und {Menge}"), "[Liste] und {Menge}");
  EXPECT_EQ(cell_text("Kinder <5 Jahre, <a"), "Kinder <5 Jahre, <a");
}

TEST(Markdown, EmphasisInsideTextIsFormattingButAStarInAWordIsText) {
  EXPECT_EQ(cell_text("Förderung der *Medienkompetenz* und **Digitalisierung**"),
            "Förderung der Medienkompetenz und Digitalisierung");
  EXPECT_EQ(cell_text("Angebote (*neu*) entwickeln"), "Angebote (neu) entwickeln");
  EXPECT_EQ(cell_text("Code _x0041_ und FB_01"), "Code _x0041_ und FB_01");  // '_' only around all
  EXPECT_EQ(cell_text("_Angebote entwickeln_"), "Angebote entwickeln");
  EXPECT_EQ(cell_text("Schüler*innen und Lehrer*innen"), "Schüler*innen und Lehrer*innen");
  EXPECT_EQ(cell_text("FB_01 und FB_02"), "FB_01 und FB_02");
  EXPECT_EQ(cell_text("5 * 3 und a*b"), "5 * 3 und a*b");
  EXPECT_EQ(cell_text("\\*nicht kursiv\\*"), "*nicht kursiv*");
  EXPECT_EQ(cell_text("die `Stadtbibliothek`"), "die Stadtbibliothek");
  EXPECT_EQ(cell_text("Sprachförderung <sup>neu</sup>"), "Sprachförderung neu");
  // A footnote's mark is no text (text-dropped): never "Sprachförderung1".
  EXPECT_EQ(cell_text("Sprachförderung<sup>1</sup> und <sup>*</sup>"), "Sprachförderung und");
}

TEST(Markdown, LinksCommentsAndRawHtml) {
  inline_text::Counts counts;
  EXPECT_EQ(
      inline_text::plain("die [Bibliothek](https://example.org/a_b) und ![Logo](l.png)", &counts),
      "die Bibliothek und Logo");
  EXPECT_EQ(counts.links, 2u);
  EXPECT_EQ(inline_text::plain("Förderung <!-- TODO --> der Kompetenz", &counts),
            "Förderung der Kompetenz");
  EXPECT_EQ(counts.comments, 1u);
  EXPECT_EQ(inline_text::plain("[Liste](ohne Ende"), "[Liste](ohne Ende");
  EXPECT_EQ(make_cell("Dezernat III`<br>`{=html}BOB/ Stabsstelle", nullptr).lines,
            (Cells{"Dezernat III", "BOB/ Stabsstelle"}));
  EXPECT_EQ(make_cell("<p>Dezernat V/</p><p class=\"x\">Jugendamt</p>", nullptr).lines,
            (Cells{"Dezernat V/", "Jugendamt"}));
  EXPECT_EQ(make_cell("<span>Dezernat V</span>/ Jugendamt", nullptr).lines,
            (Cells{"Dezernat V/ Jugendamt"}));
  EXPECT_EQ(cell_text("a `<b>`{=html}fett`</b>`{=html} b"), "a fett b");
  EXPECT_EQ(cell_text("<pre>x</pre>"), "<pre>x</pre>");  // not a paragraph tag
}

TEST(Markdown, StruckTextAndFootnoteReferencesAreDroppedAndListed) {
  inline_text::Counts counts;
  EXPECT_EQ(inline_text::plain("Dezernat IV/ Bibliothek, ~~Stadtarchiv~~", &counts),
            "Dezernat IV/ Bibliothek,");
  EXPECT_EQ(inline_text::plain("Angebote ~~bis 2024~~ entwickeln[^1]", &counts),
            "Angebote entwickeln");
  EXPECT_EQ(inline_text::plain("ein ~~ einzelnes Zeichen", &counts), "ein ~~ einzelnes Zeichen");
  ASSERT_EQ(counts.dropped.size(), 3u);
  inline_text::Counts html;
  EXPECT_EQ(
      inline_text::plain("A <del>B</del> C <S class=\"x\">D</S> <strike>E</strike> <s>", &html),
      "A C <s>");
  EXPECT_EQ(html.dropped.size(), 3u);
  EXPECT_EQ(inline_text::plain("<mark>Jugend</mark><small>amt</small> <code>x</code> <ins>y</ins>"),
            "Jugendamt x y");
  EXPECT_EQ(inline_text::plain("<summary>x</summary> <sample>"), "<summary>x</summary> <sample>");
  std::multiset<std::pair<int, std::string>> dropped;  // (kind, text), in any order
  for (const auto& d : counts.dropped) dropped.insert({static_cast<int>(d.kind), d.text});
  using Kind = inline_text::Dropped::Kind;
  EXPECT_EQ(dropped, (std::multiset<std::pair<int, std::string>>{
                         {static_cast<int>(Kind::struck), "Stadtarchiv"},
                         {static_cast<int>(Kind::struck), "bis 2024"},
                         {static_cast<int>(Kind::footnote), "[^1]"}}));
  // Lines are the caller's: blocks() gives each the line of its row or paragraph.
  inline_text::Counts in_blocks;
  const auto b =
      blocks("# T\n\n| a | b |\n|---|---|\n| x | y |\n| ~~z~~ | w |\n\nText[^n]\n", &in_blocks);
  ASSERT_EQ(in_blocks.dropped.size(), 2u);
  EXPECT_EQ(in_blocks.dropped[0].line, 6);
  EXPECT_EQ(in_blocks.dropped[1].line, 8);
}

// pandoc's tables of dashes: simple (one line per row) and multiline (rows separated by blank
// lines), each with and without a header.
TEST(Markdown, PandocSimpleAndMultilineTables) {
  const auto texts = [](const Block& t) {
    std::vector<Cells> rows;
    for (const auto& r : t.rows) {
      Cells cells;
      for (const auto& c : r.cells) cells.push_back(c.text());
      rows.push_back(cells);
    }
    return rows;
  };
  // Headerless simple table: a dash line above and below, one row per line.
  auto b = blocks("  ----- -----\n  Ableitungen:   Eins\n                 Zwei\n  ----- -----\n",
                  nullptr);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].header);
  EXPECT_EQ(texts(b[0]).size(), 2u);
  // A simple table with a header ends at the blank line, even if a dash line follows later.
  b = blocks(
      "  Schwerpunkt   Bereich\n  ------------- -------\n  MINT-Cluster  BOB/ A\n  Angebote      "
      "Dez. "
      "IV/ B\n\nText\n\n  ---- ----\n  x    y\n  ---- ----\n",
      nullptr);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_TRUE(b[0].header);
  EXPECT_EQ(texts(b[0]), (std::vector<Cells>{{"Schwerpunkt", "Bereich"},
                                             {"MINT-Cluster", "BOB/ A"},
                                             {"Angebote", "Dez. IV/ B"}}));
  // A simple table with a header may close with a dash line right below its rows.
  b = blocks(
      "  Schwerpunkt   Bereich\n  ------------- -------\n  MINT-Cluster  BOB/ A\n  "
      "------------- -------\nText\n",
      nullptr);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].rows.size(), 2u);
  // Multiline with a header: cells wrapped over lines, rows separated by blank lines.
  b = blocks(
      "  ----------------------\n  Schwerpunkt  Bereich\n  -----------  ---------\n  Ausbau der   "
      "Dez. IV/\n"
      "  Angebote     Bibliothek\n\n  MINT         BOB/ A\n  ----------------------\n",
      nullptr);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_TRUE(b[0].header);
  EXPECT_EQ(texts(b[0]), (std::vector<Cells>{{"Schwerpunkt", "Bereich"},
                                             {"Ausbau der Angebote", "Dez. IV/ Bibliothek"},
                                             {"MINT", "BOB/ A"}}));
  // Multiline without a header: blank lines between rows before the closing dash line.
  b = blocks(
      "  ----------- ---------\n  Ausbau der  Dez. IV/\n  Angebote    Bibliothek\n\n  MINT"
      "        BOB/ A\n  ----------- ---------\n",
      nullptr);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(texts(b[0]), (std::vector<Cells>{{"Ausbau der Angebote", "Dez. IV/ Bibliothek"},
                                             {"MINT", "BOB/ A"}}));
  // Headerless simple table whose first row is empty: pandoc writes it as a line of spaces
  // below the column line (html -> markdown of the example's objectives). Still one row per line.
  b = blocks("  -------------- ------\n                 \n  Ableitungen:   Eins\n                 Zwei\n"
             "  -------------- ------\n",
             nullptr);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(texts(b[0]), (std::vector<Cells>{{"Ableitungen:", "Eins"}, {"", "Zwei"}}));
}

TEST(Markdown, LettersAndSmallRomanNumeralsMakeListItemsButAbbreviationsDoNot) {
  const auto b = blocks(
      "a) Erste\nB. Zweite\niv) Vierte\nii. Zweite\nz. B. ein Satz\nd. h. ein Satz\n", nullptr);
  std::vector<std::pair<BlockKind, std::string>> got;
  for (const auto& x : b) got.emplace_back(x.kind, x.text);
  EXPECT_EQ(got, (std::vector<std::pair<BlockKind, std::string>>{
                     {BlockKind::list_item, "Erste"},
                     {BlockKind::list_item, "Zweite"},
                     {BlockKind::list_item, "Vierte"},
                     {BlockKind::list_item, "Zweite z. B. ein Satz d. h. ein Satz"}}));
}

}  // namespace
}  // namespace eduplan::markdown
