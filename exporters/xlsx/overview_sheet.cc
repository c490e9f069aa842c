// Übersicht: the plan's title, name, source file and date; counts per field and per division,
// findings by severity, notes on cut cells or continued tables, and a chart of focus areas per
// division below the tables — all on one portrait page.
#include <algorithm>
#include <cmath>

#include "report.h"
#include "xlsxkit/text_metrics.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

const std::vector<double> kWidths{42, 21, 21, 21};

// 'Sheet name'!$C$5:$C$9, quoted because names may contain spaces and quotes.
std::string range(const std::string& sheet, std::uint16_t col, std::uint32_t first,
                  std::uint32_t last) {
  std::string quoted;
  for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  const char letter = static_cast<char>('A' + col);
  return "='" + quoted + "'!$" + letter + "$" + std::to_string(first + 1) + ":$" + letter + "$" +
         std::to_string(last + 1);
}

// The file name of a path as stored at import ("/home/x/plan.md", "C:\\Daten\\plan.docx").
std::string file_name(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

class Overview {
 public:
  Overview(Workbook& wb, lxw_worksheet* ws) : wb_(wb), ws_(ws) { wb.columns(ws, kWidths); }

  void title(std::string_view text, lxw_format* f, double height) {
    wb_.check(worksheet_set_row(ws_, row_, height, nullptr), "Zeilenhöhe", "row height");
    wb_.text(ws_, row_++, 0, text, f);
  }
  // "Quelle   bildungskonzept.md": the value across the other three columns.
  void fact(const char* label, std::string_view value) {
    const double merged = merged_width(3, kWidths[1]);
    wb_.check(worksheet_set_row(ws_, row_, row_height(wrapped_lines(value, merged)), nullptr),
              "Zeilenhöhe", "row height");
    wb_.text(ws_, row_, 0, label, wb_.formats().subtitle);
    wb_.merge(ws_, row_, 1, 3, value, wb_.formats().plain);
    ++row_;
  }
  void cells(const std::vector<Cell>& cells) { wb_.row(ws_, row_++, cells, kWidths); }
  void header(const std::vector<const char*>& names) {
    std::vector<Cell> c;
    for (const char* n : names) c.push_back(Cell::of(n, wb_.formats().header, true));
    cells(c);
  }
  void skip() { ++row_; }
  std::uint32_t row() const { return row_; }

 private:
  Workbook& wb_;
  lxw_worksheet* ws_;
  std::uint32_t row_ = 0;
};

}  // namespace

