// What the Word and LibreOffice readers share (internal): collecting a paragraph's text with its
// line breaks and boldness, and turning paragraphs and tables into blocks.
#pragma once

#include <string>
#include <vector>

#include "eduplan/model.h"
#include "parse/blocks.h"
#include "util/unicode.h"

namespace eduplan::office {

// The text of one paragraph, as runs arrive.
class ParagraphText {
 public:
  void text(std::string_view s, bool bold);
  void line_break();
  // Text the document hides (Word's w:vanish, LibreOffice's display none): not read, but
  // remembered so that dropping it is reported.
  void hidden(std::string_view s);
  void hidden(const ParagraphText& p);
  // The whole paragraph is hidden (by its style, or a hidden-paragraph field): its text, also
  // what follows, is hidden text.
  void hide_all() { hide_all_ = true; }
  std::string hidden_text() const;
  // Struck-through text (Word's w:strike/w:dstrike, LibreOffice's line-through): deleted text in
  // an administrative document, as "~~…~~" in Markdown; not read, and reported.
  void struck(const ParagraphText& p);
  const std::string& struck_text() const { return struck_; }
  // Superscript text (Word's w:vertAlign superscript, LibreOffice's text-position super): a
  // footnote's mark if it is only digits, '*' and ',' ("1", "2,3") and does not follow a unit
  // of length ("m²"): not read, and reported (text-dropped), as <sup>1</sup> in Markdown;
  // otherwise text.
  void superscript(const ParagraphText& p, bool bold);
  // A footnote's own mark (Word's "custom mark" after a footnote reference: "*", "a)"): not read,
  // and reported as superscript marks are, whatever it says.
  void footnote_mark(const ParagraphText& p);
  const std::string& footnote_marks() const { return marks_; }
  // The lines (empty ones dropped, spaces collapsed); a list item's first line begins with "• ".
  std::vector<std::string> lines() const;
  // Marks the paragraph as an item of a list (with a bullet or number of its own) in a table cell,
  // where its lines are read as a Markdown cell's "- A<br>- B" or an HTML cell's <li> are.
  void list_item() { list_item_ = true; }
  // True if every run that holds visible text is bold.
  bool bold() const { return visible_ && all_bold_ && !hide_all_; }

 private:
  std::vector<std::string> lines_{std::string()};
  std::string hidden_;
  std::string struck_;
  std::string marks_;
  bool hide_all_ = false;
  bool visible_ = false, all_bold_ = true;
  bool list_item_ = false;
};

// Canonicalises texts and numbers blocks as paragraphs come.
class BlockWriter {
 public:
  BlockWriter(unicode::Changes& changes, int& first_changed_line, std::vector<Finding>& findings)
      : changes_(changes), first_changed_line_(first_changed_line), findings_(findings) {}

  int next_line() { return ++line_; }
  int line_peek() const { return line_; }
  // A body paragraph: a heading (level > 0), a list item (`list_level` 0, or deeper for a
  // sub-item), or a paragraph. A heading struck through entirely is a heading without text.
  void paragraph(const ParagraphText& p, int level, bool list_item, int line, int list_level = 0);
  // Appends a paragraph to the list item written last, as its continuation; false (nothing
  // written) if the last block is no list item.
  bool continue_list_item(const ParagraphText& p, int line);
  void table(std::vector<Row> rows, bool header, int line);
  // One cell from the paragraphs it holds.
  Cell cell(const std::vector<ParagraphText>& paragraphs, int line);

  std::vector<Block> take() { return std::move(blocks_); }

 private:
  std::string canonical(const std::string& s, int line);
  // A finding for the hidden text of these paragraphs, if any.
  void report_hidden(const std::vector<const ParagraphText*>& paragraphs, int line);
  std::vector<Block> blocks_;
  unicode::Changes& changes_;
  int& first_changed_line_;
  std::vector<Finding>& findings_;
  int line_ = 0;
};

}  // namespace eduplan::office
