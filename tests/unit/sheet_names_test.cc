// exporter-rules.md, XLSX case 1: sheet names from data (xlsxkit/sheet_names.cc).
#include "xlsxkit/sheet_names.h"

#include <gtest/gtest.h>

namespace eduplan::xlsxkit {
namespace {

TEST(SheetNames, InvalidCharactersQuotesAndReservedNames) {
  SheetNames names;
  EXPECT_EQ(names.make("Dezernat IV/ Bibliothek"), "Dezernat IV Bibliothek");
  EXPECT_EQ(names.make("'Haushalt'"), "Haushalt");
  EXPECT_EQ(names.make("History"), "History 1");
  EXPECT_EQ(names.make(""), "Blatt");
  EXPECT_EQ(names.make("[a]:*?\\b"), "a b");
}

TEST(SheetNames, UniqueIgnoringCaseIncludingUmlauts) {
  SheetNames names;
  EXPECT_EQ(names.make("Ämter"), "Ämter");
  EXPECT_EQ(names.make("ÄMTER"), "ÄMTER (2)");
  EXPECT_EQ(names.make("ämter"), "ämter (3)");
}

TEST(SheetNames, ThirtyOneCharactersCountedInCodePoints) {
  SheetNames names;
  const std::string wanted =
      "Übergänge zwischen Schule und Ausbildung für Ältere";  // 51 characters
  const std::string first = names.make(wanted);
  EXPECT_EQ(code_points(first), 31u);
  const std::string second = names.make(wanted);  // equal after truncation
  EXPECT_EQ(code_points(second), 31u);
  EXPECT_TRUE(second.ends_with(" (2)"));
  EXPECT_NE(fold(first), fold(second));
}

}  // namespace
}  // namespace eduplan::xlsxkit
