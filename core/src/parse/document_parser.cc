#include "parse/document_parser.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "model/rule_catalog.h"
#include "parse/markdown.h"
#include "util/encoding.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

// What a table column is for, from its header.
enum class Role { none, focus, units, objectives };

bool contains_any(const std::string& lowered, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (lowered.find(w) != std::string::npos) return true;
  }
  return false;
}

Role role_of(std::string_view header) {
  const std::string t = unicode::lower(header);
  if (contains_any(t, {"ableitung"})) return Role::objectives;
  if (contains_any(t, {"schwerpunkt", "maßnahme", "massnahme"})) return Role::focus;
  if (contains_any(t, {"verwaltungsbereich", "zuständig", "zustaendig", "federführ", "federfuehr",
                       "verantwortlich", "befasst", "organisationseinheit"}))
    return Role::units;
  return Role::none;
}

// "Ableitungen", "Ableitungen:", "Ableitung" (any case, bold already removed).
bool is_objectives_label(std::string_view text) {
  std::string_view t = text::trim(text);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  const std::string lowered = unicode::lower(t);
  return lowered == "ableitungen" || lowered == "ableitung";
}

// A label that names the focus-area table of a field ("Handlungsschwerpunkte"), not a field.
bool is_focus_label(std::string_view text) {
  return role_of(text) == Role::focus && text.size() < 80 && field_title(text) == std::nullopt;
}

std::string_view strip_roman_or_number(std::string_view s, bool need_separator) {
  std::size_t n = 0;
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) ++n;
  if (n == 0) {
    while (n < s.size() && std::string_view("IVXLC").find(s[n]) != std::string_view::npos) ++n;
    need_separator = true;  // "Handlungsfeld Mix" is a title, "Handlungsfeld IV:" a number
  }
  if (n == 0) return s;
  std::string_view rest = s.substr(n);
  const std::string_view trimmed = text::trim(rest);
  const bool separator = trimmed.empty() || trimmed.starts_with(":") || trimmed.starts_with(".") ||
                         trimmed.starts_with(")") || trimmed.starts_with("-") ||
                         trimmed.starts_with("–") || trimmed.starts_with("—");
  if (need_separator && !separator) return s;
  if (!need_separator && !separator && !rest.starts_with(' ')) return s;
  return rest;
}

std::string_view strip_separators(std::string_view s) {
  for (;;) {
    s = text::trim(s);
    bool stripped = false;
    for (std::string_view sep : {":", ".", ")", "-", "–", "—"}) {
      if (s.starts_with(sep)) {
        s.remove_prefix(sep.size());
        stripped = true;
      }
    }
    if (!stripped) return s;
  }
}

// A cell's header text as an attribute name: trailing ':' removed; "Spalte N" if empty.
std::string column_name(const Cell& cell, std::size_t column) {
  std::string name = cell.text();
  while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
  return name.empty() ? tr({"Spalte {0}", "Column {0}"}, column + 1) : name;
}

// A line that could be a field's heading: a heading, a bold paragraph, or a short line that
// names a field ("Handlungsfeld MINT" without markup, as converters leave it).
struct Candidate {
  std::string heading;  // as written
  std::string title;
  int line = 0;
  bool named = false;  // contains the word "Handlungsfeld"
  bool numbered = false;
  bool plain_line = false;  // a paragraph of its own (not a heading, not a list item)
};

class Interpreter {
 public:
  explicit Interpreter(std::vector<Finding>& findings) : findings_(findings) {}

  void block(const Block& b) {
    if (too_many_errors()) return;
    if (b.kind != BlockKind::list_item) end_list();
    // Only a table right after a focus table can continue it.
    std::optional<FocusTable> previous = std::move(last_focus_table_);
    last_focus_table_.reset();
    switch (b.kind) {
      case BlockKind::heading:
        return heading(b.text, b.level, b.line);
      case BlockKind::paragraph:
        return paragraph(b);
      case BlockKind::list_item:
        return list_item(b);
      case BlockKind::table:
        return table(b, previous);
    }
  }

  RawDocument finish(int last_line) {
    end_list();
    drop_candidate();
    if (doc_.fields.empty() && errors_ == 0) {
      report(rule::kDocumentNoField, last_line,
             tr({"Dokument enthält kein Handlungsfeld (erwartet: Überschrift „Handlungsfeld …“ "
                 "oder eine Überschrift mit einer Schwerpunkttabelle darunter)",
                 "the document contains no field (expected: a heading \"Handlungsfeld …\" or a "
                 "heading with a focus-area table below it)"}));
    }
    return std::move(doc_);
  }

