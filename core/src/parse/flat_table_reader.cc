#include "parse/flat_table_reader.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>
#include <unordered_map>

#include "eduplan/keys.h"
#include "eduplan/units_directory.h"
#include "model/division_names.h"
#include "model/rule_catalog.h"
#include "parse/csv_reader.h"
#include "parse/document_parser.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

// The fixed columns, German and English, of version 1 (no field number) and version 2.
constexpr std::array<std::string_view, 7> kV1De = {
    "art", "handlungsfeld", "nr", "schwerpunkt", "dezernat", "einheit", "ableitung"};
constexpr std::array<std::string_view, 7> kV1En = {"kind",     "field", "no",       "focus_area",
                                                   "division", "unit",  "objective"};
constexpr std::array<std::string_view, 8> kV2De = {
    "art", "feldnr", "handlungsfeld", "nr", "schwerpunkt", "dezernat", "einheit", "ableitung"};
constexpr std::array<std::string_view, 8> kV2En = {"kind",       "field_no", "field", "no",
                                                   "focus_area", "division", "unit",  "objective"};
constexpr std::string_view kAttributeDe = "merkmal:", kAttributeEn = "attribute:";
// Monitoring columns the CSV exporter adds (the latest status reports): not part of the plan.
constexpr std::string_view kStatusDe = "stand:", kStatusEn = "status:";

enum class Kind { responsibility, focus_area, objective, field };

std::optional<Kind> kind_of(std::string_view s) {
  if (s == "Zuständigkeit" || s == "responsibility") return Kind::responsibility;
  if (s == "Schwerpunkt" || s == "focus_area") return Kind::focus_area;
  if (s == "Ableitung" || s == "objective") return Kind::objective;
  if (s == "Handlungsfeld" || s == "field") return Kind::field;
  return std::nullopt;
}

// The exporter prefixes ' to a cell Excel would read as a formula, also after leading
// apostrophes; exactly one is removed here.
std::string unneutralize(const std::string& cell) {
  if (!cell.starts_with('\'')) return cell;
  std::size_t i = 1;
  while (i < cell.size() && cell[i] == '\'') ++i;
  if (i == cell.size()) return cell;
  const char c = cell[i];
  return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? cell.substr(1)
                                                                                  : cell;
}

std::string_view strip_bom(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") ? s.substr(3) : s;
}

