// Word documents (.docx, WordprocessingML): the main part found through the package's
// relationships, paragraph styles from word/styles.xml, list definitions from word/numbering.xml.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/language.h"
#include "parse/office.h"
#include "parse/office_docx_lists.h"
#include "parse/office_text.h"
#include "util/text.h"
#include "util/unicode.h"
#include "util/xml_tree.h"
#include "util/zip_archive.h"

namespace eduplan::office {
namespace {

using Node = const xmlNode*;

// <w:vanish/> in run properties: hidden text, neither shown nor printed; <w:vanish w:val="0"/>
// shows it again; no <w:vanish> says nothing.
std::optional<bool> hidden_of(Node rpr) {
  Node v = child(rpr, "vanish");
  if (!v) return std::nullopt;
  const std::string val = attribute(v, "val");
  return !(val == "0" || val == "false" || val == "off");
}

// <w:strike/>, <w:dstrike/> in run properties: struck through (w:val="0" turns it off).
std::optional<bool> struck_of(Node rpr) {
  for (const char* name : {"strike", "dstrike"}) {
    if (Node v = child(rpr, name)) {
      const std::string val = attribute(v, "val");
      if (!(val == "0" || val == "false" || val == "off")) return true;
    }
  }
  if (child(rpr, "strike") || child(rpr, "dstrike")) return false;
  return std::nullopt;
}

// <w:b/>, <w:b w:val="1"/> are bold; <w:b w:val="0"/> is not; no <w:b> says nothing.
std::optional<bool> bold_of(Node rpr) {
  Node b = child(rpr, "b");
  if (!b) return std::nullopt;
  const std::string v = attribute(b, "val");
  return !(v == "0" || v == "false" || v == "off");
}

struct Style {
  std::string name, based_on;
  std::optional<int> outline;         // 0-based outline level
  std::optional<int> list_level;      // 0-based, from the style's own numbering (w:numPr/w:ilvl)
  std::optional<std::string> num_id;  // the list the style's paragraphs belong to (w:numPr/w:numId)
  std::optional<bool> bold;
  std::optional<bool> hidden;
};

class Styles {
 public:
  void load(Node root) {
    for_children(root, [&](Node s) {
      if (!is_element(s, "style")) return;
      Style st;
      st.name = attribute(child(s, "name"), "val");
      st.based_on = attribute(child(s, "basedOn"), "val");
      if (Node o = child(child(s, "pPr"), "outlineLvl"))
        st.outline = std::atoi(attribute(o, "val").c_str());
      Node numpr = child(child(s, "pPr"), "numPr");
      if (Node l = child(numpr, "ilvl")) st.list_level = std::atoi(attribute(l, "val").c_str());
      if (Node n = child(numpr, "numId")) st.num_id = attribute(n, "val");
      st.bold = bold_of(child(s, "rPr"));
      st.hidden = hidden_of(child(s, "rPr"));
      styles_[attribute(s, "styleId")] = std::move(st);
    });
  }

  // The heading level of a paragraph style: its outline level, or its name ("heading 2",
  // "Überschrift 2", "Title"), following basedOn; 0 for body text.
  int heading_level(const std::string& id) const {
    const Style* s = find(id);
    for (int depth = 0; s && depth < 12; ++depth) {
      if (s->outline) return *s->outline < 9 ? *s->outline + 1 : 0;
      if (int level = level_from_name(s->name)) return level;
      s = find(s->based_on);
    }
    return level_from_name(id);  // a style id without a definition ("Heading2")
  }

  bool list_style(const std::string& id) const {
    const Style* s = find(id);
    const std::string name = unicode::lower(s ? s->name : id);
    return name.find("list") != std::string::npos || name.find("liste") != std::string::npos ||
           name.find("aufzählung") != std::string::npos;
  }

  // A style of Word's or LibreOffice's table of contents: "toc 1" … "toc 9" (Word's built-in
  // names, whatever the language; German ids "Verzeichnis1"), "Contents 1" (LibreOffice).
  bool toc_style(const std::string& id) const {
    if (id.empty()) return false;
    const Style* s = find(id);
    for (std::string n : {s ? s->name : std::string(), id}) {
      n = unicode::lower(n);
      std::erase(n, ' ');
      for (std::string_view prefix : {"toc", "verzeichnis", "contents", "inhaltsverzeichnis"}) {
        if (n.starts_with(prefix) && n.size() == prefix.size() + 1 && n.back() >= '1' &&
            n.back() <= '9')
          return true;
      }
    }
    return false;
  }

  // The style and the styles it is based on, nearest first (at most 12).
  std::vector<std::string> chain(const std::string& id) const {
    std::vector<std::string> ids;
    for (std::string at = id; !at.empty() && ids.size() < 12;) {
      ids.push_back(at);
      const Style* s = find(at);
      at = s ? s->based_on : std::string();
    }
    return ids;
  }

  // The list level (0-based) a paragraph style's own numbering gives (w:numPr/w:ilvl), following
  // basedOn.
  std::optional<int> numbered_level(const std::string& id) const {
    const Style* s = find(id);
    for (int depth = 0; s && depth < 12; ++depth) {
      if (s->list_level) return std::clamp(*s->list_level, 0, 8);
      s = find(s->based_on);
    }
    return std::nullopt;
  }