  bool too_many_errors() const { return errors_ >= kMaxErrors; }

 private:
  static constexpr int kBoldLevel = 7;  // a bold paragraph ranks below every heading

  void heading(const std::string& text, int level, int line) {
    objectives_mode_ = false;
    if (is_objectives_label(text)) {
      start_named_candidate();
      objectives_mode_ = field_ != nullptr;
      return;
    }
    if (field_ && is_focus_label(text)) {  // "Handlungsschwerpunkte" above the table
      candidate_.reset();
      return;
    }
    drop_candidate();
    bool numbered = false;
    if (auto title = field_title(text, &numbered)) {
      start_field({text, *title, line, true, numbered, false}, level);
      return;
    }
    if (!field_ || level <= field_level_) field_ = nullptr;
    if (level == 1 && doc_.fields.empty() && doc_.title.empty()) doc_.title = text;
    candidate_ = Candidate{text, text, line, false, false, false};
    candidate_level_ = level;
  }

  void paragraph(const Block& b) {
    const std::string& t = b.text;
    if (is_objectives_label(t)) {
      start_named_candidate();
      objectives_mode_ = field_ != nullptr;
      return;
    }
    // "Ableitungen: Text" on one line: a label and the first objective.
    if (const auto colon = t.find(':');
        colon != std::string::npos && is_objectives_label(t.substr(0, colon + 1)) &&
        (field_ || (candidate_ && candidate_->named))) {
      start_named_candidate();
      objectives_mode_ = true;
      add_objective(std::string(text::trim(std::string_view(t).substr(colon + 1))), b.line);
      return;
    }
    if (b.bold) return heading(t, kBoldLevel, b.line);
    objectives_mode_ = false;  // running text: the objectives above it have ended
    short_line(t, b.line, true);
  }

  void list_item(const Block& b) {
    if (objectives_mode_) {
      add_objective(b.text, b.line);
      objectives_list_ = true;
      return;
    }
    if (short_line(b.text, b.line, false)) return;
    if (field_ && list_items_++ == 0) list_line_ = b.line;
  }

  // A plain line that names a field ("Handlungsfeld MINT") is a candidate heading.
  bool short_line(const std::string& t, int line, bool plain_line) {
    bool numbered = false;
    auto title = field_title(t, &numbered);
    if (!title || t.size() > 80 || t.ends_with('.')) return false;
    drop_candidate();
    candidate_ = Candidate{t, *title, line, true, numbered, plain_line};
    candidate_level_ = kBoldLevel;
    return true;
  }

  // Objectives below a line "Handlungsfeld X" (no table between): the line is their field.
  void start_named_candidate() {
    if (candidate_ && candidate_->named) start_field(*candidate_, candidate_level_);
    candidate_.reset();
  }

  // A line "Handlungsfeld X" that did not become a field is said, not dropped in silence.
  void drop_candidate() {
    if (candidate_ && candidate_->named && candidate_->plain_line) {
      report(rule::kFieldLineIgnored, candidate_->line,
             tr({"Zeile „{0}“ nennt ein Handlungsfeld, aber weder eine Tabelle noch Ableitungen "
                 "folgen; nicht als Handlungsfeld gelesen (als Überschrift formatieren)",
                 "the line \"{0}\" names a field, but neither a table nor objectives follow; not "
                 "read as a field (format it as a heading)"},
                candidate_->heading));
    }
    candidate_.reset();
  }

  void end_list() {
    if (objectives_list_) objectives_mode_ = false;  // the list of objectives has ended
    objectives_list_ = false;
    if (list_items_ > 0 && field_) {
      report(rule::kListIgnored, list_line_,
             tr({"Liste mit {0} Einträgen im Handlungsfeld „{1}“ steht nicht unter „Ableitungen“; "
                 "als Fließtext ignoriert",
                 "list of {0} items in the field \"{1}\" does not stand under \"Ableitungen\"; "
                 "ignored as running text"},
                list_items_, field_->title));
    }
    list_items_ = 0;
  }

