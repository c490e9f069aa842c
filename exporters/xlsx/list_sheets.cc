// The lists after the matrix: Verwaltungsbereiche, Ableitungen, Befunde.
#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

void write_units(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  const std::vector<std::string> header{l.unit, l.division, l.focus_count, l.fields};
  std::vector<std::vector<Cell>> rows;
  for (std::size_t u = 0; u < r.units().size(); ++u) {
    if (r.units()[u].is_division && facts.focus_count[u] == 0) continue;  // only a heading
    std::string fields;
    for (std::size_t f : facts.fields_of[u])
      fields += (fields.empty() ? "" : "; ") + std::string(view(r.fields()[f].title));
    const bool whole = r.units()[u].is_division != 0;
    rows.push_back({Cell::of(facts.name(u) + (whole ? std::string(" ") + l.whole_division : "")),
                    Cell::of(whole ? facts.name(u) : facts.division_name(u)),
                    Cell::num(static_cast<double>(facts.focus_count[u])), Cell::of(fields)});
  }
  Table t(wb, l.units, l.units_heading, header, fit_words({38, 20, 13, 72}, header, rows), 1,
          PageSetup{.landscape = true});
  for (const auto& row : rows) t.row(row);
  t.close();
}

void write_objectives(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  const std::vector<std::string> header{l.nr, l.objective, l.fields};
  std::vector<std::string> fields_of(r.objectives().size());
  for (const auto& field : r.fields()) {
    for (std::size_t o : sdk::Request::objectives_of(field))
      fields_of[o] += (fields_of[o].empty() ? "" : "; ") + std::string(view(field.title));
  }
  std::vector<std::vector<Cell>> rows;
  for (std::size_t o = 0; o < r.objectives().size(); ++o) {
    rows.push_back({Cell::num(static_cast<double>(o + 1)), Cell::of(view(r.objectives()[o].text)),
                    Cell::of(fields_of[o])});
  }
  Table t(wb, l.objectives, l.objectives_list_heading, header, fit_words({5, 72, 38}, header, rows),
          2, PageSetup{});
  for (const auto& row : rows) t.row(row);
  t.close();
}

void write_findings(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  const std::vector<std::string> header{l.rule, l.severity, l.line, l.subject, l.message};
  std::vector<std::vector<Cell>> rows;
  for (const auto& f : r.findings()) {
    const auto sev = view(f.severity);
    rows.push_back({Cell::of(view(f.rule)),
           Cell::of(sev == "error" ? l.error : sev == "warning" ? l.warning : l.info),
           f.line > 0 ? Cell::num(f.line) : Cell::of(""), Cell::of(view(f.subject)),
           Cell::of(view(f.message))});
  }
  Table t(wb, l.findings, l.findings_heading, header, fit_words({24, 11, 7, 34, 70}, header, rows),
          1, PageSetup{.landscape = true});
  for (const auto& row : rows) t.row(row);
  t.close();
}

}  // namespace

void write_lists(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  write_units(wb, facts, l);
  write_objectives(wb, facts, l);
  write_findings(wb, facts, l);
}

}  // namespace eduplan::xlsx_exporter
