#include "monitor/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>

#include "eduplan/language.h"
#include "util/text.h"
#include "util/xml_tree.h"

namespace eduplan::xlsx {
namespace {

using Node = const xmlNode*;

std::string content(Node n) {
  xmlChar* text = xmlNodeGetContent(n);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  return out;
}

// The text of a string item (<si> or <is>): its <t>, or the <t> of its runs; phonetic
// guides (<rPh>) are not part of the text.
std::string string_item(Node item) {
  std::string out;
  for_children(item, [&](Node c) {
    if (is_element(c, "t")) {
      out += content(c);
    } else if (is_element(c, "r")) {
      for_children(c, [&](Node t) {
        if (is_element(t, "t")) out += content(t);
      });
    }
  });
  return decode_escapes(out);
}

// A part's path inside the package, from a relationship target relative to `base` (a
// folder ending in '/', or ""), or absolute ("/xl/…").
std::string resolve_part(const std::string& base, std::string_view target) {
  std::string path =
      target.starts_with('/') ? std::string(target.substr(1)) : base + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// How a number format code shows a number: as a percentage ("%"), a date or time (d, m, y, h,
// s; "[h]" elapsed hours), otherwise than as written (literal text, a currency, a fraction,
// scientific notation), or plainly ("General", "0.00", "#,##0", "@") — looking only outside
// quoted text, escapes ("\\%") and other brackets ("[Red]", "[<10]"). A percentage or date wins
// over literal text ("0 %", "DD.MM.YYYY").
NumberShown shown_by(std::string_view code) {
  bool percent = false, date = false, other = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (text::starts_with_icase(code.substr(i), "General")) {
      i += std::string_view("General").size() - 1;
    } else if (c == '"') {
      const auto close = code.find('"', i + 1);
      other = other || (close != std::string_view::npos && close > i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      const auto inside =
          code.substr(i + 1, close == std::string_view::npos ? code.size() : close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos)
        date = true;
      // "[$€-407]" is a currency symbol; "[$-407]" only a locale.
      if (inside.starts_with('$') && inside.size() > 1 && inside[1] != '-') other = true;
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\') {
      other = other || (i + 1 < code.size() && code[i + 1] != ' ');
      ++i;  // the next character is shown as it is
    } else if (c == '_' || c == '*') {
      ++i;  // padding: the width of the next character, or it repeated
    } else if (c == '%') {
      percent = true;
    } else if (std::strchr("dDmMyYhHsS", c) != nullptr) {
      date = true;
    } else if (std::strchr("0#?.,;:-+() @", c) == nullptr) {
      other = true;  // "E+", "/", "$", "€" and any other letter or sign
    }
  }
  return percent ? NumberShown::percent
         : date  ? NumberShown::date
         : other ? NumberShown::other
                 : NumberShown::plain;
}

struct Relationship {
  std::string id, type, target;
};

std::vector<Relationship> relationships(ZipArchive& zip, const std::string& part) {
  std::vector<Relationship> out;
  const auto xml = zip.read(part, kMaxPart);
  if (!xml) return out;
  const XmlDoc doc = parse_xml(*xml, part);
  for_children(xmlDocGetRootElement(doc.get()), [&](Node r) {
    if (is_element(r, "Relationship"))
      out.push_back({attribute(r, "Id"), attribute(r, "Type"), attribute(r, "Target")});
  });
  return out;
}

bool type_is(const Relationship& r, std::string_view kind) {
  return r.type.ends_with("/" + std::string(kind));
}

std::string folder_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

}  // namespace

const Cell* Row::find(int column) const {
  const auto it = std::lower_bound(cells.begin(), cells.end(), column,
                                   [](const Cell& c, int col) { return c.column < col; });
  return it != cells.end() && it->column == column ? &*it : nullptr;
}

Workbook::Workbook(std::string_view bytes) : zip_(bytes) {
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& r : relationships(zip_, "_rels/.rels")) {
    if (type_is(r, "officeDocument")) workbook_part = resolve_part("", r.target);
  }
  const auto xml = zip_.read(workbook_part, kMaxPart);
  if (!xml && zip_.read("content.xml", kMaxPart)) {
    const auto mimetype = zip_.read("mimetype", 256);
    const bool spreadsheet = mimetype && mimetype->find("spreadsheet") != std::string::npos;
    throw ArchiveError(
        spreadsheet
            ? tr({"eine LibreOffice-Tabelle (.ods), keine Excel-Arbeitsmappe: in LibreOffice "
                  "„Speichern unter“ → „Excel 2007-365 (.xlsx)“ wählen und die .xlsx-Datei "
                  "einlesen",
                  "a LibreOffice spreadsheet (.ods), not an Excel workbook: in LibreOffice "
                  "choose “Save As” → “Excel 2007-365 (.xlsx)” and import the .xlsx file"})
            : tr({"ein OpenDocument-Dokument, keine Excel-Arbeitsmappe (.xlsx)",
                  "an OpenDocument file, not an Excel workbook (.xlsx)"}));
  }
  if (!xml) {
    throw ArchiveError(tr({"keine Excel-Arbeitsmappe: {0} fehlt im Archiv",
                           "not an Excel workbook: {0} is missing from the archive"},
                          workbook_part));
  }
  base_ = folder_of(workbook_part);
  const auto rels =
      relationships(zip_, base_ + "_rels/" + workbook_part.substr(base_.size()) + ".rels");
  shared_part_ = base_ + "sharedStrings.xml";
  styles_part_ = base_ + "styles.xml";
  for (const auto& r : rels) {
    if (type_is(r, "sharedStrings")) shared_part_ = resolve_part(base_, r.target);
    if (type_is(r, "styles")) styles_part_ = resolve_part(base_, r.target);
  }
  const XmlDoc doc = parse_xml(*xml, workbook_part);
  for_children(child(xmlDocGetRootElement(doc.get()), "sheets"), [&](Node s) {
    if (!is_element(s, "sheet")) return;
    const std::string id = attribute(s, "id");  // r:id, any namespace prefix
    std::string part;
    for (const auto& r : rels) {
      if (r.id == id && type_is(r, "worksheet")) part = resolve_part(base_, r.target);
    }
    names_.push_back(attribute(s, "name"));
    parts_.push_back(std::move(part));
  });
}

std::optional<std::size_t> Workbook::find_sheet(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return i;
  }
  return std::nullopt;
}

