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

TEST(Markdown, BrAndBoldTags) {
  EXPECT_EQ(split_at_br("a<br>b<BR/>c<br />d").size(), 4u);
  EXPECT_EQ(strip_bold("<b>Ableitungen:</b>"), "Ableitungen:");
  EXPECT_EQ(cell_text("Einwohner:innen/<br>Beteiligung  der <b>Ziel</b>gruppen"),
            "Einwohner:innen/ Beteiligung der Zielgruppen");
  EXPECT_EQ(cell_text("Kinder <5 Jahre <i>kursiv</i>"), "Kinder <5 Jahre <i>kursiv</i>");
}

}  // namespace
}  // namespace eduplan::markdown
