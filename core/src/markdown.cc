#include "markdown.h"

#include <array>

#include "text.h"

namespace eduplan::markdown {
namespace {

// Length of the tag at s[pos] if it is one of `tags` (case-insensitive), else 0.
template <std::size_t N>
std::size_t match_tag(std::string_view s, std::size_t pos, const std::array<std::string_view, N>& tags) {
  for (auto tag : tags) {
    if (text::starts_with_icase(s.substr(pos), tag)) return tag.size();
  }
  return 0;
}

constexpr std::array<std::string_view, 3> kBrTags{"<br>", "<br/>", "<br />"};
constexpr std::array<std::string_view, 4> kBoldTags{"<b>", "</b>", "<strong>", "</strong>"};

std::string_view strip_emphasis(std::string_view s) {
  s = text::trim(s);
  for (std::string_view mark : {"**", "__", "*", "_"}) {
    while (s.size() > 2 * mark.size() && s.starts_with(mark) && s.ends_with(mark)) {
      s = text::trim(s.substr(mark.size(), s.size() - 2 * mark.size()));
    }
  }
  return s;
}

}  // namespace

std::optional<Heading> parse_heading(std::string_view line) {
  line = text::trim(line);
  std::size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level >= line.size() || line[level] != ' ') return std::nullopt;
  std::string content = text::collapse_spaces(strip_bold(line.substr(level)));
  // Closing hashes ("## Title ##") are decoration.
  while (!content.empty() && content.back() == '#') content.pop_back();
  return Heading{static_cast<int>(level), std::string(strip_emphasis(content))};
}

bool is_table_line(std::string_view line) { return text::trim(line).starts_with('|'); }

std::vector<std::string> split_cells(std::string_view line) {
  line = text::trim(line);
  std::vector<std::string> cells;
  std::string cell;
  bool open = false;  // inside a cell (after a leading '|')
  if (line.starts_with('|')) line.remove_prefix(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back(text::trim(cell));
      cell.clear();
      open = false;
      continue;
    } else {
      cell += line[i];
    }
    open = true;
  }
  // Text after the last '|' is a cell of its own only if it is not just white space.
  if (open && !text::trim(cell).empty()) cells.emplace_back(text::trim(cell));
  return cells;
}

bool is_alignment_row(const std::vector<std::string>& cells) {
  if (cells.empty()) return false;
  for (const auto& c : cells) {
    std::string_view v = c;
    if (v.starts_with(':')) v.remove_prefix(1);
    if (v.ends_with(':')) v.remove_suffix(1);
    if (v.empty() || v.find_first_not_of('-') != std::string_view::npos) return false;
  }
  return true;
}

std::vector<std::string> split_at_br(std::string_view cell) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '<') {
      if (std::size_t n = match_tag(cell, i, kBrTags)) {
        parts.emplace_back();
        i += n - 1;
        continue;
      }
    }
    parts.back() += cell[i];
  }
  return parts;
}

std::string strip_bold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      if (std::size_t n = match_tag(s, i, kBoldTags)) {
        i += n - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string cell_text(std::string_view cell) {
  std::string joined;
  for (const auto& part : split_at_br(strip_bold(cell))) {
    joined += part;
    joined += ' ';
  }
  return text::collapse_spaces(joined);
}

}  // namespace eduplan::markdown