const std::vector<std::string>& Workbook::shared_strings() {
  if (shared_) return *shared_;
  shared_.emplace();
  if (const auto xml = zip_.read(shared_part_, kMaxPart)) {
    const XmlDoc doc = parse_xml(*xml, shared_part_);
    for_children(xmlDocGetRootElement(doc.get()), [&](Node si) {
      if (is_element(si, "si")) shared_->push_back(string_item(si));
    });
  }
  return *shared_;
}

const std::vector<NumberShown>& Workbook::number_styles() {
  if (number_styles_) return *number_styles_;
  number_styles_.emplace();
  const auto xml = zip_.read(styles_part_, kMaxPart);
  if (!xml) return *number_styles_;
  const XmlDoc doc = parse_xml(*xml, styles_part_);
  const Node root = xmlDocGetRootElement(doc.get());
  const auto number = [](const std::string& text) {
    int n = -1;
    std::from_chars(text.data(), text.data() + text.size(), n);
    return n;
  };
  // Built-in formats: 0 (General), 1–4 and 49 ("@") plain; 9 and 10 percentages; 14–22 and
  // 45–47 dates and times. The others (currencies, fractions, scientific, the locale's own)
  // show the number otherwise than as written.
  std::map<int, NumberShown> formats;
  for (int id : {0, 1, 2, 3, 4, 49}) formats[id] = NumberShown::plain;
  for (int id : {9, 10}) formats[id] = NumberShown::percent;
  for (int id = 14; id <= 22; ++id) formats[id] = NumberShown::date;
  for (int id : {45, 46, 47}) formats[id] = NumberShown::date;
  for_children(child(root, "numFmts"), [&](Node f) {
    if (is_element(f, "numFmt"))
      formats[number(attribute(f, "numFmtId"))] = shown_by(attribute(f, "formatCode"));
  });
  for_children(child(root, "cellXfs"), [&](Node xf) {
    if (!is_element(xf, "xf")) return;
    const std::string id = attribute(xf, "numFmtId");
    const auto it = formats.find(id.empty() ? 0 : number(id));
    number_styles_->push_back(it == formats.end() ? NumberShown::other : it->second);
  });
  return *number_styles_;
}