// The first record of `document` with `delimiter`, fields trimmed and lower-cased.
std::vector<std::string> header_fields(std::string_view document, char delimiter) {
  std::string_view first = strip_bom(document);
  // The header has no line breaks inside quotes: its first line is enough.
  first = first.substr(0, first.find('\n'));
  if (first.ends_with('\r')) first.remove_suffix(1);
  std::vector<Finding> ignored;
  auto records = csv::parse(first, delimiter, ignored);
  std::vector<std::string> out;
  if (records.empty()) return out;
  for (const auto& f : records.front().fields)
    out.push_back(unicode::lower(text::trim(unicode::canonicalize(f))));
  // Excel saves the empty columns to the right of the table as empty fields: not columns.
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

template <std::size_t N>
bool starts_with_columns(const std::vector<std::string>& h,
                         const std::array<std::string_view, N>& c) {
  return h.size() >= N && std::equal(c.begin(), c.end(), h.begin());
}

struct Layout {
  char delimiter = ';';
  bool v2 = false;
  std::size_t fixed = 7;
  std::vector<std::string> attributes;  // names of the attribute columns after the fixed ones
  std::vector<std::size_t> status_columns;  // "stand:" columns, ignored (ascending)
  std::size_t width = 7;                    // columns in the header
  bool english = false;                 // the header's language, for naming columns

  // The name of column i (0-based) as the header spells it.
  std::string column(std::size_t i) const {
    if (i >= fixed)
      return std::string(english ? kAttributeEn : kAttributeDe) + attributes[i - fixed];
    if (v2) return std::string(english ? kV2En[i] : kV2De[i]);
    return std::string(english ? kV1En[i] : kV1De[i]);
  }
};

std::optional<Layout> layout_of(std::string_view document, std::string* problem = nullptr) {
  for (char delimiter : {';', ','}) {
    const auto h = header_fields(document, delimiter);
    Layout l{delimiter, false, 7, {}};
    if (starts_with_columns(h, kV2De) || starts_with_columns(h, kV2En)) {
      l.v2 = true;
      l.fixed = 8;
      l.english = starts_with_columns(h, kV2En);
    } else if (!(starts_with_columns(h, kV1De) || starts_with_columns(h, kV1En)) || h.size() != 7) {
      continue;
    } else {
      l.english = starts_with_columns(h, kV1En);
    }
    // The original spelling of the attribute columns (the header fields above are lower case).
    std::vector<Finding> ignored;
    const std::string_view body = strip_bom(document);
    std::string_view header_line = body.substr(0, body.find('\n'));
    if (header_line.ends_with('\r')) header_line.remove_suffix(1);
    const auto raw = csv::parse(header_line, delimiter, ignored);
    for (std::size_t i = l.fixed; i < h.size(); ++i) {
      const std::string name(text::trim(unicode::canonicalize(raw.front().fields[i])));
      const std::string lowered = h[i];
      if (lowered.starts_with(kStatusDe) || lowered.starts_with(kStatusEn)) {
        l.status_columns.push_back(i);
        continue;
      }
      std::size_t prefix = 0;
      if (lowered.starts_with(kAttributeDe)) prefix = kAttributeDe.size();
      if (lowered.starts_with(kAttributeEn)) prefix = kAttributeEn.size();
      if (prefix == 0 || text::trim(std::string_view(name).substr(prefix)).empty()) {
        if (problem) *problem = name;
        return std::nullopt;
      }
      l.attributes.emplace_back(text::trim(std::string_view(name).substr(prefix)));
    }
    l.width = h.size();
    return l;
  }
  return std::nullopt;
}

class Builder {
 public:
  Builder(const Layout& layout, std::vector<Finding>& findings, const UnitsDirectory* directory)
      : layout_(layout), findings_(findings), dir_(directory) {}

  void row(const std::vector<std::string>& all, int line) {
    // The fixed columns as in version 1: kind, field, no, focus area, division, unit, objective.
    std::vector<std::string> cells(all.begin(),
                                   all.begin() + static_cast<std::ptrdiff_t>(layout_.fixed));
    std::string field_no;
    if (layout_.v2) {
      field_no = cells[1];
      cells.erase(cells.begin() + 1);
    }
    auto kind = kind_of(cells[0]);
    if (!kind)
      return error(line,
                   tr({"unbekannte Zeilenart „{0}“", "unknown kind of row \"{0}\""}, cells[0]));
    if (cells[1].empty()) return error(line, tr({"Handlungsfeld fehlt", "the field is missing"}));
    if (!only_own_columns(*kind, all, line)) return;
    const auto f = field_of(field_no, cells[1], line);
    if (!f || *kind == Kind::field) return;
    Field* field = &plan_.fields[*f];
    if (*kind == Kind::objective) {
      if (cells[6].empty())
        return error(line, tr({"Ableitung ohne Text", "objective without text"}));
      std::string key = make_key("obj", cells[6]);
      auto [it, inserted] = objectives_.emplace(key, plan_.objectives.size());
      if (inserted) plan_.objectives.push_back({cells[6], key, line});
      if (field_objectives_.insert({*f, it->second}).second)
        field->objectives.push_back({it->second, line});
      return;
    }
    if (cells[3].empty())
      return error(line, tr({"Schwerpunkt ohne Text", "focus area without text"}));
    if (cells[2].empty())
      return error(line, tr({"Schwerpunkt ohne Nummer (Spalte nr)",
                             "focus area without a number (column no)"}));
    const auto a = focus_area(*field, cells[2], cells[3], line);
    if (!a) return;
    FocusArea* fa = &field->focus_areas[*a];
    if (!attributes(*fa, attributes_seen_.insert({*f, *a}).second, all, line)) return;
    if (*kind == Kind::focus_area) return;
    if (cells[4].empty() && cells[5].empty()) {
      return error(line, tr({"Zuständigkeit ohne Dezernat und Einheit",
                             "responsibility without division and unit"}));
    }
    const std::string division = division_name(cells[4], line);
    const std::string& unit = cells[5];
    const DirectoryEntry* entry = unit.empty() || !dir_ ? nullptr : dir_->find(unit);
    if (entry && entry->division.empty()) entry = nullptr;  // named like a division: refused below
    // With a directory, a unit stands under the directory's division; what the row states stays
    // in the responsibility (unit-division-mismatch says when they differ).
    const std::string parent = entry ? division_name(entry->division, 0) : division;
    const auto u = unit.empty() ? division_index(division, line)
                                : unit_index(entry ? entry->name : unit, parent, line);
    if (!u) return;
    // The same unit twice in one focus area is one responsibility (a repeated row loses nothing).
    if (!responsibilities_.insert({*f, *a, *u}).second) return;
    fa->responsibilities.push_back({*u, line, unit.empty() ? cells[4] : unit, division, ""});
  }

  // The focus areas of each field in the order of their numbers (nr), whatever the order of
  // the rows: the numbers, not the rows' order, say which focus area comes first.
  Plan finish() {
    for (Field& field : plan_.fields) {
      const auto& by_nr = focus_by_nr_[field.key];
      std::vector<std::pair<std::string, std::size_t>> order(by_nr.begin(), by_nr.end());
      std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return numerically_less(a.first, b.first);
      });
      std::vector<FocusArea> sorted;
      sorted.reserve(field.focus_areas.size());
      for (const auto& [nr, index] : order) sorted.push_back(std::move(field.focus_areas[index]));
      field.focus_areas = std::move(sorted);
    }
    return std::move(plan_);
  }

  // Two numbers without leading zeros (number_of), compared as numbers.
  static bool numerically_less(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  }

  // The field number of a row as the rows are ordered: nothing for a row without a valid one.
  static std::optional<std::string> field_number(const std::vector<std::string>& cells) {
    return cells.size() > 1 ? number_of(cells[1]) : std::nullopt;
  }

 private:
  void error(int line, std::string message) {
    findings_.push_back(make_finding(rule::kFlatTableInvalid, std::move(message), line));
  }

  // A number as the identity of a field or focus area: digits, leading zeros not counted
  // ("01" is 1); nothing if it is not a number.
  static std::optional<std::string> number_of(const std::string& cell) {
    if (cell.empty() || cell.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    const std::size_t first = cell.find_first_not_of('0');
    return first == std::string::npos ? std::string("0") : cell.substr(first);
  }

  // A field is identified by its number (version 2) or its exact title (version 1); the same
  // number with another title is a contradiction, not a new field.
  std::optional<std::size_t> field_of(const std::string& number, const std::string& title,
                                      int line) {
    std::string id = title;
    if (layout_.v2) {
      const auto n = number_of(number);
      if (!n) {
        error(line,
              tr({"feldnr „{0}“ ist keine Zahl", "field_no \"{0}\" is not a number"}, number));
        return std::nullopt;
      }
      id = *n;
    }
    auto [it, inserted] = fields_.emplace(id, plan_.fields.size());
    if (!inserted && !layout_.v2 && it->second + 1 != plan_.fields.size()) {
      // Version 1 knows a field by its title only: rows of one title with other fields between
      // them may be two fields of that title.
      error(line, tr({"Handlungsfeld „{0}“ stand schon in Zeile {1}, mit anderen Handlungsfeldern "
                      "dazwischen: ohne Spalte feldnr nicht von einem zweiten gleichen Titels zu "
                      "unterscheiden",
                      "field \"{0}\" stood already in line {1}, with other fields in between: "
                      "without a column field_no it cannot be told from a second one of that "
                      "title"},
                     title, plan_.fields[it->second].source_line));
      return std::nullopt;
    }
    if (inserted) {
      std::string key = make_key("fld", title);
      for (std::size_t n = 2; field_keys_.count(key); ++n)
        key = make_key("fld", title + " #" + std::to_string(n));
      field_keys_.insert(key);
      plan_.fields.push_back({title, key, line, {}, {}});
    } else if (plan_.fields[it->second].title != title) {
      error(line, tr({"Handlungsfeld Nr. {0} heißt hier „{1}“, in Zeile {2} aber „{3}“",
                      "field no. {0} is called \"{1}\" here, but \"{3}\" in line {2}"},
                     number, title, plan_.fields[it->second].source_line,
                     plan_.fields[it->second].title));
      return std::nullopt;
    }
    return it->second;
  }

  // A focus area is identified by its field and number; the same number with another text is
  // a contradiction.
  std::optional<std::size_t> focus_area(Field& field, const std::string& nr,
                                        const std::string& text, int line) {
    const auto number = number_of(nr);
    if (!number) {
      error(line, tr({"nr „{0}“ ist keine Zahl", "no \"{0}\" is not a number"}, nr));
      return std::nullopt;
    }
    auto& by_nr = focus_by_nr_[field.key];
    auto [it, inserted] = by_nr.emplace(*number, field.focus_areas.size());
    if (inserted) {
      int n = ++focus_texts_[field.key][normalize_for_key(text)];
      field.focus_areas.push_back(
          {text,
           make_key("fa", field.key, n == 1 ? text : text + " #" + std::to_string(n)),
           line,
           {},
           {}});
    } else if (field.focus_areas[it->second].text != text) {
      error(line, tr({"Schwerpunkt Nr. {0} im Handlungsfeld „{1}“ hat hier einen anderen Text als "
                      "in Zeile {2}",
                      "focus area no. {0} in the field \"{1}\" has another text here than in line "
                      "{2}"},
                     nr, field.title, field.focus_areas[it->second].source_line));
      return std::nullopt;
    }
    return it->second;
  }

  // The attribute columns of a focus area's row; every row of the area must agree.
  bool attributes(FocusArea& fa, bool first_row, const std::vector<std::string>& all, int line) {
    std::vector<Attribute> attrs;
    for (std::size_t i = 0; i < layout_.attributes.size(); ++i) {
      const std::string& value = all[layout_.fixed + i];
      if (!value.empty()) attrs.push_back({layout_.attributes[i], value});
    }
    if (first_row) {
      fa.attributes = std::move(attrs);
      return true;
    }
    if (attrs != fa.attributes) {
      error(line, tr({"Merkmale weichen von der ersten Zeile dieses Schwerpunkts ab (Zeile {0})",
                      "attributes differ from the first row of this focus area (line {0})"},
                     fa.source_line));
      return false;
    }
    return true;
  }

  // Cells of columns this kind of row does not use must be empty: their content would be lost.
  bool only_own_columns(Kind kind, const std::vector<std::string>& all, int line) {
    // Columns in version-1 numbering: 0 kind, 1 field, 2 no, 3 focus area, 4 division, 5 unit,
    // 6 objective; attributes after the fixed ones.
    std::vector<std::size_t> unused;
    switch (kind) {
      case Kind::field:
        unused = {2, 3, 4, 5, 6};
        break;
      case Kind::objective:
        unused = {2, 3, 4, 5};
        break;
      case Kind::focus_area:
        unused = {4, 5, 6};
        break;
      case Kind::responsibility:
        unused = {6};
        break;
    }
    const std::size_t shift = layout_.v2 ? 1 : 0;  // field_no stands before the field in v2
    for (std::size_t& c : unused) c += c >= 1 ? shift : 0;
    if (kind == Kind::field || kind == Kind::objective) {
      for (std::size_t c = layout_.fixed; c < all.size(); ++c) unused.push_back(c);
    }
    for (std::size_t c : unused) {
      if (all[c].empty()) continue;
      error(line, tr({"Spalte „{0}“ muss in einer Zeile der Art „{1}“ leer sein (ihr Inhalt „{2}“ "
                      "ginge sonst verloren)",
                      "the column \"{0}\" must be empty in a row of kind \"{1}\" (its content "
                      "\"{2}\" would be lost)"},
                     layout_.column(c), all[0], all[c]));
      return false;
    }
    return true;
  }

  // A division as eduplan writes it ("Dez. IV", "Dezernat 4" → "Dezernat IV", said once per
  // spelling), then as the directory writes it. `line` 0: the directory's own spelling.
  std::string division_name(const std::string& written, int line) {
    if (written.empty()) return written;
    std::string name = written;
    if (auto spelled = division_spelling(written); spelled && *spelled != written) {
      name = *spelled;
      if (line > 0 && normalized_.insert(written).second) {
        findings_.push_back(make_finding(
            rule::kDivisionNormalized,
            tr({"„{0}“ als „{1}“ gelesen", "\"{0}\" read as \"{1}\""}, written, name), line,
            name));
      }
    }
    if (dir_) {
      if (const auto* e = dir_->find(name); e && e->division.empty()) name = e->name;
    }
    return name;
  }

  // Divisions and units share one name space (keys): a name is a division or a unit, and a
  // unit has one division. Anything else contradicts an earlier row and is refused.
  std::optional<std::size_t> division_index(const std::string& name, int line) {
    const std::string key = make_key("ou", name);
    auto [it, inserted] = units_.emplace(key, plan_.units.size());
    if (inserted) {
      plan_.units.push_back({name, std::nullopt, true, key, line});
      return it->second;
    }
    const OrgUnit& known = plan_.units[it->second];
    if (known.is_division) return it->second;
    error(line, tr({"„{0}“ ist hier ein Dezernat, in Zeile {1} aber eine Einheit",
                    "\"{0}\" is a division here, but a unit in line {1}"},
                   name, known.source_line));
    return std::nullopt;
  }

  std::optional<std::size_t> unit_index(const std::string& name, const std::string& division,
                                        int line) {
    std::optional<std::size_t> parent;
    if (!division.empty()) {
      parent = division_index(division, line);
      if (!parent) return std::nullopt;
    }
    const std::string key = make_key("ou", name);
    auto [it, inserted] = units_.emplace(key, plan_.units.size());
    if (inserted) {
      plan_.units.push_back({name, parent, false, key, line});
      return it->second;
    }
    const OrgUnit& known = plan_.units[it->second];
    if (known.is_division) {
      if (parent == it->second) {
        error(line, tr({"Einheit „{0}“ heißt wie ihr Dezernat; für das Dezernat als Ganzes bleibt "
                        "die Spalte der Einheit leer",
                        "the unit \"{0}\" has its division's name; for the division as a whole "
                        "the unit's column stays empty"},
                       name));
      } else {
        error(line, tr({"„{0}“ ist hier eine Einheit, in Zeile {1} aber ein Dezernat",
                        "\"{0}\" is a unit here, but a division in line {1}"},
                       name, known.source_line));
      }
      return std::nullopt;
    }
    if (known.parent != parent) {
      auto where = [&](std::optional<std::size_t> d) {
        return d ? tr({"im Dezernat „{0}“", "in the division \"{0}\""}, plan_.units[*d].name)
                 : tr({"ohne Dezernat", "without a division"});
      };
      error(line, tr({"Einheit „{0}“ steht hier {1}, in Zeile {2} aber {3}; eine Einheit gehört "
                      "zu einem Dezernat",
                      "the unit \"{0}\" stands here {1}, but {3} in line {2}; a unit belongs to "
                      "one division"},
                     name, where(parent), known.source_line, where(known.parent)));
      return std::nullopt;
    }
    return it->second;
  }

  const Layout& layout_;
  std::vector<Finding>& findings_;
  const UnitsDirectory* dir_;
  std::set<std::string> normalized_;  // division spellings already reported
  Plan plan_;
  std::unordered_map<std::string, std::size_t> fields_, units_, objectives_;
  std::set<std::string> field_keys_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> focus_by_nr_;
  std::unordered_map<std::string, std::unordered_map<std::string, int>> focus_texts_;
  std::set<std::pair<std::size_t, std::size_t>> attributes_seen_;   // (field, area)
  std::set<std::pair<std::size_t, std::size_t>> field_objectives_;  // (field, objective)
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> responsibilities_;  // f, area, unit
};

}  // namespace

