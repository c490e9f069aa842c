#include <eduplan/error.h>
#include <eduplan/reader.h>
#include <eduplan/summary.h>
#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace eduplan {
namespace {

using testing::with_rule;

class Seed : public ::testing::Test {
 protected:
  static Plan read(bool with_directory) {
    static std::vector<Finding> dir_findings;
    static UnitsDirectory dir =
        UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), dir_findings);
    EXPECT_TRUE(dir_findings.empty());
    ReadOptions options;
    if (with_directory) options.directory = &dir;
    return read_plan_file(testing::example_path("bildungskonzept.md"), options);
  }

  static const OrgUnit* unit(const Plan& plan, std::string_view name) {
    for (const auto& u : plan.units) {
      if (u.name == name) return &u;
    }
    return nullptr;
  }
};

TEST_F(Seed, FieldsAndFocusAreasAsInTheDocument) {
  const Plan plan = read(true);
  ASSERT_FALSE(has_errors(plan.findings));
  std::vector<std::string> titles;
  std::vector<std::size_t> sizes;
  for (const auto& f : plan.fields) {
    titles.push_back(f.title);
    sizes.push_back(f.focus_areas.size());
  }
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "Bildungsplanung/ Infrastruktur", "Digitalisierung/ Medienkompetenz",
                        "MINT", "Demokratiebildung", "Teilhabe", "lebenslanges Lernen"}));
  EXPECT_EQ(sizes, (std::vector<std::size_t>{12, 8, 6, 7, 11, 11}));
}

TEST_F(Seed, ObjectivesAreSharedNotDuplicated) {
  const PlanSummary s = summarize(read(true));
  EXPECT_EQ(s.objectives, 14u);
  EXPECT_EQ(s.objective_links, 16u);
}

TEST_F(Seed, ResponsibilitiesAndUnitsWithDirectory) {
  const Plan plan = read(true);
  const PlanSummary s = summarize(plan);
  EXPECT_EQ(s.responsibilities, 135u);
  EXPECT_EQ(s.units.size(), 26u);
  EXPECT_EQ(unit(plan, "Dezernat VI"), nullptr);
  const OrgUnit* museum = unit(plan, "Museum für Naturkunde");
  ASSERT_NE(museum, nullptr);
  EXPECT_EQ(plan.units[*museum->parent].name, "Dezernat IV");
  // Spelling variants resolved to one unit each.
  EXPECT_EQ(unit(plan, "Bibliothek"), nullptr);
  EXPECT_EQ(unit(plan, "FB01"), nullptr);
  EXPECT_EQ(unit(plan, "Beteiligungscoordination"), nullptr);
  ASSERT_NE(unit(plan, "Beteiligungskoordination"), nullptr);
  // A name with commas stays one unit.
  const OrgUnit* statistik = unit(plan, "Amt für Statistik, Wahlen, Digitalisierung");
  ASSERT_NE(statistik, nullptr);
  EXPECT_EQ(plan.units[*statistik->parent].name, "BOB");
  EXPECT_EQ(unit(plan, "Wahlen"), nullptr);
  // A division responsible as a whole.
  const OrgUnit* dez3 = unit(plan, "Dezernat III");
  ASSERT_NE(dez3, nullptr);
  EXPECT_TRUE(dez3->is_division);
  // Single units that contain "und".
  EXPECT_NE(unit(plan, "Sozial- und Wohnungsamt"), nullptr);
  EXPECT_NE(unit(plan, "Fachbereich Kunst und Kultur"), nullptr);
  EXPECT_EQ(unit(plan, "Kulturhistorisches Museum und Museum für Naturkunde"), nullptr);
}

TEST_F(Seed, ListContinuedAfterTrailingCommaKeepsItsDivision) {
  const Plan plan = read(false);
  // "Dezernat IV/ Stadtbibliothek,<br>Jugendkunstschule" and
  // "Dezernat V/ Stabsstelle Führungsunterstützung,<br>Kinderbeauftragte,
  // Beteiligungscoordination".
  const OrgUnit* kinder = unit(plan, "Kinderbeauftragte");
  ASSERT_NE(kinder, nullptr);
  ASSERT_TRUE(kinder->parent);
  EXPECT_EQ(plan.units[*kinder->parent].name, "Dezernat V");
  EXPECT_TRUE(with_rule(plan.findings, "unit-no-division").size() ==
              1);  // only "Stabsstelle Bildung- und ..."
}

