// Übersicht: name and source, counts per field and per division, findings by severity,
// a chart of focus areas per division, and notes on cut cells or continued tables.
#include <set>

#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

// 'Sheet name'!$C$5:$C$9, quoted because names may contain spaces and quotes.
std::string range(const std::string& sheet, std::uint16_t col, std::uint32_t first,
                  std::uint32_t last) {
  std::string quoted;
  for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  const char letter = static_cast<char>('A' + col);
  return "='" + quoted + "'!$" + letter + "$" + std::to_string(first + 1) + ":$" + letter + "$" +
         std::to_string(last + 1);
}

}  // namespace

void write_overview(Workbook& wb, lxw_worksheet* ws, const std::string& sheet_name,
                    const PlanFacts& facts, const Labels& l, std::string_view subtitle) {
  const auto& r = facts.r;
  const auto& fmt = wb.formats();
  wb.check(worksheet_set_column(ws, 0, 0, 40, fmt.wrap), "Spaltenbreite");
  wb.check(worksheet_set_column(ws, 1, 3, 16, nullptr), "Spaltenbreite");
  std::uint32_t row = 0;
  wb.text(ws, row++, 0, std::string(l.plan) + ": " + std::string(view(r.plan().name)), fmt.title);
  if (!subtitle.empty()) wb.text(ws, row++, 0, subtitle, fmt.title);
  wb.text(ws, row, 0, l.source);
  wb.text(ws, row++, 1, view(r.plan().source));
  ++row;

  wb.text(ws, row, 0, l.field, fmt.header);
  wb.text(ws, row, 1, l.focus_count, fmt.header);
  wb.text(ws, row, 2, l.responsibilities, fmt.header);
  wb.text(ws, row++, 3, l.objective_count, fmt.header);
  double areas_total = 0, resp_total = 0, obj_total = 0;
  for (const auto& field : r.fields()) {
    double resp = 0;
    for (const auto& a : sdk::Request::focus_areas(field))
      resp += static_cast<double>(a.unit_count);
    wb.text(ws, row, 0, view(field.title), fmt.wrap);
    wb.number(ws, row, 1, static_cast<double>(field.focus_area_count));
    wb.number(ws, row, 2, resp);
    wb.number(ws, row++, 3, static_cast<double>(field.objective_count));
    areas_total += static_cast<double>(field.focus_area_count);
    resp_total += resp;
    obj_total += static_cast<double>(field.objective_count);
  }
  wb.text(ws, row, 0, l.total, fmt.total);
  wb.number(ws, row, 1, areas_total, fmt.total);
  wb.number(ws, row, 2, resp_total, fmt.total);
  wb.number(ws, row++, 3, obj_total, fmt.total);
  if (areas_total > 0) {
    wb.text(ws, row, 0, l.average);
    wb.number(ws, row++, 2, resp_total / areas_total);
  }
  ++row;

  // Per division: its units (responsible ones) and the focus areas it takes part in.
  const std::uint32_t division_header = row;
  wb.text(ws, row, 0, l.division, fmt.header);
  wb.text(ws, row, 1, l.units, fmt.header);
  wb.text(ws, row++, 2, l.focus_count, fmt.header);
  for (std::size_t d : facts.divisions) {
    std::size_t units = 0;
    for (std::size_t u = 0; u < r.units().size(); ++u)
      units += facts.division[u] == d && facts.focus_count[u] > 0;
    std::size_t areas = 0;
    for (const auto& field : r.fields()) {
      for (const auto& a : sdk::Request::focus_areas(field)) {
        for (std::size_t u : sdk::Request::units_of(a)) {
          if (facts.division[u] == d) {
            ++areas;
            break;
          }
        }
      }
    }
    wb.text(ws, row, 0, facts.name(d));
    wb.number(ws, row, 1, static_cast<double>(units));
    wb.number(ws, row++, 2, static_cast<double>(areas));
  }
  const std::uint32_t division_last = row - 1;
  ++row;

  std::size_t counts[3] = {0, 0, 0};
  for (const auto& f : r.findings()) {
    const auto sev = view(f.severity);
    ++counts[sev == "error" ? 0 : sev == "warning" ? 1 : 2];
  }
  wb.text(ws, row, 0, l.findings, fmt.header);
  wb.text(ws, row++, 1, l.count, fmt.header);
  const char* names[3] = {l.error, l.warning, l.info};
  for (int s = 0; s < 3; ++s) {
    wb.text(ws, row, 0, names[s]);
    wb.number(ws, row++, 1, static_cast<double>(counts[s]));
  }
  ++row;
  if (wb.truncated_cells() > 0) {
    wb.number(ws, row, 1, static_cast<double>(wb.truncated_cells()));
    wb.text(ws, row++, 0, l.truncated_note, fmt.wrap);
  }
  if (wb.continued_sheets() > 0) {
    wb.number(ws, row, 1, static_cast<double>(wb.continued_sheets()));
    wb.text(ws, row++, 0, l.continued_note, fmt.wrap);
  }

  if (!facts.divisions.empty()) {
    lxw_chart* chart = workbook_add_chart(wb.raw(), LXW_CHART_BAR);
    if (!chart) throw sdk::Failure("Diagramm kann nicht angelegt werden");
    lxw_chart_series* series =
        chart_add_series(chart, range(sheet_name, 0, division_header + 1, division_last).c_str(),
                         range(sheet_name, 2, division_header + 1, division_last).c_str());
    if (!series) throw sdk::Failure("Diagrammreihe kann nicht angelegt werden");
    chart_series_set_name(series, l.focus_count);
    chart_title_set_name(chart, l.chart_title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    wb.check(worksheet_insert_chart(ws, 3, 5, chart), "Diagramm einfügen");
  }
}

}  // namespace eduplan::xlsx_exporter
