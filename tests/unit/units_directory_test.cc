#include <eduplan/units_directory.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace eduplan {
namespace {

TEST(UnitsDirectory, NamesAliasesAndCommas) {
  std::vector<Finding> findings;
  auto dir = UnitsDirectory::parse(
      "unit,division,aliases\n\"Amt für Statistik, Wahlen, Digitalisierung\",BOB,Statistikamt\n"
      "Stadtbibliothek,Dezernat IV,Bibliothek|  Stadt-Bibliothek \n",
      findings);
  ASSERT_TRUE(findings.empty());
  ASSERT_NE(dir.find("bibliothek"), nullptr);
  EXPECT_EQ(dir.find("Stadt-Bibliothek")->name, "Stadtbibliothek");
  EXPECT_EQ(dir.find("Statistikamt")->division, "BOB");
  EXPECT_EQ(dir.names_with_commas(),
            std::vector<std::string>{"Amt für Statistik, Wahlen, Digitalisierung"});
  EXPECT_EQ(dir.find("Museum"), nullptr);
}

TEST(UnitsDirectory, ShippedDirectoryIsValid) {
  std::vector<Finding> findings;
  auto dir = UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), findings);
  EXPECT_TRUE(findings.empty());
  EXPECT_GT(dir.entries().size(), 20u);
}

struct BadDirectory {
  const char* csv;
  int line;
};

void PrintTo(const BadDirectory& d, std::ostream* os) { *os << "line " << d.line; }

class BadDirectories : public ::testing::TestWithParam<BadDirectory> {};

TEST_P(BadDirectories, AreRejectedWithTheirLine) {
  std::vector<Finding> findings;
  UnitsDirectory::parse(GetParam().csv, findings);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].line, GetParam().line) << findings[0].message;
}

INSTANTIATE_TEST_SUITE_P(Cases, BadDirectories,
                         ::testing::Values(BadDirectory{"", 1}, BadDirectory{"name,division\n", 1},
                                           BadDirectory{"unit,division,aliases\nA,B\n", 2},
                                           BadDirectory{"unit,division,aliases\nA,D,\n,D,\n", 3},
                                           BadDirectory{"unit,division,aliases\nA,D,X\nB,D,x\n", 3},
                                           BadDirectory{"unit,division,aliases\nA,D,\"open\n", 2},
                                           BadDirectory{"unit,division,aliases\nA\x81,D,\n", 2}));

// A unit belongs to a division, and a division to nothing: whatever would make a unit a division
// (or the reverse) is refused with the line of the unit, before the plan is built.
INSTANTIATE_TEST_SUITE_P(
    Hierarchy, BadDirectories,
    ::testing::Values(
        BadDirectory{"unit,division,aliases\nAmt A,Amt A,\n", 2},                     // itself
        BadDirectory{"unit,division,aliases\nD,,\nAmt A,Amt B,\nAmt B,Amt A,\n", 3},  // a cycle
        BadDirectory{"unit,division,aliases\nAmt B,D,\nAmt A,Amt B,\n", 3},  // unit in a unit
        BadDirectory{"unit,division,aliases\nAmt B,D,Dez. B\nAmt A,dez. b,\n", 3},  // by alias
        BadDirectory{"unit,division,aliases\nDezernat IV,Dezernat I,\n", 2},  // form of a division
        BadDirectory{"unit,division,aliases\nStab,BOB,Dez. 4\n", 2},          // alias like one
        BadDirectory{"unit,division,aliases\nX,D,\nBOB,Dezernat II,\n", 3}));

TEST(UnitsDirectory, DivisionsByAliasAndImplicitDivisionsAreFine) {
  std::vector<Finding> findings;
  UnitsDirectory::parse(
      "unit,division,aliases\nDezernat IV,,Dez. IV|Kulturdezernat\nStadtarchiv,Dez. IV,\n"
      "Museum,Kulturdezernat,\nJugendamt,Dezernat V,\n",
      findings);
  EXPECT_TRUE(findings.empty());
}

}  // namespace
TEST(UnitsDirectory, SemicolonsHeaderInAnyCaseGermanHeaderAndExcelsEmptyColumns) {
  for (const char* csv : {"Unit;Division;Aliases\r\nStadtbibliothek;Dezernat IV;Bibliothek\r\n",
                          "einheit;dezernat;aliase;;\nStadtbibliothek;Dezernat IV;Bibliothek;;\n",
                          "\xEF\xBB\xBF UNIT , Division,aliases\nStadtbibliothek,Dezernat IV,Bibliothek\n"}) {
    std::vector<Finding> findings;
    auto dir = UnitsDirectory::parse(csv, findings);
    EXPECT_TRUE(findings.empty()) << csv;
    ASSERT_NE(dir.find("Bibliothek"), nullptr) << csv;
    EXPECT_EQ(dir.find("Bibliothek")->division, "Dezernat IV");
  }
}

}  // namespace eduplan
