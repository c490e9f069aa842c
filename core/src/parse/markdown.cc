#include "parse/markdown.h"

#include <algorithm>
#include <array>

#include "parse/bullets.h"
#include "parse/column_roles.h"
#include "parse/markdown_tables.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan::markdown {
namespace {

// A line break at s[pos] ('<'): <br> (any spelling: <BR>, <br/>, <br />, <br >), or a
// paragraph's tag <p>, <p …>, </p> (a paragraph in a cell begins a new line). Its length, or 0.
std::size_t match_br(std::string_view s, std::size_t pos) {
  if (text::starts_with_icase(s.substr(pos), "<br")) {
    std::size_t k = pos + 3;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k < s.size() && s[k] == '/') ++k;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k < s.size() && s[k] == '>') return k - pos + 1;
  }
  std::size_t j = pos + 1;
  if (j < s.size() && s[j] == '/') ++j;
  if (j + 1 < s.size() && (s[j] == 'p' || s[j] == 'P') && (s[j + 1] == '>' || s[j + 1] == ' ')) {
    const std::size_t close = s.find('>', j);
    if (close != std::string_view::npos && close - pos <= 300) return close - pos + 1;
  }
  return 0;
}

// Leading spaces (at most three count as indentation in CommonMark; more is still accepted).
std::string_view unindent(std::string_view line) {
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  return line;
}

// "{#id .class key=value}" at the end of a heading (pandoc, kramdown).
std::string_view strip_attributes(std::string_view s) {
  s = text::trim(s);
  if (s.ends_with('}')) {
    const std::size_t open = s.rfind('{');
    if (open != std::string_view::npos) {
      const std::string_view inner = s.substr(open + 1, s.size() - open - 2);
      const std::string_view t = text::trim(inner);
      if (!t.empty() &&
          (t.front() == '#' || t.front() == '.' || t.find('=') != std::string_view::npos))
        s = text::trim(s.substr(0, open));
    }
  }
  return s;
}

bool is_setext_underline(std::string_view line, char c) {
  line = text::trim(line);
  if (line.empty() || (c == '-' && line.size() < 2)) return false;
  return line.find_first_not_of(c) == std::string_view::npos;
}

bool is_thematic_break(std::string_view line) {
  std::string compact;
  for (char c : line) {
    if (c != ' ') compact += c;
  }
  if (compact.size() < 3) return false;
  const char c = compact.front();
  return (c == '*' || c == '-' || c == '_') && compact.find_first_not_of(c) == std::string::npos;
}

// The text of a list item on `line` ("- x", "* x", "+ x", "• x", "1. x", "a) x"), if it is one.
std::optional<std::string_view> list_item(std::string_view line) {
  const std::string_view unindented = unindent(line);
  const bool indented = line.size() - unindented.size() >= 2;
  line = unindented;
  if (const std::size_t n = bullet_length(line)) return text::trim(line.substr(n));
  // Word's bullets of the second and third level ("o" in Courier New, "§" in Wingdings) as a
  // copied text leaves them: a mark only on an indented line, where no sentence begins so
  // ("§ 45 SGB VIII", a wrapped line's start, is a paragraph sign).
  const std::size_t section = std::string_view("§ ").size();
  if (indented && line.starts_with("o ") && line.size() > 2) return text::trim(line.substr(2));
  if (indented && line.starts_with("§ ") && line.size() > section &&
      !(line[section] >= '0' && line[section] <= '9'))
    return text::trim(line.substr(section));
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ')
    return text::trim(line.substr(digits + 2));
  // Letters and small Roman numerals: "a) x", "B. x", "iv) x" — but not an abbreviation at the
  // start of a line ("z. B. …", "d. h. …", "u. a. …").
  std::size_t letters = 0;
  while (letters < line.size() && letters < 4 &&
         ((line[letters] >= 'a' && line[letters] <= 'z') ||
          (line[letters] >= 'A' && line[letters] <= 'Z')))
    ++letters;
  const std::string_view marker = line.substr(0, letters);
  const bool roman_numeral =
      letters > 0 && marker.find_first_not_of("ivx") == std::string_view::npos;
  if ((letters == 1 || roman_numeral) && letters + 1 < line.size() &&
      (line[letters] == '.' || line[letters] == ')') && line[letters + 1] == ' ') {
    const std::string_view rest = text::trim(line.substr(letters + 2));
    const bool abbreviation =
        line[letters] == '.' && rest.size() >= 2 && rest[1] == '.' &&
        ((rest[0] >= 'a' && rest[0] <= 'z') || (rest[0] >= 'A' && rest[0] <= 'Z'));
    if (!abbreviation && !rest.empty()) return rest;
  }
  return std::nullopt;
}

