#include "parse/office_text.h"

#include "util/text.h"

namespace eduplan::office {

void ParagraphText::text(std::string_view s, bool bold) {
  lines_.back().append(s);
  if (!text::trim(s).empty()) {
    visible_ = true;
    all_bold_ = all_bold_ && bold;
  }
}

void ParagraphText::line_break() { lines_.emplace_back(); }

std::vector<std::string> ParagraphText::lines() const {
  std::vector<std::string> out;
  for (const auto& l : lines_) {
    std::string c = text::collapse_spaces(l);
    if (!c.empty()) out.push_back(std::move(c));
  }
  return out;
}

std::string BlockWriter::canonical(const std::string& s, int line) {
  auto total = [&] {
    return changes_.composed + changes_.spaces + changes_.invisible + changes_.quotes;
  };
  const std::size_t before = total();
  std::string out = text::collapse_spaces(unicode::canonicalize(s, &changes_));
  if (first_changed_line_ == 0 && total() > before) first_changed_line_ = line;
  return out;
}

void BlockWriter::paragraph(const ParagraphText& p, int level, bool list_item, int line) {
  std::string text;
  for (const auto& l : p.lines()) text += (text.empty() ? "" : " ") + canonical(l, line);
  if (text.empty()) return;
  Block b;
  b.line = line;
  b.text = std::move(text);
  if (level > 0) {
    b.kind = BlockKind::heading;
    b.level = level;
  } else if (list_item) {
    b.kind = BlockKind::list_item;
  } else {
    b.kind = BlockKind::paragraph;
    b.bold = p.bold();
  }
  blocks_.push_back(std::move(b));
}

Cell BlockWriter::cell(const std::vector<ParagraphText>& paragraphs, int line) {
  Cell c;
  c.bold = true;
  bool visible = false;
  for (const auto& p : paragraphs) {
    for (const auto& l : p.lines()) {
      std::string t = canonical(l, line);
      if (!t.empty()) c.lines.push_back(std::move(t));
    }
    if (!p.lines().empty()) {
      visible = true;
      c.bold = c.bold && p.bold();
    }
  }
  c.bold = c.bold && visible;
  return c;
}

void BlockWriter::table(std::vector<Row> rows, bool header, int line) {
  if (rows.empty()) return;
  Block b;
  b.kind = BlockKind::table;
  b.line = line;
  b.rows = std::move(rows);
  b.header = header;
  blocks_.push_back(std::move(b));
}

}  // namespace eduplan::office