  void start_field(const Candidate& c, int level) {
    if (!c.named) {
      report(rule::kFieldHeadingRead, c.line,
             tr({"Überschrift „{0}“ ohne das Wort „Handlungsfeld“ als Handlungsfeld gelesen, weil "
                 "eine Schwerpunkttabelle folgt",
                 "heading \"{0}\" without the word \"Handlungsfeld\" read as a field because a "
                 "focus-area table follows"},
                c.heading));
      if (doc_.title == c.heading && doc_.fields.empty()) doc_.title.clear();
    } else if (c.numbered) {
      report(rule::kFieldHeadingRead, c.line,
             tr({"Überschrift „{0}“ als Handlungsfeld „{1}“ gelesen (Nummerierung entfernt)",
                 "heading \"{0}\" read as the field \"{1}\" (numbering taken off)"},
                c.heading, c.title));
    }
    doc_.fields.push_back(RawField{c.title, c.line, {}, {}});
    field_ = &doc_.fields.back();
    field_level_ = level;
    candidate_.reset();
    objectives_mode_ = false;
  }

  // The focus table just read: a table right below it with as many columns and no header of
  // its own continues it (a table split at a page break, whose first data row a converter
  // made the header).
  struct FocusTable {
    const RawField* field = nullptr;
    std::vector<Role> roles;
    bool role_header = false;
    std::optional<Row> header;  // its header row, if it has one
    std::size_t width = 0;
    int line = 0;
  };

