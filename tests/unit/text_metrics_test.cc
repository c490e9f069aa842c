// xlsxkit/text_metrics.cc and ColumnFit: the shortcuts that keep a large export fast (a bound
// from the byte length, one table lookup per ASCII character) give exactly the row heights and
// column widths of measuring every word.
#include "xlsxkit/text_metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {
namespace {

// Greedy wrapping measured word by word with text_width: the definition the fast
// wrapped_lines must agree with.
std::size_t reference_lines(std::string_view text, double width, double size, bool bold) {
  const double room = column_points(width);
  const double space = text_width(" ", size, bold);
  std::size_t lines = 0, start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view paragraph = text.substr(start, end - start);
    std::size_t count = 1, w = 0;
    double used = 0;
    while (w < paragraph.size()) {
      std::size_t next = paragraph.find(' ', w);
      if (next == std::string_view::npos) next = paragraph.size();
      double ww = text_width(paragraph.substr(w, next - w), size, bold);
      if (used > 0 && used + space + ww > room) {
        ++count;
        used = 0;
      } else if (used > 0) {
        used += space;
      }
      while (ww > room) {
        ++count;
        ww -= room;
      }
      used += ww;
      w = next + 1;
    }
    lines += count;
    if (end == text.size()) break;
    start = end + 1;
  }
  return std::max<std::size_t>(lines, 1);
}

// Texts of words from pieces that are narrow, wide, widest ("@"), multi-byte and unknown.
std::vector<std::string> sample_texts() {
  const std::vector<std::string> pieces{"a", "i", "W", "@",  "m",  "ä", "Ü",     "ß",
                                        "—", "…", "€", "中", "😀",  "1", "Stadt", "-",
                                        " ", " ", " ", "\n", "\t", ";", ":"};
  std::mt19937 random(11);
  std::vector<std::string> texts{"",
                                 " ",
                                 "\n",
                                 "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                                 std::string(400, '@'),
                                 std::string(200, 'W') + " x"};
  for (int n = 0; n < 4000; ++n) {
    std::string t;
    const std::size_t length = random() % 120;
    for (std::size_t i = 0; i < length; ++i) t += pieces[random() % pieces.size()];
    texts.push_back(t);
  }
  return texts;
}

TEST(TextMetrics, WrappedLinesEqualWordByWordMeasuring) {
  const std::vector<double> widths{0, 3.6, 5, 11, 16, 20, 30, 46, 58, 60, 68, 72, 200};
  for (const auto& t : sample_texts()) {
    for (double w : widths) {
      for (bool bold : {false, true}) {
        for (double size : {kFontSize, 14.0}) {
          ASSERT_EQ(wrapped_lines(t, w, size, bold), reference_lines(t, w, size, bold))
              << "text \"" << t << "\" width " << w << " bold " << bold << " size " << size;
        }
      }
    }
  }
}

TEST(TextMetrics, ByteBoundIsNeverBelowTheMeasuredWidth) {
  for (const auto& t : sample_texts()) {
    for (bool bold : {false, true}) {
      EXPECT_LE(text_width(t, kFontSize, bold), max_text_width(t.size(), kFontSize, bold)) << t;
      EXPECT_LE(longest_word(t, kFontSize, bold),
                max_text_width(longest_word_bytes(t), kFontSize, bold))
          << t;
    }
  }
  // All of the widest character: the bound is reached, not exceeded.
  EXPECT_DOUBLE_EQ(text_width(std::string(37, '@')), max_text_width(37));
}

TEST(TextMetrics, ColumnFitEqualsFittingEveryWord) {
  const std::vector<double> starts{3.6, 5, 16, 46, 58, 59.9, 60, 68};
  for (bool bold : {false, true}) {
    ColumnFit fit(starts);
    std::vector<double> expected = starts;
    for (const auto& t : sample_texts()) {
      for (std::size_t c = 0; c < starts.size(); ++c) {
        fit.text(c, t, bold);
        if (!t.empty())
          expected[c] = std::max(
              expected[c],
              std::min(kMaxFittedWidth, width_for_points(longest_word(t, kFontSize, bold))));
      }
    }
    EXPECT_EQ(fit.widths(), expected);
  }
}

TEST(TextMetrics, ColumnAtTheLimitIsNotWidened) {
  ColumnFit fit({68, 10});
  EXPECT_FALSE(fit.can_widen(0));
  EXPECT_TRUE(fit.can_widen(1));
  EXPECT_FALSE(fit.can_widen(2));  // no such column
  fit.text(0, std::string(300, 'W'));
  fit.text(1, std::string(300, 'W'));
  EXPECT_EQ(fit.widths(), (std::vector<double>{68, kMaxFittedWidth}));
}

}  // namespace
}  // namespace eduplan::xlsxkit
