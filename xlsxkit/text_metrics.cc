#include "xlsxkit/text_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace eduplan::xlsxkit {
namespace {

// Advance widths of Arial/Helvetica in 1/1000 em for ASCII 32–126 (the fonts' published metrics).
constexpr unsigned short kAscii[95] = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space – /
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 – ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ – O
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P – _
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` – o
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};      // p – ~

// Width of one code point in 1/1000 em. Letters with accents are as wide as their base letter;
// what is not in the table counts as wide as "m" minus a little, to stay on the safe side.
unsigned width_of(char32_t c) {
  if (c >= 32 && c < 127) return kAscii[c - 32];
  switch (c) {
    case U'ä':
    case U'ö':
    case U'ü':
    case U'à':
    case U'á':
    case U'â':
    case U'é':
    case U'è':
    case U'ê':
    case U'ó':
    case U'ò':
    case U'ô':
    case U'ú':
    case U'ù':
    case U'û':
      return 556;
    case U'í':
    case U'ì':
    case U'î':
    case U'ï':
      return 278;
    case U'Ä':
    case U'À':
    case U'Á':
    case U'Â':
      return 667;
    case U'Ö':
    case U'Ó':
    case U'Ò':
    case U'Ô':
      return 778;
    case U'Ü':
    case U'Ú':
    case U'Ù':
    case U'Û':
      return 722;
    case U'É':
    case U'È':
    case U'Ê':
      return 667;
    case U'ß':
      return 611;
    case U'€':
      return 556;
    case U'„':
    case U'“':
    case U'”':
    case U'‚':
    case U'‘':
    case U'’':
    case U'«':
    case U'»':
      return 333;
    case U'–':
      return 556;
    case U'—':
      return 1000;
    case U'…':
      return 1000;
    case U'•':
      return 350;
    case 0x00A0:
      return 278;
    default:
      return 800;
  }
}

char32_t decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + static_cast<std::size_t>(n) > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(n);
  return cp;
}

// width_of for every byte below 0x80: one table lookup per ASCII character (rows are measured
// for every cell written, so this is on the hot path of a large export).
struct AsciiWidths {
  unsigned short of[128];
  constexpr AsciiWidths() : of() {
    for (unsigned c = 0; c < 128; ++c) of[c] = c >= 32 && c < 127 ? kAscii[c - 32] : 800;
  }
};
constexpr AsciiWidths kAsciiWidths;

// For wrapping: the width of every ASCII byte but the two that end a word, which are marked
// kWordEnd, and the lead bytes of longer sequences, marked kLongerSequence (widths are below
// both marks).
constexpr unsigned kWordEnd = 0xFFFE, kLongerSequence = 0xFFFF;
struct WordScan {
  unsigned short of[256];
  constexpr WordScan() : of() {
    for (unsigned c = 0; c < 256; ++c)
      of[c] = c == ' ' || c == '\n' ? kWordEnd : c >= 0x80 ? kLongerSequence : AsciiWidths().of[c];
  }
};
constexpr WordScan kWordScan;

// The widest character per byte: "@" (1015) among one-byte characters; a longer sequence
// encodes a character at most 1000 wide in at least two bytes.
constexpr unsigned kMaxUnitsPerByte = 1015;

// The sum of the widths of `text`'s characters in 1/1000 em (exact: integers).
std::uint64_t units_of(std::string_view text) {
  std::uint64_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      units += kAsciiWidths.of[c];
      ++i;
    } else {
      units += width_of(decode(text, i));
    }
  }
  return units;
}

// The safety margin on measured text: kerning, hinting and a renderer's rounding never make
// text narrower than this assumes.
constexpr double kSafety = 1.06;

// Points from units, the one formula for every measurement (so that bounds compare exactly).
double points(std::uint64_t units, double size, bool bold) {
  return static_cast<double>(units) / 1000.0 * size * (bold ? 1.08 : 1.0) * kSafety;
}

}  // namespace

double text_width(std::string_view text, double size, bool bold) {
  return points(units_of(text), size, bold);
}

double max_text_width(std::size_t bytes, double size, bool bold) {
  return points(static_cast<std::uint64_t>(bytes) * kMaxUnitsPerByte, size, bold);
}

double column_points(double width) {
  // Excel: a column of w characters is 7w + 5 pixels (the default font's digit is 7 px wide);
  // 0.75 points per pixel; about 4 points of the cell are padding.
  return std::max(1.0, (7.0 * width + 5.0) * 0.75 - 4.0);
}

std::size_t longest_word_bytes(std::string_view text) {
  // One pass over the bytes (find_first_of would search the two separators once per byte).
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\n') {
      longest = std::max(longest, run);
      run = 0;
    } else {
      ++run;
    }
  }
  return std::max(longest, run);
}

double longest_word(std::string_view text, double size, bool bold) {
  double longest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) end = text.size();
    longest = std::max(longest, text_width(text.substr(start, end - start), size, bold));
    start = end + 1;
  }
  return longest;
}

double columns_points(const std::vector<double>& widths) {
  double pixels = 0;
  for (double w : widths) pixels += 7.0 * w + 5.0;
  return pixels * 0.75;
}

double width_for_points(double points) {
  return std::max(0.0, ((points + 4.0) / 0.75 - 5.0) / 7.0);
}

double merged_width(std::size_t n, double width) {
  // n columns of 7w + 5 pixels each, one cell's padding.
  return (static_cast<double>(n) * (7.0 * width + 5.0) - 5.0) / 7.0;
}

std::size_t wrapped_lines(std::string_view text, double width, double size, bool bold) {
  const double room = column_points(width);
  // Text that could not fill the line even if every character were the widest takes one line
  // (the margin covers the rounding of the sums below).
  if (max_text_width(text.size(), size, bold) * (1 + 1e-9) < room &&
      text.find('\n') == std::string_view::npos)
    return 1;
  const double space = points(kAsciiWidths.of[' '], size, bold);
  // Greedy wrapping at spaces, as Excel and LibreOffice wrap, in one pass over the characters:
  // a word's width is summed as it is read and placed at the space or line break after it.
  std::size_t lines = 0;
  std::size_t count = 1;  // lines of the current paragraph
  double used = 0;
  const auto place = [&](std::uint64_t word) {
    double ww = points(word, size, bold);
    if (used > 0 && used + space + ww > room) {
      ++count;
      used = 0;
    } else if (used > 0) {
      used += space;
    }
    while (ww > room) {  // a word longer than the line is broken where it hits the edge
      ++count;
      ww -= room;
    }
    used += ww;
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0;;) {
    // A word: one table lookup and one comparison per ASCII byte.
    const std::size_t start = i;
    std::uint64_t word = 0;
    while (i < n) {
      const unsigned w = kWordScan.of[bytes[i]];
      if (w < kWordEnd) {
        word += w;
        ++i;
      } else if (w == kLongerSequence) {
        word += width_of(decode(text, i));
      } else {
        break;
      }
    }
    const bool empty = i == start;
    if (i == n) {
      if (!empty) place(word);
      break;
    }
    if (bytes[i] == ' ') {  // ends a word, also an empty one between two spaces
      place(word);
    } else {  // a line break ends a paragraph: its last word, if any, and its lines
      if (!empty) place(word);
      lines += count;
      count = 1;
      used = 0;
    }
    ++i;
  }
  lines += count;
  return std::max<std::size_t>(lines, 1);
}

double row_height(std::size_t lines, double line_height) {
  // 2.25 pt above and below the lines: one line of 10 pt is then 15 pt, the sheet's default
  // height, which libxlsxwriter need not write on the row.
  return std::min(409.0,
                  static_cast<double>(lines) * line_height + 2.25);  // Excel's maximum: 409 pt
}

}  // namespace eduplan::xlsxkit