  // True if the row's units cell (by the column roles of a focus table) reads like units:
  // "Division/ unit", a division, or a name this document already used as a unit. So a
  // "Kennzahl | Wert" table below a focus table is not taken for its continuation.
  bool names_units(const Row& row, const std::vector<Role>& roles) const {
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
      for (const auto& part : text::split(e.list, ',')) {
        if (unit_names_.count(unicode::lower(text::trim(part)))) return true;
      }
    }
    return false;
  }

  static bool looks_like_data(const Row& row) {
    for (const auto& c : row.cells) {
      if (c.text().size() > 100) return true;
      for (const auto& line : c.lines) {
        const RawUnitEntry e = make_unit_entry(line, row.line);
        const std::string lead = unicode::lower(e.has_slash ? e.prefix : e.text);
        if (lead == "bob" || (e.has_slash && (lead.starts_with("dezernat ") ||
                                               lead.starts_with("dez. "))))
          return true;
      }
    }
    return false;
  }

  // A title row above the header ("Handlungsfeld MINT – Übersicht" in one cell across the
  // table, then "Handlungsschwerpunkt | Verwaltungsbereich"): the table without it.
  std::optional<Block> without_title_row(const Block& b) {
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
    report(rule::kTableTitleRow, title.line,
           tr({"Titelzeile „{0}“ über der Kopfzeile der Tabelle übersprungen",
               "title row \"{0}\" above the table's header skipped"},
              title.cells.front().text()));
    Block rest = b;
    rest.rows.erase(rest.rows.begin());
    rest.header = true;
    return rest;
  }

  void table(const Block& original, const std::optional<FocusTable>& previous) {
    std::size_t columns = 0;
    for (const auto& r : original.rows) columns = std::max(columns, r.cells.size());
    if (columns == 0) {  // a line of bare pipes: nothing to read
      report(rule::kTableUnknown, original.line,
             tr({"Tabelle ohne Zellen; ignoriert", "table without cells; ignored"}));
      return;
    }
    const std::optional<Block> untitled = without_title_row(original);
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
                                !data_row &&
                                !starts_with_label(first);
    if (previous && previous->field == field_ && width == previous->width && !role_header &&
        !objectives_header && !starts_with_label(first) && !objectives_mode_ &&
        named_header && names_units(first, previous->roles)) {
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
    } else if (!role_header &&
               (objectives_mode_ || objectives_header || starts_with_label(first))) {
      objectives_table(b, 0);
    } else if (role_header || (width == 2 && !foreign_header) || (!b.header && width > 2)) {
      // A header that names the roles; or two columns, focus area and units, without a
      // header (or an empty one); or, without a header, the first two columns and the rest
      // as attributes.
      Block read = b;
      read.header = b.header && !data_row;  // a data row marked as header is read as data
      focus_table_rows(read, roles, role_header, false);
      const bool header = role_header || read.header;
      last_focus_table_ = FocusTable{field_, roles, role_header,
                                     header ? std::optional<Row>(first) : std::nullopt, width, b.line};
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
                width, header));
    }
    objectives_mode_ = false;
  }

  static bool starts_with_label(const Row& r) {
    return !r.cells.empty() && is_objectives_label(r.cells.front().text());
  }

  // Objectives from one column. "Ableitungen" in the first row, column L, is either the
  // header of the objectives column ("| Ableitungen | Zeitraum |": the rows below fill L, and
  // it has no colon or they have further cells) or a label beside the objectives ("|
  // Ableitungen: | text |"); then, as without a label, each row's last non-empty cell is its
  // objective. Text in any other column is reported, never taken as an objective.
  void objectives_table(const Block& b, std::size_t from) {
    auto text_at = [&](std::size_t row, std::size_t col) {
      const auto& cells = b.rows[row].cells;
      return col < cells.size() ? cells[col].text() : std::string();
    };
    std::optional<std::size_t> label;
    for (std::size_t c = 0; c < b.rows[from].cells.size() && !label; ++c) {
      const std::string t = b.rows[from].cells[c].text();
      if (is_objectives_label(t) || role_of(t) == Role::objectives) label = c;
    }
    std::optional<std::size_t> column;
    bool header_row = false;
    if (label) {
      const bool colon = text_at(from, *label).find(':') != std::string::npos;
      for (std::size_t i = from + 1; i < b.rows.size() && !header_row; ++i) {
        header_row = (!colon || b.rows[i].cells.size() > 1) && !text_at(i, *label).empty() &&
                     !is_objectives_label(text_at(i, *label));
      }
      if (header_row) column = *label;
    }
    std::vector<std::size_t> ignored;  // columns with text that is not an objective
    std::vector<bool> seen;            // by column: in `ignored` already
    for (std::size_t i = from + (header_row ? 1 : 0); i < b.rows.size(); ++i) {
      const auto& cells = b.rows[i].cells;
      std::optional<std::size_t> take = column;
      if (!take) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
          const std::string t = cells[c].text();
          if (!t.empty() && !is_objectives_label(t) && role_of(t) != Role::objectives) take = c;
        }
      }
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::string t = cells[c].text();
        if (t.empty() || c == take || (!column && (is_objectives_label(t) ||
                                                   role_of(t) == Role::objectives)))
          continue;
        if (c >= seen.size()) seen.resize(c + 1, false);
        if (!seen[c]) ignored.push_back(c);  // each column once, in linear time
        seen[c] = true;
      }
      if (take) add_objective(text_at(i, *take), b.rows[i].line);
    }
    if (!ignored.empty()) {
      std::string names;
      for (std::size_t k = 0; k < ignored.size() && k < 10; ++k) {
        const std::size_t c = ignored[k];
        const std::string name = header_row && c < b.rows[from].cells.size()
                                     ? column_name(b.rows[from].cells[c], c)
                                     : tr({"Spalte {0}", "Column {0}"}, c + 1);
        names += (names.empty() ? "" : ", ") + eduplan::quoted(name);
      }
      if (ignored.size() > 10) names += " …";
      report(rule::kObjectivesColumnIgnored, b.rows[from].line,
             tr({"Ableitungstabelle: weitere Spalten {0} ignoriert (nur die Spalte der "
                 "Ableitungen wird gelesen)",
                 "objectives table: further columns {0} ignored (only the objectives' column is "
                 "read)"},
                names));
    }
  }

  void add_objective(const std::string& text, int line) {
    if (field_ && !text.empty()) field_->objectives.push_back({text, line});
  }

  void focus_table_rows(const Block& b, const std::vector<Role>& roles, bool role_header,
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
    for (std::size_t i = header ? 1 : 0; i < b.rows.size() && !too_many_errors(); ++i) {
      const Row& row = b.rows[i];
      if (starts_with_label(row)) {  // "Ableitungen:" inside the table: the rest are objectives
        objectives_table(b, i);
        return;
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
  }

  static std::vector<std::string> texts(const Row& r) {
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back(unicode::lower(c.text()));
    return out;
  }

  // Only a row that says what the header says repeats it; a data row may well contain the
  // words of a header ("Maßnahmen …", "(federführend)").
  static bool is_repeated_header(const Row& row, const std::vector<std::string>& header) {
    return texts(row) == header;
  }

  void focus_row(const Row& row, std::size_t focus_col, std::size_t units_col,
                 const std::vector<std::pair<std::size_t, std::string>>& attribute_cols) {
    static const Cell kEmpty;
    auto cell = [&](std::size_t c) -> const Cell& {
      return c < row.cells.size() ? row.cells[c] : kEmpty;
    };
    // A focus cell merged with the one above: this row belongs to the focus area above.
    std::string focus = cell(focus_col).merged_above ? std::string() : cell(focus_col).text();
    std::vector<RawUnitEntry> entries;
    for (const auto& line : cell(units_col).lines) {
      RawUnitEntry e = make_unit_entry(line, row.line);
      for (const auto& part : text::split(e.list, ','))
        unit_names_.insert(unicode::lower(text::trim(part)));
      if (!e.list.empty() || e.has_slash) entries.push_back(std::move(e));
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

  static void merge_attribute(std::vector<Attribute>& into, Attribute a) {
    for (auto& existing : into) {
      if (existing.name == a.name) {
        existing.value += " " + a.value;
        return;
      }
    }
    into.push_back(std::move(a));
  }

  void report(const rule::Rule& rule, int line, std::string message) {
    errors_ += rule.severity == Severity::error;
    findings_.push_back(make_finding(rule, std::move(message), line));
  }

  std::vector<Finding>& findings_;
  RawDocument doc_;
  RawField* field_ = nullptr;
  int field_level_ = 0;
  std::optional<Candidate> candidate_;
  std::optional<FocusTable> last_focus_table_;
  std::set<std::string> unit_names_;  // names written in unit columns so far, lower case
  int candidate_level_ = 0;
  bool objectives_mode_ = false;
  bool objectives_list_ = false;  // list items were read as objectives in this mode
  std::size_t list_items_ = 0;
  int list_line_ = 0;
  int errors_ = 0;
};

}  // namespace

RawUnitEntry make_unit_entry(std::string_view part, int line) {
  RawUnitEntry entry;
  entry.line = line;
  std::string s = text::collapse_spaces(part);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view bullet : {"• ", "- ", "* ", "– ", "— ", "▪ ", "· "}) {
      if (s.starts_with(bullet)) {
        s.erase(0, bullet.size());
        again = true;
      }
    }
  }
  for (char& c : s) {
    if (c == ';') c = ',';
  }
  while (!s.empty() && (s.back() == ',' || s.back() == ' ')) {
    if (s.back() == ',') entry.trailing_comma = true;
    s.pop_back();
  }
  entry.text = s;
  const std::size_t slash = s.find('/');
  if (slash != std::string::npos && slash > 0) {
    entry.has_slash = true;
    entry.prefix = std::string(text::trim(std::string_view(s).substr(0, slash)));
    entry.list = std::string(text::trim(std::string_view(s).substr(slash + 1)));
  } else {
    entry.list = s;
  }
  return entry;
}

