#include "parse/csv_reader.h"

#include <gtest/gtest.h>

namespace eduplan::csv {
namespace {

using Fields = std::vector<std::string>;

TEST(Csv, QuotedFieldsWithDelimiterQuotesAndLineBreaks) {
  std::vector<Finding> findings;
  auto records = parse(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n",
      ',', findings);
  ASSERT_TRUE(findings.empty());
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[1].fields, (Fields{"x, y", "say \"hi\""}));
  EXPECT_EQ(records[2].fields, (Fields{"multi\nline", "z"}));
  EXPECT_EQ(records[2].line, 3);
}

TEST(Csv, SemicolonEmptyFieldsAndNoFinalNewline) {
  std::vector<Finding> findings;
  auto records = parse("a;;c\n\n;x", ';', findings);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "", "c"}));
  EXPECT_EQ(records[1].fields, (Fields{"", "x"}));
  EXPECT_EQ(records[1].line, 3);
}

TEST(Csv, SyntaxErrorsNameTheLine) {
  std::vector<Finding> findings;
  parse("a,b\n\"open,c\n", ',', findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "csv-syntax");
  findings.clear();
  parse("a,b\nx\"y\",c\n", ',', findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2);
  findings.clear();
  parse("\"a\"b,c\n", ',', findings);
  EXPECT_EQ(findings.size(), 1u);
}

}  // namespace
TEST(Csv, AQuoteClosedManyLinesLaterIsReportedWhereItOpened) {
  std::vector<Finding> findings;
  parse("a;b\nx;\"stray;y\nz;w\nu;\"closed\" late\n", ';', findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "csv-syntax");
  EXPECT_EQ(findings[0].line, 2);
  EXPECT_NE(findings[0].message.find("Zeile 2"), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find("Zeile 4"), std::string::npos) << findings[0].message;
}

TEST(Csv, TypographicQuotesAreText) {
  std::vector<Finding> findings;
  auto records = parse("„Haus“;\"a „b“\"\n", ';', findings);
  ASSERT_TRUE(findings.empty());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"„Haus“", "a „b“"}));
}

}  // namespace eduplan::csv
