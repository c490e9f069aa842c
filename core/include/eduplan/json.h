// JSON renderings of findings and summaries, generated from the Boost.Describe
// descriptions of the model (field names are the member names).
#pragma once

#include <string>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/summary.h"

namespace eduplan {

// An array of objects with keys rule, severity, message, line, subject.
EDUPLAN_EXPORT std::string to_json(const std::vector<Finding>& findings);
// The summary object with an added key "findings".
EDUPLAN_EXPORT std::string to_json(const PlanSummary& summary,
                                   const std::vector<Finding>& findings);

}  // namespace eduplan