void write_overview(Workbook& wb, lxw_worksheet* ws, const std::string& sheet_name,
                    const PlanFacts& facts, const Labels& l, std::string_view subtitle) {
  const auto& r = facts.r;
  const auto& fmt = wb.formats();
  Overview o(wb, ws);
  if (!subtitle.empty()) o.title(subtitle, fmt.title, 21);
  o.title(display_title(r, l), subtitle.empty() ? fmt.title : fmt.subtitle,
          subtitle.empty() ? 21 : 16);
  o.skip();
  o.fact(l.plan_name, view(r.plan().name));
  if (!view(r.plan().source).empty()) o.fact(l.source, file_name(view(r.plan().source)));
  o.fact(l.date, wb.print().date);
  o.skip();

  o.header({l.field, l.focus_count, l.responsibilities, l.objective_count});
  double areas_total = 0, resp_total = 0, obj_total = 0;
  for (std::size_t f = 0; f < r.fields().size(); ++f) {
    const auto& field = r.fields()[f];
    const auto resp = static_cast<double>(facts.field_responsibilities[f]);
    o.cells({Cell::of(view(field.title)), Cell::num(static_cast<double>(field.focus_area_count)),
             Cell::num(resp), Cell::num(static_cast<double>(field.objective_count))});
    areas_total += static_cast<double>(field.focus_area_count);
    resp_total += resp;
    obj_total += static_cast<double>(field.objective_count);
  }
  o.cells({Cell::of(l.total, fmt.total, true), Cell::num(areas_total, fmt.total_number),
           Cell::num(resp_total, fmt.total_number), Cell::num(obj_total, fmt.total_number)});
  if (areas_total > 0)
    o.cells({Cell::of(l.average), Cell::none(), Cell::num(resp_total / areas_total, fmt.decimal)});
  o.skip();

  // Per division: its units (responsible ones) and the focus areas it takes part in.
  const std::uint32_t division_first = o.row() + 1;
  o.header({l.division, l.units, l.focus_count});
  for (std::size_t d : facts.divisions) {
    std::size_t units = 0;
    for (std::size_t u = 0; u < r.units().size(); ++u)
      units += facts.division[u] == d && facts.focus_count[u] > 0;
    o.cells({Cell::of(facts.name(d)), Cell::num(static_cast<double>(units)),
             Cell::num(static_cast<double>(facts.division_areas[d]))});
  }
  const std::uint32_t division_last = o.row() - 1;
  o.skip();

  const auto& counts = facts.severity_counts;
  o.header({l.findings, l.count});
  const char* names[3] = {l.error, l.warning, l.info};
  for (int s = 0; s < 3; ++s)
    o.cells({Cell::of(names[s]), Cell::num(static_cast<double>(counts[s]))});
  if (wb.truncated_cells() > 0 || wb.continued_sheets() > 0) o.skip();
  if (wb.truncated_cells() > 0)
    o.cells({Cell::of(l.truncated_note, fmt.note),
             Cell::num(static_cast<double>(wb.truncated_cells()))});
  if (wb.continued_sheets() > 0)
    o.cells({Cell::of(l.continued_note, fmt.note),
             Cell::num(static_cast<double>(wb.continued_sheets()))});

  std::uint32_t last_row = o.row() - 1;
  if (!facts.divisions.empty()) {
    lxw_chart* chart = workbook_add_chart(wb.raw(), LXW_CHART_BAR);
    if (!chart)
      throw sdk::Failure(
          sdk::say("Diagramm kann nicht angelegt werden", "a chart cannot be created"));
    lxw_chart_series* series =
        chart_add_series(chart, range(sheet_name, 0, division_first, division_last).c_str(),
                         range(sheet_name, 2, division_first, division_last).c_str());
    if (!series) {
      throw sdk::Failure(
          sdk::say("Diagrammreihe kann nicht angelegt werden", "a chart series cannot be created"));
    }
    chart_series_set_name(series, l.focus_count);
    chart_title_set_name(chart, l.chart_title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    lxw_chart_font font{};
    font.name = const_cast<char*>("Arial");
    font.size = 9;
    chart_axis_set_num_font(chart->x_axis, &font);
    chart_axis_set_num_font(chart->y_axis, &font);
    // A bar chart's categories run up its vertical axis: reversed, the first division is at the
    // top as in the table, and the value axis stays below.
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_crossing_max(chart->y_axis);
    lxw_chart_font title_font{};
    title_font.name = const_cast<char*>("Arial");
    title_font.size = 11;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    // As wide as the four columns, as high as its bars need; below the tables, on the same page.
    double width_px = 0;
    for (double w : kWidths) width_px += 7 * w + 5;
    const double height_px =
        std::clamp(90.0 + 26.0 * static_cast<double>(facts.divisions.size()), 220.0, 600.0);
    lxw_chart_options options{};
    options.x_scale = width_px / 480.0;
    options.y_scale = height_px / 288.0;
    options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
    const std::uint32_t chart_row = o.row() + 1;
    wb.check(worksheet_insert_chart_opt(ws, chart_row, 0, chart, &options), "Diagramm einfügen",
             "inserting a chart");
    // Rows below the written ones keep the default height of 15 points (20 pixels).
    last_row = chart_row + static_cast<std::uint32_t>(std::ceil(height_px / 20.0)) + 1;
  }
  wb.page_setup(ws, PageSetup{.one_page = true}, last_row, 3);
}

}  // namespace eduplan::xlsx_exporter
