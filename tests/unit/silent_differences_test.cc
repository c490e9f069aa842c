// Issue 9, "never a silent difference": forms of the example that were stored as another plan
// without a finding. Each stores the plan the author meant, or says what it did.
#include <eduplan/reader.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/inline_text.h"
#include "test_support.h"

namespace eduplan {
namespace {

using testing::with_rule;
using Texts = std::vector<std::string>;

const std::string kField =
    "## Handlungsfeld MINT\n\n"
    "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
    "| Fachkräftegewinnung | Dezernat III |\n\n";

Texts objectives(const Plan& plan, std::size_t field = 0) {
  Texts out;
  for (const auto& o : plan.fields.at(field).objectives)
    out.push_back(plan.objectives.at(o.objective).text);
  return out;
}

TEST(SilentDifferences, LabelAndItemsJoinedByBreaksAreAList) {
  const Plan plan = read_plan(kField + "Ableitungen:<br>- Angebote entwickeln<br>- Vernetzung<br>"
                                       "ausbauen\n",
                              "t.md");
  EXPECT_EQ(objectives(plan), (Texts{"Angebote entwickeln", "Vernetzung ausbauen"}));
  // A <br> before text that is no list item only wraps, as before.
  const Plan wrapped =
      read_plan(kField + "Ableitungen:\n\n- Angebote für<br>Kinder entwickeln\n", "t.md");
  EXPECT_EQ(objectives(wrapped), (Texts{"Angebote für Kinder entwickeln"}));
  // A list flattened into running text under a field is a list there too: said, not read.
  const Plan other = read_plan(kField + "Partner:<br>- Universität<br>- Hochschule\n", "t.md");
  EXPECT_TRUE(objectives(other).empty());
  EXPECT_EQ(with_rule(other.findings, "list-ignored").size(), 1u);
}

TEST(SilentDifferences, SubItemsContinueTheirObjective) {
  const Plan plan = read_plan(kField + "Ableitungen:\n\n- Digitalisierung voranbringen\n"
                                       "    - an Schulen\n- Vernetzung ausbauen\n",
                              "t.md");
  EXPECT_EQ(objectives(plan),
            (Texts{"Digitalisierung voranbringen an Schulen", "Vernetzung ausbauen"}));
  const auto found = with_rule(plan.findings, "objective-continued");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 10);
  EXPECT_NE(found[0].message.find("an Schulen"), std::string::npos);
  // Word's sub-level bullets as a copy leaves them ("o"), on an indented line only.
  const Plan word = read_plan(kField + "Ableitungen:\n\n• Angebote für\n    o Kinder entwickeln\n"
                                       "• Vernetzung\no hne Ende\n",
                              "t.md");
  EXPECT_EQ(objectives(word), (Texts{"Angebote für Kinder entwickeln", "Vernetzung o hne Ende"}));
  const Plan law = read_plan(kField +
                                 "Ableitungen:\n\n-   Vorgaben umsetzen nach\n    § 45 SGB VIII\n"
                                 "-   Kinder schützen\n      § Kinderschutz\n",
                             "t.md");
  EXPECT_EQ(objectives(law),
            (Texts{"Vorgaben umsetzen nach § 45 SGB VIII", "Kinder schützen Kinderschutz"}));
  EXPECT_EQ(with_rule(law.findings, "objective-continued").size(), 1u);
  // A list indented as a whole is no list of sub-items.
  const Plan indented =
      read_plan(kField + "Ableitungen:\n\n  - A entwickeln\n  - B ausbauen\n", "t.md");
  EXPECT_EQ(objectives(indented), (Texts{"A entwickeln", "B ausbauen"}));
  EXPECT_TRUE(with_rule(indented.findings, "objective-continued").empty());
}

TEST(SilentDifferences, FootnoteMarksAreDroppedAndSaid) {
  inline_text::Counts counts;
  EXPECT_EQ(inline_text::plain("Kitas^1^ und evaluieren^2,3^", &counts), "Kitas und evaluieren");
  EXPECT_EQ(inline_text::plain("Kitas¹ evaluieren²³ Museum⁴", &counts), "Kitas evaluieren Museum");
  ASSERT_EQ(counts.dropped.size(), 5u);
  EXPECT_EQ(counts.dropped[0].text, "^1^");
  EXPECT_EQ(counts.dropped[3].text, "²³");
  // Not a footnote's mark: digits, powers after a unit, other superscript, an escaped caret.
  inline_text::Counts none;
  EXPECT_EQ(inline_text::plain("100 m² und 3 km² und 10cm³ in 2025, 1.250 Teilnehmende", &none),
            "100 m² und 3 km² und 10cm³ in 2025, 1.250 Teilnehmende");
  EXPECT_EQ(inline_text::plain("x^neu^ und 2^ und \\^1^ und ^2,^", &none),
            "x^neu^ und 2^ und ^1^ und ^2,^");
  EXPECT_EQ(inline_text::plain("¹ Beschluss", &none), "¹ Beschluss");
  EXPECT_TRUE(none.dropped.empty());
  // A word that only ends like a unit is a word: "Programm¹" has its footnote.
  EXPECT_EQ(inline_text::plain("Programm¹ und Raum²"), "Programm und Raum");
  // Linear, however many marks are glued into one long word.
  std::string glued;
  for (int k = 0; k < 200000; ++k) glued += "a¹";
  EXPECT_EQ(inline_text::plain(glued), std::string(200000, 'a'));
  // In a heading too, with its line.
  const Plan plan = read_plan("## Handlungsfeld MINT^1^\n\n"
                              "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
                              "| Fachkräftegewinnung¹ | Dezernat III |\n",
                              "t.md");
  EXPECT_EQ(plan.fields.at(0).title, "MINT");
  EXPECT_EQ(plan.fields.at(0).focus_areas.at(0).text, "Fachkräftegewinnung");
  const auto dropped = with_rule(plan.findings, "text-dropped");
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped[0].line, 1);
  EXPECT_EQ(dropped[1].line, 5);
}

