// Word documents (.docx, WordprocessingML): the main part found through the package's
// relationships, paragraph styles (office_docx_styles) and list definitions (office_docx_lists).
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/language.h"
#include "parse/office.h"
#include "parse/office_docx_lists.h"
#include "parse/office_docx_styles.h"
#include "parse/office_text.h"
#include "util/text.h"
#include "util/unicode.h"
#include "util/xml_tree.h"
#include "util/zip_archive.h"

namespace eduplan::office {
namespace {

using docx::bold_of;
using docx::hidden_of;
using docx::Node;
using docx::raised_of;
using docx::struck_of;
using docx::Styles;

class Reader {
 public:
  Reader(const Styles& styles, const WordLists& lists, BlockWriter& out)
      : styles_(styles), lists_(lists), out_(out) {}

  // After the body: a last paragraph whose mark was deleted stands on its own.
  void finish() { flush_joined(); }

  void body(Node container) {
    for_children(container, [&](Node n) {
      if (is_element(n, "p")) {
        paragraph(n);
      } else if (is_element(n, "tbl")) {
        flush_joined();
        bulleted_before_ = false;
        if (Node frame = frame_cell(n))
          body(frame);  // a one-cell table around a heading or a table: a frame, not a table
        else
          table(n);
      } else if (is_element(n, "sdt")) {
        if (!table_of_contents(n) && !showing_placeholder(n))
          body(child(n, "sdtContent"));  // a content control
      } else if (is_element(n, "customXml")) {
        body(n);  // custom XML markup around paragraphs and tables
      } else if (is_element(n, "AlternateContent")) {
        body(alternative(n));
      }
    });
  }

 private:
  // The rows of a table, the cells of a row: also inside content controls (w:sdt) and custom
  // XML markup (w:customXml), which wrap rows and cells as they wrap paragraphs.
  template <class F>
  static void each_wrapped(Node n, std::string_view name, F f, int depth = 0) {
    for_children(n, [&](Node c) {
      if (is_element(c, name)) {
        f(c);
      } else if (depth < 16 && is_element(c, "sdt")) {
        each_wrapped(child(c, "sdtContent"), name, f, depth + 1);
      } else if (depth < 16 && is_element(c, "customXml")) {
        each_wrapped(c, name, f, depth + 1);
      }
    });
  }

  // The cell of a table of one row and one cell that holds a heading or a table: a frame drawn
  // around a field (for its border), whose content is read as if the frame were not there; null
  // for any other table. At most kMaxFrames frames inside each other are taken off.
  Node frame_cell(Node tbl) {
    Node only_row = nullptr;
    int rows = 0;
    each_wrapped(tbl, "tr", [&](Node tr) {
      ++rows;
      only_row = tr;
    });
    if (rows != 1 || frames_ >= kMaxFrames) return nullptr;
    Node only_cell = nullptr;
    int cells = 0;
    each_wrapped(only_row, "tc", [&](Node tc) {
      ++cells;
      only_cell = tc;
    });
    if (cells != 1) return nullptr;
    bool framed = false;
    for_children(only_cell, [&](Node c) {
      framed = framed || is_element(c, "tbl") ||
               (is_element(c, "p") &&
                styles_.heading_level(attribute(child(child(c, "pPr"), "pStyle"), "val")) > 0);
    });
    if (framed) ++frames_;
    return framed ? only_cell : nullptr;
  }

  // mc:AlternateContent holds the same content several times (mc:Choice for newer programs,
  // mc:Fallback for older ones): one of them is read, the fallback if there is one.
  // Word's table of contents is a content control of the gallery "Table of Contents": made from
  // the headings, it holds nothing the plan does not have, so it is not read (its entries name
  // every field and would otherwise read as field lines without a table).
  static bool table_of_contents(Node sdt) {
    Node gallery = child(child(child(sdt, "sdtPr"), "docPartObj"), "docPartGallery");
    return gallery && attribute(gallery, "val").starts_with("Table of Contents");
  }

  // A content control nobody filled in shows its placeholder ("Klicken oder tippen Sie hier, um
  // Text einzugeben."), greyed in Word: no content of the document.
  static bool showing_placeholder(Node sdt) {
    Node shown = child(child(sdt, "sdtPr"), "showingPlcHdr");
    if (!shown) return false;
    const std::string val = attribute(shown, "val");
    return val != "0" && val != "false" && val != "off";
  }

