// Helpers shared by the unit tests.
#pragma once

#include <eduplan/model.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
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

// A new, empty directory for the running test alone: its name carries `prefix`, the process id
// and the test's name (ctest runs the tests in parallel). The test removes it.
inline std::filesystem::path fresh_test_directory(std::string_view prefix) {
  const auto dir = std::filesystem::temp_directory_path() /
                   (std::string(prefix) + "-" + std::to_string(::getpid()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::vector<Finding> with_rule(const std::vector<Finding>& findings, std::string_view rule) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.rule == rule; });
  return out;
}

}  // namespace eduplan::testing
