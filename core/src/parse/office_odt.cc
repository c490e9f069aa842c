// LibreOffice documents (.odt, OpenDocument Text): content.xml, with the styles of styles.xml
// and the automatic styles of content.xml.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "eduplan/language.h"
#include "parse/column_roles.h"
#include "parse/office.h"
#include "parse/office_text.h"
#include "util/text.h"
#include "util/xml_tree.h"
#include "util/zip_archive.h"

namespace eduplan::office {
namespace {

using Node = const xmlNode*;

constexpr std::string_view kTextNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kLoextNamespace =
    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";

struct Style {
  std::string parent;
  std::optional<int> outline;
  std::optional<bool> bold;
  std::optional<bool> hidden;  // text:display="none" in its text properties
  std::optional<bool> struck;  // style:text-line-through-style other than "none"
  std::optional<bool> raised;  // style:text-position "super …" or a positive percentage
};

class Styles {
 public:
  // Every style:style below `n` (office:styles, office:automatic-styles).
  void load(Node n) {
    for_children(n, [&](Node c) {
      if (is_element(c, "style")) {
        Style s;
        s.parent = attribute(c, "parent-style-name");
        if (has_attribute(c, "default-outline-level"))
          s.outline = std::atoi(attribute(c, "default-outline-level").c_str());
        if (Node tp = child(c, "text-properties"); tp && has_attribute(tp, "font-weight")) {
          const std::string w = attribute(tp, "font-weight");
          s.bold = w == "bold" || std::atoi(w.c_str()) >= 600;
        }
        if (Node tp = child(c, "text-properties"); tp && has_attribute(tp, "display"))
          s.hidden = attribute(tp, "display") == "none";
        if (Node tp = child(c, "text-properties");
            tp && has_attribute(tp, "text-line-through-style"))
          s.struck = attribute(tp, "text-line-through-style") != "none";
        if (Node tp = child(c, "text-properties"); tp && has_attribute(tp, "text-position")) {
          const std::string position = attribute(tp, "text-position");
          s.raised = position.starts_with("super") || std::atoi(position.c_str()) > 0;
        }
        styles_[attribute(c, "name")] = std::move(s);
      } else if (is_element(c, "styles") || is_element(c, "automatic-styles")) {
        load(c);
      }
    });
  }

  std::optional<bool> bold(const std::string& name) const { return inherited(name, &Style::bold); }
  bool hidden(const std::string& name) const {
    return inherited(name, &Style::hidden).value_or(false);
  }
  bool struck(const std::string& name) const {
    return inherited(name, &Style::struck).value_or(false);
  }
  bool raised(const std::string& name) const {
    return inherited(name, &Style::raised).value_or(false);
  }
  int outline(const std::string& name) const {
    return inherited(name, &Style::outline).value_or(0);
  }
  // Whether the style is, or is based on, the paragraph style of list items ("List Paragraph",
  // as LibreOffice names Word's "Listenabsatz" it opened: "List_20_Paragraph").
  bool list_paragraph(const std::string& name) const {
    std::string n = name;
    for (int depth = 0; depth < 12 && !n.empty(); ++depth) {
      if (n == "List_20_Paragraph" || n == "Listenabsatz" || n == "List_Paragraph") return true;
      const Style* s = find(n);
      if (!s) return false;
      n = s->parent;
    }
    return false;
  }

 private:
  // A property as the style sets it, else as its parents do (at most 12 deep: a cycle ends).
  template <typename T>
  std::optional<T> inherited(const std::string& name, std::optional<T> Style::*property) const {
    const Style* s = find(name);
    for (int depth = 0; s && depth < 12; ++depth) {
      if (s->*property) return s->*property;
      s = find(s->parent);
    }
    return std::nullopt;
  }

  const Style* find(const std::string& name) const {
    auto it = styles_.find(name);
    return it == styles_.end() ? nullptr : &it->second;
  }
  std::map<std::string, Style> styles_;
};

class Reader {
 public:
  Reader(const Styles& styles, BlockWriter& out) : styles_(styles), out_(out) {}

