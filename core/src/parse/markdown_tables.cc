#include "parse/markdown_tables.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <memory>
#include <string>

#include "parse/markdown.h"
#include "util/text.h"
#include "util/unicode.h"
#include "util/xml_tree.h"

namespace eduplan::markdown {
namespace {

bool blank(std::string_view l) { return text::trim(l).empty(); }

// A line with the byte offsets of its code points, so that columns are cut by code point in
// constant time (a table of many columns is then read in time linear in its size).
class CodePoints {
 public:
  explicit CodePoints(std::string_view line) : line_(line) {
    offsets_.reserve(line.size() + 1);
    for (std::size_t i = 0; i < line.size();) {
      offsets_.push_back(i);
      std::size_t n = 0;
      unicode::decode(line, i, n);
      i += n;
    }
    offsets_.push_back(line.size());
  }
  // Code points [from, to) (to == npos: to the end).
  std::string_view range(std::size_t from, std::size_t to) const {
    const std::size_t count = offsets_.size() - 1;
    const std::size_t end = std::min(to, count);
    if (from >= end) return {};
    return line_.substr(offsets_[from], offsets_[end] - offsets_[from]);
  }

 private:
  std::string_view line_;
  std::vector<std::size_t> offsets_;
};

std::vector<CodePoints> code_points(const std::vector<std::string_view>& lines) {
  std::vector<CodePoints> out;
  out.reserve(lines.size());
  for (auto l : lines) out.emplace_back(l);
  return out;
}

// The runs of dashes of a line that has nothing else (with spaces between runs): their start
// and end code points. Empty if the line is something else.
std::vector<std::pair<std::size_t, std::size_t>> dash_runs(std::string_view line) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    if (line[i] != '-') return {};
    const std::size_t start = i;
    while (i < line.size() && line[i] == '-') ++i;
    if (i - start < 3) return {};
    runs.emplace_back(start, i);
  }
  return runs;
}

// Cell text from the lines of one cell: a trailing backslash is a hard line break (written as
// <br> for make_cell), other line ends only wrap.
Cell cell_from(const std::vector<std::string_view>& parts, inline_text::Counts* counts) {
  std::string raw;
  bool hard = false;
  for (auto p : parts) {
    std::string_view t = text::trim(p);
    if (t.empty()) continue;
    // A line that begins a list item ("- ", "* ", "1. ") begins a line of the cell: a list in
    // a grid or multiline cell, as pandoc writes one.
    const bool item = t.size() > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ';
    if (!raw.empty()) raw += hard || item ? "<br>" : " ";
    hard = t.ends_with('\\');
    if (hard) t.remove_suffix(1);
    raw.append(t);
  }
  return make_cell(raw, counts);
}

Row row_from(const std::vector<std::string_view>& lines, const std::vector<std::size_t>& starts,
             int line, inline_text::Counts* counts) {
  Row row{{}, line};
  const std::vector<CodePoints> cps = code_points(lines);
  for (std::size_t c = 0; c < starts.size(); ++c) {
    std::vector<std::string_view> parts;
    const std::size_t to = c + 1 < starts.size() ? starts[c + 1] : std::string_view::npos;
    for (const auto& l : cps) parts.push_back(l.range(starts[c], to));
    row.cells.push_back(cell_from(parts, counts));
  }
  return row;
}

bool full_dash_line(std::string_view l) {
  l = text::trim(l);
  return l.size() >= 3 && l.find_first_not_of('-') == std::string_view::npos;
}

}  // namespace