  // The list a paragraph style's paragraphs belong to (w:numPr/w:numId, following basedOn);
  // "" for none, "0" where a style takes away the numbering of the style it is based on.
  std::string num_id(const std::string& id) const {
    const Style* s = find(id);
    for (int depth = 0; s && depth < 12; ++depth) {
      if (s->num_id) return *s->num_id;
      s = find(s->based_on);
    }
    return {};
  }

  // Whether a paragraph style numbers its paragraphs (they are list items whatever its name).
  bool numbered(const std::string& id) const {
    const std::string n = num_id(id);
    return !n.empty() && n != "0";
  }

  // The number at the end of a list style's name — Word's built-in "List Bullet 2",
  // "Aufzählungszeichen 3", "Liste 2", "List Number 2" are the second and third levels; else 0.
  int named_level(const std::string& id) const {
    if (!list_style(id)) return 0;
    const std::string name = find(id) ? find(id)->name : id;
    const std::size_t space = name.find_last_of(' ');
    if (space == std::string::npos || space + 2 != name.size()) return 0;
    const char digit = name.back();
    return digit >= '2' && digit <= '9' ? digit - '1' : 0;
  }

  std::optional<bool> bold(const std::string& id) const { return inherited(id, &Style::bold); }
  std::optional<bool> hidden(const std::string& id) const { return inherited(id, &Style::hidden); }

 private:
  // A property as the style sets it, else as the styles it is based on do (at most 12 deep).
  std::optional<bool> inherited(const std::string& id, std::optional<bool> Style::*property) const {
    const Style* s = find(id);
    for (int depth = 0; s && depth < 12; ++depth) {
      if (s->*property) return s->*property;
      s = find(s->based_on);
    }
    return std::nullopt;
  }

  const Style* find(const std::string& id) const {
    auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : &it->second;
  }

  static int level_from_name(const std::string& name) {
    std::string n = unicode::lower(name);
    std::erase(n, ' ');
    if (n == "title" || n == "titel") return 1;
    for (std::string_view prefix : {"heading", "überschrift", "berschrift"}) {
      if (n.starts_with(prefix) && n.size() == prefix.size() + 1 && n.back() >= '1' &&
          n.back() <= '9')
        return n.back() - '0';
    }
    return 0;
  }

  std::map<std::string, Style> styles_;
};

class Reader {
 public:
  Reader(const Styles& styles, const WordLists& lists, BlockWriter& out)
      : styles_(styles), lists_(lists), out_(out) {}

  void body(Node container) {
    for_children(container, [&](Node n) {
      if (is_element(n, "p")) {
        paragraph(n);
      } else if (is_element(n, "tbl")) {
        table(n);
      } else if (is_element(n, "sdt")) {
        if (!table_of_contents(n)) body(child(n, "sdtContent"));  // a content control
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

  // mc:AlternateContent holds the same content several times (mc:Choice for newer programs,
  // mc:Fallback for older ones): one of them is read, the fallback if there is one.
  // Word's table of contents is a content control of the gallery "Table of Contents": made from
  // the headings, it holds nothing the plan does not have, so it is not read (its entries name
  // every field and would otherwise read as field lines without a table).
  static bool table_of_contents(Node sdt) {
    Node gallery = child(child(child(sdt, "sdtPr"), "docPartObj"), "docPartGallery");
    return gallery && attribute(gallery, "val").starts_with("Table of Contents");
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
    const bool list = numpr || styles_.list_style(style) || styles_.numbered(style);
    ParagraphText text;
    runs(p, paragraph_format(style), text);
    out_.paragraph(text, level, list, line, std::min(list_level(numpr, style), 8));
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
        if (hidden) {
          ParagraphText dropped;
          run(c, bold, dropped);
          text.hidden(dropped);
        } else if (struck_of(rpr).value_or(false)) {
          ParagraphText dropped;
          run(c, bold, dropped);
          text.struck(dropped);
        } else if (attribute(child(rpr, "vertAlign"), "val") == "superscript") {
          ParagraphText raised;  // a footnote's mark typed as superscript ("Kitas¹")
          run(c, bold, raised);
          text.superscript(raised, bold);
        } else {
          run(c, bold, text);
        }
      } else if (name == "del" || name == "moveFrom" || name == "pPr" || name == "rPr") {
        // deleted text (tracked changes) and properties
      } else if (name == "AlternateContent") {
        runs(alternative(c), paragraph, text);
      } else {
        runs(c, paragraph, text);  // hyperlink, ins, smartTag, sdt, fldSimple, …
      }
    });
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
      }
      // softHyphen, delText, instrText, fldChar, drawings, footnote references: nothing.
    });
  }

  void table(Node tbl) {
    const int first_line = out_.line_peek();
    std::vector<Row> rows;
    bool header = false;
    auto add_row = [&](Node tr) {
      const int line = out_.next_line();
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
      for (int i = 1; i < span && i < 64; ++i) row.cells.emplace_back();
    });
  }

  void cell_paragraphs(Node n, std::vector<ParagraphText>& out) {
    for_children(n, [&](Node c) {
      if (is_element(c, "p")) {
        const std::string style = attribute(child(child(c, "pPr"), "pStyle"), "val");
        ParagraphText text;
        runs(c, paragraph_format(style), text);
        out.push_back(std::move(text));
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
  Reader(styles, lists, out).body(body);
  return out.take();
}

}  // namespace eduplan::office