  // `list_depth`: how many lists the paragraphs stand in (0: none; 2: a sub-item).
  void body(Node n, int list_depth = 0) {
    bool after_list = false;  // the element before was a list
    for_children(n, [&](Node c) { element(c, list_depth, after_list); });
  }

 private:
  void element(Node c, int list_depth, bool& after_list) {
    const std::string_view name = local_name(c);
    const bool continues = after_list && list_depth == 0 && name == "p" &&
                           styles_.list_paragraph(attribute(c, "style-name"));
    after_list = name == "list";
    if (continues) {
      // A paragraph of the list style without a bullet right after a list (Word's
      // continuation of an item, as LibreOffice saves it): the last item goes on.
      const ParagraphText text = paragraph_text(c);
      const int line = out_.next_line();
      if (!out_.continue_list_item(text, line)) out_.paragraph(text, 0, false, line);
      after_list = true;
    } else if (name == "h" || name == "p") {
      paragraph(c, list_depth);
    } else if (name == "list") {
      for_children(c, [&](Node item) {
        // A list header is LibreOffice's unnumbered entry at the head of a list, shown without a
        // bullet: the label "Ableitungen:" put there is the label above the list; anything else
        // (the first objective, its bullet switched off) stays the list's first item.
        if (is_element(item, "list-item") ||
            (is_element(item, "list-header") && !holds_objectives_label(item)))
          list_item(item, list_depth + 1);
        else if (is_element(item, "list-header"))
          body(item, list_depth);
      });
    } else if (name == "table") {
      if (Node frame = frame_cell(c))
        body(frame, list_depth);  // a one-cell table around a heading or a table: a frame
      else
        table(c);
    } else if (name == "section" && hidden_section(c)) {
      out_.paragraph(hidden_contents(c), 0, false, out_.next_line());  // reported, not read
    } else if (name == "section") {
      body(c, list_depth);
    }
    // table-of-content, sequence-decls, soft-page-break, frames, tracked changes and deletions:
    // not the plan's text.
  }

  // The cell of a table of one row and one cell that holds a heading or a table: a frame drawn
  // around a field (for its border), read as if it were not there; null for any other table.
  static Node frame_cell(Node table) {
    std::vector<Node> rows;
    const auto collect = [&](Node container, auto& self) -> void {
      for_children(container, [&](Node r) {
        if (is_element(r, "table-row"))
          rows.push_back(r);
        else if (is_element(r, "table-header-rows") || is_element(r, "table-rows") ||
                 is_element(r, "table-row-group"))
          self(r, self);
      });
    };
    collect(table, collect);
    if (rows.size() != 1) return nullptr;
    Node only_cell = nullptr;
    int cells = 0;
    for_children(rows.front(), [&](Node c) {
      if (!is_element(c, "table-cell")) return;
      ++cells;
      only_cell = c;
    });
    if (cells != 1) return nullptr;
    bool framed = false;
    for_children(only_cell,
                 [&](Node c) { framed = framed || is_element(c, "table") || is_element(c, "h"); });
    return framed ? only_cell : nullptr;
  }

  static bool holds_objectives_label(Node header) {
    xmlChar* content = xmlNodeGetContent(header);
    const std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return is_objectives_label(text::trim(text));
  }

  // An item of a list: its first paragraph is the item; a further paragraph of it (Enter, then
  // Backspace on the new bullet) continues it, as in Word; a list inside it is its sub-items.
  void list_item(Node item, int list_depth) {
    bool after_list = false, first = true;
    for_children(item, [&](Node c) {
      if (!first && list_depth == 1 && is_element(c, "p")) {
        const ParagraphText text = paragraph_text(c);
        const int line = out_.next_line();
        if (!out_.continue_list_item(text, line)) out_.paragraph(text, 0, true, line);
        return;
      }
      element(c, list_depth, after_list);
      if (is_element(c, "p") || is_element(c, "h")) first = false;
    });
  }