TEST_F(Seed, FindingsWithoutDirectoryNameTheKnownIrregularities) {
  const Plan plan = read(false);
  std::set<std::string> subjects;
  for (const auto& f : plan.findings) subjects.insert(f.rule + ": " + f.subject);
  EXPECT_TRUE(subjects.count("unit-multiple-divisions: Museum für Naturkunde"));
  EXPECT_TRUE(subjects.count("unit-multiple-divisions: Schulumweltzentrum"));
  EXPECT_TRUE(subjects.count("unit-near-duplicate: Bibliothek | Stadtbibliothek"));
  EXPECT_TRUE(subjects.count("unit-near-duplicate: FB 01 | FB01"));
  EXPECT_TRUE(
      subjects.count("unit-near-duplicate: Fachbereich Schule und Sport | FB Schule und Sport"));
  EXPECT_TRUE(
      subjects.count("unit-near-duplicate: Stabsstelle Bildung und Wissenschaft | Stabsstelle "
                     "Bildung- und Wissenschaft"));
  EXPECT_TRUE(subjects.count("unit-division-inferred: Stabsstelle Bildung und Wissenschaft"));
  EXPECT_FALSE(has_errors(plan.findings));
}

TEST_F(Seed, TextIsCleanedButKeepsItsCharacters) {
  const Plan plan = read(true);
  const auto& demokratie = plan.fields[3];
  EXPECT_EQ(demokratie.focus_areas[0].text,
            "Ausweitung der Beteiligung von Einwohner:innen/ Beteiligung der Zielgruppen bei "
            "Konzeptentwicklungen");
  EXPECT_EQ(plan.fields[1].focus_areas[7].text,
            "Projektvorhaben \"Konzipierung und Testung digitaler Assistenzen\"");
  EXPECT_EQ(plan.fields[0].focus_areas[0].source_line, 7);
}

TEST_F(Seed, KeysAreStableAcrossReads) {
  const Plan a = read(true), b = read(false);
  EXPECT_EQ(a.fields[2].key, b.fields[2].key);
  EXPECT_EQ(a.fields[2].focus_areas[3].key, b.fields[2].focus_areas[3].key);
  EXPECT_EQ(a.objectives[5].key, b.objectives[5].key);
  std::set<std::string> keys;
  for (const auto& f : a.fields) {
    for (const auto& fa : f.focus_areas) EXPECT_TRUE(keys.insert(fa.key).second) << fa.text;
  }
}

TEST(Reader, NameFromOptionThenTitleThenFileStem) {
  const std::string doc = "# Konzept 2025\n## Handlungsfeld A\n";
  EXPECT_EQ(read_plan(doc, "x/plan.md").name, "Konzept 2025");
  EXPECT_EQ(read_plan(doc, "x/plan.md", {.plan_name = "eigener Name"}).name, "eigener Name");
  EXPECT_EQ(read_plan("## Handlungsfeld A\n", "x/plan.md").name, "plan");
}

TEST(Reader, CrLfAndBomAndTablesWithoutAlignmentRow) {
  const std::string doc =
      "\xEF\xBB\xBF## Handlungsfeld A\r\n\r\n| Handlungsschwerpunkt | Verwaltungsbereich |\r\n"
      "| S1 | Dezernat V/ Jugendamt |\r\n\r\n| Ableitungen: | Z1 |\r\n|  | Z2 |\r\n";
  const Plan plan = read_plan(doc, "crlf.md");
  ASSERT_FALSE(has_errors(plan.findings));
  ASSERT_EQ(plan.fields.size(), 1u);
  ASSERT_EQ(plan.fields[0].focus_areas.size(), 1u);
  EXPECT_EQ(plan.fields[0].focus_areas[0].text, "S1");
  EXPECT_EQ(plan.fields[0].objectives.size(), 2u);
  EXPECT_EQ(plan.units.size(), 2u);  // Dezernat V and Jugendamt
}

TEST(Reader, EscapedPipeAndAngleBracketsAreText) {
  const Plan plan = read_plan(
      "## Handlungsfeld A\n| Handlungsschwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| Kinder <5 Jahre \\| Eltern <i>x</i> | Dezernat V/ Jugendamt |\n",
      "t.md");
  ASSERT_EQ(plan.fields.at(0).focus_areas.size(), 1u);
  EXPECT_EQ(plan.fields[0].focus_areas[0].text, "Kinder <5 Jahre | Eltern x");  // <i> is formatting
}

