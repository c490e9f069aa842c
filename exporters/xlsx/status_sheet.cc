// Stand: the latest status reports counted per field and per division — responsibilities, how
// many reported, the count of each status of the scale, the mean progress with a traffic light —
// and a stacked bar chart of the statuses per field; on one landscape page.
#include <algorithm>
#include <cmath>

#include "report.h"

namespace eduplan::xlsx_exporter {

using sdk::say;
using sdk::view;

namespace {

// Traffic light on the progress column: red below a third, yellow below two thirds, else green.
constexpr double kRedBelow = 34, kGreenFrom = 67;
// Bar colours for the default scale's statuses, by position; further statuses get greys.
constexpr lxw_color_t kStatusColours[] = {0x9DB9D5, 0xF2C14E, 0x5BA05B, 0xD9534F, 0xB0B0B0};

class StatusSheet {
 public:
  StatusSheet(Workbook& wb, const PlanFacts& facts, const Labels& l)
      : wb_(wb), facts_(facts), l_(l), ws_(wb.add_sheet(l.status_sheet, &name_)) {
    widths_.push_back(name_width());
    widths_.push_back(15);  // Zuständigkeiten
    widths_.push_back(10);  // gemeldet
    for (auto s : facts.scale)
      widths_.push_back(std::max(10.0, 1.2 * static_cast<double>(s.size())));
    widths_.push_back(15);  // Fortschritt (%)
    wb.columns(ws_, widths_);
    add_traffic_light_formats();
  }

  void write() {
    const auto& fmt = wb_.formats();
    title(l_.status_heading, fmt.title, 21);
    title(display_title(facts_.r, l_), fmt.subtitle, 16);
    ++row_;
    fact(l_.plan_name, view(facts_.r.plan().name));
    const auto period = facts_.r.report_period();
    fact(l_.period, period.empty() ? std::string_view(l_.latest_period) : period);
    fact(l_.date, wb_.print().date);
    ++row_;

    header(l_.field);
    const std::uint32_t fields_first = row_;
    for (std::size_t f = 0; f < facts_.r.fields().size(); ++f)
      tally_row(view(facts_.r.fields()[f].title), facts_.field_status[f], false);
    const std::uint32_t fields_last = row_ - 1;
    tally_row(l_.total, facts_.plan_status, true);
    traffic_light(fields_first, row_ - 1);
    ++row_;

    if (!facts_.divisions.empty()) {
      header(l_.division);
      const std::uint32_t first = row_;
      for (std::size_t d : facts_.divisions)
        tally_row(facts_.name(d), facts_.division_status[d], false);
      traffic_light(first, row_ - 1);
      ++row_;
    }
    std::uint32_t last_row = row_ - 1;
    if (fields_last >= fields_first) last_row = chart(fields_first, fields_last);
    wb_.page_setup(ws_, PageSetup{.landscape = true, .one_page = true}, last_row,
                   static_cast<std::uint16_t>(widths_.size() - 1));
  }

 private:
  double name_width() const {
    ColumnFit fit({36});
    fit.text(0, l_.field, true);
    fit.text(0, l_.division, true);
    for (const auto& f : facts_.r.fields()) fit.text(0, view(f.title));
    return fit.widths()[0];
  }

  void add_traffic_light_formats() {
    const lxw_color_t colours[3] = {0xF4CCCC, 0xFFF2CC, 0xD9EAD3};
    for (int i = 0; i < 3; ++i) {
      lights_[i] = workbook_add_format(wb_.raw());
      if (!lights_[i])
        throw Failure(say("Format kann nicht angelegt werden", "a format cannot be created"));
      format_set_bg_color(lights_[i], colours[i]);
    }
  }

  void title(std::string_view text, lxw_format* f, double height) {
    wb_.check(worksheet_set_row(ws_, row_, height, nullptr), "Zeilenhöhe", "row height");
    wb_.text(ws_, row_++, 0, text, f);
  }

  void fact(const char* label, std::string_view value) {
    wb_.text(ws_, row_, 0, label, wb_.formats().subtitle);
    wb_.merge(ws_, row_, 1, static_cast<std::uint16_t>(widths_.size() - 1), value,
              wb_.formats().plain);
    ++row_;
  }

  void header(const char* first) {
    std::vector<Cell> cells{Cell::of(first, wb_.formats().header, true),
                            Cell::of(l_.responsibilities, wb_.formats().header, true),
                            Cell::of(l_.reported, wb_.formats().header, true)};
    for (auto s : facts_.scale) cells.push_back(Cell::of(s, wb_.formats().header, true));
    cells.push_back(Cell::of(l_.progress, wb_.formats().header, true));
    wb_.row(ws_, row_++, cells, widths_);
  }