  static Node alternative(Node n) {
    if (Node fallback = child(n, "Fallback")) return fallback;
    return child(n, "Choice");
  }

  void paragraph(Node p) {
    const int line = out_.next_line();
    Node ppr = child(p, "pPr");
    const std::string style = attribute(child(ppr, "pStyle"), "val");
    if (styles_.toc_style(style)) return;  // an entry of a table of contents (older Word, LibreOffice)
    int level = styles_.heading_level(style);
    if (Node o = child(ppr, "outlineLvl")) {
      const int v = std::atoi(attribute(o, "val").c_str());
      level = v < 9 ? v + 1 : 0;
    }
    Node numpr = child(ppr, "numPr");
    const bool bulleted = numpr || styles_.numbered(style);
    const bool list = bulleted || styles_.list_style(style);
    ParagraphText text = std::move(joined_).value_or(ParagraphText());
    joined_.reset();
    runs(p, paragraph_format(style), text);
    end_paragraph_fields();
    if (mark_deleted(p)) {  // a tracked deletion of its paragraph mark: one paragraph with the next
      joined_ = std::move(text);
      return;
    }
    // A paragraph in Word's "List Paragraph" style without a bullet of its own, right after a
    // bulleted item: the item's continuation (Enter, then Backspace on the new bullet), as an
    // indented paragraph of a Markdown list item is.
    const bool list_paragraph = styles_.list_paragraph(style);
    if (!bulleted && list_paragraph && bulleted_before_ && level == 0 &&
        out_.continue_list_item(text, line))
      return;
    // A bullet: numbering, or a list style other than "List Paragraph" ("List Bullet 2").
    bulleted_before_ = level == 0 && (bulleted || (list && !list_paragraph));
    out_.paragraph(text, level, list, line, std::min(list_level(numpr, style), 8));
  }

  // Word marks a deleted paragraph mark (track changes) in the paragraph's properties.
  static bool mark_deleted(Node p) {
    return child(child(child(p, "pPr"), "rPr"), "del") != nullptr;
  }

  // A paragraph whose mark was deleted, before a table or the end: a paragraph of its own.
  void flush_joined() {
    if (!joined_) return;
    ParagraphText text = std::move(*joined_);
    joined_.reset();
    out_.paragraph(text, 0, false, out_.next_line());
  }

  // The list level of a paragraph (0-based; a sub-item is 1 or more), in Word's order: the
  // paragraph's own w:ilvl; its style's (following basedOn); the level of its list (the
  // paragraph's w:numId, else its style's) that numbering.xml links to its style or a style it is
  // based on; the number in a list style's name; else the first level.
  int list_level(Node numpr, const std::string& style) const {
    if (Node ilvl = child(numpr, "ilvl"))
      return std::max(0, std::atoi(attribute(ilvl, "val").c_str()));
    if (auto level = styles_.numbered_level(style)) return *level;
    Node own = child(numpr, "numId");
    const std::string num_id = own ? attribute(own, "val") : styles_.num_id(style);
    if (auto level = lists_.linked_level(num_id, styles_.chain(style))) return *level;
    return styles_.named_level(style);
  }

  // What a paragraph style gives its runs.
  struct Format {
    bool bold = false, hidden = false;
  };
  Format paragraph_format(const std::string& style) const {
    return {styles_.bold(style).value_or(false), styles_.hidden(style).value_or(false)};
  }

