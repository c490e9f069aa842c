// The reader stores what the document says, or says why not: regressions from a hostile pass
// over the reader (documents whose plan was stored differently without a finding).
#include <eduplan/reader.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace eduplan {
namespace {

using testing::with_rule;

const std::string kFocus =
    "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
    "| Fachkräftegewinnung | Dezernat III |\n\n";

std::vector<std::string> objectives(const Plan& plan, std::size_t field = 0) {
  std::vector<std::string> out;
  for (const auto& o : plan.fields.at(field).objectives)
    out.push_back(plan.objectives.at(o.objective).text);
  return out;
}

std::vector<std::string> focus_areas(const Plan& plan, std::size_t field = 0) {
  std::vector<std::string> out;
  for (const auto& fa : plan.fields.at(field).focus_areas) out.push_back(fa.text);
  return out;
}

using Texts = std::vector<std::string>;

TEST(Fidelity, ObjectivesEndWhereTheListEnds) {
  // A later list under other running text and a "Kennzahl | Wert" table are no objectives.
  const Plan plan = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                  "Ableitungen:\n\n- Angebote entwickeln\n- Vernetzung ausbauen\n\n"
                                  "Beteiligte Partner:\n\n- Universität\n- Hochschule\n\n"
                                  "| Kennzahl | Wert 2024 |\n|---|---|\n| Kurse | 12 |\n",
                              "t.md");
  EXPECT_EQ(objectives(plan), (Texts{"Angebote entwickeln", "Vernetzung ausbauen"}));
  EXPECT_EQ(focus_areas(plan), (Texts{"Fachkräftegewinnung"}));
  EXPECT_EQ(with_rule(plan.findings, "list-ignored").size(), 1u);
  EXPECT_EQ(with_rule(plan.findings, "table-unknown").size(), 1u);
  // A table right after the list of objectives is not read as more of them either.
  const Plan direct = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                    "Ableitungen:\n\n- A\n\n| Kennzahl | Wert |\n|---|---|\n| K | 1 |\n",
                                "t.md");
  EXPECT_EQ(objectives(direct), (Texts{"A"}));
  EXPECT_EQ(with_rule(direct.findings, "table-unknown").size(), 1u);
}

TEST(Fidelity, ASharedObjectiveWithAFinalStopIsOneObjective) {
  // Typed once as a sentence and once as a list item: one objective, linked to both fields, and
  // said; the first spelling is stored. An objective that differs in more stays apart.
  const Plan plan =
      read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                    "Ableitungen:\n\n- Bildungsangebote regelmäßig evaluieren.\n"
                    "- Vernetzung ausbauen\n\n"
                    "## Handlungsfeld Teilhabe\n\n" +
                    kFocus +
                    "Ableitungen:\n\n- Bildungsangebote regelmäßig evaluieren\n"
                    "- Vernetzung ausbauen und stärken;\n\n"
                    "## Handlungsfeld Schule\n\n" +
                    kFocus + "Ableitungen:\n\n- Bildungsangebote regelmäßig evaluieren ;\n",
                "t.md");
  ASSERT_EQ(plan.fields.size(), 3u);
  EXPECT_EQ(plan.objectives.size(), 3u);
  EXPECT_EQ(objectives(plan, 0),
            (Texts{"Bildungsangebote regelmäßig evaluieren.", "Vernetzung ausbauen"}));
  EXPECT_EQ(objectives(plan, 1),
            (Texts{"Bildungsangebote regelmäßig evaluieren.", "Vernetzung ausbauen und stärken;"}));
  EXPECT_EQ(objectives(plan, 2), (Texts{"Bildungsangebote regelmäßig evaluieren."}));
  EXPECT_EQ(with_rule(plan.findings, "objective-spelling-merged").size(), 2u);
  EXPECT_EQ(with_rule(plan.findings, "objective-shared").size(), 1u);
}

