// What the sheets show, computed once from the plan view, and the sheet writers.
#pragma once

#include <eduplan/exporter_sdk.hpp>
#include <string>
#include <vector>

#include "plan_facts.h"
#include "workbook.h"

namespace eduplan::xlsx_exporter {

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
};
const Labels& labels(bool english);

// The plan's title as a report shows it: the document's (or --title at import), else the
// generic "Bildungskonzept" — never the file it was read from.
std::string display_title(const sdk::Request& r, const Labels& l);

// Each writer reads the focus areas (or findings) in a pass of its own.
void write_field_sheets(Workbook& wb, const PlanFacts& facts, const Labels& l);
void write_matrix(Workbook& wb, const PlanFacts& facts, const Labels& l);
void write_lists(Workbook& wb, const PlanFacts& facts,
                 const Labels& l);  // units, objectives, findings
void write_index(Workbook& wb, const sdk::Request& request, const Labels& l);
// `subtitle`: a Steckbrief's "Steckbrief: Dezernat IV", printed as the sheet's title.
void write_overview(Workbook& wb, lxw_worksheet* ws, const std::string& sheet_name,
                    const PlanFacts& facts, const Labels& l, std::string_view subtitle);

}  // namespace eduplan::xlsx_exporter
