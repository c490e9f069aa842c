// Zuständigkeitsmatrix: focus areas (grouped by field) x units (grouped by division), a mark
// where responsible, totals per row and column. Printed landscape, one page wide: the unit names
// rotated, each division merged over its units, the label columns and header rows repeated.
#include <algorithm>

#include "report.h"
#include "xlsxkit/text_metrics.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

constexpr std::uint16_t kFirst = 3;            // field, no., focus area
constexpr double kUnitWidth = 3.6;             // one line of rotated text
constexpr double kMaxHeaderPoints = 170;       // longer unit names wrap onto a second line
constexpr double kMinMatrixScale = 0.5;        // smaller print is unreadable
constexpr std::size_t kGridCells = 2'000'000;  // up to this many cells, empty ones get borders
constexpr std::uint32_t kTitleRow = 0, kDivisionRow = 1, kUnitRow = 2;

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

// A run of adjacent unit columns under one division.
struct Group {
  std::size_t first, count;  // in cols
  std::string name;
};

}  // namespace

struct Layout {
  std::vector<std::size_t> cols;     // unit per matrix column
  std::vector<std::string> headers;  // their printed names
  std::vector<Group> groups;
  std::vector<double> widths;  // every column of the sheet, in characters
  double unit_row_height = 0, division_row_height = 0;
};

namespace {

Layout layout(const PlanFacts& facts, const Labels& l) {
  Layout out;
  out.cols = unit_columns(facts);
  for (std::size_t u : out.cols) {
    out.headers.push_back(facts.name(u) + (facts.r.units()[u].is_division
                                               ? std::string(" ") + l.whole_division
                                               : ""));
  }
  out.headers.push_back(l.total);
  // The rotated header row: as high as the longest name, up to a limit; a longer name wraps and
  // its column widens to hold the lines.
  double longest = 0;
  for (const auto& h : out.headers) longest = std::max(longest, text_width(h, kFontSize, true));
  const double height = std::min(kMaxHeaderPoints, longest + 8);
  out.unit_row_height = height;
  const double line_chars = width_for_points(height - 6);
  std::vector<double> unit_widths;
  for (const auto& h : out.headers) {
    const std::size_t lines = wrapped_lines(h, line_chars, kFontSize, true);
    unit_widths.push_back(
        std::max(kUnitWidth, width_for_points(static_cast<double>(lines) * kLineHeight + 2)));
  }
  // Divisions over their columns: a group is at least as wide as the division's longest word
  // and holds its name in at most three lines.
  for (std::size_t c = 0; c < out.cols.size(); ++c) {
    std::string d = facts.division_name(out.cols[c]);
    if (d.empty()) d = l.no_division;
    if (out.groups.empty() || out.groups.back().name != d) out.groups.push_back({c, 0, d});
    ++out.groups.back().count;
  }
  double division_lines = 1;
  for (const auto& g : out.groups) {
    double word = 0;
    std::size_t start = 0;
    while (start < g.name.size()) {
      std::size_t end = g.name.find(' ', start);
      if (end == std::string::npos) end = g.name.size();
      word = std::max(word, text_width(g.name.substr(start, end - start), kFontSize, true));
      start = end + 1;
    }
    const double need = std::max(word, text_width(g.name, kFontSize, true) / 3) + 2;
    // n columns of width w give n(7w + 5)·0.75 − 4 points.
    const double n = static_cast<double>(g.count);
    const double min_width = ((need + 4) / 0.75 / n - 5) / 7;
    double merged_chars = 0;
    for (std::size_t c = g.first; c < g.first + g.count; ++c) {
      unit_widths[c] = std::max(unit_widths[c], min_width);
      merged_chars += 7 * unit_widths[c] + 5;
    }
    merged_chars = (merged_chars - 5) / 7;
    division_lines = std::max(
        division_lines, static_cast<double>(wrapped_lines(g.name, merged_chars, kFontSize, true)));
  }
  out.division_row_height = row_height(static_cast<std::size_t>(division_lines));
  // The label columns, measured in the facts' pass: each word on one line.
  out.widths = facts.matrix_labels;
  out.widths.insert(out.widths.end(), unit_widths.begin(), unit_widths.end());
  return out;
}

}  // namespace

