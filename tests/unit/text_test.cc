#include "util/text.h"

#include <eduplan/error.h>
#include <gtest/gtest.h>

#include "util/unicode.h"

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

TEST(Utf8, FindsTheFirstBadByteWhereverItStands) {
  // ASCII is skipped eight bytes at a time: a bad byte or sequence in every place of a word of
  // eight, and after one, is found at its own offset.
  for (std::size_t before = 0; before < 20; ++before) {
    for (std::size_t after = 0; after < 10; ++after) {
      const std::string ascii(before, 'a'), tail(after, 'z');
      EXPECT_EQ(find_invalid_utf8(ascii + "\xE4" + tail), before) << before << " " << after;
      EXPECT_EQ(find_invalid_utf8(ascii + "\xE2\x82" + tail), before) << before << " " << after;
      EXPECT_FALSE(find_invalid_utf8(ascii + "\xC3\xA4" + tail)) << before << " " << after;
    }
  }
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(to_valid_utf8("B\xFCro"), "B\uFFFDro");
  EXPECT_EQ(to_valid_utf8("ok\xE2\x82"), "ok\uFFFD\uFFFD");
  EXPECT_EQ(to_valid_utf8("Grüße"), "Grüße");
  EXPECT_FALSE(find_invalid_utf8(to_valid_utf8("\xFF\xC0\xAF\xED\xA0\x80x")));
}

TEST(Utf8, NamesMustBeValidAndPrintable) {
  EXPECT_NO_THROW(require_printable_utf8("--plan", "Bildungskonzept 2025 – Grüße „neu“ €"));
  EXPECT_THROW(require_printable_utf8("--plan", "Plan \xFF"), UsageError);
  for (const char* control : {"a\x01", "a\tb", "a\nb", "\x1B[31m", "a\x7F",
                              "a\xC2\x9B"
                              "1m"})
    EXPECT_THROW(require_printable_utf8("--plan", control), UsageError) << control;
  EXPECT_THROW(require_printable_utf8("--plan", std::string("a\0b", 3)), UsageError);
}

TEST(Utf8, ControlCharactersAreFound) {
  EXPECT_EQ(find_control("Plan\x02" "x"), 4u);
  EXPECT_EQ(find_control("ä\xC2\x85"), 2u);  // U+0085 NEXT LINE, a C1 control
  EXPECT_FALSE(find_control("ä\xC2\xA0" "b"));  // U+00A0 NO-BREAK SPACE is text
  EXPECT_FALSE(find_control("Grüße € – „x“"));
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

// NFC runs over pieces that end at line breaks: a decomposed umlaut on either side of a piece's
// end, in a text far larger than a piece, is composed and counted, and the first change located.
TEST(Unicode, CanonicalizeLargeTextInPieces) {
  std::string text;
  const std::string line(99, 'x');
  while (text.size() < 200 * 1024) text += line + "\n";
  const std::size_t first = text.size() / 3;
  const std::size_t first_line_start = text.rfind('\n', first) + 1;
  text.insert(first_line_start, "a\xCC\x88");  // a + combining diaeresis
  text += "o\xCC\x88 und \xC3\xBC\n";          // near the end, with a composed ü
  eduplan::unicode::Changes changes;
  const std::string out = eduplan::unicode::canonicalize(text, &changes);
  EXPECT_EQ(out.size(), text.size() - 2);  // two combining marks gone, one byte more each
  EXPECT_EQ(changes.composed, 2u);
  EXPECT_EQ(changes.first_offset, first_line_start);
  EXPECT_EQ(out.substr(first_line_start, 2), "\xC3\xA4");             // ä
  EXPECT_NE(out.find("\xC3\xB6 und \xC3\xBC\n"), std::string::npos);  // ö und ü
  EXPECT_EQ(out.substr(0, 100), line + "\n");
}

namespace eduplan::unicode {
namespace {

TEST(Canonical, LigaturesHyphensDirectionMarksAndLineSeparators) {
  Changes ch;
  // "qualiﬁzieren" (PDF ligature), "E‑Mail" (non-breaking hyphen), a left-to-right mark, an
  // embedding around a name, and a line separator.
  EXPECT_EQ(canonicalize("quali\xEF\xAC\x81zieren E\xE2\x80\x91Mail\xE2\x80\x8E \xE2\x80\xAA"
                         "Jugendamt\xE2\x80\xAC\xE2\x80\xA8"
                         "Ende",
                         &ch),
            "qualifizieren E-Mail Jugendamt Ende");
  EXPECT_EQ(ch.letters, 2u);
  EXPECT_EQ(ch.invisible, 3u);
  EXPECT_EQ(ch.spaces, 1u);
}

}  // namespace
}  // namespace eduplan::unicode
