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
  ColumnFit fit({38, 20, 13, 72});
  fit.header(header);
  for (const auto& row : rows) fit.row(row);
  Table t(wb, l.units, l.units_heading, header, fit.widths(), 1, PageSetup{.landscape = true});
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
  ColumnFit fit({5, 72, 38});
  fit.header(header);
  for (const auto& row : rows) fit.row(row);
  Table t(wb, l.objectives, l.objectives_list_heading, header, fit.widths(), 2, PageSetup{});
  for (const auto& row : rows) t.row(row);
  t.close();
}

void write_findings(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  // Measured in the facts' pass over the findings, written in a second one.
  Table t(wb, l.findings, l.findings_heading, {l.rule, l.severity, l.line, l.subject, l.message},
          facts.findings_widths, 1, PageSetup{.landscape = true});
  facts.r.each_finding([&](const eduplan_finding_view& f) { t.row(facts.finding_cells(f)); });
  t.close();
}

}  // namespace

void write_lists(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  write_units(wb, facts, l);
  write_objectives(wb, facts, l);
  write_findings(wb, facts, l);
}

}  // namespace eduplan::xlsx_exporter