std::optional<TableAt> dash_table(const std::vector<std::string_view>& lines, std::size_t i,
                                  inline_text::Counts* counts) {
  // Where the column line is: here, or below a top border and header lines, or below one
  // header line (a simple table).
  std::size_t g = i, header_from = i, header_to = i;
  const bool top_border = full_dash_line(lines[i]);
  if (top_border) {
    std::size_t j = i + 1;
    while (j < lines.size() && j < i + 8 && !blank(lines[j]) && dash_runs(lines[j]).size() < 2) ++j;
    if (j >= lines.size() || dash_runs(lines[j]).size() < 2 || j == i + 1) return std::nullopt;
    g = j;
    header_from = i + 1;
    header_to = j;
  } else if (dash_runs(lines[i]).size() < 2) {
    if (i + 1 >= lines.size() || blank(lines[i]) || dash_runs(lines[i + 1]).size() < 2)
      return std::nullopt;
    g = i + 1;
    header_from = i;
    header_to = i + 1;
  }
  const auto runs = dash_runs(lines[g]);
  std::vector<std::size_t> starts;
  for (const auto& r : runs) starts.push_back(r.first);
  Block table;
  table.kind = BlockKind::table;
  table.line = static_cast<int>(i) + 1;
  if (header_to > header_from) {
    std::vector<std::string_view> head(lines.begin() + static_cast<std::ptrdiff_t>(header_from),
                                       lines.begin() + static_cast<std::ptrdiff_t>(header_to));
    table.rows.push_back(row_from(head, starts, static_cast<int>(header_from) + 1, counts));
    table.header = true;
  }
  // Where a closing dash line could be: the next dash line (not past a heading).
  std::size_t end = g + 1;
  while (end < lines.size() && !full_dash_line(lines[end]) && dash_runs(lines[end]).size() < 2 &&
         !text::trim(lines[end]).starts_with('#'))
    ++end;
  const bool closed =
      end < lines.size() && (full_dash_line(lines[end]) || dash_runs(lines[end]).size() >= 2);
  // A table without a header whose first row is empty: pandoc writes that row as a line of
  // spaces right below the column line (the example's objectives tables). It is no row
  // separator and holds nothing.
  std::size_t first = g + 1;
  if (header_to == header_from && closed) {
    while (first < end && blank(lines[first])) ++first;
  }
  bool blank_inside = false;  // a blank line before the closing dash line
  for (std::size_t k = first; k < end && !blank_inside; ++k) blank_inside = blank(lines[k]);
  // pandoc's kinds: a multiline table opens with a full dash line above its header; a simple
  // table with a header (one line above the dash line) has one line per row and ends at a
  // blank line (or a dash line right below its rows); a table without a header is multiline
  // if blank lines separate its rows before the closing dash line, else simple.
  const bool headed_simple = header_to > header_from && !top_border;
  const bool multiline = closed && !headed_simple && (top_border || blank_inside);
  std::size_t k = first;
  std::vector<std::string_view> current;
  int current_line = 0;
  auto flush = [&] {
    if (!current.empty()) table.rows.push_back(row_from(current, starts, current_line, counts));
    current.clear();
  };
  for (; k < lines.size(); ++k) {
    if (closed && k == end) {  // the closing dash line belongs to the table
      flush();
      ++k;
      break;
    }
    if (blank(lines[k])) {
      flush();
      if (!multiline) break;
      continue;
    }
    if (current.empty()) current_line = static_cast<int>(k) + 1;
    current.push_back(lines[k]);
    if (!multiline) flush();  // a simple table: one line per row
  }
  flush();
  if (table.rows.empty()) return std::nullopt;
  return TableAt{std::move(table), k};
}