  // A section the document hides: text:display="none" (as LibreOffice saves a hidden section),
  // or "condition" with a condition that is plainly true. Another condition cannot be evaluated
  // here; such a section is read.
  static bool hidden_section(Node section) {
    const std::string display = attribute(section, "display");
    if (display == "none") return true;
    if (display != "condition") return false;
    std::string condition = attribute(section, "condition");
    if (condition.starts_with("ooow:")) condition.erase(0, 5);
    return condition == "1" || condition == "true" || condition == "TRUE";
  }

  // Everything a hidden section holds, as hidden text: reported where it stands, never read.
  ParagraphText hidden_contents(Node section) {
    std::vector<ParagraphText> inside;
    cell_paragraphs(section, inside);
    ParagraphText dropped;
    for (const auto& p : inside) dropped.hidden(p);
    return dropped;
  }

  void paragraph(Node p, int list_depth) {
    const int line = out_.next_line();
    const std::string style = attribute(p, "style-name");
    int level = 0;
    if (is_element(p, "h")) {
      level =
          has_attribute(p, "outline-level") ? std::atoi(attribute(p, "outline-level").c_str()) : 1;
      if (level <= 0) level = 1;
    } else {
      level = styles_.outline(style);
    }
    out_.paragraph(paragraph_text(p), level, list_depth > 0 && level == 0, line,
                   list_depth > 0 ? list_depth - 1 : 0);
  }

  // A paragraph's text; all of it hidden if its style hides it or a hidden-paragraph field
  // says so.
  ParagraphText paragraph_text(Node p) {
    const std::string style = attribute(p, "style-name");
    ParagraphText text;
    spans(p, styles_.bold(style).value_or(false), text);
    if (styles_.hidden(style)) text.hide_all();
    return text;
  }

  // The text of a paragraph: spans, links and fields (date, page number, sequence, user field,
  // variable, chapter, …) with the result they show; notes, annotations, frames, ruby
  // annotations, scripts and change marks are not the paragraph's text. Hidden text (a span whose style
  // sets display none, text:hidden-text and text:hidden-paragraph whose condition hides them)
  // is kept apart, to be reported.
  void spans(Node n, bool bold, ParagraphText& text) {
    for (Node c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        text.text(c->content ? reinterpret_cast<const char*>(c->content) : "", bold);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = local_name(c);
      if (name == "s") {
        const int count = has_attribute(c, "c") ? std::atoi(attribute(c, "c").c_str()) : 1;
        text.text(std::string(static_cast<std::size_t>(std::clamp(count, 1, 64)), ' '), bold);
      } else if (name == "tab") {
        text.text(" ", bold);
      } else if (name == "line-break") {
        text.line_break();
      } else if (name == "text-input" && word_placeholder(c)) {
        // Word's empty content control, as LibreOffice saves it: an input field showing Word's
        // placeholder text, which is no content of the document.
      } else if (name == "content-control" && namespace_of(c) == kLoextNamespace) {
        // LibreOffice's content control (a drop-down, check box or plain text field around the
        // text, as Word's w:sdt): its text counts; its list of choices (loext:list-item) does not.
        spans(c, bold, text);
      } else if (name == "fieldmark" && attribute(c, "type").ends_with(".FORMDROPDOWN")) {
        text.text(chosen_entry(c), bold);  // Word's drop-down form field, as LibreOffice keeps it
      } else if (not_text(name) || foreign(c)) {
        // draw:, office:, form: elements inside a paragraph: frames, shapes, controls
      } else if (name == "hidden-paragraph") {
        if (attribute(c, "is-hidden") == "true") text.hide_all();
      } else if (name == "hidden-text") {
        // A conditional text: text:string-value, shown unless the condition hides it.
        ParagraphText shown;
        shown.text(attribute(c, "string-value"), bold);
        if (attribute(c, "is-hidden") == "true") {
          text.hidden(shown);
        } else {
          text.text(attribute(c, "string-value"), bold);
        }
      } else if (hidden(c)) {
        ParagraphText dropped;
        spans(c, bold, dropped);
        text.hidden(dropped);
      } else if (name == "span" && styles_.struck(attribute(c, "style-name"))) {
        ParagraphText dropped;
        spans(c, bold, dropped);
        text.struck(dropped);
      } else if (name == "span" && styles_.raised(attribute(c, "style-name"))) {
        const bool span_bold = styles_.bold(attribute(c, "style-name")).value_or(bold);
        ParagraphText raised;  // a footnote's mark typed as superscript ("Kitas¹")
        spans(c, span_bold, raised);
        text.superscript(raised, span_bold);
      } else {
        spans(c, styles_.bold(attribute(c, "style-name")).value_or(bold), text);
      }
    }
  }

