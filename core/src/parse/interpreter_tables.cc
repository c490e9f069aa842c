// Tables: focus-area tables (roles of the columns, continued tables, title rows) and
// objectives tables.
#include <algorithm>

#include "parse/document_parser.h"
#include "parse/interpreter.h"
#include "parse/numbering.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {

// True if the row's units cell (by the column roles of a focus table) reads like units:
// "Division/ unit", a division, or a name this document already used as a unit. So a
// "Kennzahl | Wert" table below a focus table is not taken for its continuation.
bool Interpreter::names_units(const Row& row, const std::vector<Role>& roles) const {
  std::size_t col = 1;
  for (std::size_t c = 0; c < roles.size(); ++c) {
    if (roles[c] == Role::units) col = c;
  }
  if (col >= row.cells.size()) return false;
  for (const auto& line : row.cells[col].lines) {
    const RawUnitEntry e = make_unit_entry(line, row.line);
    const std::string lowered = unicode::lower(e.text);
    if (e.has_slash || lowered.starts_with("dezernat") || lowered.starts_with("dez.") ||
        lowered.starts_with("bob"))
      return true;
    for (const auto& part : text::split(e.list(), ',')) {
      if (unit_names_.count(unicode::lower(text::trim(part)))) return true;
    }
  }
  return false;
}

bool Interpreter::looks_like_data(const Row& row) {
  for (const auto& c : row.cells) {
    if (c.text().size() > 100) return true;
    for (const auto& line : c.lines) {
      const RawUnitEntry e = make_unit_entry(line, row.line);
      const std::string lead = unicode::lower(e.has_slash ? e.prefix() : std::string_view(e.text));
      if (lead == "bob" ||
          (e.has_slash && (lead.starts_with("dezernat ") || lead.starts_with("dez. "))))
        return true;
    }
  }
  return false;
}

// A title row above the header ("Handlungsfeld MINT – Übersicht" in one cell across the
// table, then "Handlungsschwerpunkt | Verwaltungsbereich"): the table without it.
std::optional<Block> Interpreter::without_title_row(const Block& b) {
  if (b.rows.size() < 2) return std::nullopt;
  const Row& title = b.rows[0];
  std::size_t filled = 0;
  for (const auto& c : title.cells) filled += !c.text().empty();
  if (filled != 1 || title.cells.front().text().empty() || starts_with_label(title))
    return std::nullopt;
  bool focus = false, units = false;
  for (const auto& c : b.rows[1].cells) {
    focus = focus || role_of(c.text()) == Role::focus;
    units = units || role_of(c.text()) == Role::units;
  }
  if (!focus || !units) return std::nullopt;
  if (!field_title(title.cells.front().text()) ||
      (field_ && field_->focus_areas.empty() && field_->objectives.empty())) {
    report(rule::kTableTitleRow, title.line,
           tr({"Titelzeile „{0}“ über der Kopfzeile der Tabelle übersprungen",
               "title row \"{0}\" above the table's header skipped"},
              title.cells.front().text()));
  }
  Block rest = b;
  rest.rows.erase(rest.rows.begin());
  rest.header = true;
  return rest;
}

