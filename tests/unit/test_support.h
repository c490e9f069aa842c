// Helpers shared by the unit tests.
#pragma once

#include <eduplan/model.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::testing {

inline std::string data_path(std::string_view relative) {
  return std::string(EDUPLAN_TEST_DATA) + "/" + std::string(relative);
}
inline std::string example_path(std::string_view relative) {
  return std::string(EDUPLAN_EXAMPLES) + "/" + std::string(relative);
}

inline std::vector<Finding> with_rule(const std::vector<Finding>& findings, std::string_view rule) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.rule == rule; });
  return out;
}

}  // namespace eduplan::testing
