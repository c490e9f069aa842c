#include <eduplan/batch.h>
#include <eduplan/file_names.h>
#include <eduplan/reader.h>
#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace eduplan {
namespace {

const Plan& seed() {
  static std::vector<Finding> df;
  static const UnitsDirectory dir =
      UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), df);
  static const Plan plan = read_plan_file(testing::example_path("bildungskonzept.md"),
                                          {.directory = &dir, .plan_name = "Seed"});
  return plan;
}

std::size_t responsibilities(const Plan& p) {
  std::size_t n = 0;
  for (const auto& f : p.fields) {
    for (const auto& fa : f.focus_areas) n += fa.responsibilities.size();
  }
  return n;
}

void expect_valid(const Plan& p) {
  for (const auto& u : p.units) {
    if (u.parent) {
      ASSERT_LT(*u.parent, p.units.size());
    }
  }
  for (const auto& f : p.fields) {
    EXPECT_FALSE(f.focus_areas.empty());
    for (const auto& fa : f.focus_areas) {
      EXPECT_FALSE(fa.responsibilities.empty());
      for (const auto& r : fa.responsibilities) ASSERT_LT(r.unit, p.units.size());
    }
    for (const auto& o : f.objectives) ASSERT_LT(o.objective, p.objectives.size());
  }
}

TEST(Batch, DivisionSlicesPartitionTheResponsibilities) {
  const auto jobs = batch_jobs(seed(), BatchScope::division, "xlsx");
  std::vector<std::string> labels;
  std::size_t total = 0;
  for (const auto& job : jobs) {
    labels.push_back(job.label);
    const Plan slice = job.make();
    expect_valid(slice);
    total += responsibilities(slice);
    EXPECT_EQ(job.options.at("subtitle"), "Steckbrief: " + job.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"Dezernat IV", "BOB", "Dezernat V", "Dezernat I",
                                              "Dezernat III"}));
  EXPECT_EQ(total, 135u);
}

TEST(Batch, UnitSliceKeepsOnlyThatUnitWithItsDivisionAndFindings) {
  const auto jobs = batch_jobs(seed(), BatchScope::unit, "xlsx");
  EXPECT_EQ(jobs.size(), 26u);
  for (const auto& job : jobs) {
    if (job.label != "Museum für Naturkunde") continue;
    const Plan slice = job.make();
    expect_valid(slice);
    EXPECT_EQ(responsibilities(slice), 9u);
    ASSERT_EQ(slice.units.size(), 2u);  // the museum and its division
    EXPECT_EQ(slice.units[*slice.units[0].parent].name, "Dezernat IV");
    std::set<std::string> rules;
    for (const auto& f : slice.findings) rules.insert(f.rule);
    EXPECT_TRUE(rules.count("unit-division-mismatch"));
    EXPECT_TRUE(rules.count("unit-multiple-divisions"));
    EXPECT_FALSE(rules.count("objective-shared"));
    return;
  }
  FAIL() << "no job for Museum für Naturkunde";
}

TEST(Batch, FileNamesAreSafeAndUniqueIgnoringCase) {
  Plan plan = read_plan(
      "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| S | Dezernat V/ Amt: A?, Amt A, Amt/A, index |\n",
      "t.md");
  const auto jobs = batch_jobs(plan, BatchScope::unit, "csv");
  std::vector<std::string> files;
  for (const auto& j : jobs) files.push_back(j.file);
  // Different units whose names collide once made safe; "index" is reserved for the index.
  EXPECT_EQ(files, (std::vector<std::string>{"Amt A.csv", "Amt A (2).csv", "Amt A (3).csv",
                                             "index (2).csv"}));
}

// Names that agree in their first 200 bytes: the suffix " (2)" must survive the length limit
// (it used to be cut off again, and the search for a free name never ended).
std::vector<std::string> long_names() {
  const std::string common(250, 'x');
  return {"Amt " + common + " Nord", "Amt " + common + " Süd", "Amt " + common + " West"};
}

void expect_distinct_and_short(const std::vector<std::string>& files) {
  std::set<std::string> distinct(files.begin(), files.end());
  EXPECT_EQ(distinct.size(), files.size());
  for (const auto& f : files) {
    EXPECT_LE(f.size(), kMaxFileNameBytes) << f;
    EXPECT_TRUE(f.ends_with(".xlsx")) << f;
  }
}

TEST(Batch, LongNamesThatAgreeInTheirFirstBytesGetSuffixesInEveryScope) {
  const auto names = long_names();
  std::string units_doc = "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n";
  std::string divisions_doc = units_doc;
  for (const auto& n : names) {
    units_doc += "| S " + n + " | Dezernat V/ " + n + " |\n";
    divisions_doc += "| S " + n + " | " + n + "/ Stelle " + n + " |\n";
  }
  for (auto [doc, scope] :
       {std::pair{units_doc, BatchScope::unit}, std::pair{divisions_doc, BatchScope::division}}) {
    const Plan plan = read_plan(doc, "t.md");
    ASSERT_FALSE(has_errors(plan.findings));
    std::vector<std::string> files;
    for (const auto& j : batch_jobs(plan, scope, "xlsx")) files.push_back(j.file);
    ASSERT_EQ(files.size(), 3u);
    expect_distinct_and_short(files);
    EXPECT_TRUE(files[1].ends_with(" (2).xlsx")) << files[1];
    EXPECT_TRUE(files[2].ends_with(" (3).xlsx")) << files[2];
  }
  auto storage = make_memory_storage();
  for (const auto& n : names) {
    Plan plan = read_plan(units_doc, "t.md", {.plan_name = n});
    storage->save_plan(plan);
  }
  std::vector<std::string> files;
  for (const auto& j : plan_jobs(*storage, "xlsx")) files.push_back(j.file);
  ASSERT_EQ(files.size(), 3u);
  expect_distinct_and_short(files);
}

}  // namespace
}  // namespace eduplan