void Interpreter::table(const Block& original, const std::optional<FocusTable>& previous) {
  std::size_t columns = 0;
  for (const auto& r : original.rows) columns = std::max(columns, r.cells.size());
  if (columns == 0) {  // a line of bare pipes: nothing to read
    report(rule::kTableUnknown, original.line,
           tr({"Tabelle ohne Zellen; ignoriert", "table without cells; ignored"}));
    return;
  }
  const std::optional<Block> untitled = without_title_row(original);
  if (untitled) {
    // "Handlungsfeld MINT" across the top of the table (a merged title row, as Word users write
    // it instead of a heading): the field's heading, as if it stood above the table. Skipped,
    // the field's focus areas went to the field before.
    const Row& title_row = original.rows.front();
    const std::string text = title_row.cells.front().text();
    bool numbered = false;
    const auto title = field_title(text, &numbered);
    // Under the heading of a field that has no table yet, the row repeats that field's name
    // ("## Handlungsfeld A", then "Handlungsfeld A – Übersicht" on the table): skipped.
    const bool own_field = field_ && field_->focus_areas.empty() && field_->objectives.empty();
    if (title && !own_field) {
      report(rule::kTableTitleRow, title_row.line,
             tr({"Titelzeile „{0}“ über der Tabelle als Überschrift des Handlungsfelds gelesen",
                 "title row \"{0}\" above the table read as the field's heading"},
                text));
      drop_candidate();
      candidate_ = Candidate{text, *title, title_row.line, true, numbered, false};
      candidate_level_ = field_ ? field_level_ : kBoldLevel;
    }
  }
  const Block& b = untitled ? *untitled : original;
  const Row& first = b.rows.front();
  const std::size_t width = first.cells.size();  // the first row decides, as in GFM
  std::vector<Role> roles;
  bool focus_header = false, units_header = false, objectives_header = false;
  bool named_header = false;  // the first row has text
  for (const auto& c : first.cells) {
    roles.push_back(role_of(c.text()));
    focus_header = focus_header || roles.back() == Role::focus;
    units_header = units_header || roles.back() == Role::units;
    objectives_header = objectives_header || roles.back() == Role::objectives;
    named_header = named_header || !c.text().empty();
  }
  // A header naming the focus areas is a focus table even if another column mentions
  // objectives ("Bezug zur Ableitung": an attribute); one naming only the units is one
  // unless it names the objectives.
  if (focus_header) objectives_header = false;
  // A first row that names a division ("Dezernat V/ Jugendamt") or is long is data, even if
  // its text contains a header word ("weitere Maßnahmen", "federführend").
  const bool data_row = looks_like_data(first);
  if (data_row) focus_header = units_header = false;
  // A cell that is just the label "Ableitungen(:)" makes an objectives table, whatever the
  // objectives say ("Entwicklung von Angeboten (Maßnahme 1)").
  bool label_cell = false;
  for (const auto& c : first.cells) label_cell = label_cell || is_objectives_label(c.text());
  if (label_cell) {
    focus_header = units_header = false;
    objectives_header = true;
  }
  const bool role_header = focus_header || (units_header && !objectives_header);
  const bool focus_table = role_header;
  // A line "Handlungsfeld X" above any table (focus areas or objectives) is its field.
  if (candidate_ && (focus_table || candidate_->named)) start_field(*candidate_, candidate_level_);
  candidate_.reset();
  if (!field_) {
    report(rule::kTableOutsideField, b.line,
           doc_.fields.empty()
               ? tr({"Tabelle vor dem ersten Handlungsfeld (Inhaltsverzeichnis?); ignoriert",
                     "table before the first field (a table of contents?); ignored"})
               : tr({"Tabelle außerhalb eines Handlungsfelds; ignoriert",
                     "table outside a field; ignored"}));
    return;
  }
  // A header row with text that names no role ("Kennzahl | Wert") is some other table.
  const bool foreign_header = b.header && named_header && !role_header && !objectives_header &&
                              !data_row && !starts_with_label(first);
  if (previous && previous->field == field_ && width == previous->width && !role_header &&
      !objectives_header && !starts_with_label(first) && !objectives_mode_ && named_header &&
      names_units(first, previous->roles)) {
    report(rule::kTableContinued, b.line,
           tr({"Tabelle setzt die Schwerpunkttabelle aus Zeile {0} fort (Seitenumbruch?); ihre "
               "erste Zeile als Schwerpunkt gelesen, die Spalten wie dort",
               "table continues the focus-area table of line {0} (a page break?); its first "
               "row read as a focus area, the columns as there"},
              previous->line));
    Block continued = b;
    continued.header = previous->header.has_value();
    if (previous->header) continued.rows.insert(continued.rows.begin(), *previous->header);
    focus_table_rows(continued, previous->roles, previous->role_header, true);
    last_focus_table_ = previous;
  } else if (!role_header && (objectives_mode_ || objectives_header || starts_with_label(first))) {
    objectives_table(b, 0);
  } else if (role_header || (width == 2 && !foreign_header) || (!b.header && width > 2)) {
    // A header that names the roles; or two columns, focus area and units, without a
    // header (or an empty one); or, without a header, the first two columns and the rest
    // as attributes.
    // Not when it follows the first right away (a table split at a page break, its header
    // repeated), unless objectives came before it (a table of objectives can look like a
    // focus table without a header).
    if (role_header && field_focus_table_of_ == doc_.fields.size() &&
        (!previous || !field_->objectives.empty())) {
      // Focus areas, objectives, then a table with a header again: usually the next field,
      // whose heading was not read (in a text box, deleted); said, as its rows join this field.
      report(
          rule::kFocusTableAgain, b.line,
          tr({"zweite Schwerpunkttabelle mit Kopfzeile im Handlungsfeld „{0}“ (die erste in Zeile "
              "{1}); ihre Schwerpunkte gehören zu „{0}“ — fehlt davor eine Überschrift "
              "„Handlungsfeld …“ (etwa in einem Textfeld)?",
              "second focus-area table with a header in the field \"{0}\" (the first in line {1}); "
              "its focus areas belong to \"{0}\" — is a heading \"Handlungsfeld …\" missing "
              "before it (in a text box, say)?"},
             field_->title, field_focus_table_line_));
    } else if (role_header && field_focus_table_of_ != doc_.fields.size()) {
      field_focus_table_of_ = doc_.fields.size();
      field_focus_table_line_ = b.line;
    }
    Block read = b;
    read.header = b.header && !data_row;  // a data row marked as header is read as data
    focus_table_rows(read, roles, role_header, false);
    const bool header = role_header || read.header;
    last_focus_table_ =
        FocusTable{field_, roles, role_header, header ? std::optional<Row>(first) : std::nullopt,
                   width,  b.line};
  } else {
    std::string header;
    for (const auto& c : first.cells) {
      if (header.size() > 200) {  // enough to recognise the table
        header += " | …";
        break;
      }
      header += (header.empty() ? "" : " | ") + c.text();
    }
    report(rule::kTableUnknown, b.line,
           tr({"Tabelle mit {0} Spalte(n) und der Kopfzeile „{1}“ ist weder eine Schwerpunkt- "
               "noch eine Ableitungstabelle (die Kopfzeile nennt weder Schwerpunkt noch "
               "Verwaltungsbereich noch Ableitungen); ignoriert",
               "table with {0} column(s) and the header \"{1}\" is neither a focus-area nor an "
               "objectives table (the header names neither focus area nor units nor "
               "objectives); ignored"},
              std::max(width, columns), header));
  }
  objectives_mode_ = false;
}