  // The runs of a paragraph (or of a container inside it: links, insertions, fields). Hidden
  // runs (w:vanish, directly or by style) are kept apart, to be reported.
  void runs(Node n, Format paragraph, ParagraphText& text) {
    for_children(n, [&](Node c) {
      const std::string_view name = local_name(c);
      if (name == "r") {
        Node rpr = child(c, "rPr");
        const std::string run_style = attribute(child(rpr, "rStyle"), "val");
        bool bold = paragraph.bold, hidden = paragraph.hidden;
        if (auto b = styles_.bold(run_style)) bold = *b;
        if (auto b = bold_of(rpr)) bold = *b;
        if (auto h = styles_.hidden(run_style)) hidden = *h;
        if (auto h = hidden_of(rpr)) hidden = *h;
        if (Node fld_char = child(c, "fldChar")) {
          field_char(fld_char, bold, text);
          return;
        }
        if (in_field_code()) return;  // a nested field's result, part of another field's code
        const bool raised = raised_of(rpr).value_or(styles_.raised(run_style).value_or(false));
        if (custom_footnote_mark(c)) {
          ParagraphText mark;  // "*" or "a)" typed as the footnote's own mark
          run(c, bold, mark);
          text.footnote_mark(mark);
        } else if (hidden) {
          ParagraphText dropped;
          run(c, bold, dropped);
          text.hidden(dropped);
        } else if (struck_of(rpr).value_or(false)) {
          ParagraphText dropped;
          run(c, bold, dropped);
          text.struck(dropped);
        } else if (raised) {    // directly or by its character style ("Funotenzeichen")
          ParagraphText marks;  // a footnote's mark typed as superscript ("Kitas¹")
          run(c, bold, marks);
          text.superscript(marks, bold);
        } else {
          run(c, bold, text);
        }
      } else if (name == "del" || name == "moveFrom" || name == "pPr" || name == "rPr" ||
                 (name == "sdt" && showing_placeholder(c))) {
        // deleted text (tracked changes), properties, and an empty content control's placeholder
      } else if (name == "AlternateContent") {
        runs(alternative(c), paragraph, text);
      } else {
        runs(c, paragraph, text);  // hyperlink, ins, smartTag, sdt, fldSimple, …
      }
    });
  }

  // Complex fields (w:fldChar begin, the code in w:instrText, separate, the result, end): Word
  // shows the result, never the code. A field inside another field's code shows nothing there
  // ({ IF { DOCVARIABLE Stand } = 2025 "…" }, a MERGEFIELD in an IF): its result is part of
  // the code. A drop-down form field shows its chosen entry, which only its settings hold.
  struct OpenField {
    bool showing = false;               // after its separator: its result is shown
    std::optional<std::string> choice;  // a drop-down's chosen entry
  };

  bool in_field_code() const {
    return std::any_of(fields_.begin(), fields_.end(),
                       [](const OpenField& f) { return !f.showing; });
  }

  void field_char(Node fld_char, bool bold, ParagraphText& text) {
    const std::string type = attribute(fld_char, "fldCharType");
    if (type == "begin") {
      if (fields_.size() >= kMaxOpenFields) fields_.erase(fields_.begin());
      OpenField field;
      if (Node list = child(child(fld_char, "ffData"), "ddList")) field.choice = chosen_entry(list);
      fields_.push_back(std::move(field));
    } else if (type == "separate") {
      // A drop-down's result part, if a program writes one (LibreOffice: empty), is not read:
      // its entry is said at its end.
      if (!fields_.empty() && !fields_.back().choice) fields_.back().showing = true;
    } else if (type == "end" && !fields_.empty()) {
      const OpenField field = std::move(fields_.back());
      fields_.pop_back();
      if (field.choice && !in_field_code()) text.text(*field.choice, bold);
    }
  }

  // w:ddList: its entries (w:listEntry) and the one chosen (w:result, else w:default, else the
  // first).
  static std::string chosen_entry(Node list) {
    std::vector<std::string> entries;
    for_children(list, [&](Node c) {
      if (is_element(c, "listEntry")) entries.push_back(attribute(c, "val"));
    });
    Node chosen = child(list, "result");
    if (!chosen) chosen = child(list, "default");
    const long index = chosen ? std::strtol(attribute(chosen, "val").c_str(), nullptr, 10) : 0;
    return index >= 0 && static_cast<std::size_t>(index) < entries.size()
               ? entries[static_cast<std::size_t>(index)]
               : std::string();
  }

  // A field's code does not go on past its paragraph (its result may: a table of contents): one
  // left open there is closed, so that a broken field cannot hide the rest of the document.
  void end_paragraph_fields() {
    const auto code =
        std::find_if(fields_.begin(), fields_.end(), [](const OpenField& f) { return !f.showing; });
    fields_.erase(code, fields_.end());
  }