  // Whether an input field holds nothing but one of Word's placeholder texts (German, English).
  static bool word_placeholder(Node field) {
    xmlChar* content = xmlNodeGetContent(field);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    const std::string_view t = text::trim(text);
    static constexpr std::string_view kPlaceholders[] = {
        "Klicken oder tippen Sie hier, um Text einzugeben.",
        "Klicken Sie hier, um Text einzugeben.",
        "Wählen Sie ein Element aus.",
        "Klicken oder tippen Sie, um ein Datum einzugeben.",
        "Click or tap here to enter text.",
        "Click here to enter text.",
        "Choose an item.",
        "Click or tap to enter a date."};
    for (auto p : kPlaceholders) {
      if (t == p) return true;
    }
    return false;
  }

  // A drop-down form field (field:fieldmark): its entries (field:param Dropdown_ListEntry) and
  // the one chosen (Dropdown_Selected, else the first).
  static std::string chosen_entry(Node fieldmark) {
    std::vector<std::string> entries;
    long selected = 0;
    for_children(fieldmark, [&](Node p) {
      if (!is_element(p, "param")) return;
      const std::string name = attribute(p, "name");
      if (name == "Dropdown_ListEntry") entries.push_back(attribute(p, "value"));
      if (name == "Dropdown_Selected")
        selected = std::strtol(attribute(p, "value").c_str(), nullptr, 10);
    });
    return selected >= 0 && static_cast<std::size_t>(selected) < entries.size()
               ? entries[static_cast<std::size_t>(selected)]
               : std::string();
  }

  // text:number is the number a heading or list item had when the file was saved (a cached
  // "1.1"), not its text.
  static bool not_text(std::string_view name) {
    return name == "note" || name == "number" || name == "annotation" || name == "annotation-end" ||
           name == "script" || name == "ruby-text" || name == "tracked-changes" ||
           name == "changed-region" || name == "soft-page-break" || name == "bookmark" ||
           name == "bookmark-start" || name == "bookmark-end" || name == "reference-mark" ||
           name == "reference-mark-start" || name == "reference-mark-end" || name == "toc-mark" ||
           name == "toc-mark-start" || name == "toc-mark-end" ||
           name == "alphabetical-index-mark" || name == "alphabetical-index-mark-start" ||
           name == "alphabetical-index-mark-end" || name == "user-index-mark" ||
           name == "user-index-mark-start" || name == "user-index-mark-end" || name == "change" ||
           name == "change-start" || name == "change-end";
  }

  // An element of another namespace than text: (a document without namespaces is read as text).
  static bool foreign(Node c) {
    const std::string_view ns = namespace_of(c);
    return !ns.empty() && ns != kTextNamespace;
  }

  bool hidden(Node c) const {
    return styles_.hidden(attribute(c, "style-name"));
  }

  // A cell spanning rows (number-rows-spanned): its text and how many rows below it covers.
  struct RowSpan {
    Cell cell;
    int rows_left = 0;
  };

  void table(Node t) {
    std::vector<Row> rows;
    std::vector<RowSpan> spans;  // by column
    bool header = false;
    const int first_line = out_.line_peek() + 1;
    auto add_rows = [&](Node container, bool is_header, auto& self) -> void {
      for_children(container, [&](Node r) {
        const std::string_view name = local_name(r);
        if (name == "table-row") {
          const int line = out_.next_line();
          Row row{{}, line};
          cells(r, row, line, spans);
          if (rows.empty()) header = is_header;
          rows.push_back(std::move(row));
        } else if (name == "table-header-rows") {
          self(r, true, self);
        } else if (name == "table-rows" || name == "table-row-group") {
          self(r, is_header, self);
        }
      });
    };
    add_rows(t, false, add_rows);
    out_.table(std::move(rows), header, first_line);
  }