TEST(Reader, NeitherUtf8NorWindows1252NamesLineAndOffset) {
  // 0x81 is not a character in Windows-1252 either: a binary file, not text.
  const Plan plan = read_plan("## Handlungsfeld A\nok\nbad \x81\x28 here\n", "t.md");
  ASSERT_EQ(plan.findings.size(), 1u);
  EXPECT_EQ(plan.findings[0].rule, "encoding-invalid-utf8");
  EXPECT_EQ(plan.findings[0].line, 3);
  EXPECT_NE(plan.findings[0].message.find("Byte-Offset 26"), std::string::npos)
      << plan.findings[0].message;
  EXPECT_TRUE(plan.fields.empty());
}

TEST(Reader, Windows1252AndUtf16AreConvertedAndSaid) {
  const std::string utf8 =
      "## Handlungsfeld Übergänge\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| Grüße „an alle“ € | Dezernat V/ Jugendamt |\n";
  const Plan expected = read_plan(utf8, "t.md");
  const std::string cp1252 =
      "## Handlungsfeld \xDC"
      "berg\xE4"
      "nge\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| Gr\xFC\xDF"
      "e \x84"
      "an alle\x93 \x80 | Dezernat V/ Jugendamt |\n";
  std::string utf16 = "\xFF\xFE";
  for (char32_t c :
       std::u32string(U"## Handlungsfeld Übergänge\n| Schwerpunkt | Verwaltungsbereich "
                      U"|\n|--|--|\n| Grüße „an alle“ € | Dezernat V/ Jugendamt |\n")) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  for (const std::string& doc : {cp1252, utf16}) {
    const Plan plan = read_plan(doc, "t.md");
    ASSERT_FALSE(has_errors(plan.findings));
    EXPECT_EQ(plan.fields, expected.fields);
    EXPECT_EQ(testing::with_rule(plan.findings, "encoding-converted").size(), 1u);
  }
}

TEST(Reader, MacOsRomanAndDosCodePage850AreToldFromWindows1252ByTheirUmlauts) {
  const std::string utf8 =
      "## Handlungsfeld \xC3\x9C" "berg\xC3\xA4" "nge\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| Gr\xC3\xBC\xC3\x9F" "e f\xC3\xBC" "r \xC3\xA4" "ltere | Dezernat V/ Jugendamt |\n";
  // Mac OS Roman: Ü 0x86, ä 0x8A, ü 0x9F, ß 0xA7 (Windows-1252 would read Š, Ÿ, §).
  const std::string mac =
      "## Handlungsfeld \x86" "berg\x8A" "nge\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| Gr\x9F\xA7" "e f\x9F" "r \x8A" "ltere | Dezernat V/ Jugendamt |\n";
  const Plan expected = read_plan(utf8, "t.md");
  const Plan plan = read_plan(mac, "t.md");
  ASSERT_FALSE(has_errors(plan.findings));
  EXPECT_EQ(plan.fields, expected.fields);
  const auto said = testing::with_rule(plan.findings, "encoding-converted");
  ASSERT_EQ(said.size(), 1u);
  EXPECT_NE(said[0].message.find("Mac OS Roman"), std::string::npos) << said[0].message;
  // DOS code page 850: Ü 0x9A, ä 0x84, ü 0x81, ß 0xE1.
  const std::string dos =
      "## Handlungsfeld \x9A" "berg\x84" "nge\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| Gr\x81\xE1" "e f\x81" "r \x84" "ltere | Dezernat V/ Jugendamt |\n";
  const Plan from_dos = read_plan(dos, "t.md");
  EXPECT_EQ(from_dos.fields, expected.fields);
  const auto said_dos = testing::with_rule(from_dos.findings, "encoding-converted");
  ASSERT_EQ(said_dos.size(), 1u);
  EXPECT_NE(said_dos[0].message.find("850"), std::string::npos) << said_dos[0].message;
}

TEST(Reader, NulByteRejects) {
  const Plan plan = read_plan(std::string("## Handlungsfeld A\n\0", 20), "t.md");
  ASSERT_EQ(plan.findings.size(), 1u);
  EXPECT_EQ(plan.findings[0].rule, "encoding-nul-byte");
  EXPECT_EQ(plan.findings[0].line, 2);
}