bool has_pipe(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) return true;
  }
  return false;
}

// A fenced code block starting at lines[i] ("```", "~~~" of three or more, or "<pre"): the
// index after its closing line; 0 if none. A fence that is never closed is only its own line:
// a stray "```" must not swallow the rest of the document.
std::size_t code_block_end(const std::vector<std::string_view>& lines, std::size_t i) {
  const std::string_view t = text::trim(lines[i]);
  std::string_view fence;
  if (t.starts_with("```")) {
    fence = "```";
  } else if (t.starts_with("~~~")) {
    fence = "~~~";
  } else if (text::starts_with_icase(t, "<pre>") || text::starts_with_icase(t, "<pre ")) {
    for (std::size_t k = i; k < lines.size(); ++k) {
      if (unicode::lower(lines[k]).find("</pre>") != std::string::npos) return k + 1;
    }
    return i + 1;
  } else {
    return 0;
  }
  for (std::size_t k = i + 1; k < lines.size(); ++k) {
    if (text::trim(lines[k]).starts_with(fence)) return k + 1;
  }
  return i + 1;
}

// "<h2>Title</h2>", "<H3 id=\"x\">Title</H3>": an HTML heading on a line of its own, as Word's and
// LibreOffice's HTML, copied into a Markdown file, or pandoc's raw HTML write it.
// The level's digit of an opening "<h1>" … "<h6 …>" at the start of the line, or 0.
char html_heading_opens(std::string_view line) {
  if (line.size() < 4 || line[0] != '<' || (line[1] != 'h' && line[1] != 'H') || line[2] < '1' ||
      line[2] > '6' || (line[3] != '>' && line[3] != ' '))
    return 0;
  return line[2];
}

std::optional<Heading> html_heading(std::string_view line) {
  const char digit = html_heading_opens(line);
  if (line.size() < 9 || digit == 0) return std::nullopt;
  const std::size_t open_end = line.find('>');
  if (open_end == std::string_view::npos) return std::nullopt;
  const std::size_t end = line.size() - 5;  // "</h2>" in either case
  const std::string_view close = line.substr(end);
  if (end < open_end + 1 || close[0] != '<' || close[1] != '/' ||
      (close[2] != 'h' && close[2] != 'H') || close[3] != digit || close[4] != '>')
    return std::nullopt;
  std::string joined;
  for (const auto& part : split_at_br(text::trim(line.substr(open_end + 1, end - open_end - 1))))
    joined += (joined.empty() ? "" : " ") + part;
  return Heading{digit - '0', inline_text::plain(joined)};
}

// The line after an HTML heading that begins on line i and ends on a later line
// ("<h2><em>Handlungsfeld", "Demokratiebildung</em></h2>"), within a few lines; 0 if there is none.
std::size_t wrapped_html_heading_end(const std::vector<std::string_view>& lines, std::size_t i) {
  const std::string_view first = text::trim(lines[i]);
  const char digit = html_heading_opens(first);
  if (digit == 0) return 0;
  const char close[] = {'<', '/', 'h', digit, '>', '\0'};
  const char close_upper[] = {'<', '/', 'H', digit, '>', '\0'};
  const auto closes = [&](std::string_view l) {
    return l.find(close) != std::string_view::npos || l.find(close_upper) != std::string_view::npos;
  };
  if (closes(first)) return 0;
  constexpr std::size_t kMaxLines = 8;
  for (std::size_t k = i + 1; k < lines.size() && k <= i + kMaxLines; ++k) {
    const std::string_view l = text::trim(lines[k]);
    if (l.empty()) return 0;
    if (closes(l)) return l.ends_with(close) || l.ends_with(close_upper) ? k + 1 : 0;
  }
  return 0;
}

}  // namespace

