#include "parse/office_text.h"

#include "model/rule_catalog.h"
#include "parse/bullets.h"
#include "parse/inline_text.h"
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

void ParagraphText::hidden(std::string_view s) {
  if (text::trim(s).empty()) return;
  if (!hidden_.empty()) hidden_ += ' ';
  hidden_.append(s);
}

void ParagraphText::hidden(const ParagraphText& p) {
  for (const auto& l : p.lines()) hidden(l);
  hidden(p.hidden_text());
}

void ParagraphText::struck(const ParagraphText& p) {
  for (const auto& l : p.lines()) {
    if (text::trim(l).empty()) continue;
    if (!struck_.empty()) struck_ += ' ';
    struck_.append(l);
  }
}

void ParagraphText::superscript(const ParagraphText& p, bool bold) {
  hidden(p.hidden_text());  // what was hidden or struck inside it stays reported
  if (!p.struck_text().empty()) struck_ += (struck_.empty() ? "" : " ") + p.struck_text();
  std::string s;
  for (const auto& l : p.lines()) s += (s.empty() ? "" : " ") + l;
  const bool mark = !s.empty() && s.size() <= 12 &&
                    s.find_first_not_of("0123456789*, ") == std::string::npos &&
                    !inline_text::ends_with_length_unit(text::trim(lines_.back()));
  if (!mark) {  // text, as written (its spaces and line breaks kept)
    for (std::size_t k = 0; k < p.lines_.size(); ++k) {
      if (k > 0) line_break();
      text(p.lines_[k], bold);
    }
    return;
  }
  if (!marks_.empty()) marks_ += ' ';
  marks_.append(s);
}

void ParagraphText::footnote_mark(const ParagraphText& p) {
  hidden(p.hidden_text());
  std::string s;
  for (const auto& l : p.lines()) s += (s.empty() ? "" : " ") + l;
  if (s.empty()) return;
  if (!marks_.empty()) marks_ += ' ';
  marks_.append(s);
}

std::string ParagraphText::hidden_text() const {
  if (!hide_all_) return hidden_;
  std::string all;
  for (const auto& l : lines_) {
    if (!text::trim(l).empty()) all += (all.empty() ? "" : " ") + l;
  }
  if (!hidden_.empty()) all += (all.empty() ? "" : " ") + hidden_;
  return all;
}

std::vector<std::string> ParagraphText::lines() const {
  std::vector<std::string> out;
  if (hide_all_) return out;
  for (const auto& l : lines_) {
    std::string c = text::collapse_spaces(l);
    if (!c.empty()) out.push_back(std::move(c));
  }
  if (list_item_ && !out.empty()) out.front().insert(0, "\u2022 ");
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

void BlockWriter::report_hidden(const std::vector<const ParagraphText*>& paragraphs, int line) {
  for (const ParagraphText* p : paragraphs) {
    const std::string struck = text::collapse_spaces(unicode::canonicalize(p->struck_text()));
    if (struck.empty()) continue;
    findings_.push_back(make_finding(
        rule::kTextDropped,
        tr({"durchgestrichener Text „{0}“ nicht übernommen (gilt als gestrichen); soll er gelten, "
            "die Durchstreichung aufheben",
            "struck-through text \"{0}\" not taken over (it counts as deleted); if it should "
            "stand, remove the strikethrough"},
           struck),
        line));
  }
  for (const ParagraphText* p : paragraphs) {
    if (p->footnote_marks().empty()) continue;
    findings_.push_back(make_finding(
        rule::kTextDropped,
        tr({"Fußnotenverweis „{0}“ (hochgestellt) entfernt (Fußnoten werden nicht gelesen)",
            "footnote reference \"{0}\" (superscript) removed (footnotes are not read)"},
           p->footnote_marks()),
        line));
  }
  std::string text;
  for (const ParagraphText* p : paragraphs) {
    if (p->hidden_text().empty()) continue;
    text += (text.empty() ? "" : " ") + p->hidden_text();
  }
  text = text::collapse_spaces(unicode::canonicalize(text));
  if (text.empty()) return;
  if (text.size() > 80) {
    std::size_t cut = 77;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  findings_.push_back(make_finding(
      rule::kHiddenText,
      tr({"ausgeblendeter Text nicht gelesen: „{0}“ (im Dokument versteckt; soll er zum Plan "
          "gehören, die Ausblendung aufheben)",
          "hidden text not read: \"{0}\" (hidden in the document; if it belongs to the plan, "
          "unhide it)"},
         text),
      line));
}

void BlockWriter::paragraph(const ParagraphText& p, int level, bool list_item, int line,
                            int list_level) {
  report_hidden({&p}, line);
  std::string text;
  for (const auto& l : p.lines()) text += (text.empty() ? "" : " ") + canonical(l, line);
  // An empty paragraph is nothing; a heading whose text is all struck through is a heading
  // without text (heading-empty), as "## ~~…~~" is in Markdown.
  if (text.empty() && !(level > 0 && !p.struck_text().empty())) return;
  Block b;
  b.line = line;
  b.text = std::move(text);
  if (level > 0) {
    b.kind = BlockKind::heading;
    b.level = level;
  } else if (list_item) {
    b.kind = BlockKind::list_item;
    b.level = list_level * 4;  // as indentation, like a Markdown list item's
  } else if (const std::size_t mark = bullet_length(b.text); mark > 0) {
    // A bullet typed before the text, or a symbol font's bullet (w:sym, U+F0B7), not Word's
    // numbering: a list item, as the same line is in Markdown.
    b.kind = BlockKind::list_item;
    b.text.erase(0, mark);
  } else {
    b.kind = BlockKind::paragraph;
    b.bold = p.bold();
  }
  blocks_.push_back(std::move(b));
}

bool BlockWriter::continue_list_item(const ParagraphText& p, int line) {
  if (blocks_.empty() || blocks_.back().kind != BlockKind::list_item) return false;
  report_hidden({&p}, line);
  for (const auto& l : p.lines()) {
    const std::string text = canonical(l, line);
    if (!text.empty()) blocks_.back().text += " " + text;
  }
  return true;
}

Cell BlockWriter::cell(const std::vector<ParagraphText>& paragraphs, int line) {
  std::vector<const ParagraphText*> all;
  for (const auto& p : paragraphs) all.push_back(&p);
  report_hidden(all, line);
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