TEST(SilentDifferences, OtherObjectivesLabelsAreReadAndSaid) {
  for (const std::string label : {"Ziele:", "**Zielsetzungen**", "### Ableitungen / Ziele",
                                  "Ziele und Ableitungen:"}) {
    const Plan plan = read_plan(kField + label + "\n\n- A entwickeln\n- B ausbauen\n", "t.md");
    EXPECT_EQ(objectives(plan), (Texts{"A entwickeln", "B ausbauen"})) << label;
    EXPECT_EQ(with_rule(plan.findings, "objectives-label-read").size(), 1u) << label;
  }
  const Plan table = read_plan(kField + "| | |\n|---|---|\n| Ziele: | A entwickeln |\n| | B |\n"
                                        "\n## Handlungsfeld Teilhabe\n\n" +
                                   kField.substr(kField.find('|')) + "Ziele: C stärken\n",
                               "t.md");
  EXPECT_EQ(objectives(table), (Texts{"A entwickeln", "B"}));
  EXPECT_EQ(objectives(table, 1), (Texts{"C stärken"}));
  EXPECT_EQ(with_rule(table.findings, "objectives-label-read").size(), 1u);  // once per spelling
  // "Ableitungen" itself says nothing; a word that only contains "Ziel" is no label.
  const Plan usual = read_plan(kField + "Ableitungen:\n\n- A\n\nZielgruppen: Kinder\n", "t.md");
  EXPECT_EQ(objectives(usual), (Texts{"A"}));
  EXPECT_TRUE(with_rule(usual.findings, "objectives-label-read").empty());
}

TEST(SilentDifferences, AnEmptyHeadingIsNoField) {
  const Plan plan = read_plan(kField + "Ableitungen:\n\n- A\n\n## ~~Handlungsfeld Alt~~\n\n" +
                                  kField.substr(kField.find('|')) +
                                  "## Handlungsfeld Teilhabe\n\n" + kField.substr(kField.find('|')),
                              "t.md");
  ASSERT_EQ(plan.fields.size(), 2u);
  EXPECT_EQ(plan.fields[0].title, "MINT");
  EXPECT_EQ(plan.fields[1].title, "Teilhabe");
  ASSERT_EQ(with_rule(plan.findings, "heading-empty").size(), 1u);
  EXPECT_EQ(with_rule(plan.findings, "heading-empty")[0].line, 11);
  EXPECT_EQ(with_rule(plan.findings, "table-outside-field").size(), 1u);
  EXPECT_EQ(with_rule(plan.findings, "text-dropped").size(), 1u);
}

TEST(SilentDifferences, ObjectiveWrappedOverTableRowsIsOne) {
  const Plan plan = read_plan(kField + "| | |\n|---|---|\n| Ableitungen: | Angebote für |\n"
                                       "| | Kinder entwickeln |\n| | Vernetzung ausbauen |\n"
                                       "| | interne Strukturen stärken |\n",
                              "t.md");
  EXPECT_EQ(objectives(plan), (Texts{"Angebote für Kinder entwickeln", "Vernetzung ausbauen",
                                     "interne Strukturen stärken"}));
  const auto found = with_rule(plan.findings, "objective-continued");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 10);
}

