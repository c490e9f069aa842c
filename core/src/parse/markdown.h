// Markdown as plan documents use it (internal): ATX and setext headings, GFM tables (outer
// pipes optional when a delimiter row follows the header), bullet and numbered lists, bold
// paragraphs, <br> in cells, HTML comments. Everything else is a paragraph.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/model.h"
#include "parse/blocks.h"
#include "parse/inline_text.h"

namespace eduplan::markdown {

struct Heading {
  int level = 0;     // number of leading '#'
  std::string text;  // plain text: without '#', closing '#'s, {#id} attributes and emphasis
};

// The ATX heading on `line`, if it is one ("## Title"; up to three spaces before the '#'s, a
// space or the end of the line after them). `counts` (if given) learns what its text dropped
// or decoded.
std::optional<Heading> parse_heading(std::string_view line,
                                     inline_text::Counts* counts = nullptr);

// The cells of a table row: leading and trailing '|' are optional, "\|" is a literal '|'.
// Cells are trimmed, markup is kept.
std::vector<std::string> split_cells(std::string_view line);

// True for a delimiter row such as "|:---|--:|".
bool is_alignment_row(const std::vector<std::string>& cells);

// Splits at <br>, <br/>, <br /> (any case, also as pandoc's raw `<br>`{=html}) and at <p>, </p>
// (a paragraph begins a new line). Parts are not trimmed.
std::vector<std::string> split_at_br(std::string_view cell);

// A cell as read: split at <br>, each part as plain text (empty parts dropped), bold if the
// whole cell is.
Cell make_cell(std::string_view raw, inline_text::Counts* counts);

// Cell text as plain text on one line: <br> counts as a space.
std::string cell_text(std::string_view cell);

// The document's blocks. `text` must be valid UTF-8 in canonical form (unicode::canonicalize).
std::vector<Block> blocks(std::string_view text, inline_text::Counts* counts);

}  // namespace eduplan::markdown
