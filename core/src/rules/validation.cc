#include "eduplan/validation.h"

#include <algorithm>

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

std::vector<Finding> validate(const Plan& plan, const UnitsDirectory* directory) {
  std::vector<Finding> out;
  check_units(plan, directory, out);
  check_structure(plan, out);
  sort_findings(out);
  return out;
}

}  // namespace eduplan