MatrixSheet::MatrixSheet(Workbook& wb, const PlanFacts& facts, const Labels& l)
    : wb_(wb), facts_(facts), l_(l), layout_(std::make_unique<Layout>(layout(facts, l))) {
  const auto& cols = layout_->cols;
  if (cols.size() + kFirst + 1 > kExcelColumns) {
    throw sdk::Failure(sdk::say(
        "Zuständigkeitsmatrix: {0} Verwaltungsbereiche, Excel erlaubt {1} Spalten; mit --per "
        "division exportieren",
        "responsibility matrix: {0} units, Excel allows {1} columns; export with --per division",
        std::to_string(cols.size()), std::to_string(kExcelColumns - kFirst - 1)));
  }
  column_of_.assign(facts.r.units().size(), 0);
  for (std::size_t c = 0; c < cols.size(); ++c) column_of_[cols[c]] = c;
  // Empty cells get borders where that is cheap; a large matrix holds only its marks.
  grid_ = facts.focus_areas * (cols.size() + 1) <= kGridCells;
  // One page wide unless that shrinks the text below kMinMatrixScale: then the marks continue
  // on further pages, the label columns repeated.
  const double page_width = 842.0 - 2 * 0.4 * 72;
  one_page_wide_ = page_width / columns_points(layout_->widths) >= kMinMatrixScale;
  totals_.assign(cols.size(), 0);
  marked_.assign(cols.size(), 0);
  open_sheet();
}

MatrixSheet::~MatrixSheet() = default;

std::uint16_t MatrixSheet::total_column() const {
  return static_cast<std::uint16_t>(kFirst + layout_->cols.size());
}

// constant_memory: the filter is set while its last row is the current one.
void MatrixSheet::end_filter() {
  wb_.check(worksheet_autofilter(ws_, kUnitRow, 0, row_, total_column()), "Autofilter",
            "autofilter");
}

void MatrixSheet::finish_sheet() {
  wb_.page_setup(ws_,
                 PageSetup{.landscape = true,
                           .one_page_wide = one_page_wide_,
                           .repeat_rows = std::pair{kTitleRow, kUnitRow},
                           .repeat_columns = std::pair<std::uint16_t, std::uint16_t>{0, 2}},
                 row_, total_column());
}

void MatrixSheet::open_sheet() {
  const Layout& lay = *layout_;
  const auto& fmt = wb_.formats();
  if (ws_) {
    end_filter();
    finish_sheet();
  }
  ++sheets_;
  if (sheets_ > 1) wb_.count_continuation();
  ws_ = wb_.add_sheet(sheets_ == 1 ? std::string(l_.matrix)
                                   : std::string(l_.matrix) + " (" + std::to_string(sheets_) + ")");
  wb_.columns(ws_, lay.widths);
  // constant_memory: rows strictly in order, each row's height before its cells.
  wb_.check(worksheet_set_row(ws_, kTitleRow, 21, nullptr), "Zeilenhöhe", "row height");
  wb_.text(ws_, kTitleRow, 0, l_.matrix_heading, fmt.title);
  wb_.check(worksheet_set_row(ws_, kDivisionRow, lay.division_row_height, nullptr), "Zeilenhöhe",
            "row height");
  wb_.text(ws_, kDivisionRow, 0, l_.division, fmt.header);
  wb_.text(ws_, kDivisionRow, 1, "", fmt.header);
  wb_.text(ws_, kDivisionRow, 2, "", fmt.header);
  for (const auto& g : lay.groups) {
    const auto first = static_cast<std::uint16_t>(kFirst + g.first);
    const auto last = static_cast<std::uint16_t>(first + g.count - 1);
    if (g.count == 1)
      wb_.text(ws_, kDivisionRow, first, g.name, fmt.division);
    else
      wb_.merge(ws_, kDivisionRow, first, last, g.name, fmt.division);
  }
  wb_.text(ws_, kDivisionRow, total_column(), "", fmt.header);
  wb_.check(worksheet_set_row(ws_, kUnitRow, lay.unit_row_height, nullptr), "Zeilenhöhe",
            "row height");
  wb_.text(ws_, kUnitRow, 0, l_.field, fmt.header_bottom);
  wb_.text(ws_, kUnitRow, 1, l_.nr, fmt.header_bottom);
  wb_.text(ws_, kUnitRow, 2, l_.focus_area, fmt.header_bottom);
  for (std::size_t c = 0; c < lay.headers.size(); ++c)
    wb_.text(ws_, kUnitRow, static_cast<std::uint16_t>(kFirst + c), lay.headers[c],
             fmt.header_rotated);
  worksheet_freeze_panes(ws_, kUnitRow + 1, kFirst);
  row_ = kUnitRow;
}

