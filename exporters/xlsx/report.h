// What the sheets show, computed once from the plan view, and the sheet writers.
#pragma once

#include <eduplan/exporter_sdk.hpp>
#include <memory>
#include <string>
#include <vector>

#include "plan_facts.h"
#include "xlsxkit/workbook.h"

namespace eduplan::xlsx_exporter {

using namespace xlsxkit;  // the module is written in terms of the workbook layer

struct Labels {
  const char *overview, *matrix, *units, *objectives, *findings;
  const char *plan, *plan_name, *source, *date, *field, *nr, *focus_area, *units_col,
      *division, *unit;
  const char *focus_count, *responsibilities, *objective_count, *fields, *objective, *total, *count;
  const char *rule, *severity, *line, *subject, *message, *no_division, *whole_division;
  const char *error, *warning, *info, *chart_title, *truncated_note, *continued_note,
      *objectives_heading;
  const char *average, *field_heading, *matrix_heading, *units_heading, *objectives_list_heading,
      *findings_heading;
  const char *index_sheet, *report, *file, *status, *written, *failed, *all_plans;
  // Monitoring: the Stand sheet and the field sheets' status column.
  const char *status_sheet, *status_heading, *reported, *progress, *period, *latest_period,
      *status_col, *status_chart_title, *not_reported;
};
const Labels& labels(bool english);

// The plan's title as a report shows it: the document's (or --title at import), else the
// generic "Bildungskonzept" — never the file it was read from.
std::string display_title(const sdk::Request& r, const Labels& l);

// One sheet per field; each focus area goes to its field's sheet as it comes.
class FieldSheets {
 public:
  // Creates every field's sheet (so that they are in order), title and header written.
  FieldSheets(Workbook& wb, const PlanFacts& facts, const Labels& l);
  ~FieldSheets();
  void row(const sdk::FocusArea& fa);
  void finish();  // each field's objectives below its table; the sheets' page setup

 private:
  Workbook& wb_;
  const PlanFacts& facts_;
  const Labels& l_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::vector<Cell> cells_;                 // the row being written
  std::vector<PlanFacts::UnitLine> lines_;  // scratch for units_by_division
};

// The Zuständigkeitsmatrix: a row per focus area as it comes, totals at the end.
struct Layout;
class MatrixSheet {
 public:
  MatrixSheet(Workbook& wb, const PlanFacts& facts, const Labels& l);
  ~MatrixSheet();
  void row(const sdk::FocusArea& fa);
  void finish();

 private:
  void open_sheet();
  void end_filter();
  void finish_sheet();
  std::uint16_t total_column() const;
  Workbook& wb_;
  const PlanFacts& facts_;
  const Labels& l_;
  std::unique_ptr<Layout> layout_;
  std::vector<std::size_t> column_of_;  // per unit
  std::vector<double> totals_;          // per unit column
  std::vector<Cell> cells_;                  // a row's label cells
  std::vector<char> marked_;                 // per unit column: marked in the current row
  std::vector<std::size_t> marked_columns_;  // the current row's marked unit columns
  bool grid_ = false, one_page_wide_ = true;
  lxw_worksheet* ws_ = nullptr;
  std::uint32_t row_ = 0;
  int sheets_ = 0;
};

void write_lists(Workbook& wb, const PlanFacts& facts,
                 const Labels& l);  // units, objectives, findings
void write_index(Workbook& wb, const sdk::Request& request, const Labels& l);
// Stand: per field and division the responsibilities, how many reported, the count of each
// status, mean progress with a traffic light, and a chart (only when the plan has reports).
void write_status_sheet(Workbook& wb, const PlanFacts& facts, const Labels& l);
// `subtitle`: a Steckbrief's "Steckbrief: Dezernat IV", printed as the sheet's title.
void write_overview(Workbook& wb, lxw_worksheet* ws, const std::string& sheet_name,
                    const PlanFacts& facts, const Labels& l, std::string_view subtitle);

}  // namespace eduplan::xlsx_exporter
