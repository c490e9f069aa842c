// Status reports carried over from one plan version to the next (`eduplan status carry`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/monitoring.h"
#include "eduplan/plan_diff.h"

namespace eduplan {

// Why a report stays behind.
enum class CarryGap {
  focus_area_removed,  // its focus area is not in the new version (diff_plans: removed)
  unit_not_responsible,  // the focus area is, but the unit is no longer responsible for it
  not_in_plan,           // the key names no responsibility of the old version
  reported_in_new_version,  // the new version has a report of its own for it in that period
};

struct CarryLeftBehind {
  StatusReport report;  // as stored for the old version
  CarryGap why = CarryGap::not_in_plan;
  std::string field, focus_area, unit;  // names in the old version; empty for not_in_plan
};

struct CarryResult {
  std::vector<StatusReport> carried;  // new reports for the new version, to be stored
  std::size_t to_reworded = 0;        // of them, for a reworded focus area
  std::size_t already_carried = 0;    // skipped: the new version's latest report is that one
  std::vector<CarryLeftBehind> left_behind;
};

// The source a carried report gets: "übernommen aus <plan> (<key>)" (German, as stored data).
// Renaming <plan> renames it in these sources too (Storage::rename_plan).
EDUPLAN_EXPORT std::string carried_source(const std::string& plan, const std::string& key);
// What every source of a report carried from `plan` begins with: "übernommen aus <plan> (".
EDUPLAN_EXPORT std::string carried_source_prefix(const std::string& plan);
// The key named in `source` if it is exactly carried_source(plan, key) for a key as
// responsibility keys are written (no spaces or parentheses): nothing for a report carried from
// another plan whose name begins the same ("K (alt)" for "K"), or read from a form.
EDUPLAN_EXPORT std::optional<std::string> carried_key(std::string_view source,
                                                      const std::string& plan);
// Whether `source` is that of a carried report, from any plan (not one read from a form).
EDUPLAN_EXPORT bool is_carried_source(std::string_view source);

// What carrying the reports of `a` (`history_a`, the old version's history) over to `b` means.
// What carries is the latest report of each responsibility in each period (the one that counts
// for that period's roll-ups; a later period does not supersede an earlier one). A report carries
// where the responsibility is in `b` too: the same unit (by key) responsible for the same focus
// area, matched by key or reworded (`diff` = diff_plans(a, b)); the new report has b's key, the
// same period, status, progress and note, and carried_source(a.name, old key). Against
// `history_b` (the new version's history), for the same key and period:
// - if the new version has a report of its own there (one not carried from `a`), that one is
//   newer knowledge: the old report is left behind (reported_in_new_version), never stacked on top;
// - if its latest report there has the same key, period, status, progress, note and source, the
//   report was carried before and is skipped (already_carried): carrying twice adds nothing;
// - otherwise (nothing there, or an earlier carry that `a` has since superseded) it carries.
// Order: a's document order (field, focus area, unit), then period; reports whose key names no
// responsibility of `a` are left behind, last, ordered by key and period.
EDUPLAN_EXPORT CarryResult plan_carry(const Plan& a, const Plan& b, const PlanDiff& diff,
                                      const std::vector<StatusReport>& history_a,
                                      const std::vector<StatusReport>& history_b);

}  // namespace eduplan
