// exporter-rules.md, case 9: file names made from data.
#include <eduplan/file_names.h>
#include <gtest/gtest.h>

namespace eduplan {
namespace {

TEST(SafeFileName, SeparatorsAndForbiddenCharactersGo) {
  EXPECT_EQ(safe_file_name("Dezernat IV/ Bibliothek", "xlsx"), "Dezernat IV Bibliothek.xlsx");
  EXPECT_EQ(safe_file_name("Amt: Plan?", "csv"), "Amt Plan.csv");
  EXPECT_EQ(safe_file_name("a<b>c\"d\\e|f*g", ""), "a b c d e f g");
  EXPECT_EQ(safe_file_name(std::string("Tab\tNeu\nZeile\x01", 15), "csv"), "TabNeuZeile.csv");
}

TEST(SafeFileName, ReservedNamesDotsAndEmpty) {
  EXPECT_EQ(safe_file_name("CON", "csv"), "_CON.csv");
  EXPECT_EQ(safe_file_name("nul.txt", "csv"), "_nul.txt.csv");
  EXPECT_EQ(safe_file_name("com7", ""), "_com7");
  EXPECT_EQ(safe_file_name("Lpt1 ", "dot"), "_Lpt1.dot");
  EXPECT_EQ(safe_file_name("COM10", ""), "COM10");
  EXPECT_EQ(safe_file_name("..", "csv"), "plan.csv");
  EXPECT_EQ(safe_file_name("Bericht. ", "csv"), "Bericht.csv");
  EXPECT_EQ(safe_file_name("", "csv"), "plan.csv");
  EXPECT_EQ(safe_file_name("/// ???", "csv"), "plan.csv");
}

TEST(SafeFileName, LengthInBytesWithoutCuttingUtf8) {
  std::string long_name;
  for (int i = 0; i < 150; ++i) long_name += "ä";  // 300 bytes
  const std::string name = safe_file_name(long_name, "xlsx");
  EXPECT_LE(name.size(), 200u);
  EXPECT_TRUE(name.ends_with(".xlsx"));
  const std::string stem = name.substr(0, name.size() - 5);
  EXPECT_EQ(stem.size() % 2, 0u);  // whole two-byte characters only
  EXPECT_EQ(stem.substr(0, 2), "ä");
}

}  // namespace
}  // namespace eduplan
