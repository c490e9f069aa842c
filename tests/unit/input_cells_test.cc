// xlsxkit/input_cells.cc: references to the cells a validation takes its values from.
#include "xlsxkit/input_cells.h"

#include <gtest/gtest.h>

namespace eduplan::xlsxkit {
namespace {

TEST(InputCells, AbsoluteReferenceQuotesSheetNamesWhereAFormulaNeedsIt) {
  EXPECT_EQ(absolute_reference("Angaben", {5, 5, 1, 5}), "Angaben!$B$6:$F$6");
  EXPECT_EQ(absolute_reference("Angaben", {0, 0, 0, 0}), "Angaben!$A$1");
  EXPECT_EQ(absolute_reference("Meine Angaben", {5, 5, 1, 2}), "'Meine Angaben'!$B$6:$C$6");
  EXPECT_EQ(absolute_reference("Rückmeldung", {3, 9, 3, 3}), "'Rückmeldung'!$D$4:$D$10");
  EXPECT_EQ(absolute_reference("O'Brien", {0, 0, 0, 0}), "'O''Brien'!$A$1");
  // Names a formula would read as a cell, a number or a truth value.
  EXPECT_EQ(absolute_reference("ABC", {0, 0, 0, 0}), "'ABC'!$A$1");
  EXPECT_EQ(absolute_reference("A1", {0, 0, 0, 0}), "'A1'!$A$1");
  EXPECT_EQ(absolute_reference("True", {0, 0, 0, 0}), "'True'!$A$1");
  EXPECT_EQ(absolute_reference("2026", {0, 0, 0, 0}), "'2026'!$A$1");
}

TEST(InputCells, ColumnLettersBeyondZ) {
  EXPECT_EQ(absolute_reference("Angaben", {0, 0, 25, 26}), "Angaben!$Z$1:$AA$1");
  EXPECT_EQ(absolute_reference("Angaben", {0, 0, 701, 702}), "Angaben!$ZZ$1:$AAA$1");
  EXPECT_EQ(absolute_reference("Angaben", {1048575, 1048575, 16383, 16383}), "Angaben!$XFD$1048576");
}

}  // namespace
}  // namespace eduplan::xlsxkit