TEST(Reader, EmptyDocumentHasNoField) {
  const Plan plan = read_plan("", "empty.md");
  ASSERT_EQ(plan.findings.size(), 1u);
  EXPECT_EQ(plan.findings[0].rule, "document-no-field");
  EXPECT_EQ(plan.findings[0].line, 1);
}

TEST(Reader, DocumentWithoutFieldPointsAtItsFirstBlock) {
  const Plan plan = read_plan("\n\n# Titel\n\nText\n\nmehr Text\n", "t.md");
  ASSERT_EQ(plan.findings.size(), 1u);
  EXPECT_EQ(plan.findings[0].rule, "document-no-field");
  EXPECT_EQ(plan.findings[0].line, 3);
}

TEST(Reader, AnUnknownTableCountsItsColumnsEvenIfItsFirstRowIsEmpty) {
  const Plan plan = read_plan(
      "## Handlungsfeld MINT\n\n| |\n| Kennzahl | Wert |\n| a | b |\n\nAbleitungen: x\n", "t.md");
  bool found = false;
  for (const auto& f : plan.findings) {
    if (f.rule != "table-unknown") continue;
    found = true;
    EXPECT_EQ(f.line, 3);
    EXPECT_NE(f.message.find("2 Spalte(n)"), std::string::npos) << f.message;
  }
  EXPECT_TRUE(found);
}

TEST(Reader, ErrorsAreCappedSoGarbageCannotFloodTheOutput) {
  std::string doc = "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n";
  for (int i = 0; i < 1000; ++i) doc += "| x | y | z |\n";
  const Plan plan = read_plan(doc, "t.md");
  EXPECT_TRUE(has_errors(plan.findings));
  EXPECT_LE(plan.findings.size(), 1000u);
}

TEST(Reader, OneMegabyteLineIsReadWhole) {
  std::string text(1 << 20, 'x');
  const Plan plan =
      read_plan("## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| " + text +
                    " | Dezernat V/ Jugendamt |\n",
                "big.md");
  ASSERT_FALSE(has_errors(plan.findings));
  EXPECT_EQ(plan.fields.at(0).focus_areas.at(0).text, text);
}

TEST(Reader, FocusDuplicateKeepsBothWithDistinctKeys) {
  const Plan plan = read_plan_file(testing::data_path("rules/focus-duplicate.md"));
  ASSERT_EQ(plan.fields.at(0).focus_areas.size(), 3u);
  EXPECT_NE(plan.fields[0].focus_areas[0].key, plan.fields[0].focus_areas[2].key);
}

TEST(Reader, DirectoryNameWithSlashIsNotSplitAtTheSlash) {
  std::vector<Finding> df;
  UnitsDirectory dir =
      UnitsDirectory::parse("unit,division,aliases\nJugend-/Familienamt,Dezernat V,\n", df);
  const Plan plan = read_plan(
      "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| S | "
      "Jugend-/Familienamt |\n",
      "t.md", {.directory = &dir});
  ASSERT_EQ(plan.fields.at(0).focus_areas.at(0).responsibilities.size(), 1u);
  const auto& u = plan.units[plan.fields[0].focus_areas[0].responsibilities[0].unit];
  EXPECT_EQ(u.name, "Jugend-/Familienamt");
  EXPECT_EQ(plan.units[*u.parent].name, "Dezernat V");
}

TEST(Reader, FilesThatAreNoOrdinaryFilesAreRefusedWithoutReading) {
  // /dev/zero would grow memory without end; a directory is no document.
  for (const char* path : {"/dev/zero", "/dev/null", "/"}) {
    EXPECT_THROW(read_plan_file(path), IoError) << path;
    std::vector<Finding> findings;
    EXPECT_THROW(UnitsDirectory::load(path, findings), IoError) << path;
  }
}

TEST(Reader, NamesAndTitlesThatAreNotUtf8AreRefused) {
  const std::string doc =
      "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| S | Dezernat V/ A |\n";
  EXPECT_THROW(read_plan(doc, "t.md", {.plan_name = "P\xFF"}), UsageError);
  EXPECT_THROW(read_plan(doc, "t.md", {.title = "T\xC3"}), UsageError);
  const Plan plan = read_plan(doc, "B\xFCro.md");  // the name comes from the file's name
  EXPECT_EQ(plan.name, "B\uFFFDro");
  EXPECT_EQ(plan.source, "B\uFFFDro.md");
}

}  // namespace
}  // namespace eduplan
