// What several sheets need to know before they are written, gathered in one pass over the focus
// areas (a stream from the database, or the plan view) and one over the findings.
#pragma once

#include <eduplan/exporter_sdk.hpp>
#include <optional>
#include <string>
#include <vector>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsx_exporter {

using namespace xlsxkit;

struct Labels;
class FocusAreaTape;

// A field sheet's columns: its further columns by name, and every column's width, widened so
// that each column's longest word fits.
struct FieldColumns {
  std::vector<std::string> attribute_names;
  std::vector<double> widths;  // Nr., Handlungsschwerpunkt, units, further columns
};

// Status reports counted for one scope (the plan, a field, a division).
struct StatusTally {
  std::size_t responsibilities = 0, reported = 0;
  std::vector<std::size_t> counts;  // per entry of the scale
  double progress_sum = 0;
  std::size_t progress_count = 0;
  // `report`: the responsibility's latest report, or null.
  void add(const eduplan_report_view* report, const std::vector<std::string_view>& scale);
  std::optional<double> progress() const;  // mean over the reports with a progress
};

struct PlanFacts {
  // `tape`, if given, records the focus areas as they are read, for the second pass.
  PlanFacts(const sdk::Request& r, const Labels& l, FocusAreaTape* tape = nullptr);
  const sdk::Request& r;
  const Labels& l;
  std::vector<std::size_t> division;     // per unit: its division index, or itself for a division
  std::vector<std::size_t> focus_count;  // per unit
  std::vector<std::vector<std::size_t>> fields_of;  // per unit: field indices
  std::vector<std::size_t> divisions;               // division indices in order of first appearance
  std::vector<std::size_t> division_areas;  // per unit (for divisions): focus areas it takes part in
  std::vector<std::size_t> field_responsibilities;  // per field
  std::vector<FieldColumns> field_columns;          // per field
  std::vector<double> matrix_labels;                // widths of field, no., focus area columns
  std::size_t responsibilities = 0;
  std::size_t focus_areas = 0;
  std::size_t severity_counts[3] = {0, 0, 0};  // errors, warnings, infos
  std::vector<double> findings_widths;         // of the Befunde list
  // Monitoring, when the plan has status reports: the scale, and tallies of the latest reports.
  std::vector<std::string_view> scale;  // empty: no monitoring, no Stand sheet or column
  StatusTally plan_status;
  std::vector<StatusTally> field_status;     // per field
  std::vector<StatusTally> division_status;  // per unit index (used for divisions)

  std::string name(std::size_t unit) const;
  std::string division_name(std::size_t unit) const;  // "" if none
  // The responsible units of a focus area, one line per division as the documents write them:
  // "Dezernat IV: Stadtarchiv; Stadtbibliothek" (semicolons: unit names have commas),
  // "Dezernat III (als Ganzes)", a unit without division on a line of its own.
  std::string units_by_division(const eduplan_focus_area_view& area) const;
  // The same into `out`, with `lines` as scratch space: no allocation once both have grown.
  struct UnitLine {
    std::size_t division;  // EDUPLAN_NO_INDEX: a line of its own (a whole division, a unit
                           // without division)
    std::size_t unit;      // its first unit
  };
  void units_by_division(const eduplan_focus_area_view& area, std::string& out,
                         std::vector<UnitLine>& lines) const;
  // A focus area's reports as the field sheets show them, one line per reported unit:
  // "Stadtarchiv: begonnen, 40 %".
  std::string statuses(const sdk::FocusArea& fa) const;
  // The cells of a finding in the Befunde list.
  std::vector<Cell> finding_cells(const eduplan_finding_view& f) const;
};

}  // namespace eduplan::xlsx_exporter