std::optional<std::string> field_title(std::string_view heading, bool* numbered) {
  constexpr std::string_view kWord = "Handlungsfeld";
  std::string_view s = text::trim(heading);
  // Numbering in front: "1.", "1)", "2.3", "I.", "IV)".
  std::string_view unnumbered = text::trim(strip_roman_or_number(s, false));
  const bool leading_number = unnumbered.size() != s.size();
  if (leading_number) unnumbered = strip_separators(unnumbered);  // "I. Handlungsfeld"
  s = unnumbered;
  if (!text::starts_with_icase(s, kWord)) return std::nullopt;
  std::string_view rest = s.substr(kWord.size());
  if (!rest.empty()) {
    const auto c = static_cast<unsigned char>(rest.front());
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return std::nullopt;
  }
  // Numbering after the word: "Handlungsfeld 1:", "Handlungsfeld 1 –", "Handlungsfeld IV."
  const std::string_view trimmed = text::trim(rest);
  const std::string_view after_number = strip_roman_or_number(trimmed, false);
  const bool trailing_number = after_number.size() != trimmed.size();
  std::string_view title = strip_separators(after_number);
  // A colon after the title ("Handlungsfeld MINT:") only introduces what follows.
  while (!title.empty() && (title.back() == ':' || title.back() == ' ')) title.remove_suffix(1);
  if (numbered) *numbered = (leading_number || trailing_number) && !title.empty();
  if (title.empty()) return std::string(text::trim(heading));
  return std::string(title);
}