  void cells(Node r, Row& row, int line, std::vector<RowSpan>& spans) {
    int covered_by_span = 0;  // covered cells that a cell spanning columns stands for already
    for_children(r, [&](Node c) {
      const std::string_view name = local_name(c);
      if (name != "table-cell" && name != "covered-table-cell") return;
      if (name == "covered-table-cell" && covered_by_span > 0) {
        --covered_by_span;
        return;
      }
      std::vector<ParagraphText> paragraphs;
      cell_paragraphs(c, paragraphs);
      row.cells.push_back(out_.cell(paragraphs, line));
      const std::size_t column = row.cells.size() - 1;
      if (spans.size() <= column) spans.resize(column + 1);
      if (name == "covered-table-cell" && spans[column].rows_left > 0) {
        // Covered by a cell of a row above that spans rows: that cell's text stands here too.
        row.cells.back() = spans[column].cell;
        row.cells.back().merged_above = true;
        --spans[column].rows_left;
      } else if (name == "table-cell") {
        const int down = std::atoi(attribute(c, "number-rows-spanned").c_str());
        spans[column] = {row.cells.back(), std::clamp(down, 1, 1 << 20) - 1};
      }
      const int span = std::atoi(attribute(c, "number-columns-spanned").c_str());
      if (span > 1) {
        row.cells.back().span = std::min(span, 64);
        covered_by_span = std::min(span, 64) - 1;
      }
      for (int i = 1; i < span && i < 64; ++i) row.cells.emplace_back();
    });
  }

  // `list_depth`: how many lists the paragraphs stand in; `item_begins`: the next paragraph is the
  // first of an item of a first-level list, which begins with its bullet (a sub-item, or a further
  // paragraph of the item, continues it).
  void cell_paragraphs(Node n, std::vector<ParagraphText>& out, int list_depth = 0,
                       bool item_begins = false) {
    for_children(n, [&](Node c) {
      const std::string_view name = local_name(c);
      if (name == "p" || name == "h") {
        out.push_back(paragraph_text(c));
        if (item_begins) out.back().list_item();
        item_begins = false;
      } else if (name == "list") {
        cell_paragraphs(c, out, list_depth + 1);
      } else if (name == "list-item") {
        cell_paragraphs(c, out, list_depth, list_depth == 1);
      } else if (name == "section" && hidden_section(c)) {
        out.push_back(hidden_contents(c));
      } else if (name == "table" || name == "table-row" || name == "table-cell" ||
                 name == "section") {
        cell_paragraphs(c, out);
      }
    });
  }

  const Styles& styles_;
  BlockWriter& out_;
};

}  // namespace

std::vector<Block> odt_blocks(std::string_view bytes, unicode::Changes& changes, int& first_line,
                              std::vector<Finding>& findings) {
  ZipArchive zip(bytes);
  const auto content = zip.read("content.xml", ZipArchive::kMaxMember);
  if (!content) {
    throw ArchiveError(tr({"keine LibreOffice-Datei: content.xml fehlt im Archiv",
                           "not a LibreOffice document: content.xml is missing from the archive"}));
  }
  Styles styles;
  if (const auto xml = zip.read("styles.xml", ZipArchive::kMaxMember)) {
    const XmlDoc doc = parse_xml(*xml, "styles.xml");
    styles.load(xmlDocGetRootElement(doc.get()));
  }
  const XmlDoc doc = parse_xml(*content, "content.xml");
  Node root = xmlDocGetRootElement(doc.get());
  styles.load(root);
  Node text = child(child(root, "body"), "text");
  if (!text) {
    throw ArchiveError(
        tr({"kein Textdokument: content.xml hat kein office:text (Tabelle? "
            "Präsentation?)",
            "not a text document: content.xml has no office:text (a spreadsheet? "
            "a presentation?)"}));
  }
  BlockWriter out(changes, first_line, findings);
  Reader(styles, out).body(text);
  return out.take();
}

}  // namespace eduplan::office