std::optional<TableAt> grid_table(const std::vector<std::string_view>& lines, std::size_t i,
                                  inline_text::Counts* counts) {
  auto border = [](std::string_view l) {
    l = text::trim(l);
    return l.size() >= 3 && l.front() == '+' && l.back() == '+' &&
           l.find_first_not_of("+-=:") == std::string_view::npos;
  };
  if (!border(lines[i])) return std::nullopt;
  const std::string_view top = lines[i];
  std::vector<std::size_t> bounds;  // code points of the '+' in the top border
  {
    std::size_t cp = 0;
    for (std::size_t b = 0; b < top.size(); ++b, ++cp) {
      if (top[b] == '+') bounds.push_back(cp);
    }
  }
  if (bounds.size() < 2) return std::nullopt;
  std::vector<std::size_t> starts;
  for (std::size_t c = 0; c + 1 < bounds.size(); ++c) starts.push_back(bounds[c] + 1);
  Block table;
  table.kind = BlockKind::table;
  table.line = static_cast<int>(i) + 1;
  std::vector<std::string_view> current;
  int current_line = 0;
  std::size_t k = i + 1;
  for (; k < lines.size(); ++k) {
    const std::string_view l = lines[k];
    if (border(l)) {
      if (!current.empty()) {
        // Each cell ends one code point before the next boundary (the '|').
        Row row{{}, current_line};
        const std::vector<CodePoints> cps = code_points(current);
        for (std::size_t c = 0; c < starts.size(); ++c) {
          std::vector<std::string_view> parts;
          for (const auto& line : cps) parts.push_back(line.range(starts[c], bounds[c + 1]));
          row.cells.push_back(cell_from(parts, counts));
        }
        table.rows.push_back(std::move(row));
        if (table.rows.size() == 1 && text::trim(l).find('=') != std::string_view::npos)
          table.header = true;
      }
      current.clear();
      continue;
    }
    if (!text::trim(l).starts_with('|')) break;
    if (current.empty()) current_line = static_cast<int>(k) + 1;
    current.push_back(l);
  }
  if (table.rows.empty()) return std::nullopt;
  return TableAt{std::move(table), k};
}

namespace {

// The text of an HTML cell: <br> and block elements break lines, <b>/<strong> are bold.
// True if `n` stands inside a list item of its cell (an item of a nested list).
bool inside_item(const xmlNode* n) {
  for (const xmlNode* p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    const std::string name = unicode::lower(local_name(p));
    if (name == "li") return true;
    if (name == "td" || name == "th" || name == "table") return false;
  }
  return false;
}

void html_cell_text(const xmlNode* n, bool bold, std::vector<std::string>& lines, bool& all_bold,
                    bool& visible) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      std::string t = reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST "");
      for (char& ch : t) {
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
      }
      lines.back() += t;
      if (!text::trim(t).empty()) {
        visible = true;
        all_bold = all_bold && bold;
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string name = unicode::lower(local_name(c));
    if (name == "br") {
      lines.emplace_back();
    } else if (name == "p" || name == "div" || name == "li" || name == "tr" || name == "td") {
      // A list item stays marked as one; an item of a nested list is a line without a mark,
      // which continues the item it stands in (as in a Markdown cell).
      lines.emplace_back(name == "li" && !inside_item(c) ? "\xE2\x80\xA2 " : "");
      html_cell_text(c, bold, lines, all_bold, visible);
      lines.emplace_back();
    } else if (name == "script" || name == "style") {
    } else {
      html_cell_text(c, bold || name == "b" || name == "strong" || name == "th", lines, all_bold,
                     visible);
    }
  }
}

// A cell with rowspan: its text and how many rows below it still covers.
struct HtmlRowSpan {
  Cell cell;
  int rows_left = 0;
};

