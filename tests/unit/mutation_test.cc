// Corrupted variants of the seed (deterministic): the reader must never crash, and must
// either reject with errors or return a plan whose indices are all valid. Run under
// ASan + UBSan in CI, this finds out-of-bounds reads that ordinary tests miss.
#include <eduplan/reader.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "test_support.h"

namespace eduplan {
namespace {

std::string seed_text() {
  std::ifstream in(testing::example_path("bildungskonzept.md"), std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void expect_consistent(const Plan& plan) {
  if (has_errors(plan.findings)) {
    EXPECT_TRUE(plan.fields.empty());
    return;
  }
  for (const auto& u : plan.units) {
    if (u.parent) {
      ASSERT_LT(*u.parent, plan.units.size());
      EXPECT_TRUE(plan.units[*u.parent].is_division);
    }
  }
  for (const auto& f : plan.fields) {
    for (const auto& fa : f.focus_areas) {
      for (const auto& r : fa.responsibilities) ASSERT_LT(r.unit, plan.units.size());
    }
    for (const auto& o : f.objectives) ASSERT_LT(o.objective, plan.objectives.size());
  }
}

TEST(Mutation, CorruptedSeedsNeverCrash) {
  const std::string seed = seed_text();
  const std::string tokens[] = {"|",
                                "\\|",
                                "<br>",
                                "<b>",
                                "/",
                                ",",
                                " und ",
                                "\n",
                                "\r\n",
                                "## Handlungsfeld ",
                                "Dezernat IV/",
                                "Ableitungen:",
                                "|---|",
                                "\xC3",
                                "\xFF",
                                std::string(1, '\0'),
                                "#"};
  std::mt19937 rng(20261126);
  for (int round = 0; round < 3000; ++round) {
    std::string doc = seed;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !doc.empty(); ++e) {
      const std::size_t at = rng() % doc.size();
      switch (rng() % 4) {
        case 0:
          doc.insert(at, tokens[rng() % std::size(tokens)]);
          break;
        case 1:
          doc.erase(at, 1 + rng() % 40);
          break;
        case 2:
          doc[at] = static_cast<char>(rng() % 256);
          break;
        case 3:
          doc.resize(at);
          break;
      }
    }
    const Plan plan = read_plan(doc, "mutant.md");
    expect_consistent(plan);
    if (::testing::Test::HasFatalFailure()) FAIL() << "round " << round;
  }
}

TEST(Mutation, DegenerateTables) {
  for (const char* doc :
       {"## Handlungsfeld A\n|\n", "## Handlungsfeld A\n||\n|\n", "## Handlungsfeld A\n| a |\n",
        "## Handlungsfeld A\n| x | Dezernat IV/ |\n", "## Handlungsfeld A\n| x | / |\n",
        "## Handlungsfeld A\n| x | , , ,<br>,<br> |\n", "## Handlungsfeld\n| x | y |\n"}) {
    expect_consistent(read_plan(doc, "t.md"));
  }
  const Plan whole = read_plan("## Handlungsfeld A\n| x | Dezernat IV/ |\n", "t.md");
  ASSERT_EQ(whole.fields.at(0).focus_areas.at(0).responsibilities.size(), 1u);
  EXPECT_TRUE(whole.units.at(0).is_division);
}

}  // namespace
}  // namespace eduplan