std::optional<Heading> parse_heading(std::string_view line, inline_text::Counts* counts) {
  line = text::trim(unindent(line));
  if (auto h = html_heading(line)) return h;
  std::size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 6) return std::nullopt;
  // "##Handlungsfeld MINT": the space after the hashes forgotten; with the field's word after them
  // it can be nothing but a heading.
  if (level < line.size() && line[level] != ' ' &&
      !text::starts_with_icase(line.substr(level), "Handlungsfeld"))
    return std::nullopt;
  std::string_view content = text::trim(line.substr(level));
  // Closing hashes ("## Title ##") are decoration; so is a hard line break's '\\' at the end.
  while (!content.empty() && content.back() == '#') content.remove_suffix(1);
  content = text::trim(content);
  if (content.ends_with('\\') && !content.ends_with("\\\\")) {
    content.remove_suffix(1);
    content = text::trim(content);
  }
  std::string joined;
  for (const auto& part : split_at_br(strip_attributes(content)))
    joined += (joined.empty() ? "" : " ") + part;
  return Heading{static_cast<int>(level), inline_text::plain(joined, counts)};
}

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
      cell += escaped_pipe ? "|" : "\\";
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

// A list's tag at s[pos] ('<'): <ul>, <ol>, <li> with any attributes, or their closing tags.
// Its length (0 if none); `item` is set for <li>, which begins a list item; `depth` counts the
// lists open (up for <ul>, <ol>; down for their closing tags).
std::size_t match_list_tag(std::string_view s, std::size_t pos, bool& item, int& depth) {
  std::size_t j = pos + 1;
  if (j < s.size() && s[j] == '/') ++j;
  const std::string_view rest = s.substr(j);
  std::size_t name = 0;
  for (std::string_view tag : {"ul", "ol", "li"}) {
    if (text::starts_with_icase(rest, tag) && rest.size() > 2 && (rest[2] == '>' || rest[2] == ' '))
      name = tag == "li" ? 2 : 1;
  }
  if (name == 0) return 0;
  const std::size_t close = s.find('>', j);
  if (close == std::string_view::npos || close - pos > 300) return 0;
  item = name == 2 && s[pos + 1] != '/';
  if (name == 1) depth = std::max(0, depth + (s[pos + 1] == '/' ? -1 : 1));
  return close - pos + 1;
}

std::vector<std::string> split_at_br(std::string_view raw_cell) {
  const std::string unwrapped = inline_text::unwrap_raw_html(raw_cell);  // `<br>`{=html}
  const std::string_view cell = unwrapped;
  std::vector<std::string> parts(1);
  int depth = 0;  // lists open
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '<') {
      if (std::size_t n = match_br(cell, i)) {
        parts.emplace_back();
        i += n - 1;
        continue;
      }
      // A list in a cell: each item a line of its own, marked as one; an item of a nested list
      // is a line without a mark, which continues the item it stands in.
      bool item = false;
      if (std::size_t n = match_list_tag(cell, i, item, depth)) {
        parts.emplace_back(item && depth < 2 ? "\xE2\x80\xA2 " : "");
        i += n - 1;
        continue;
      }
    }
    parts.back() += cell[i];
  }
  return parts;
}

Cell make_cell(std::string_view raw, inline_text::Counts* counts) {
  Cell cell;
  std::string joined;
  for (const auto& part : split_at_br(raw)) {
    std::string line = inline_text::plain(part, counts);
    if (!line.empty()) cell.lines.push_back(std::move(line));
    joined += part;
  }
  cell.bold = inline_text::fully_bold(joined);
  return cell;
}

std::string cell_text(std::string_view cell) { return make_cell(cell, nullptr).text(); }