TEST(Fidelity, HtmlHeadingsWrappedOverLinesAreHeadings) {
  // pandoc's HTML wraps at 72 columns: a long heading stands on two or three lines. Before, such a
  // field's tables went to the field before (or nowhere, for the first).
  const std::string table =
      "<table>\n<thead>\n<tr><th>Handlungsschwerpunkt</th><th>befasster "
      "Verwaltungsbereich</th></tr>\n"
      "</thead>\n<tbody>\n<tr><td>Fachkräftegewinnung</td><td>Dezernat III</td></tr>\n</tbody>\n"
      "</table>\n";
  const Plan plan = read_plan(
      "<h2 id=\"handlungsfeld-bildungsplanung\"><em>Handlungsfeld\nBildungsplanung/ "
      "Infrastruktur</em></h2>\n" +
          table +
          "<p>Ableitungen: Angebote entwickeln</p>\n"
          "<H2 class=\"x\"><strong>Handlungsfeld\nDemokratiebildung</strong>\n</H2>\n" +
          table + "<p>Ableitungen: Vernetzung ausbauen</p>\n",
      "t.html");
  ASSERT_EQ(plan.fields.size(), 2u);
  EXPECT_EQ(plan.fields[0].title, "Bildungsplanung/ Infrastruktur");
  EXPECT_EQ(plan.fields[1].title, "Demokratiebildung");
  EXPECT_EQ(objectives(plan, 1), (Texts{"Vernetzung ausbauen"}));
  // Not closed within a few lines: not a heading (and the text after it is not swallowed).
  const Plan open = read_plan(
      "<h2>Handlungsfeld\nMINT\n\n## Handlungsfeld Schule\n\n" + kFocus + "Ableitungen: A\n",
      "t.md");
  ASSERT_EQ(open.fields.size(), 1u);
  EXPECT_EQ(open.fields[0].title, "Schule");
}

TEST(Fidelity, AFieldHeadingWithoutTheSpaceAfterItsHashesIsAHeading) {
  // "##Handlungsfeld MINT", as typed in a hurry: the document was rejected (no field). Other text
  // after hashes ("#Hashtag") stays a paragraph.
  const Plan plan =
      read_plan("##Handlungsfeld MINT\n\n" + kFocus + "Ableitungen: A\n\n#Hashtag\n", "t.md");
  ASSERT_EQ(plan.fields.size(), 1u);
  EXPECT_EQ(plan.fields[0].title, "MINT");
  EXPECT_EQ(focus_areas(plan), (Texts{"Fachkräftegewinnung"}));
  EXPECT_EQ(objectives(plan), (Texts{"A"}));
}

TEST(Fidelity, AContentsHeadingIsNoTitle) {
  // A table of contents typed by hand under "Inhalt": the plan's title is the next top heading.
  const Plan plan = read_plan(
      "# Inhalt\n\n1. Handlungsfeld MINT\n\n# Bildungskonzept der Stadt\n\n"
      "## Handlungsfeld MINT\n\n" +
          kFocus + "Ableitungen: A\n",
      "t.md");
  EXPECT_EQ(plan.title, "Bildungskonzept der Stadt");
  ASSERT_EQ(plan.fields.size(), 1u);
}

TEST(Fidelity, ObjectivesTableKeepsOnlyItsObjectivesColumn) {
  const Plan plan = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                  "| Ableitungen | Zeitraum |\n|---|---|\n"
                                  "| Angebote entwickeln | 2025 |\n| Vernetzung ausbauen | 2026 |\n",
                              "t.md");
  EXPECT_EQ(objectives(plan), (Texts{"Angebote entwickeln", "Vernetzung ausbauen"}));
  ASSERT_EQ(with_rule(plan.findings, "objectives-column-ignored").size(), 1u);
  EXPECT_NE(with_rule(plan.findings, "objectives-column-ignored")[0].message.find("Zeitraum"),
            std::string::npos);
  // Objectives that contain a header word ("Maßnahme") are still objectives.
  const Plan words = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                   "| Ableitungen: | Entwicklung von Angeboten (Maßnahme 1) |\n"
                                   "| | Vernetzung ausbauen |\n",
                               "t.md");
  EXPECT_EQ(objectives(words), (Texts{"Entwicklung von Angeboten (Maßnahme 1)", "Vernetzung ausbauen"}));
  EXPECT_EQ(focus_areas(words), (Texts{"Fachkräftegewinnung"}));
  // The usual form, label beside the objectives, stays as it was: no finding.
  const Plan usual = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                   "| | |\n|---|---|\n| Ableitungen: | A |\n| | B |\n",
                               "t.md");
  EXPECT_EQ(objectives(usual), (Texts{"A", "B"}));
  EXPECT_TRUE(with_rule(usual.findings, "objectives-column-ignored").empty());
}

