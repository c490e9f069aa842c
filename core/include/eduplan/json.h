// JSON renderings of findings and summaries, generated from the Boost.Describe
// descriptions of the model (field names are the member names).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/monitoring.h"
#include "eduplan/plan_stream.h"
#include "eduplan/storage.h"
#include "eduplan/summary.h"

namespace eduplan {

// An array of objects with keys rule, severity, message, line, subject.
EDUPLAN_EXPORT std::string to_json(const std::vector<Finding>& findings);
// The result of checking a document (docs/validate.schema.json): an object with keys file,
// valid (no errors), counts (error, warning, info) and findings.
EDUPLAN_EXPORT std::string validation_json(std::string_view file,
                                           const std::vector<Finding>& findings);
// An array of the stored plans: name, title, source, imported_at and counts.
EDUPLAN_EXPORT std::string to_json(const std::vector<PlanInfo>& plans);
// The summary object with an added key "findings".
EDUPLAN_EXPORT std::string to_json(const PlanSummary& summary,
                                   const std::vector<Finding>& findings);
// {"rollups": [...]}: each roll-up with scope, name, responsibilities, reported, counts
// (status → number) and progress (null when no responsibility below has a progress value).
EDUPLAN_EXPORT std::string to_json(const std::vector<Rollup>& rollups);
// What `eduplan status show --format json` prints: {"plan", "period" (null: the latest report of
// each responsibility, of any period), "scale", "rollups"}, each roll-up's counts in the
// order of the scale (statuses no longer on it after them).
EDUPLAN_EXPORT std::string to_json(const std::vector<Rollup>& rollups, std::string_view plan,
                                   std::optional<std::string_view> period,
                                   const std::vector<std::string>& scale);
// The same, written to `out` with the findings read from a stream one by one.
EDUPLAN_EXPORT void write_json(std::ostream& out, const PlanSummary& summary,
                               FindingStream& findings);

}  // namespace eduplan