namespace {

// A heading, paragraph or list item as plain text: a <br> in it only wraps the line.
std::string line_text(std::string_view raw, inline_text::Counts* counts) {
  std::string joined;
  for (const auto& part : split_at_br(raw)) joined += (joined.empty() ? "" : " ") + part;
  return inline_text::plain(joined, counts);
}

// Columns of leading white space (a tab counts as four).
std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  for (char c : line) {
    if (c == ' ') {
      ++n;
    } else if (c == '\t') {
      n += 4;
    } else {
      break;
    }
  }
  return n;
}

// A line made only of rule characters: a setext underline, a thematic break, the dashes of
// pandoc's simple or multiline tables.
bool rule_like(std::string_view line) {
  const std::string_view t = text::trim(line);
  return t.size() >= 2 && t.find_first_not_of("-=:+_* ") == std::string_view::npos;
}

// The objectives label at the start of a line ("Ableitungen:", "**Ableitungen:** text").
bool starts_with_objectives_label(std::string_view line) {
  const std::string t = inline_text::plain(line);
  const std::size_t colon = t.find(':');
  return is_objectives_label(colon == std::string::npos ? std::string_view(t)
                                                        : std::string_view(t).substr(0, colon));
}

// The objectives label and nothing else ("Ableitungen:", "**Ableitungen**").
bool objectives_label_only(std::string_view line) {
  return is_objectives_label(inline_text::plain(line));
}

// The mark that closes a comment beginning the line `t`, or nothing: "-->" after "<!--"; "%%"
// after an Obsidian comment's "%%" that the same line does not close (hidden in its reading view,
// so no content; one closed on its line is removed with the inline markup).
std::optional<std::string_view> comment_close(std::string_view t) {
  if (t.starts_with("<!--")) return "-->";
  if (t.starts_with("%%") && t.find("%%", 2) == std::string_view::npos) return "%%";
  return std::nullopt;
}

// True if lines[j] cannot continue a paragraph or list item: it is blank or begins a block of
// its own (heading, table, list item, comment, rule), it stands above a setext underline or a
// dash row (a heading or a simple table), or it begins with the objectives label (so that a
// label is never swallowed by the paragraph before it).
bool interrupts(const std::vector<std::string_view>& lines, std::size_t j) {
  const std::string_view t = text::trim(lines[j]);
  if (t.empty() || rule_like(t) || parse_heading(t) || list_item(lines[j]) ||
      wrapped_html_heading_end(lines, j))
    return true;
  if (comment_close(t) || starts_html_table(t) || t.starts_with('+') || t.starts_with('|'))
    return true;
  if (j + 1 < lines.size() && rule_like(lines[j + 1])) return true;
  if (has_pipe(t) && j + 1 < lines.size() && is_alignment_row(split_cells(lines[j + 1])))
    return true;
  return starts_with_objectives_label(t);
}

// Appends a continuation line: a trailing backslash (a hard line break) is a space.
void append_line(std::string& raw, std::string_view next) {
  std::string_view t = text::trim(raw);
  if (t.ends_with('\\') && !t.ends_with("\\\\")) raw.pop_back();
  raw += ' ';
  raw.append(text::trim(next));
}

// Where a paragraph that starts at lines[i] ends (the first line after it). Lines wrapped by
// an editor or by pandoc (72 columns) are joined, as CommonMark does. A paragraph that is
// entirely bold (a heading in disguise) or just the objectives label ends at its line end.
std::size_t paragraph_end(const std::vector<std::string_view>& lines, std::size_t i,
                          std::string& raw) {
  raw = std::string(text::trim(lines[i]));
  if (objectives_label_only(raw)) return i + 1;
  std::size_t j = i + 1;
  // fully_bold looks at the ends only: linear in all, however long the paragraph.
  while (j < lines.size() && !interrupts(lines, j) && !inline_text::fully_bold(raw)) {
    append_line(raw, lines[j]);
    ++j;
  }
  return j;
}