  void tally_row(std::string_view name, const StatusTally& t, bool total) {
    const auto& fmt = wb_.formats();
    lxw_format* number = total ? fmt.total_number : fmt.number;
    std::vector<Cell> cells{Cell::of(name, total ? fmt.total : fmt.text, total),
                            Cell::num(static_cast<double>(t.responsibilities), number),
                            Cell::num(static_cast<double>(t.reported), number)};
    for (std::size_t c : t.counts) cells.push_back(Cell::num(static_cast<double>(c), number));
    const auto progress = t.progress();
    cells.push_back(progress ? Cell::num(std::round(*progress), number)
                             : Cell::of("–", total ? fmt.total_number : fmt.mark));
    wb_.row(ws_, row_++, cells, widths_);
  }

  void traffic_light(std::uint32_t first, std::uint32_t last) {
    const auto col = static_cast<lxw_col_t>(widths_.size() - 1);
    struct Rule {
      std::uint8_t criteria;
      double min, max;
      lxw_format* format;
    };
    const Rule rules[3] = {
        {LXW_CONDITIONAL_CRITERIA_LESS_THAN, kRedBelow, 0, lights_[0]},
        {LXW_CONDITIONAL_CRITERIA_BETWEEN, kRedBelow, kGreenFrom - 1e-9, lights_[1]},
        {LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO, kGreenFrom, 0, lights_[2]}};
    for (const auto& r : rules) {
      lxw_conditional_format cf{};
      cf.type = LXW_CONDITIONAL_TYPE_CELL;
      cf.criteria = r.criteria;
      if (r.criteria == LXW_CONDITIONAL_CRITERIA_BETWEEN) {
        cf.min_value = r.min;
        cf.max_value = r.max;
      } else {
        cf.value = r.min;
      }
      cf.format = r.format;
      wb_.check(worksheet_conditional_format_range(ws_, first, col, last, col, &cf),
                "bedingte Formatierung", "conditional format");
    }
  }

  // A stacked bar per field: how many of its responsibilities have each status. Returns the last
  // row the chart covers.
  std::uint32_t chart(std::uint32_t first, std::uint32_t last) {
    lxw_chart* chart = workbook_add_chart(wb_.raw(), LXW_CHART_BAR_STACKED);
    if (!chart)
      throw Failure(say("Diagramm kann nicht angelegt werden", "a chart cannot be created"));
    for (std::size_t s = 0; s < facts_.scale.size(); ++s) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (!series)
        throw Failure(say("Diagramm kann nicht angelegt werden", "a chart cannot be created"));
      const auto col = static_cast<lxw_col_t>(3 + s);
      chart_series_set_categories(series, name_.c_str(), first, 0, last, 0);
      chart_series_set_values(series, name_.c_str(), first, col, last, col);
      chart_series_set_name_range(series, name_.c_str(), first - 1, col);
      lxw_chart_fill fill{};
      fill.color = s < std::size(kStatusColours) ? kStatusColours[s] : 0x808080;
      chart_series_set_fill(series, &fill);
    }
    chart_title_set_name(chart, l_.status_chart_title);
    lxw_chart_font title_font{};
    title_font.size = 11;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_reverse(chart->y_axis);  // the first field at the top
    chart_axis_set_crossing_max(chart->y_axis);
    double width_px = 0;
    for (double w : widths_) width_px += 7 * w + 5;
    const double height_px =
        std::clamp(110.0 + 30.0 * static_cast<double>(last - first + 1), 240.0, 520.0);
    lxw_chart_options options{};
    options.x_scale = width_px / 480.0;
    options.y_scale = height_px / 288.0;
    options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
    wb_.check(worksheet_insert_chart_opt(ws_, row_, 0, chart, &options), "Diagramm einfügen",
              "inserting a chart");
    // Rows below the written ones keep the default height of 15 points (20 pixels).
    return row_ + static_cast<std::uint32_t>(std::ceil(height_px / 20.0)) + 1;
  }

  Workbook& wb_;
  const PlanFacts& facts_;
  const Labels& l_;
  std::string name_;
  lxw_worksheet* ws_;
  std::vector<double> widths_;
  lxw_format* lights_[3] = {nullptr, nullptr, nullptr};
  std::uint32_t row_ = 0;
};

}  // namespace

void write_status_sheet(Workbook& wb, const PlanFacts& facts, const Labels& l) {
  if (facts.scale.empty()) return;
  StatusSheet(wb, facts, l).write();
}

}  // namespace eduplan::xlsx_exporter