bool Interpreter::starts_with_label(const Row& r) {
  return !r.cells.empty() && is_objectives_label(r.cells.front().text());
}

// Objectives from one column. "Ableitungen" in the first row, column L, is either the
// header of the objectives column ("| Ableitungen | Zeitraum |": the rows below fill L, and
// it has no colon or they have further cells) or a label beside the objectives ("|
// Ableitungen: | text |"); then, as without a label, each row's last non-empty cell is its
// objective. Text in any other column is reported, never taken as an objective.
void Interpreter::focus_table_rows(const Block& b, const std::vector<Role>& roles, bool role_header,
                                   bool continued) {
  const std::size_t width = b.rows.front().cells.size();
  std::size_t focus_col = 0, units_col = 1;
  std::vector<std::pair<std::size_t, std::string>> attributes;  // column, name
  const bool header = role_header || b.header;
  if (role_header) {
    auto find = [&](Role r) {
      for (std::size_t c = 0; c < roles.size(); ++c) {
        if (roles[c] == r) return c;
      }
      return roles.size();
    };
    units_col = find(Role::units);
    focus_col = find(Role::focus);
    if (focus_col == roles.size()) focus_col = units_col == 0 ? 1 : 0;
    if (units_col == roles.size()) units_col = focus_col == 1 ? 0 : 1;
  }
  for (std::size_t c = 0; c < width; ++c) {
    if (c == focus_col || c == units_col) continue;
    attributes.emplace_back(c, header ? column_name(b.rows.front().cells[c], c)
                                      : tr({"Spalte {0}", "Column {0}"}, c + 1));
  }
  if (header) drop_numbering_column(b, focus_col, attributes);
  if (header && !attributes.empty() && !continued) {
    std::string names;
    for (const auto& [c, name] : attributes)
      names += (names.empty() ? "" : ", ") + eduplan::quoted(name);
    report(rule::kTableExtraColumns, b.line,
           tr({"weitere Spalten {0} als Merkmale der Schwerpunkte gespeichert",
               "further columns {0} stored as attributes of the focus areas"},
              names));
  }
  if (!header && width > 2 && !continued) {
    report(rule::kTableColumnsGuessed, b.line,
           tr({"Tabelle ohne Kopfzeile mit {0} Spalten: Spalte 1 als Schwerpunkt, Spalte 2 als "
               "Verwaltungsbereich, die übrigen als „Spalte 3“ … gelesen",
               "table without a header row with {0} columns: column 1 read as focus area, "
               "column 2 as units, the others as \"Column 3\" …"},
              width));
  }
  const std::vector<std::string> header_texts = texts(b.rows.front());
  const std::size_t first_area = field_->focus_areas.size();
  std::optional<std::size_t> objectives_from;
  for (std::size_t i = header ? 1 : 0; i < b.rows.size() && !too_many_errors(); ++i) {
    const Row& row = b.rows[i];
    if (starts_with_label(row)) {  // "Ableitungen:" inside the table: the rest are objectives
      objectives_from = i;
      break;
    }
    if (header && is_repeated_header(row, header_texts)) {
      report(rule::kTableHeaderRepeated, row.line,
             tr({"Kopfzeile wiederholt (Seitenumbruch?); übersprungen",
                 "header row repeated (a page break?); skipped"}));
      continue;
    }
    if (row.cells.size() > width) {
      report(rule::kTableCellCount, row.line,
             tr({"Tabellenzeile hat {0} Zellen, die Tabelle aber {1} (Zeile {2}); ein „|“ im "
                 "Text als „\\|“ schreiben",
                 "table row has {0} cells, the table {1} (line {2}); write a \"|\" in text as "
                 "\"\\|\""},
                row.cells.size(), width, b.line));
      continue;
    }
    if (row.cells.size() < width && !row.cells.empty()) {
      report(rule::kTableCellMissing, row.line,
             tr({"Tabellenzeile hat {0} Zellen, die Tabelle {1}; fehlende Zellen gelten als leer",
                 "table row has {0} cells, the table {1}; missing cells count as empty"},
                row.cells.size(), width));
    }
    focus_row(row, focus_col, units_col, attributes);
  }
  std::vector<std::string*> area_texts;
  for (std::size_t k = first_area; k < field_->focus_areas.size(); ++k)
    area_texts.push_back(&field_->focus_areas[k].text);
  if (auto n = strip_consecutive_numbers(area_texts)) {
    report(rule::kNumberingRemoved, b.line,
           tr({"fortlaufende Nummerierung „{0}“ … „{1}“ vor den Schwerpunkten entfernt (die "
               "Reihenfolge bleibt)",
               "consecutive numbering \"{0}\" … \"{1}\" in front of the focus areas taken off (the "
               "order stays)"},
              n->first, n->last));
  }
  if (objectives_from) objectives_table(b, *objectives_from);
}