TEST(Fidelity, AColumnAboutObjectivesDoesNotTurnAFocusTableIntoObjectives) {
  const Plan plan = read_plan(
      "## Handlungsfeld MINT\n\n"
      "| Handlungsschwerpunkt | befasster Verwaltungsbereich | Bezug zur Ableitung |\n|---|---|---|\n"
      "| Fachkräftegewinnung | Dezernat III | 1 |\n| Wecken des Interesses | Dezernat IV/ Bibliothek | 2 "
      "|\n\nAbleitungen:\n\n1. Angebote entwickeln\n2. Vernetzung ausbauen\n",
      "t.md");
  EXPECT_EQ(focus_areas(plan), (Texts{"Fachkräftegewinnung", "Wecken des Interesses"}));
  EXPECT_EQ(objectives(plan), (Texts{"Angebote entwickeln", "Vernetzung ausbauen"}));
  ASSERT_EQ(plan.fields[0].focus_areas[0].attributes.size(), 1u);
  EXPECT_EQ(plan.fields[0].focus_areas[0].attributes[0].name, "Bezug zur Ableitung");
}

TEST(Fidelity, ATwoColumnTableWithAForeignHeaderIsNoFocusTable) {
  const Plan plan = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                  "| Kennzahl | Wert 2024 |\n|---|---|\n| Kurse | 1.250 |\n\n"
                                  "Ableitungen: A\n",
                              "t.md");
  EXPECT_EQ(focus_areas(plan), (Texts{"Fachkräftegewinnung"}));
  EXPECT_EQ(with_rule(plan.findings, "table-unknown").size(), 1u);
  // Without a header (no delimiter row), two columns are still focus area and units.
  const Plan headerless = read_plan("## Handlungsfeld MINT\n\n| Kurse | Dezernat III |\n", "t.md");
  EXPECT_EQ(focus_areas(headerless), (Texts{"Kurse"}));
}

TEST(Fidelity, ATableContinuedAfterAPageBreakKeepsItsFirstRow) {
  // The converter made the first data row of the second part the header of a new table.
  const Plan plan = read_plan(
      "## Handlungsfeld MINT\n\n"
      "| Handlungsschwerpunkt | befasster Verwaltungsbereich | Zeitraum |\n|---|---|---|\n"
      "| Fachkräftegewinnung | Dezernat III | 2025 |\n\n"
      "| Wecken des Interesses | Dezernat IV/ Bibliothek | 2026 |\n|---|---|---|\n"
      "| MINT-Cluster | BOB/ Stabsstelle | 2027 |\n\nAbleitungen: A\n",
      "t.md");
  EXPECT_EQ(focus_areas(plan),
            (Texts{"Fachkräftegewinnung", "Wecken des Interesses", "MINT-Cluster"}));
  EXPECT_EQ(with_rule(plan.findings, "table-continued").size(), 1u);
  ASSERT_EQ(plan.fields[0].focus_areas[1].attributes.size(), 1u);
  EXPECT_EQ(plan.fields[0].focus_areas[1].attributes[0].name, "Zeitraum");
  EXPECT_EQ(plan.fields[0].focus_areas[1].attributes[0].value, "2026");
  EXPECT_EQ(with_rule(plan.findings, "table-extra-columns").size(), 1u);
  // A table of figures right below a focus table does not continue it.
  const Plan figures = read_plan("## Handlungsfeld MINT\n\n" + kFocus +
                                     "| Kennzahl | Wert 2024 |\n|---|---|\n| Kurse | 12 |\n",
                                 "t.md");
  EXPECT_EQ(focus_areas(figures), (Texts{"Fachkräftegewinnung"}));
  EXPECT_EQ(with_rule(figures.findings, "table-unknown").size(), 1u);
}

