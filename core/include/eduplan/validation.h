// Validation: the rules a plan is checked against, and the catalogue that documents them.
#pragma once

#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/units_directory.h"

namespace eduplan {

struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view description;  // one sentence: what the rule reports, in language()
};

// Every rule eduplan reports, reading errors included, in a stable order.
EDUPLAN_EXPORT std::vector<RuleInfo> rule_catalog();

// Checks a resolved plan. `directory` may be null. Findings are sorted by line, then rule.
// Thread-safe; does not modify the plan.
EDUPLAN_EXPORT std::vector<Finding> validate(const Plan& plan, const UnitsDirectory* directory);

// Sorts findings by line, then rule, keeping the order of equal ones.
EDUPLAN_EXPORT void sort_findings(std::vector<Finding>& findings);

}  // namespace eduplan
