#include "parse/document_parser.h"

#include <string>

#include "model/rule_catalog.h"
#include "parse/markdown.h"
#include "util/text.h"

namespace eduplan {
namespace {

struct TableLine {
  std::vector<std::string> cells;
  int line;
};

bool is_field_heading(std::string_view heading, std::string& title) {
  constexpr std::string_view kWord = "Handlungsfeld";
  if (!text::starts_with_icase(heading, kWord)) return false;
  std::string_view rest = heading.substr(kWord.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != ':' && rest.front() != '-')
    return false;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':' || rest.front() == '-')) {
    rest.remove_prefix(1);
  }
  title = rest.empty() ? std::string(heading) : std::string(rest);
  return true;
}

bool looks_like_header(const std::vector<std::string>& cells) {
  for (const auto& c : cells) {
    std::string t = text::fold_case(markdown::cell_text(c));
    if (t.find("handlungsschwerpunkt") != std::string::npos ||
        t.find("verwaltungsbereich") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool is_objective_label(const std::string& cell) {
  return text::starts_with_icase(markdown::cell_text(cell), "Ableitung");
}

RawUnitEntry parse_unit_entry(std::string_view part, int line) {
  RawUnitEntry entry;
  entry.line = line;
  std::string s = text::collapse_spaces(part);
  while (!s.empty() && (s.back() == ',' || s.back() == ' ')) {
    if (s.back() == ',') entry.trailing_comma = true;
    s.pop_back();
  }
  entry.text = s;
  std::size_t slash = s.find('/');
  if (slash != std::string::npos && slash > 0) {
    entry.has_slash = true;
    entry.prefix = std::string(text::trim(std::string_view(s).substr(0, slash)));
    entry.list = std::string(text::trim(std::string_view(s).substr(slash + 1)));
  } else {
    entry.list = s;
  }
  return entry;
}

class Parser {
 public:
  explicit Parser(std::vector<Finding>& findings) : findings_(findings) {}

  void heading(const markdown::Heading& h, int line) {
    std::string title;
    if (h.level <= 2 && is_field_heading(h.text, title)) {
      doc_.fields.push_back(RawField{title, line, {}, {}});
      in_field_ = true;
    } else if (h.level == 1) {
      if (doc_.title.empty()) doc_.title = h.text;
      in_field_ = false;
    } else if (h.level == 2) {
      in_field_ = false;  // another section: its tables belong to no field
    }
  }

  void table(const std::vector<TableLine>& rows) {
    if (!in_field_) {
      report(rule::kTableOutsideField, rows.front().line,
             doc_.fields.empty()
                 ? tr({"Tabelle vor dem ersten Handlungsfeld (erwartet: „## Handlungsfeld …“)",
                       "table before the first field (expected: \"## Handlungsfeld …\")"})
                 : tr({"Tabelle außerhalb eines Handlungsfelds", "table outside a field"}));
      return;
    }
    const std::size_t columns = rows.front().cells.size();
    if (columns == 0) {  // a line of bare pipes: nothing to read
      report(rule::kTableUnknown, rows.front().line,
             tr({"Tabelle ohne Zellen; ignoriert", "table without cells; ignored"}));
      return;
    }
    bool consistent = true;
    for (const auto& r : rows) {
      if (r.cells.size() != columns) {
        report(rule::kTableCellCount, r.line,
               tr({"Tabellenzeile hat {0} Zellen, die Tabelle aber {1} (Zeile {2})",
                   "table row has {0} cells, the table {1} (line {2})"},
                  r.cells.size(), columns, rows.front().line));
        consistent = false;
      }
    }
    if (!consistent) return;

    std::size_t first_data = 0;
    if (rows.size() > 1 && markdown::is_alignment_row(rows[1].cells)) {
      first_data = 2;
    } else if (markdown::is_alignment_row(rows[0].cells)) {
      first_data = 1;
    } else if (looks_like_header(rows[0].cells)) {
      first_data = 1;
    }
    bool objectives = false;
    for (const auto& r : rows) objectives = objectives || is_objective_label(r.cells.front());
    RawField& field = doc_.fields.back();
    if (objectives) {
      for (std::size_t i = first_data; i < rows.size(); ++i) {
        if (markdown::is_alignment_row(rows[i].cells) || columns < 2) continue;
        std::string t = markdown::cell_text(rows[i].cells.back());
        if (!t.empty()) field.objectives.push_back({std::move(t), rows[i].line});
      }
      return;
    }
    if (columns != 2) {
      report(rule::kTableUnknown, rows.front().line,
             tr({"Tabelle mit {0} Spalten ist weder eine Schwerpunkt- noch eine "
                 "Ableitungstabelle; ignoriert",
                 "table with {0} columns is neither a focus-area nor an objectives table; "
                 "ignored"},
                columns));
      return;
    }
    for (std::size_t i = first_data; i < rows.size(); ++i) {
      if (markdown::is_alignment_row(rows[i].cells)) continue;
      focus_row(field, rows[i]);
    }
  }

  RawDocument finish(int last_line) {
    if (doc_.fields.empty() && errors_ == 0) {
      report(rule::kDocumentNoField, last_line,
             tr({"Dokument enthält kein Handlungsfeld (erwartet: Überschrift „## Handlungsfeld …“)",
                 "document contains no field (expected: heading \"## Handlungsfeld …\")"}));
    }
    return std::move(doc_);
  }

  bool too_many_errors() const { return errors_ >= kMaxErrors; }

 private:
  void focus_row(RawField& field, const TableLine& row) {
    std::string focus = markdown::cell_text(row.cells[0]);
    std::vector<RawUnitEntry> entries;
    for (const auto& part : markdown::split_at_br(markdown::strip_bold(row.cells[1]))) {
      RawUnitEntry e = parse_unit_entry(part, row.line);
      if (!e.list.empty() || e.has_slash) entries.push_back(std::move(e));
    }
    if (focus.empty()) {
      if (entries.empty()) return;  // an empty row
      if (!field.focus_areas.empty()) {
        auto& prev = field.focus_areas.back();
        if (!prev.entries.empty()) prev.entries.back().trailing_comma = false;
        prev.entries.insert(prev.entries.end(), entries.begin(), entries.end());
        findings_.push_back(make_finding(
            rule::kFocusRowContinued,
            tr({"Zeile ohne Schwerpunkttext: Verwaltungsbereiche dem Schwerpunkt aus Zeile {0} "
                "zugeordnet",
                "row without focus-area text: its units go to the focus area of line {0}"},
               prev.line),
            row.line, prev.text));
        return;
      }
      report(rule::kFocusNoText, row.line,
             tr({"Zeile nennt Verwaltungsbereiche, aber keinen Schwerpunkt; ignoriert",
                 "row names units but no focus area; ignored"}));
      return;
    }
    field.focus_areas.push_back({std::move(focus), row.line, std::move(entries)});
  }

  void report(const rule::Rule& rule, int line, std::string message) {
    errors_ += rule.severity == Severity::error;
    findings_.push_back(make_finding(rule, std::move(message), line));
  }

  std::vector<Finding>& findings_;
  RawDocument doc_;
  bool in_field_ = false;
  int errors_ = 0;
};

}  // namespace

bool check_encoding(std::string_view text, std::vector<Finding>& findings) {
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    findings.push_back(make_finding(rule::kEncodingNulByte,
                                    tr({"NUL-Byte an Byte-Offset {0} (Binärdatei?)",
                                        "NUL byte at byte offset {0} (binary file?)"},
                                       nul),
                                    text::line_of_offset(text, nul)));
    return false;
  }
  if (auto bad = text::find_invalid_utf8(text)) {
    findings.push_back(
        make_finding(rule::kEncodingInvalidUtf8,
                     tr({"kein gültiges UTF-8 an Byte-Offset {0} (Datei als UTF-8 "
                         "speichern)",
                         "not valid UTF-8 at byte offset {0} (save the file as UTF-8)"},
                        *bad),
                     text::line_of_offset(text, *bad)));
    return false;
  }
  return true;
}

RawDocument parse_document(std::string_view text, std::vector<Finding>& findings) {
  if (!check_encoding(text, findings)) return {};
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  Parser parser(findings);
  std::vector<TableLine> table;
  int line_no = 0;
  auto flush = [&] {
    if (!table.empty()) parser.table(table);
    table.clear();
  };
  std::size_t pos = 0;
  while (pos <= text.size() && !parser.too_many_errors()) {
    if (pos == text.size() && pos > 0) break;  // nothing after the final line break
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++line_no;
    if (markdown::is_table_line(line)) {
      table.push_back({markdown::split_cells(line), line_no});
    } else {
      flush();
      if (auto h = markdown::parse_heading(line)) parser.heading(*h, line_no);
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  flush();
  return parser.finish(line_no);
}

}  // namespace eduplan
