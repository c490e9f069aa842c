#include "util/text.h"

#include <eduplan/error.h>
#include <gtest/gtest.h>

namespace eduplan::text {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_FALSE(find_invalid_utf8("Grüße, Ämter – 😀"));
  EXPECT_FALSE(find_invalid_utf8(""));
}

TEST(Utf8, RejectsLatin1OverlongSurrogatesAndTruncation) {
  EXPECT_EQ(find_invalid_utf8("ab\xE4"
                              "c"),
            2u);                                         // Latin-1 ä
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ok\xE2\x82"), 2u);        // cut sequence
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(to_valid_utf8("B\xFCro"), "B\uFFFDro");
  EXPECT_EQ(to_valid_utf8("ok\xE2\x82"), "ok\uFFFD\uFFFD");
  EXPECT_EQ(to_valid_utf8("Grüße"), "Grüße");
  EXPECT_FALSE(find_invalid_utf8(to_valid_utf8("\xFF\xC0\xAF\xED\xA0\x80x")));
}

TEST(Utf8, NamesMustBeValid) {
  EXPECT_NO_THROW(require_utf8("--plan", "Bildungskonzept 2025"));
  EXPECT_THROW(require_utf8("--plan", "Plan \xFF"), UsageError);
}

TEST(Text, FoldCaseHandlesUmlauts) {
  EXPECT_EQ(fold_case("ÄMTER Übergang ÖL"), "ämter übergang öl");
  EXPECT_TRUE(iequals("Dezernat IV", "DEZERNAT iv"));
  EXPECT_FALSE(iequals("Amt", "Ämt"));
}

TEST(Text, CollapseSpacesAndLineOfOffset) {
  EXPECT_EQ(collapse_spaces("  a \t b\n\nc  "), "a b c");
  EXPECT_EQ(line_of_offset("a\nb\nc", 4), 3);
  EXPECT_EQ(split("a,,b", ',').size(), 3u);
}

}  // namespace
}  // namespace eduplan::text