TEST(SilentDifferences, LinesOfACellThatMayBeSeveralObjectivesAreSaid) {
  // The example's wraps ("…optimieren/<br>Vernetzung", "…für<br>Einwohner:innen") say nothing.
  const Plan wrap =
      read_plan(kField +
                    "| | |\n|---|---|\n"
                    "| Ableitungen: | Strukturen optimieren/<br>Vernetzung ausbauen |\n"
                    "| | Ausweitung der Formate für<br>Einwohner:innen |\n"
                    "| | Angebote für besondere<br>bildungsbenachteiligte Gruppen |\n",
                "t.md");
  EXPECT_EQ(objectives(wrap).size(), 3u);
  EXPECT_TRUE(with_rule(wrap.findings, "objective-lines-joined").empty());
  const Plan two = read_plan(
      kField + "| | |\n|---|---|\n| Ableitungen: | Teilhabe stärken<br>Angebote entwickeln |\n",
      "t.md");
  EXPECT_EQ(objectives(two), (Texts{"Teilhabe stärken Angebote entwickeln"}));  // as documented
  ASSERT_EQ(with_rule(two.findings, "objective-lines-joined").size(), 1u);
  EXPECT_EQ(with_rule(two.findings, "objective-lines-joined")[0].line, 9);
}

TEST(SilentDifferences, RowsAndCellsThatContinueOrMayBeSeveral) {
  // A row that begins with a conjunction continues the objective above.
  const Plan conj = read_plan(kField + "| | |\n|---|---|\n| Ableitungen: | Angebote entwickeln |\n"
                                       "| | und ausbauen |\n| | Vernetzung stärken |\n",
                              "t.md");
  EXPECT_EQ(objectives(conj), (Texts{"Angebote entwickeln und ausbauen", "Vernetzung stärken"}));
  EXPECT_EQ(with_rule(conj.findings, "objective-continued").size(), 1u);
  // "A; B" stays one objective, and that is said: in a cell and after "Ableitungen:".
  const Plan cell =
      read_plan(kField + "| | |\n|---|---|\n| Ableitungen: | A stärken; B ausbauen |\n", "t.md");
  EXPECT_EQ(objectives(cell), (Texts{"A stärken; B ausbauen"}));
  EXPECT_EQ(with_rule(cell.findings, "objective-lines-joined").size(), 1u);
  const Plan line = read_plan(kField + "Ableitungen: A stärken; B ausbauen\n", "t.md");
  EXPECT_EQ(objectives(line), (Texts{"A stärken; B ausbauen"}));
  EXPECT_EQ(with_rule(line.findings, "objective-lines-joined").size(), 1u);
  // An item of a nested HTML list in a cell continues its item.
  const Plan html = read_plan(kField + "<table><tr><td>Ableitungen:</td><td><ul><li>A für<ul><li>"
                                       "Kinder</li></ul></li><li>B</li></ul></td></tr></table>\n",
                              "t.md");
  EXPECT_EQ(objectives(html), (Texts{"A für Kinder", "B"}));
  const Plan md = read_plan(kField +
                                "| | |\n|---|---|\n| Ableitungen: | <ul><li>A für<ul><li>Kinder"
                                "</li></ul></li><li>B</li></ul> |\n",
                            "t.md");
  EXPECT_EQ(objectives(md), (Texts{"A für Kinder", "B"}));
}

TEST(SilentDifferences, OneListOfBulletsForListsCellsAndUnits) {
  const Plan plan = read_plan(
      "## Handlungsfeld MINT\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich "
      "|\n|---|---|\n"
      "| Fachkräftegewinnung | ■ Dezernat V/ Jugendamt<br>\xEF\x82\xB7 Dezernat III |\n\n"
      "Ableitungen:\n\n➢ A entwickeln\n✓ B ausbauen\n\n## Handlungsfeld Teilhabe\n\n"
      "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n| S | Dezernat III |\n\n"
      "| | |\n|---|---|\n| Ableitungen: | ► C<br>► D |\n",
      "t.md");
  EXPECT_EQ(objectives(plan), (Texts{"A entwickeln", "B ausbauen"}));
  EXPECT_EQ(objectives(plan, 1), (Texts{"C", "D"}));
  ASSERT_EQ(plan.fields.at(0).focus_areas.at(0).responsibilities.size(), 2u);
  EXPECT_TRUE(with_rule(plan.findings, "objectives-paragraph-ignored").empty());
}

TEST(SilentDifferences, BracketFootnoteMarks) {
  inline_text::Counts counts;
  EXPECT_EQ(inline_text::plain("Kitas[1] und Museum<sup>[12]</sup>", &counts), "Kitas und Museum");
  ASSERT_EQ(counts.dropped.size(), 2u);
  EXPECT_EQ(counts.dropped[0].text, "[1]");
  // Not glued to a word, a link or a reference: text as before.
  inline_text::Counts none;
  EXPECT_EQ(inline_text::plain("Anlage [1] und [1](https://x.org) und x[1]: y", &none),
            "Anlage [1] und 1 und x[1]: y");
  EXPECT_TRUE(none.dropped.empty());
}

}  // namespace
}  // namespace eduplan
