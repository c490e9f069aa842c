// The other table syntaxes that converters write into Markdown (internal): pandoc's multiline
// and simple tables (columns under runs of dashes), grid tables (+---+ borders) and HTML tables
// (<table><tr><td>, as pandoc's GFM writer and copies from web pages produce). Pipe tables are
// in markdown.cc. In cells, a line ending in a backslash, <br>, or a paragraph is a line break;
// other line ends in a cell only wrap the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "parse/blocks.h"
#include "parse/inline_text.h"

namespace eduplan::markdown {

// A table starting at lines[i] (0-based), and the index of the first line after it.
struct TableAt {
  Block table;
  std::size_t next = 0;
};

std::optional<TableAt> dash_table(const std::vector<std::string_view>& lines, std::size_t i,
                                  inline_text::Counts* counts);
std::optional<TableAt> grid_table(const std::vector<std::string_view>& lines, std::size_t i,
                                  inline_text::Counts* counts);
// Whether a line begins an HTML table: "<table", also after wrapper tags a wiki or a converter
// puts around it on the same line (Confluence: <div class="table-wrap"><table …>).
bool starts_html_table(std::string_view line);

std::optional<TableAt> html_table(const std::vector<std::string_view>& lines, std::size_t i,
                                  inline_text::Counts* counts);

}  // namespace eduplan::markdown