Sheet Workbook::sheet(std::size_t index) {
  Sheet out{names_.at(index), {}};
  if (parts_[index].empty()) return out;  // a chart sheet: no cells
  const auto xml = zip_.read(parts_[index], kMaxPart);
  if (!xml) {
    throw ArchiveError(
        tr({"Blatt „{0}“: {1} fehlt im Archiv", "sheet \"{0}\": {1} is missing from the archive"},
           names_[index], parts_[index]));
  }
  const XmlDoc doc = parse_xml(*xml, parts_[index]);
  int row_number = 0;
  for_children(child(xmlDocGetRootElement(doc.get()), "sheetData"), [&](Node r) {
    if (!is_element(r, "row")) return;
    const std::string n = attribute(r, "r");
    int parsed = 0;
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), parsed);
    row_number =
        ec == std::errc() && end == n.data() + n.size() && parsed > 0 ? parsed : row_number + 1;
    Row row{row_number, {}};
    int column = 0;
    for_children(r, [&](Node c) {
      if (!is_element(c, "c")) return;
      int ref_row = 0, ref_column = 0;
      column = parse_reference(attribute(c, "r"), ref_row, ref_column) ? ref_column : column + 1;
      const std::string type = attribute(c, "t");
      Cell cell{column, CellKind::text, {}};
      Node formula = child(c, "f");
      Node v = child(c, "v");
      if (formula && (!v || content(v).empty()) && type != "inlineStr") {
        // A formula whose result was never computed (files written by scripts): its text, so
        // that the cell is not taken for empty.
        cell.kind = CellKind::uncomputed;
        cell.text = "=" + content(formula);
        if (cell.text == "=") cell.text = "=…";
      } else if (type == "inlineStr") {
        cell.text = string_item(child(c, "is"));
      } else if (v) {
        const std::string value = content(v);
        if (type == "s") {
          std::size_t i = 0;
          const auto [p, e] = std::from_chars(value.data(), value.data() + value.size(), i);
          const auto& shared = shared_strings();
          if (e != std::errc() || p != value.data() + value.size() || i >= shared.size()) {
            throw ArchiveError(
                tr({"Blatt „{0}“, Zelle {1}: Verweis auf einen gemeinsamen Text, den es nicht gibt",
                    "sheet \"{0}\", cell {1}: refers to a shared string that does not exist"},
                   names_[index], column_name(column) + std::to_string(row_number)));
          }
          cell.text = shared[i];
        } else if (type == "b") {
          cell.kind = CellKind::boolean;
          cell.text =
              value == "1" || value == "true" ? tr({"WAHR", "TRUE"}) : tr({"FALSCH", "FALSE"});
        } else if (type == "e") {
          cell.kind = CellKind::error;
          cell.text = value;
        } else if (type == "str" || type == "d") {
          cell.text = decode_escapes(value);
        } else {
          cell.kind = CellKind::number;
          cell.text = value;
          const std::string style = attribute(c, "s");
          std::size_t xf = 0;
          if (!style.empty() &&
              std::from_chars(style.data(), style.data() + style.size(), xf).ec == std::errc()) {
            const auto& styles = number_styles();
            const NumberShown shown = xf < styles.size() ? styles[xf] : NumberShown::plain;
            cell.percent = shown == NumberShown::percent;
            cell.date = shown == NumberShown::date;
            cell.formatted = shown == NumberShown::other;
          }
        }
      }
      if (!cell.text.empty()) row.cells.push_back(std::move(cell));
    });
    if (row.cells.empty()) return;
    std::sort(row.cells.begin(), row.cells.end(),
              [](const Cell& a, const Cell& b) { return a.column < b.column; });
    out.rows.push_back(std::move(row));
  });
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const Row& a, const Row& b) { return a.number < b.number; });
  return out;
}

std::string column_name(int column) {
  std::string out;
  for (; column > 0; column = (column - 1) / 26)
    out.insert(out.begin(), char('A' + (column - 1) % 26));
  return out;
}

bool parse_reference(std::string_view ref, int& row, int& column) {
  std::size_t i = 0;
  int col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    col = col * 26 + (ref[i++] - 'A' + 1);
  if (col == 0 || i == ref.size()) return false;
  int r = 0;
  const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || end != ref.data() + ref.size() || r <= 0) return false;
  row = r;
  column = col;
  return true;
}

std::string cell_reference(std::string_view sheet, int row, int column) {
  const bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_' || c == '.';
  });
  std::string out;
  if (plain) {
    out = sheet;
  } else {
    out = "'";
    for (char c : sheet) out += c == '\'' ? std::string("''") : std::string(1, c);
    out += "'";
  }
  return out + "!" + column_name(column) + std::to_string(row);
}

std::string decode_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned code = 0;
    if (text.substr(i, 2) == "_x" && i + 7 <= text.size() && text[i + 6] == '_' &&
        std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr ==
            text.data() + i + 6) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 7;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace eduplan::xlsx