// Where a list item that starts at lines[i] ends: its lazy and indented continuation lines,
// and further paragraphs indented to its content, belong to it.
std::size_t list_item_end(const std::vector<std::string_view>& lines, std::size_t i,
                          std::string_view item, std::string& raw) {
  raw = std::string(item);
  const std::size_t content =
      indent_of(lines[i]) + static_cast<std::size_t>(item.data() - text::trim(lines[i]).data());
  std::size_t j = i + 1;
  for (;;) {
    if (j < lines.size() && !interrupts(lines, j)) {
      append_line(raw, lines[j]);
      ++j;
      continue;
    }
    // A blank line, then a line indented to the item's content: a second paragraph of the item.
    std::size_t k = j;
    while (k < lines.size() && text::trim(lines[k]).empty()) ++k;
    if (k > j && k < lines.size() && indent_of(lines[k]) >= content && content > 0 &&
        !list_item(lines[k]) && !interrupts(lines, k)) {
      append_line(raw, lines[k]);
      j = k + 1;
      continue;
    }
    return j;
  }
}

// A paragraph or list item whose <br>-separated lines are list items ("Ableitungen:<br>- A<br>
// - B", as a converter writes a list it flattened into one line): the text before the first
// item, then each item (continued by the lines after it without a marker) as blocks of their
// own, as if the lines had been written apart. Otherwise the one block; a <br> only wraps.
void push_text(std::vector<Block>& out, BlockKind kind, int line, int indent,
               const std::string& raw, inline_text::Counts* counts) {
  std::vector<std::string> parts = split_at_br(raw);
  bool items = false;
  for (std::size_t k = 1; k < parts.size() && !items; ++k) items = list_item(parts[k]).has_value();
  if (!items) parts = {raw};
  std::string pending;  // raw text of the block being gathered
  BlockKind pending_kind = kind;
  auto flush = [&] {
    if (!text::trim(pending).empty()) {
      out.push_back({pending_kind, line, pending_kind == BlockKind::list_item ? indent : 0,
                     line_text(pending, counts), inline_text::fully_bold(pending), {}, false});
    }
    pending.clear();
  };
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (auto item = k > 0 ? list_item(parts[k]) : std::nullopt) {
      flush();
      pending_kind = BlockKind::list_item;
      pending = std::string(*item);
    } else {
      pending += (pending.empty() ? "" : " ") + parts[k];
    }
  }
  flush();
}

}  // namespace