void MatrixSheet::row(const sdk::FocusArea& fa) {
  const auto& fmt = wb_.formats();
  if (row_ + 2 >= wb_.max_rows()) open_sheet();  // keep one row for the totals
  // The row's height comes from its three label cells: a mark ("x" or empty) fits on one line
  // of a unit column (kUnitWidth or wider), a number is not measured. The label cells are
  // rebuilt in place; the marks go straight to the sheet.
  cells_.resize(kFirst);
  cells_[0].set(view(facts_.r.fields()[fa.field].title));
  cells_[1].set_number(static_cast<double>(fa.index + 1));
  cells_[2].set(view(fa.area.text));
  const std::uint32_t r = ++row_;
  wb_.row(ws_, r, cells_, layout_->widths);
  for (std::size_t u : sdk::Request::units_of(fa.area)) {
    if (!marked_[column_of_[u]]) {
      marked_[column_of_[u]] = 1;
      marked_columns_.push_back(column_of_[u]);
    }
    ++totals_[column_of_[u]];
  }
  if (grid_) {  // every unit column: a mark or a bordered blank
    for (std::size_t c = 0; c < layout_->cols.size(); ++c) {
      const auto col = static_cast<std::uint16_t>(kFirst + c);
      if (marked_[c])
        wb_.check(worksheet_write_string(ws_, r, col, "x", fmt.mark), "Zelle schreiben",
                  "writing a cell");
      else
        wb_.check(worksheet_write_blank(ws_, r, col, fmt.mark), "Zelle schreiben",
                  "writing a cell");
    }
  } else {  // only the marks
    std::sort(marked_columns_.begin(), marked_columns_.end());
    for (std::size_t c : marked_columns_) {
      wb_.check(
          worksheet_write_string(ws_, r, static_cast<std::uint16_t>(kFirst + c), "x", fmt.mark),
          "Zelle schreiben", "writing a cell");
    }
  }
  for (std::size_t c : marked_columns_) marked_[c] = 0;
  marked_columns_.clear();
  wb_.number(ws_, r, total_column(), static_cast<double>(fa.area.unit_count), fmt.total_number);
}

void MatrixSheet::finish() {
  const auto& fmt = wb_.formats();
  end_filter();  // the totals stay outside the filter
  std::vector<Cell> totals{Cell::of("", fmt.total), Cell::of("", fmt.total),
                           Cell::of(l_.total, fmt.total, true)};
  double all = 0;
  for (double t : totals_) {
    totals.push_back(Cell::num(t, fmt.total_number));
    all += t;
  }
  totals.push_back(Cell::num(all, fmt.total_number));
  wb_.row(ws_, ++row_, totals, layout_->widths);
  finish_sheet();
}

}  // namespace eduplan::xlsx_exporter