TEST(Fidelity, ADataRowWithHeaderWordsIsNoRepeatedHeader) {
  const Plan plan = read_plan(
      "## Handlungsfeld Teilhabe\n\n"
      "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
      "| Maßnahmen der Schulsozialarbeit verstetigen | Dezernat V/ Jugendamt (federführend) |\n"
      "| handlungsschwerpunkt | Befasster Verwaltungsbereich |\n"
      "| Sprachförderung | Dezernat V/ Integrationskoordination |\n",
      "t.md");
  EXPECT_EQ(focus_areas(plan),
            (Texts{"Maßnahmen der Schulsozialarbeit verstetigen", "Sprachförderung"}));
  EXPECT_EQ(with_rule(plan.findings, "table-header-repeated").size(), 1u);
  // Without a header row (pandoc's headerless tables, Word tables without a header), a first
  // row with header words that names a division is data, not the header.
  for (const std::string table :
       {"| Weitere Maßnahmen zur Erhöhung der Inanspruchnahme | Dezernat V/ Sozialamt |\n"
        "| Sprachförderung | Dezernat V/ Integrationskoordination |\n",
        "| Weitere Maßnahmen zur Erhöhung der Inanspruchnahme | Dezernat V/ Sozialamt |\n|---|---|\n"
        "| Sprachförderung | Dezernat V/ Integrationskoordination |\n"}) {
    const Plan headerless = read_plan("## Handlungsfeld Teilhabe\n\n" + table, "t.md");
    EXPECT_EQ(focus_areas(headerless),
              (Texts{"Weitere Maßnahmen zur Erhöhung der Inanspruchnahme", "Sprachförderung"}))
        << table;
  }
}

TEST(Fidelity, APlainFieldLineWithoutATableOwnsItsObjectives) {
  for (const std::string tail :
       {"Ableitungen: Teilhabe stärken\n", "Ableitungen:\n\n- Teilhabe stärken\n",
        "| Ableitungen: | Teilhabe stärken |\n"}) {
    const Plan plan = read_plan("## Handlungsfeld MINT\n\n" + kFocus + "Ableitungen: A\n\n" +
                                    "Handlungsfeld Teilhabe\n\nDie Schwerpunkte werden 2026 "
                                    "festgelegt.\n\n" + tail,
                                "t.md");
    ASSERT_EQ(plan.fields.size(), 2u) << tail;
    EXPECT_EQ(plan.fields[1].title, "Teilhabe");
    EXPECT_EQ(objectives(plan, 0), (Texts{"A"}));
    EXPECT_EQ(objectives(plan, 1), (Texts{"Teilhabe stärken"}));
    EXPECT_EQ(with_rule(plan.findings, "field-empty").size(), 1u);
  }
}

