#include "parse/flat_table_reader.h"

#include <unordered_map>

#include "eduplan/keys.h"
#include "model/rule_catalog.h"
#include "parse/csv_reader.h"
#include "util/text.h"

namespace eduplan {
namespace {

constexpr std::string_view kHeaderDe =
    "art;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung";
constexpr std::string_view kHeaderEn = "kind;field;no;focus_area;division;unit;objective";

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

char delimiter_of(std::string_view document) {
  std::string_view first = strip_bom(document).substr(0, strip_bom(document).find('\n'));
  return first.find(';') != std::string_view::npos ? ';' : ',';
}

class Builder {
 public:
  explicit Builder(std::vector<Finding>& findings) : findings_(findings) {}

  void row(const std::vector<std::string>& cells, int line) {
    auto kind = kind_of(cells[0]);
    if (!kind)
      return error(line,
                   tr({"unbekannte Zeilenart „{0}“", "unknown kind of row \"{0}\""}, cells[0]));
    if (cells[1].empty()) return error(line, tr({"Handlungsfeld fehlt", "the field is missing"}));
    Field& field = field_named(cells[1], line);
    if (*kind == Kind::field) return;
    if (*kind == Kind::objective) {
      if (cells[6].empty())
        return error(line, tr({"Ableitung ohne Text", "objective without text"}));
      std::string key = make_key("obj", cells[6]);
      auto [it, inserted] = objectives_.emplace(key, plan_.objectives.size());
      if (inserted) plan_.objectives.push_back({cells[6], key, line});
      for (const auto& ref : field.objectives) {
        if (ref.objective == it->second) return;
      }
      field.objectives.push_back({it->second, line});
      return;
    }
    if (cells[3].empty())
      return error(line, tr({"Schwerpunkt ohne Text", "focus area without text"}));
    FocusArea& fa = focus_area(field, cells[2], cells[3], line);
    if (*kind == Kind::focus_area) return;
    const std::string& division = cells[4];
    const std::string& unit = cells[5];
    if (division.empty() && unit.empty())
      return error(line, tr({"Zuständigkeit ohne Dezernat und Einheit",
                             "responsibility without division and unit"}));
    const std::size_t u =
        unit.empty() ? division_index(division, line) : unit_index(unit, division, line);
    for (const auto& r : fa.responsibilities) {
      if (r.unit == u) return;
    }
    fa.responsibilities.push_back({u, line, unit.empty() ? division : unit, division, ""});
  }

  Plan finish() { return std::move(plan_); }

 private:
  void error(int line, std::string message) {
    findings_.push_back(make_finding(rule::kFlatTableInvalid, std::move(message), line));
  }

  Field& field_named(const std::string& title, int line) {
    auto [it, inserted] = fields_.emplace(normalize_for_key(title), plan_.fields.size());
    if (inserted) plan_.fields.push_back({title, make_key("fld", title), line, {}, {}});
    return plan_.fields[it->second];
  }

  FocusArea& focus_area(Field& field, const std::string& nr, const std::string& text, int line) {
    auto& by_nr = focus_by_nr_[field.key];
    auto [it, inserted] = by_nr.emplace(nr, field.focus_areas.size());
    if (inserted) {
      int n = ++focus_texts_[field.key][normalize_for_key(text)];
      field.focus_areas.push_back(
          {text,
           make_key("fa", field.key, n == 1 ? text : text + " #" + std::to_string(n)),
           line,
           {}});
    }
    return field.focus_areas[it->second];
  }

  std::size_t division_index(const std::string& name, int line) {
    auto [it, inserted] = units_.emplace(make_key("ou", name), plan_.units.size());
    if (inserted) plan_.units.push_back({name, std::nullopt, true, make_key("ou", name), line});
    return it->second;
  }

  std::size_t unit_index(const std::string& name, const std::string& division, int line) {
    std::string key = make_key("ou", name);
    if (auto it = units_.find(key); it != units_.end()) return it->second;
    std::optional<std::size_t> parent;
    if (!division.empty()) parent = division_index(division, line);
    units_.emplace(key, plan_.units.size());
    plan_.units.push_back({name, parent, false, key, line});
    return plan_.units.size() - 1;
  }

  std::vector<Finding>& findings_;
  Plan plan_;
  std::unordered_map<std::string, std::size_t> fields_, units_, objectives_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> focus_by_nr_;
  std::unordered_map<std::string, std::unordered_map<std::string, int>> focus_texts_;
};

}  // namespace

bool looks_like_flat_table(std::string_view document) {
  std::string_view first = strip_bom(document);
  first = first.substr(0, first.find('\n'));
  if (first.ends_with('\r')) first.remove_suffix(1);
  const std::string comma_de = text::replace_all(kHeaderDe, ";", ","),
                    comma_en = text::replace_all(kHeaderEn, ";", ",");
  return first == kHeaderDe || first == kHeaderEn || first == comma_de || first == comma_en;
}

Plan read_flat_table(std::string_view document, std::vector<Finding>& findings) {
  const std::size_t before = findings.size();
  auto records = csv::parse(document, delimiter_of(document), findings);
  Builder builder(findings);
  for (std::size_t i = 1; i < records.size() && findings.size() - before < 50; ++i) {
    auto& cells = records[i].fields;
    if (cells.size() != 7) {
      findings.push_back(make_finding(
          rule::kFlatTableInvalid,
          tr({"erwartet 7 Felder, gefunden {0}", "expected 7 fields, found {0}"}, cells.size()),
          records[i].line));
      continue;
    }
    for (auto& c : cells) c = unneutralize(c);
    builder.row(cells, records[i].line);
  }
  return builder.finish();
}

}  // namespace eduplan