std::vector<Block> blocks(std::string_view text, inline_text::Counts* counts) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (end == text.size() && line.empty()) break;
    lines.push_back(line);
    pos = end + 1;
  }
  std::vector<Block> out;
  auto blank = [](std::string_view l) { return text::trim(l).empty(); };
  // Notes the line of the first decoded entity or escape.
  auto note_line = [&](std::size_t before, int line) {
    if (counts && counts->first_line == 0 && counts->total() > before) counts->first_line = line;
    if (counts) {
      for (auto it = counts->dropped.rbegin(); it != counts->dropped.rend() && it->line == 0; ++it)
        it->line = line;
    }
  };
  for (std::size_t i = 0; i < lines.size();) {
    const std::string_view line = lines[i];
    const int number = static_cast<int>(i) + 1;
    const std::string_view t = text::trim(line);
    const std::size_t decoded_before = counts ? counts->total() : 0;
    struct Note {  // runs note_line when this line's block is done
      decltype(note_line)& f;
      std::size_t before;
      int line;
      ~Note() { f(before, line); }
    } note{note_line, decoded_before, number};
    if (t.empty()) {
      ++i;
      continue;
    }
    if (const auto close = comment_close(t)) {  // a comment, possibly over several lines
      std::size_t end = i;
      const auto closes = [&](std::size_t k) {
        const std::string_view rest = k == i ? t.substr(2) : lines[k];  // past the opening mark
        return rest.find(*close) != std::string_view::npos;
      };
      while (end < lines.size() && !closes(end)) ++end;
      if (end < lines.size()) {
        i = end + 1;
        continue;
      }
      // Never closed: a typing slip ("->") must not swallow the rest of the document. Only
      // this line is left out, and that is said.
      if (counts)
        counts->dropped.push_back({inline_text::Dropped::Kind::comment, std::string(t), number});
      ++i;
      continue;
    }
    if (const std::size_t fence_end = code_block_end(lines, i)) {  // ``` … ```, ~~~, <pre>
      if (counts)
        counts->dropped.push_back(
            {inline_text::Dropped::Kind::code, std::string(text::trim(lines[std::min(i + 1, fence_end - 1)])), number});
      i = fence_end;
      continue;
    }
    if (auto h = parse_heading(line, counts)) {  // struck text, footnote marks: reported
      out.push_back({BlockKind::heading, number, h->level, std::move(h->text), false, {}, false});
      ++i;
      continue;
    }
    if (const std::size_t heading_end = wrapped_html_heading_end(lines, i)) {
      // pandoc's HTML wraps a long heading over lines: read as the one line it is.
      std::string joined(text::trim(line));
      for (std::size_t k = i + 1; k < heading_end; ++k)
        joined += " " + std::string(text::trim(lines[k]));
      if (auto h = parse_heading(joined, counts)) {
        out.push_back({BlockKind::heading, number, h->level, std::move(h->text), false, {}, false});
        i = heading_end;
        continue;
      }
    }
    // Tables as converters write them: HTML, grid, pandoc's multiline and simple tables.
    std::optional<TableAt> other = html_table(lines, i, counts);
    if (!other) other = grid_table(lines, i, counts);
    if (!other && !has_pipe(t)) other = dash_table(lines, i, counts);
    if (other) {
      out.push_back(std::move(other->table));
      i = other->next;
      continue;
    }
    const bool delimited =
        has_pipe(t) && i + 1 < lines.size() && is_alignment_row(split_cells(lines[i + 1]));
    if (delimited || t.starts_with('|')) {
      Block table{BlockKind::table, number, 0, {}, false, {}, delimited};
      for (; i < lines.size() && !blank(lines[i]); ++i) {
        const std::string_view l = text::trim(lines[i]);
        if (!(l.starts_with('|') || (delimited && has_pipe(l)))) break;
        const auto raw = split_cells(l);
        if (is_alignment_row(raw)) continue;
        Row row{{}, static_cast<int>(i) + 1};
        for (const auto& c : raw) row.cells.push_back(make_cell(c, counts));
        note_line(counts ? counts->total() : 0, row.line);  // dropped text: this row's line
        table.rows.push_back(std::move(row));
      }
      if (!table.rows.empty()) out.push_back(std::move(table));
      continue;
    }
    if (i + 1 < lines.size() &&
        (is_setext_underline(lines[i + 1], '=') || is_setext_underline(lines[i + 1], '-')) &&
        !list_item(line)) {
      const int level = is_setext_underline(lines[i + 1], '=') ? 1 : 2;
      out.push_back({BlockKind::heading, number, level, line_text(t, counts), false, {}, false});
      i += 2;
      continue;
    }
    if (is_thematic_break(t)) {
      ++i;
      continue;
    }
    std::string raw;
    if (auto item = list_item(line)) {
      i = list_item_end(lines, i, *item, raw);
      // A task list's checkbox ("- [ ] …", "- [x] …"): not text; a done mark is not read, and
      // that is said.
      if (raw.size() > 4 && raw[0] == '[' && raw[2] == ']' && raw[3] == ' ' &&
          (raw[1] == ' ' || raw[1] == 'x' || raw[1] == 'X')) {
        if (counts && raw[1] != ' ')  // "[ ]" says nothing; "[x]" says done
          counts->dropped.push_back({inline_text::Dropped::Kind::checkbox, raw.substr(0, 3), number});
        raw.erase(0, 4);
      }
      // `level` of a list item: its indentation (a nested item is indented further).
      push_text(out, BlockKind::list_item, number, static_cast<int>(indent_of(line)), raw, counts);
      continue;
    }
    i = paragraph_end(lines, i, raw);
    push_text(out, BlockKind::paragraph, number, 0, raw, counts);
  }
  return out;
}

}  // namespace eduplan::markdown

namespace eduplan {

std::string Cell::text() const {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : " ") + l;
  return out;
}

}  // namespace eduplan