  // A run holding a footnote or endnote reference whose mark the author typed (Word: "own
  // symbol"): the run's text is that mark.
  static bool custom_footnote_mark(Node r) {
    Node reference = child(r, "footnoteReference");
    if (!reference) reference = child(r, "endnoteReference");
    if (!reference) return false;
    const std::string follows = attribute(reference, "customMarkFollows");
    return follows == "1" || follows == "true" || follows == "on";
  }

  static void run(Node r, bool bold, ParagraphText& text) {
    for_children(r, [&](Node c) {
      const std::string_view name = local_name(c);
      if (name == "t") {
        xmlChar* content = xmlNodeGetContent(c);
        text.text(content ? reinterpret_cast<const char*>(content) : "", bold);
        xmlFree(content);
      } else if (name == "tab" || name == "ptab") {
        text.text(" ", bold);
      } else if (name == "br" || name == "cr") {
        if (attribute(c, "type") != "page") text.line_break();
      } else if (name == "noBreakHyphen") {
        text.text("-", bold);
      } else if (name == "sym") {
        text.text(symbol(c), bold);
      }
      // softHyphen, delText, instrText, fldChar, drawings, footnote references: nothing.
    });
  }

  // w:sym, a character of a symbol font: the bullets of Symbol and Wingdings (U+F0B7, U+F0A7,
  // U+F0D8) as a copied text has them, so that a bullet typed this way reads as one; another
  // character of the fonts' private range is no text; one outside it is itself.
  static std::string symbol(Node sym) {
    const unsigned long c = std::strtoul(attribute(sym, "char").c_str(), nullptr, 16);
    const bool bullet = c == 0xF0B7 || c == 0xF0A7 || c == 0xF0D8;
    const bool private_use = c >= 0xE000 && c <= 0xF8FF;
    std::string out;
    if (c > 0 && c <= 0x10FFFF && (bullet || !private_use) && (c < 0xD800 || c > 0xDFFF))
      unicode::append_utf8(out, static_cast<char32_t>(c));
    return out;
  }

  void table(Node tbl) {
    const int first_line = out_.line_peek();
    std::vector<Row> rows;
    bool header = false;
    auto add_row = [&](Node tr) {
      const int line = out_.next_line();
      // A row deleted with track changes on (w:trPr/w:del): gone, as its deleted text is.
      if (child(child(tr, "trPr"), "del")) return;
      Row row{{}, line};
      if (rows.empty()) header = child(child(tr, "trPr"), "tblHeader") != nullptr;
      cells(tr, row, line, rows.empty() ? nullptr : &rows.back());
      rows.push_back(std::move(row));
    };
    each_wrapped(tbl, "tr", add_row);
    out_.table(std::move(rows), header, first_line + 1);
  }

  void cells(Node tr, Row& row, int line, const Row* above) {
    each_wrapped(tr, "tc", [&](Node tc) {
      std::vector<ParagraphText> paragraphs;
      cell_joins_next_ = false;
      cell_paragraphs(tc, paragraphs);
      row.cells.push_back(out_.cell(paragraphs, line));
      // <w:vMerge/> without "restart": the cell continues the merged cell above.
      const Node vmerge = child(child(tc, "tcPr"), "vMerge");
      const std::size_t column = row.cells.size() - 1;
      if (vmerge && attribute(vmerge, "val") != "restart" && above &&
          column < above->cells.size()) {
        row.cells.back() = above->cells[column];
        row.cells.back().merged_above = true;
      }
      // A cell spanning several grid columns keeps the columns of the rows below aligned.
      const int span = std::atoi(attribute(child(child(tc, "tcPr"), "gridSpan"), "val").c_str());
      if (span > 1) row.cells.back().span = std::min(span, 64);
      for (int i = 1; i < span && i < 64; ++i) row.cells.emplace_back();
    });
  }

