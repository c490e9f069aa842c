// How much room text needs in a cell (libxlsxwriter does not fit rows to their text, and neither
// Excel nor LibreOffice does it for files they open): text is measured with the advance widths of
// Arial — the font every cell uses; Liberation Sans, which LibreOffice puts in its place, has the
// same metrics — and wrapped at spaces the way a spreadsheet does. Estimates err on the safe side:
// a row a little too high prints; a row too low prints lines on top of each other.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace eduplan::xlsxkit {

inline constexpr double kFontSize = 10.0;     // points, every cell but titles
inline constexpr double kLineHeight = 12.75;  // points per line of 10 pt Arial (Excel's own)

// The printed width of `text` in points at `size` points (bold a little wider).
double text_width(std::string_view text, double size = kFontSize, bool bold = false);

// An upper bound of text_width for any text of `bytes` UTF-8 bytes (every character the widest),
// computed the same way, so that text_width(t) <= max_text_width(t.size()) holds exactly.
double max_text_width(std::size_t bytes, double size = kFontSize, bool bold = false);

// The usable width in points of a column `width` characters wide (Excel's unit: the default
// font's digit width), less the cell's padding.
double column_points(double width);

// The width in points of the longest word of `text` (words end at spaces and line breaks).
double longest_word(std::string_view text, double size = kFontSize, bool bold = false);

// The length in bytes of the longest word of `text` (as longest_word splits it).
std::size_t longest_word_bytes(std::string_view text);

// The printed width in points of adjacent columns of these widths in characters.
double columns_points(const std::vector<double>& widths);

// The narrowest column width in characters whose usable width is at least `points`.
double width_for_points(double points);

// The width in characters of `n` adjacent columns `width` characters wide, merged into one cell.
double merged_width(std::size_t n, double width);

// How many lines `text` takes in a column `width` characters wide when wrapped (line breaks in
// the text count; a word longer than the line is broken).
std::size_t wrapped_lines(std::string_view text, double width, double size = kFontSize,
                          bool bold = false);

// The row height in points for so many lines (one line of kLineHeight: 15 pt, the default height).
double row_height(std::size_t lines, double line_height = kLineHeight);

}  // namespace eduplan::xlsxkit
