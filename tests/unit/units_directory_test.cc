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

}  // namespace
}  // namespace eduplan