namespace {

std::string hex_byte(char c) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  const auto b = static_cast<unsigned char>(c);
  return {kDigits[b >> 4], kDigits[b & 0xF]};
}

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
  if (auto mixed = mixed_encoding(text)) {
    findings.push_back(make_finding(
        rule::kEncodingInvalidUtf8,
        tr({"gemischte Kodierung: die Datei ist UTF-8, aber an Byte-Offset {0} steht das Byte "
            "0x{1}, das in UTF-8 ungültig ist (aus Windows-1252 eingefügt?); diese Zeile "
            "korrigieren und die Datei als UTF-8 speichern",
            "mixed encoding: the file is UTF-8, but at byte offset {0} stands the byte 0x{1}, "
            "which is invalid in UTF-8 (pasted from Windows-1252?); correct this line and save "
            "the file as UTF-8"},
           *mixed, hex_byte(text[*mixed])),
        text::line_of_offset(text, *mixed)));
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

RawDocument parse_document(const std::vector<Block>& blocks, std::vector<Finding>& findings) {
  Interpreter interpreter(findings);
  int last_line = 0;
  for (const auto& b : blocks) {
    interpreter.block(b);
    last_line = std::max(last_line, b.rows.empty() ? b.line : b.rows.back().line);
  }
  return interpreter.finish(std::max(last_line, 1));
}

RawDocument parse_document(std::vector<Block>&& blocks, std::vector<Finding>& findings) {
  Interpreter interpreter(findings);
  int last_line = 0;
  for (auto& b : blocks) {
    interpreter.block(b);
    last_line = std::max(last_line, b.rows.empty() ? b.line : b.rows.back().line);
    b = Block{};  // the interpreter keeps what it needs: the raw document grows as blocks go
  }
  return interpreter.finish(std::max(last_line, 1));
}

Finding canonical_text_finding(const unicode::Changes& changes, const inline_text::Counts& decoded,
                               int line) {
  std::string parts;
  auto part = [&](std::size_t n, const Text& one, const Text& other) {
    if (n > 0) parts += (parts.empty() ? "" : ", ") + count_of(n, one, other);
  };
  part(changes.composed,
       {"zerlegter Umlaut/Akzent zusammengesetzt (NFC)", "decomposed accent composed (NFC)"},
       {"zerlegte Umlaute/Akzente zusammengesetzt (NFC)", "decomposed accents composed (NFC)"});
  part(changes.spaces, {"Sonderleerzeichen als Leerzeichen", "special space made a space"},
       {"Sonderleerzeichen als Leerzeichen", "special spaces made spaces"});
  part(changes.invisible, {"unsichtbares Zeichen entfernt", "invisible character removed"},
       {"unsichtbare Zeichen entfernt", "invisible characters removed"});
  part(changes.quotes,
       {"typografisches Anführungszeichen gerade", "typographic quote made straight"},
       {"typografische Anführungszeichen gerade", "typographic quotes made straight"});
  part(decoded.entities, {"HTML-Entität aufgelöst", "HTML entity decoded"},
       {"HTML-Entitäten aufgelöst", "HTML entities decoded"});
  part(decoded.escapes, {"Markdown-Escape aufgelöst", "Markdown escape decoded"},
       {"Markdown-Escapes aufgelöst", "Markdown escapes decoded"});
  return make_finding(rule::kTextCanonical,
                      tr({"Zeichen vereinheitlicht: {0}", "characters made uniform: {0}"}, parts),
                      line);
}

RawDocument parse_markdown(std::string_view text, std::vector<Finding>& findings,
                           const std::function<void()>& release) {
  if (!check_encoding(text, findings)) return {};
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Old Mac line ends (CR only) as line ends.
  std::string cr_only;
  if (text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos) {
    cr_only = std::string(text);
    std::replace(cr_only.begin(), cr_only.end(), '\r', '\n');
    text = cr_only;
  }
  unicode::Changes changes;
  std::string canonical = unicode::canonicalize(text, &changes);
  const int changed_line = changes.any() ? text::line_of_offset(text, changes.first_offset) : 0;
  if (release) release();  // `text` is not read from here on
  inline_text::Counts decoded;
  std::vector<Block> blocks = markdown::blocks(canonical, &decoded);
  std::string().swap(canonical);  // the blocks hold their own text
  if (changes.any() || decoded.total() > 0) {
    const int line = changes.any() ? changed_line : decoded.first_line;
    findings.push_back(canonical_text_finding(changes, decoded, line));
  }
  return parse_document(std::move(blocks), findings);
}

}  // namespace eduplan