void html_rows(const xmlNode* n, bool in_head, Block& table, int first_line,
               std::vector<HtmlRowSpan>& spans, inline_text::Counts* counts) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string name = unicode::lower(local_name(c));
    if (name == "thead" || name == "tbody" || name == "tfoot") {
      html_rows(c, name == "thead", table, first_line, spans, counts);
    } else if (name == "tr") {
      Row row{{}, first_line + static_cast<int>(xmlGetLineNo(c)) - 1};
      // Columns covered by a cell of a row above (rowspan): its text stands here too.
      auto covered = [&] {
        while (row.cells.size() < spans.size() && spans[row.cells.size()].rows_left > 0) {
          HtmlRowSpan& span = spans[row.cells.size()];
          --span.rows_left;
          row.cells.push_back(span.cell);
          row.cells.back().merged_above = true;
        }
      };
      bool all_th = true;
      for (const xmlNode* cell = c->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE) continue;
        const std::string cell_name = unicode::lower(local_name(cell));
        if (cell_name != "td" && cell_name != "th") continue;
        all_th = all_th && cell_name == "th";
        covered();
        std::vector<std::string> lines(1);
        bool all_bold = true, visible = false;
        html_cell_text(cell, cell_name == "th", lines, all_bold, visible);
        Cell out;
        for (const auto& l : lines) {
          std::string t = text::collapse_spaces(unicode::canonicalize(l));
          if (!t.empty()) out.lines.push_back(std::move(t));
        }
        out.bold = visible && all_bold;
        row.cells.push_back(std::move(out));
        const int down = std::atoi(attribute(cell, "rowspan").c_str());
        if (down > 1) {
          if (spans.size() < row.cells.size()) spans.resize(row.cells.size());
          spans[row.cells.size() - 1] = {row.cells.back(), std::min(down, 1 << 20) - 1};
        }
        const int span = std::atoi(attribute(cell, "colspan").c_str());
        if (span > 1) row.cells.back().span = std::min(span, 64);
        for (int s = 1; s < span && s < 64; ++s) row.cells.emplace_back();
      }
      covered();
      if (table.rows.empty()) table.header = in_head || all_th;
      table.rows.push_back(std::move(row));
    }
  }
  (void)counts;
}

struct HtmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

bool starts_html_table(std::string_view line) {
  std::string_view t = text::trim(line);
  for (int wrappers = 0; wrappers < 8; ++wrappers) {
    if (text::starts_with_icase(t, "<table")) return true;
    bool wrapper = false;
    for (std::string_view tag : {"<div", "<figure", "<section", "<span"}) {
      wrapper = wrapper || (text::starts_with_icase(t, tag) && t.size() > tag.size() &&
                            (t[tag.size()] == '>' || t[tag.size()] == ' '));
    }
    const std::size_t end = t.find('>');
    if (!wrapper || end == std::string_view::npos) return false;
    t = text::trim(t.substr(end + 1));
  }
  return false;
}

std::optional<TableAt> html_table(const std::vector<std::string_view>& lines, std::size_t i,
                                  inline_text::Counts* counts) {
  if (!starts_html_table(lines[i])) return std::nullopt;
  std::string html;
  std::size_t k = i;
  int depth = 0;
  for (; k < lines.size(); ++k) {
    const std::string lowered = unicode::lower(lines[k]);
    for (std::size_t p = lowered.find("<table"); p != std::string::npos;
         p = lowered.find("<table", p + 1))
      ++depth;
    for (std::size_t p = lowered.find("</table"); p != std::string::npos;
         p = lowered.find("</table", p + 1))
      --depth;
    html.append(lines[k]).append("\n");
    if (depth <= 0) {
      ++k;
      break;
    }
  }
  std::unique_ptr<xmlDoc, HtmlDocFree> doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED));
  if (!doc) return std::nullopt;
  // The outermost <table> element.
  const xmlNode* table_node = nullptr;
  for (const xmlNode* n = xmlDocGetRootElement(doc.get()); n && !table_node;) {
    if (unicode::lower(local_name(n)) == "table") {
      table_node = n;
      break;
    }
    n = n->children ? n->children : n->next;
  }
  if (!table_node) return std::nullopt;
  Block table;
  table.kind = BlockKind::table;
  table.line = static_cast<int>(i) + 1;
  std::vector<HtmlRowSpan> spans;
  html_rows(table_node, false, table, table.line, spans, counts);
  if (table.rows.empty()) return std::nullopt;
  return TableAt{std::move(table), k};
}

}  // namespace eduplan::markdown
