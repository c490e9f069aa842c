// The Markdown subset of plan documents (internal): headings, pipe tables and the
// inline tags <br> and <b>. Everything else that looks like markup is text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::markdown {

struct Heading {
  int level = 0;     // number of leading '#'
  std::string text;  // without '#', emphasis markers (*, **, _, __) and <b> tags
};

// The heading on `line`, if it is one ("## Title"; '#' must be followed by a space).
std::optional<Heading> parse_heading(std::string_view line);

// True if the trimmed line starts with '|'.
bool is_table_line(std::string_view line);

// The cells of a table row: leading and trailing '|' are optional, "\|" is a literal '|'.
// Cells are trimmed.
std::vector<std::string> split_cells(std::string_view line);

// True for a delimiter row such as "|:---|--:|".
bool is_alignment_row(const std::vector<std::string>& cells);

// Splits at <br>, <br/>, <br /> (any case). Parts are not trimmed.
std::vector<std::string> split_at_br(std::string_view cell);

// Removes <b>, </b>, <strong>, </strong> (any case).
std::string strip_bold(std::string_view s);

// Cell text as plain text: <b> tags removed, <br> joined with one space, white space collapsed.
std::string cell_text(std::string_view cell);

}  // namespace eduplan::markdown