bool looks_like_flat_table(std::string_view document) { return layout_of(document).has_value(); }

Plan read_flat_table(std::string_view document, std::vector<Finding>& findings,
                     const UnitsDirectory* directory) {
  const auto layout = layout_of(document);
  if (!layout) return {};
  const std::size_t before = findings.size();
  auto records = csv::parse(document, layout->delimiter, findings);
  const std::size_t width = layout->width;
  // Fields in the order of their numbers (feldnr), whatever the order of the rows; rows of one
  // field keep their order. Rows without a valid number come last; they are refused below.
  if (layout->v2 && records.size() > 2) {
    std::stable_sort(records.begin() + 1, records.end(), [](const auto& a, const auto& b) {
      const auto x = Builder::field_number(a.fields), y = Builder::field_number(b.fields);
      if (!x || !y) return x && !y;
      return Builder::numerically_less(*x, *y);
    });
  }
  Builder builder(*layout, findings, directory);
  unicode::Changes changes;
  int changed_line = 0;
  for (std::size_t i = 1; i < records.size() && findings.size() - before < 50; ++i) {
    auto& cells = records[i].fields;
    // Empty fields beyond the header's columns: Excel's empty columns to the right.
    while (cells.size() > width && cells.back().empty()) cells.pop_back();
    if (cells.size() != width) {
      findings.push_back(make_finding(rule::kFlatTableInvalid,
                                      tr({"CSV-Zeile hat {1} Felder, die Kopfzeile {0}",
                                          "the CSV row has {1} fields, the header {0}"},
                                         width, cells.size()),
                                      records[i].line));
      continue;
    }
    for (auto it = layout->status_columns.rbegin(); it != layout->status_columns.rend(); ++it)
      cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(*it));
    // The structure is read from the file as it is (only " quotes a field); the values are
    // made canonical afterwards, as the text of a document is. Tabs and line breaks in cells
    // are data and kept; other control characters are never text and are removed.
    for (auto& c : cells) {
      unicode::Changes cell;
      c = unneutralize(unicode::canonicalize(c, &cell, true, /*remove_controls=*/true));
      if (!cell.any()) continue;
      changes.composed += cell.composed;
      changes.spaces += cell.spaces;
      changes.invisible += cell.invisible;
      changes.quotes += cell.quotes;
      changes.controls += cell.controls;
      changes.letters += cell.letters;
      // Rows are read in the order of their numbers: the first change is the lowest line.
      changed_line = changed_line == 0 ? records[i].line : std::min(changed_line, records[i].line);
    }
    builder.row(cells, records[i].line);
  }
  Plan plan = builder.finish();
  // A header without rows (or with nothing but errors) is no plan: importing it must not
  // replace a stored plan with an empty one.
  if (plan.fields.empty() && findings.size() == before) {
    int last = 1;
    for (const auto& r : records) last = std::max(last, r.line);
    findings.push_back(make_finding(
        rule::kDocumentNoField,
        tr({"die CSV-Plantabelle enthält nur die Kopfzeile, keine Zeile mit einem Handlungsfeld",
            "the CSV plan table holds only its header, no row with a field"}),
        last));
  }
  if (changes.any())
    findings.push_back(canonical_text_finding(changes, {}, std::max(changed_line, 1)));
  return plan;
}

std::string flat_table_problem(std::string_view document) {
  std::string column;
  if (layout_of(document, &column)) return {};
  if (!column.empty()) {
    return tr({"CSV-Kopfzeile: unbekannte Spalte „{0}“ (weitere Spalten heißen „merkmal:Name“)",
               "CSV header: unknown column \"{0}\" (further columns are named \"attribute:name\")"},
              column);
  }
  return tr(
      {"CSV-Datei, aber nicht die Plantabelle von eduplan: die Kopfzeile muss mit "
       "„art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung“ beginnen "
       "(oder englisch, mit „,“ oder „;“)",
       "a CSV file, but not eduplan's plan table: the header must begin "
       "\"kind;field_no;field;no;focus_area;division;unit;objective\" (or German, with \",\" "
       "or \";\")"});
}

}  // namespace eduplan