TEST(Fidelity, OneWindows1252ByteInAUtf8FileRejectsThatLine) {
  // "Frühzeitiges" with ü as the single byte FC, in a file that is UTF-8 elsewhere: decoding
  // all of it as Windows-1252 would garble every other umlaut, so it is refused with its line.
  const std::string doc = "## Handlungsfeld MINT\n\n" + kFocus +
                          "| Fr\xFChzeitiges Wecken | Dezernat IV/ Bibliothek |\n";
  const Plan plan = read_plan(doc, "t.md");
  ASSERT_EQ(with_rule(plan.findings, "encoding-invalid-utf8").size(), 1u);
  const Finding f = with_rule(plan.findings, "encoding-invalid-utf8")[0];  // a copy: a temporary
  EXPECT_EQ(f.line, 7);
  EXPECT_NE(f.message.find("0xFC"), std::string::npos) << f.message;
  EXPECT_TRUE(plan.fields.empty());
  // A UTF-8 BOM says UTF-8 as well.
  const Plan bom = read_plan("\xEF\xBB\xBF## Handlungsfeld M\xFC\n", "t.md");
  EXPECT_EQ(with_rule(bom.findings, "encoding-invalid-utf8").size(), 1u);
  // A file in Windows-1252 throughout is still converted.
  const Plan ansi = read_plan("## Handlungsfeld MINT\n\n| Schwerpunkt | Verwaltungsbereich |\n"
                              "|---|---|\n| Fr\xFChzeitiges | Dezernat IV/ Bibliothek |\n",
                              "t.md");
  EXPECT_EQ(with_rule(ansi.findings, "encoding-converted").size(), 1u);
  EXPECT_EQ(focus_areas(ansi), (Texts{"Frühzeitiges"}));
}

TEST(Fidelity, ATitleRowAboveTheHeaderIsNoFocusArea) {
  // Word: one merged cell across the table above the header row.
  const Plan plan = read_plan(
      "## Handlungsfeld A\n\n| Handlungsfeld A – Übersicht | |\n|---|---|\n"
      "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n| S1 | Dezernat V/ Jugendamt |\n",
      "t.md");
  EXPECT_EQ(focus_areas(plan), (Texts{"S1"}));
  EXPECT_EQ(with_rule(plan.findings, "table-title-row").size(), 1u);
}

TEST(Fidelity, AnObjectiveInACellMergedAcrossTheTableIsAnObjective) {
  // Word's "Zellen verbinden" (gridSpan), LibreOffice's spanned cells and HTML's colspan put an
  // objective across both columns: it is no header of a column, and nothing is lost.
  const Plan plan = read_plan(
      "## Handlungsfeld MINT\n\n" + kFocus +
          "<table><tr><td>Ableitungen:</td><td>Angebote entwickeln</td></tr>"
          "<tr><td></td><td>Vernetzung ausbauen</td></tr>"
          "<tr><td colspan=\"2\">Qualität sichern</td></tr></table>\n",
      "t.md");
  EXPECT_EQ(objectives(plan), (Texts{"Angebote entwickeln", "Vernetzung ausbauen", "Qualität sichern"}));
  const Plan all = read_plan(
      "## Handlungsfeld MINT\n\n" + kFocus +
          "<table><tr><td>Ableitungen:</td><td>Angebote entwickeln</td></tr>"
          "<tr><td colspan=\"2\">Vernetzung ausbauen</td></tr>"
          "<tr><td colspan=\"2\">Qualität sichern</td></tr></table>\n",
      "t.md");
  EXPECT_EQ(objectives(all), (Texts{"Angebote entwickeln", "Vernetzung ausbauen", "Qualität sichern"}));
}

TEST(Fidelity, ATitleRowNamingTheNextFieldStartsIt) {
  // The heading of the second field written as a merged first row of its table: the field is
  // there (its focus areas went to the field before, with only a hint).
  const Plan plan = read_plan(
      "## Handlungsfeld A\n\n" + kFocus + "Ableitungen:\n\n- Ziel A\n\n"
          "| **Handlungsfeld B** | |\n|---|---|\n"
          "| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n| S1 | Dezernat V/ Jugendamt |\n\n"
          "Ableitungen:\n\n- Ziel B\n",
      "t.md");
  ASSERT_EQ(plan.fields.size(), 2u);
  EXPECT_EQ(plan.fields[1].title, "B");
  EXPECT_EQ(focus_areas(plan, 1), (Texts{"S1"}));
  EXPECT_EQ(objectives(plan, 1), (Texts{"Ziel B"}));
  EXPECT_EQ(focus_areas(plan, 0), (Texts{"Fachkräftegewinnung"}));
  EXPECT_EQ(with_rule(plan.findings, "table-title-row").size(), 1u);
}

}  // namespace
}  // namespace eduplan