  void cell_paragraphs(Node n, std::vector<ParagraphText>& out) {
    for_children(n, [&](Node c) {
      if (is_element(c, "p")) {
        const Node ppr = child(c, "pPr");
        const std::string style = attribute(child(ppr, "pStyle"), "val");
        ParagraphText text;
        if (cell_joins_next_) {
          text = std::move(out.back());
          out.pop_back();
        }
        // An item of a list with its own bullet or number, not a sub-item (that continues it).
        const Node numpr = child(ppr, "numPr");
        const bool bulleted = numpr || styles_.numbered(style) ||
                              (styles_.list_style(style) && !styles_.list_paragraph(style));
        if (!cell_joins_next_ && bulleted && list_level(numpr, style) == 0) text.list_item();
        runs(c, paragraph_format(style), text);
        end_paragraph_fields();
        out.push_back(std::move(text));
        cell_joins_next_ = mark_deleted(c);  // its mark deleted: the next paragraph continues it
      } else if (is_element(c, "sdt") && showing_placeholder(c)) {
        // an empty content control: its placeholder is no text of the cell
      } else if (is_element(c, "tbl") || is_element(c, "tr") || is_element(c, "tc") ||
                 is_element(c, "sdt") || is_element(c, "sdtContent") ||
                 is_element(c, "customXml")) {
        cell_paragraphs(c, out);  // a table nested in a cell: its text, in order
      } else if (is_element(c, "AlternateContent")) {
        cell_paragraphs(alternative(c), out);
      }
    });
  }

  const Styles& styles_;
  const WordLists& lists_;
  BlockWriter& out_;
  static constexpr int kMaxFrames = 1000;  // frames taken off in a document (then: tables)
  int frames_ = 0;
  static constexpr std::size_t kMaxOpenFields = 64;  // a deeper nest drops its outermost
  std::vector<OpenField> fields_;                    // the fields open where the reader is
  std::optional<ParagraphText> joined_;  // a paragraph whose mark was deleted, joined to the next
  bool bulleted_before_ = false;         // the last body paragraph was a bulleted list item
  bool cell_joins_next_ = false;         // the same within a cell
};

// The package's main part: the target of the officeDocument relationship.
std::string main_part(ZipArchive& zip) {
  const auto rels = zip.read("_rels/.rels", ZipArchive::kMaxMember);
  if (rels) {
    const XmlDoc doc = parse_xml(*rels, "_rels/.rels");
    for (Node r = xmlDocGetRootElement(doc.get())->children; r; r = r->next) {
      if (!is_element(r, "Relationship")) continue;
      const std::string type = attribute(r, "Type");
      if (type.ends_with("/officeDocument")) {
        std::string target = attribute(r, "Target");
        if (target.starts_with('/')) target.erase(0, 1);
        return target;
      }
    }
  }
  return "word/document.xml";
}

}  // namespace

std::vector<Block> docx_blocks(std::string_view bytes, unicode::Changes& changes, int& first_line,
                               std::vector<Finding>& findings) {
  ZipArchive zip(bytes);
  const std::string part = main_part(zip);
  const auto document = zip.read(part, ZipArchive::kMaxMember);
  if (!document) {
    throw ArchiveError(tr({"keine Word-Datei: {0} fehlt im Archiv",
                           "not a Word document: {0} is missing from the archive"},
                          part));
  }
  Styles styles;
  const std::string styles_part = part.substr(0, part.rfind('/') + 1) + "styles.xml";
  if (const auto xml = zip.read(styles_part, ZipArchive::kMaxMember)) {
    const XmlDoc doc = parse_xml(*xml, styles_part);
    styles.load(xmlDocGetRootElement(doc.get()));
  }
  // The list definitions: a missing part is a document without lists (or without linked
  // styles); a damaged one is refused as a damaged styles part is.
  WordLists lists;
  const std::string lists_part = part.substr(0, part.rfind('/') + 1) + "numbering.xml";
  if (const auto xml = zip.read(lists_part, ZipArchive::kMaxMember)) {
    const XmlDoc doc = parse_xml(*xml, lists_part);
    lists.load(xmlDocGetRootElement(doc.get()));
  }
  const XmlDoc doc = parse_xml(*document, part);
  Node root = xmlDocGetRootElement(doc.get());
  Node body = is_element(root, "document") ? child(root, "body") : nullptr;
  if (!body) {
    throw ArchiveError(
        tr({"keine Word-Datei: {0} hat keinen w:body", "not a Word document: {0} has no w:body"},
           part));
  }
  BlockWriter out(changes, first_line, findings);
  Reader reader(styles, lists, out);
  reader.body(body);
  reader.finish();
  return out.take();
}

}  // namespace eduplan::office