// A column "Nr." that only counts the rows (1, 2, 3 …) is numbering, not an attribute.
void Interpreter::drop_numbering_column(
    const Block& b, std::size_t focus_col,
    std::vector<std::pair<std::size_t, std::string>>& attributes) {
  for (auto it = attributes.begin(); it != attributes.end(); ++it) {
    const std::size_t c = it->first;
    if (!is_numbering_header(b.rows.front().cells[c].text())) continue;
    std::vector<std::string> values;
    for (std::size_t i = 1; i < b.rows.size(); ++i) {
      const Row& row = b.rows[i];
      if (starts_with_label(row)) break;
      const bool area = focus_col < row.cells.size() && !row.cells[focus_col].merged_above &&
                        !row.cells[focus_col].text().empty();
      const std::string value = c < row.cells.size() ? row.cells[c].text() : std::string();
      if (area) values.push_back(value);
      else if (!value.empty()) values.push_back(std::string());  // a number on a row of no area
    }
    if (auto n = consecutive_numbers(values)) {
      report(rule::kNumberingRemoved, b.line,
             tr({"Spalte „{0}“ zählt die Schwerpunkte ({1} … {2}): als Nummerierung gelesen, nicht "
                 "als Merkmal gespeichert (die Reihenfolge bleibt)",
                 "column \"{0}\" counts the focus areas ({1} … {2}): read as numbering, not stored "
                 "as an attribute (the order stays)"},
                it->second, n->first, n->last));
      attributes.erase(it);
      return;
    }
  }
}

std::vector<std::string> Interpreter::texts(const Row& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) out.push_back(unicode::lower(c.text()));
  return out;
}

