#include "parse/markdown.h"

#include <array>

#include "util/text.h"

namespace eduplan::markdown {
namespace {

// Length of the tag at s[pos] if it is one of `tags` (case-insensitive), else 0.
template <std::size_t N>
std::size_t match_tag(std::string_view s, std::size_t pos,
                      const std::array<std::string_view, N>& tags) {
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
  if (line.starts_with('|')) line.remove_prefix(1);
  std::vector<std::string> cells;
  std::string cell;
  bool open = false;  // text since the last '|'
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t hit = line.find_first_of("|\\", pos);
    if (hit == std::string_view::npos) hit = line.size();
    cell.append(line.substr(pos, hit - pos));
    open = open || hit > pos;
    if (hit == line.size()) break;
    if (line[hit] == '\\') {
      bool escaped_pipe = hit + 1 < line.size() && line[hit + 1] == '|';
      cell += escaped_pipe ? '|' : '\\';
      open = true;
      pos = hit + (escaped_pipe ? 2 : 1);
      continue;
    }
    cells.emplace_back(text::trim(cell));
    cell.clear();
    open = false;
    pos = hit + 1;
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

namespace {

// Copies `s` to `emit` in runs, calling on_tag(length) for each tag from `tags`.
template <std::size_t N, class Emit, class OnTag>
void scan_tags(std::string_view s, const std::array<std::string_view, N>& tags, Emit emit,
               OnTag on_tag) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos) break;
    if (std::size_t n = match_tag(s, lt, tags)) {
      emit(s.substr(pos, lt - pos));
      on_tag();
      pos = lt + n;
    } else {
      emit(s.substr(pos, lt + 1 - pos));
      pos = lt + 1;
    }
  }
  emit(s.substr(std::min(pos, s.size())));
}

}  // namespace

std::vector<std::string> split_at_br(std::string_view cell) {
  std::vector<std::string> parts(1);
  scan_tags(
      cell, kBrTags, [&](std::string_view run) { parts.back().append(run); },
      [&] { parts.emplace_back(); });
  return parts;
}

std::string strip_bold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  scan_tags(
      s, kBoldTags, [&](std::string_view run) { out.append(run); }, [] {});
  return out;
}

std::string cell_text(std::string_view cell) {
  // One pass: bold tags vanish, <br> counts as white space, white space collapses.
  std::string out;
  out.reserve(cell.size());
  bool pending = false;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '<') {
      if (std::size_t n = match_tag(cell, i, kBoldTags)) {
        i += n - 1;
        continue;
      }
      if (std::size_t n = match_tag(cell, i, kBrTags)) {
        pending = true;
        i += n - 1;
        continue;
      }
    }
    if (text::is_space(cell[i])) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += cell[i];
  }
  return out;
}

}  // namespace eduplan::markdown
