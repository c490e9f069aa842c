#include "eduplan/validation.h"

#include <algorithm>
#include <iterator>

#include "rules/rules.h"

namespace eduplan {

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::error; });
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.line != b.line ? a.line < b.line : a.rule < b.rule;
  });
}

PlanRules::PlanRules(const UnitsDirectory* directory)
    : units_(unit_rules(directory, unit_findings_)),
      structure_(structure_rules(structure_findings_)) {}

void PlanRules::field(const Plan& plan, std::size_t index) {
  check_field(*units_, plan, plan.fields[index]);
  check_field(*structure_, plan, plan.fields[index]);
}

std::vector<Finding> PlanRules::finish(const Plan& plan) {
  eduplan::finish(*units_, plan);
  eduplan::finish(*structure_, plan);
  std::vector<Finding> out = std::move(unit_findings_);
  out.insert(out.end(), std::make_move_iterator(structure_findings_.begin()),
             std::make_move_iterator(structure_findings_.end()));
  sort_findings(out);
  return out;
}

std::vector<Finding> validate(const Plan& plan, const UnitsDirectory* directory) {
  PlanRules rules(directory);
  for (std::size_t f = 0; f < plan.fields.size(); ++f) rules.field(plan, f);
  return rules.finish(plan);
}

}  // namespace eduplan