namespace {

// Words that say in which role units are involved ("federführend: Dezernat IV/ A; beteiligt: B").
bool is_role_label(std::string_view word) {
  static constexpr std::string_view kRoles[] = {
      "federführend",  "federfuehrend", "federführung",   "beteiligt",     "beteiligte",
      "beteiligung",   "mitwirkend",    "mitwirkende",    "mitwirkung",    "unterstützend",
      "unterstützung", "zuständig",     "verantwortlich", "koordinierend", "koordination"};
  const std::string lower = unicode::lower(word);
  for (auto r : kRoles) {
    if (lower == r) return true;
  }
  return false;
}

}  // namespace

// The line without the role labels that stand at its start or after a ';' or ','; each label
// left out is added to `roles` ("„federführend:“, „beteiligt:“").
std::string Interpreter::without_role_labels(std::string_view line, std::string& roles) {
  std::string out;
  std::size_t at = 0;
  while (at <= line.size()) {
    std::size_t end = line.find_first_of(";,", at);
    if (end == std::string_view::npos) end = line.size();
    std::string_view piece = line.substr(at, end - at);
    const std::string_view trimmed = text::trim(piece);
    const std::size_t colon = trimmed.find(':');
    if (colon != std::string_view::npos && colon > 0 &&
        is_role_label(text::trim(trimmed.substr(0, colon)))) {
      const std::string label = "„" + std::string(text::trim(trimmed.substr(0, colon))) + ":“";
      if (roles.find(label) == std::string::npos) roles += (roles.empty() ? "" : ", ") + label;
      piece = text::trim(trimmed.substr(colon + 1));
      if (at > 0) out += ' ';
    }
    out.append(piece);
    if (end < line.size()) out += line[end];
    at = end + 1;
  }
  return out;
}

// Only a row that says what the header says repeats it; a data row may well contain the
// words of a header ("Maßnahmen …", "(federführend)").
bool Interpreter::is_repeated_header(const Row& row, const std::vector<std::string>& header) {
  return texts(row) == header;
}

void Interpreter::focus_row(
    const Row& row, std::size_t focus_col, std::size_t units_col,
    const std::vector<std::pair<std::size_t, std::string>>& attribute_cols) {
  static const Cell kEmpty;
  auto cell = [&](std::size_t c) -> const Cell& {
    return c < row.cells.size() ? row.cells[c] : kEmpty;
  };
  // A focus cell merged with the one above: this row belongs to the focus area above.
  std::string focus = cell(focus_col).merged_above ? std::string() : cell(focus_col).text();
  std::vector<RawUnitEntry> entries;
  std::string roles;  // role labels left out of this row's units, as written
  for (const auto& written : cell(units_col).lines) {
    const std::string line = without_role_labels(written, roles);
    RawUnitEntry e = make_unit_entry(line, row.line);
    for (const auto& part : text::split(e.list(), ','))
      unit_names_.insert(unicode::lower(text::trim(part)));
    if (!e.list().empty() || e.has_slash) entries.push_back(std::move(e));
  }
  if (!roles.empty()) {
    report(rule::kUnitRoleIgnored, row.line,
           tr({"Rollenangaben {0} weggelassen: gespeichert wird, wer befasst ist, nicht in welcher "
               "Rolle",
               "roles {0} left out: what is stored is who is involved, not in which role"},
              roles));
  }
  std::vector<Attribute> attributes;
  for (const auto& [c, name] : attribute_cols) {
    std::string value = cell(c).text();
    if (!value.empty()) attributes.push_back({name, std::move(value)});
  }
  if (focus.empty()) {
    if (entries.empty() && attributes.empty()) return;  // an empty row
    if (!field_->focus_areas.empty()) {
      auto& prev = field_->focus_areas.back();
      if (!prev.entries.empty()) prev.entries.back().trailing_comma = false;
      prev.entries.insert(prev.entries.end(), entries.begin(), entries.end());
      for (auto& a : attributes) merge_attribute(prev.attributes, std::move(a));
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
  field_->focus_areas.push_back(
      {std::move(focus), row.line, std::move(entries), std::move(attributes)});
}

void Interpreter::merge_attribute(std::vector<Attribute>& into, Attribute a) {
  for (auto& existing : into) {
    if (existing.name == a.name) {
      existing.value += " " + a.value;
      return;
    }
  }
  into.push_back(std::move(a));
}
}  // namespace eduplan
