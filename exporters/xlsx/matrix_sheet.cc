// Zuständigkeitsmatrix: focus areas (grouped by field) x units (grouped by division),
// a mark where responsible, totals per row and column; headers and first columns frozen.
#include <map>

#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

// Unit columns: divisions in order of first appearance, each followed by its units; a
// division responsible as a whole is its own first column; units without division last.
std::vector<std::size_t> unit_columns(const PlanFacts& facts) {
  const auto units = facts.r.units();
  std::vector<std::size_t> cols;
  for (std::size_t d : facts.divisions) {
    if (facts.focus_count[d] > 0) cols.push_back(d);
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (!units[u].is_division && facts.division[u] == d && facts.focus_count[u] > 0)
        cols.push_back(u);
    }
  }
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units[u].is_division && facts.division[u] == EDUPLAN_NO_INDEX && facts.focus_count[u] > 0)
      cols.push_back(u);
  }
  return cols;
}

}  // namespace

void write_matrix(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  const auto& r = facts.r;
  const auto cols = unit_columns(facts);
  constexpr std::uint16_t kFirst = 3;  // field, no., focus area
  if (cols.size() + kFirst + 1 > kExcelColumns) {
    throw sdk::Failure("Zuständigkeitsmatrix: " + std::to_string(cols.size()) +
                       " Verwaltungsbereiche, Excel erlaubt " +
                       std::to_string(kExcelColumns - kFirst - 1) +
                       " Spalten; mit --per division exportieren");
  }
  std::map<std::size_t, std::uint16_t> col_of;
  for (std::size_t c = 0; c < cols.size(); ++c)
    col_of[cols[c]] = static_cast<std::uint16_t>(kFirst + c);
  const auto total_col = static_cast<std::uint16_t>(kFirst + cols.size());
  const auto& fmt = wb.formats();

  lxw_worksheet* ws = nullptr;
  std::uint32_t row = 0;
  int sheet = 0;
  auto open_sheet = [&] {
    ++sheet;
    if (sheet > 1) wb.count_continuation();
    ws = wb.add_sheet(sheet == 1 ? std::string(l.matrix)
                                 : std::string(l.matrix) + " (" + std::to_string(sheet) + ")");
    wb.check(worksheet_set_column(ws, 0, 0, 24, fmt.wrap), "Spaltenbreite");
    wb.check(worksheet_set_column(ws, 1, 1, 5, nullptr), "Spaltenbreite");
    wb.check(worksheet_set_column(ws, 2, 2, 50, fmt.wrap), "Spaltenbreite");
    wb.check(worksheet_set_column(ws, kFirst, total_col, 4.5, fmt.mark), "Spaltenbreite");
    // Row 0: the division over its group of columns; row 1: the unit names.
    wb.text(ws, 0, 0, l.division, fmt.header);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const std::string d = facts.division_name(cols[c]);
      if (c == 0 || facts.division_name(cols[c - 1]) != d) {
        wb.text(ws, 0, static_cast<std::uint16_t>(kFirst + c), d.empty() ? l.no_division : d,
                fmt.header);
      }
    }
    // constant_memory: rows strictly in order, so row 1's height only after row 0.
    wb.check(worksheet_set_row(ws, 1, 150, nullptr), "Zeilenhöhe");
    wb.text(ws, 1, 0, l.field, fmt.header);
    wb.text(ws, 1, 1, l.nr, fmt.header);
    wb.text(ws, 1, 2, l.focus_area, fmt.header);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const bool whole = r.units()[cols[c]].is_division != 0;
      wb.text(ws, 1, static_cast<std::uint16_t>(kFirst + c),
              facts.name(cols[c]) + (whole ? std::string(" ") + l.whole_division : ""), fmt.header);
    }
    wb.text(ws, 1, total_col, l.total, fmt.header);
    worksheet_freeze_panes(ws, 2, kFirst);
    row = 1;
  };
  open_sheet();
  std::vector<double> column_totals(cols.size(), 0);
  for (const auto& field : r.fields()) {
    const auto areas = sdk::Request::focus_areas(field);
    for (std::size_t i = 0; i < areas.size(); ++i) {
      if (row + 2 >= wb.max_rows()) {  // keep one row for the totals
        wb.check(worksheet_autofilter(ws, 1, 0, row, total_col), "Autofilter");
        open_sheet();
      }
      ++row;
      wb.text(ws, row, 0, view(field.title), fmt.wrap);
      wb.number(ws, row, 1, static_cast<double>(i + 1));
      wb.text(ws, row, 2, view(areas[i].text), fmt.wrap);
      for (std::size_t u : sdk::Request::units_of(areas[i])) {
        wb.text(ws, row, col_of.at(u), "x", fmt.mark);
        ++column_totals[col_of.at(u) - kFirst];
      }
      wb.number(ws, row, total_col, static_cast<double>(areas[i].unit_count), fmt.total);
    }
  }
  wb.check(worksheet_autofilter(ws, 1, 0, row, total_col), "Autofilter");
  ++row;
  wb.text(ws, row, 2, l.total, fmt.total);
  double all = 0;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    wb.number(ws, row, static_cast<std::uint16_t>(kFirst + c), column_totals[c], fmt.total);
    all += column_totals[c];
  }
  wb.number(ws, row, total_col, all, fmt.total);
}

}  // namespace eduplan::xlsx_exporter
