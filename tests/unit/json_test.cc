// The roll-ups' JSON (status show --format json, eduplan_rollups_json): numbers as people and
// scripts read them, never in exponent form, and the same double when read back.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "eduplan/json.h"
#include "eduplan/monitoring.h"

namespace {

std::string progress_text(std::optional<double> progress) {
  eduplan::Rollup r;
  r.scope = "plan";
  r.name = "p";
  r.progress = progress;
  const std::string json = eduplan::to_json(std::vector<eduplan::Rollup>{r});
  const auto at = json.find("\"progress\":");
  EXPECT_NE(at, std::string::npos) << json;
  return json.substr(at + 11, json.find('}', at) - at - 11);
}

TEST(RollupJson, ProgressIsAPlainNumber) {
  EXPECT_EQ(progress_text(65.0), "65");
  EXPECT_EQ(progress_text(49.5), "49.5");
  EXPECT_EQ(progress_text(0.0002), "0.0002");  // the shortest form would be 2e-04
  EXPECT_EQ(progress_text(0.0), "0");
  EXPECT_EQ(progress_text(100.0), "100");
  EXPECT_EQ(progress_text(std::nullopt), "null");
  for (double value : {49.04255319148936, 1.0 / 3.0, 1e-7, 99.99999999999999}) {
    const std::string text = progress_text(value);
    EXPECT_EQ(text.find_first_of("eE"), std::string::npos) << text;
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
  }
}

}  // namespace
