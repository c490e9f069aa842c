// Facts several sheets need, and one sheet per Handlungsfeld.
#include <algorithm>
#include <set>

#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

PlanFacts::PlanFacts(const sdk::Request& request) : r(request) {
  const auto units = r.units();
  division.resize(units.size());
  focus_count.assign(units.size(), 0);
  fields_of.resize(units.size());
  for (std::size_t u = 0; u < units.size(); ++u)
    division[u] = units[u].is_division ? u : units[u].division;
  std::set<std::size_t> seen;
  for (std::size_t f = 0; f < r.fields().size(); ++f) {
    for (const auto& area : sdk::Request::focus_areas(r.fields()[f])) {
      for (std::size_t u : sdk::Request::units_of(area)) {
        ++focus_count[u];
        ++responsibilities;
        if (fields_of[u].empty() || fields_of[u].back() != f) fields_of[u].push_back(f);
        if (division[u] != EDUPLAN_NO_INDEX && seen.insert(division[u]).second)
          divisions.push_back(division[u]);
      }
    }
  }
}

std::string PlanFacts::name(std::size_t u) const { return std::string(view(r.units()[u].name)); }

std::string PlanFacts::division_name(std::size_t u) const {
  return division[u] == EDUPLAN_NO_INDEX ? "" : name(division[u]);
}

namespace {

std::string heading(const char* pattern, std::string_view value) {
  std::string s(pattern);
  const auto at = s.find("{0}");
  if (at != std::string::npos) s.replace(at, 3, value);
  return s;
}

// The responsible units of a focus area, one line per division as the documents write them:
// "Dezernat IV: Stadtarchiv; Stadtbibliothek" (semicolons: unit names have commas), "Dezernat III (als Ganzes)", a unit without
// division on a line of its own.
std::string units_by_division(const PlanFacts& facts, const Labels& l,
                              const eduplan_focus_area_view& area) {
  const auto& r = facts.r;
  struct Line {
    std::size_t division;  // EDUPLAN_NO_INDEX: a line of its own
    std::string text;
  };
  std::vector<Line> lines;
  for (std::size_t u : sdk::Request::units_of(area)) {
    const std::size_t d = facts.division[u];
    if (r.units()[u].is_division) {
      lines.push_back({EDUPLAN_NO_INDEX, facts.name(u) + " " + l.whole_division});
    } else if (d == EDUPLAN_NO_INDEX) {
      lines.push_back({EDUPLAN_NO_INDEX, facts.name(u)});
    } else {
      auto it = std::find_if(lines.begin(), lines.end(),
                             [d](const Line& line) { return line.division == d; });
      if (it == lines.end())
        lines.push_back({d, facts.name(d) + ": " + facts.name(u)});
      else
        it->text += "; " + facts.name(u);
    }
  }
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line.text;
  return out;
}

}  // namespace

void write_field_sheets(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  const auto& fmt = wb.formats();
  for (std::size_t f = 0; f < r.fields().size(); ++f) {
    const auto& field = r.fields()[f];
    const auto areas = sdk::Request::focus_areas(field);
    // The further columns of this field's table ("Zeitraum", "Status"), after the units.
    std::vector<std::string> names;
    for (std::size_t i = 0; i < areas.size(); ++i) {
      for (const auto& a : r.attributes(f, i)) {
        const std::string n(view(a.name));
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      }
    }
    std::vector<std::string> header{l.nr, l.focus_area, l.units_col};
    std::vector<double> widths{5, 58, 68};
    for (const auto& n : names) {
      header.push_back(n);
      widths.push_back(16);
    }
    std::vector<std::vector<Cell>> rows;
    for (std::size_t i = 0; i < areas.size(); ++i) {
      std::vector<Cell> cells{Cell::num(static_cast<double>(i + 1)), Cell::of(view(areas[i].text)),
                              Cell::of(units_by_division(facts, l, areas[i]))};
      cells.resize(header.size(), Cell::of(""));
      for (const auto& a : r.attributes(f, i)) {
        const auto col =
            std::find(names.begin(), names.end(), std::string(view(a.name))) - names.begin();
        cells[3 + static_cast<std::size_t>(col)] = Cell::of(view(a.value));
      }
      rows.push_back(std::move(cells));
    }
    auto measured = rows;
    for (std::size_t o : sdk::Request::objectives_of(field))
      measured.push_back({Cell::none(), Cell::of(view(r.objectives()[o].text))});
    Table t(wb, view(field.title), heading(l.field_heading, view(field.title)), header,
            fit_words(widths, header, measured), 2, PageSetup{.landscape = true});
    for (const auto& row : rows) t.row(row);
    t.end_data();
    if (field.objective_count > 0) {
      // Below the table, outside its filter, in the focus areas' column.
      t.extra_row({});
      t.extra_row({Cell::none(), Cell::of(l.objectives_heading, fmt.subtitle, true)});
      for (std::size_t o : sdk::Request::objectives_of(field))
        t.extra_row({Cell::none(), Cell::of(view(r.objectives()[o].text))});
    }
    t.close();
  }
}

}  // namespace eduplan::xlsx_exporter
