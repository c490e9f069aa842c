// Storage::import_plan_file: reading and storing in one go (field by field in SQLite) stores
// what read_plan_file followed by save_plan stores, with the same findings, and nothing at all
// when the document is rejected — also when the reason shows only after fields were stored.
// check_plan_file (`validate`) reads the same way without a store: the same findings.
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>
#include <eduplan/validation.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "test_support.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

class ImportFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("eduplan_import_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::vector<Finding> df;
    units_ = UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), df);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  // The same document both ways, in two new databases; the stored plans and findings compared.
  void expect_same(const fs::path& doc, const ReadOptions& options) {
    SCOPED_TRACE(doc.string());
    const Plan read = read_plan_file(doc, options);
    auto whole = open_database(dir_ / "whole.db");
    auto streamed = open_database(dir_ / "streamed.db");
    if (!has_errors(read.findings)) whole->save_plan(read);
    const ImportResult result = streamed->import_plan_file(doc, options);
    EXPECT_EQ(result.name, read.name);
    EXPECT_EQ(result.findings, read.findings);
    EXPECT_EQ(check_plan_file(doc, options), read.findings);  // what `validate` prints
    EXPECT_EQ(result.stored, !has_errors(read.findings));
    EXPECT_EQ(result.summary, result.stored ? summarize(read) : PlanSummary{});
    if (result.stored) {
      EXPECT_EQ(result.summary, *streamed->summarize_plan(read.name));
    }
    EXPECT_EQ(streamed->load_plan(read.name), whole->load_plan(read.name));
    EXPECT_EQ(streamed->list_plans().size(), whole->list_plans().size());
    // The in-memory storage takes the default way: the same again.
    auto memory = make_memory_storage();
    const ImportResult in_memory = memory->import_plan_file(doc, options);
    EXPECT_EQ(in_memory.findings, read.findings);
    EXPECT_EQ(in_memory.summary, result.summary);
    EXPECT_EQ(memory->load_plan(read.name), whole->load_plan(read.name));
    whole.reset();
    streamed.reset();
    fs::remove(dir_ / "whole.db");
    fs::remove(dir_ / "streamed.db");
  }

  fs::path dir_;
  UnitsDirectory units_;
};

TEST_F(ImportFile, StoresWhatReadingAndSavingStore) {
  const fs::path example = testing::example_path("bildungskonzept.md");
  expect_same(example, {.directory = &units_});
  expect_same(example, {});
  expect_same(example, {.plan_name = "anders", .title = "Titel"});
  // Fields that share a title, a field without focus areas, an objective in two fields, a unit
  // named twice in a row: the findings of the whole plan, field by field.
  expect_same(write("many.md",
                    "# T\n\n## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
                    "| S | Dezernat V/ Jugendamt, Jugendamt |\n| S | Dezernat IV/ Bibliothek |\n\n"
                    "Ableitungen:\n- O\n\n## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n"
                    "|--|--|\n| S2 | Jugendamt |\n\nAbleitungen:\n- o\n\n## Handlungsfeld B\n\n"
                    "Ableitungen:\n- O\n"),
              {.directory = &units_});
  // A flat table is read whole, then handed on field by field.
  expect_same(write("flat.csv",
                    "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n"
                    "Zuständigkeit;1;F;1;S;Dezernat IV;Bibliothek;\n"
                    "Zuständigkeit;2;G;1;T;Dezernat V;Jugendamt;\n"
                    "Ableitung;2;G;;;;;Z\n"),
              {});
}

TEST_F(ImportFile, RejectedDocumentsChangeNothing) {
  // Not a plan at all; and a contradiction that shows only in the second field, after the
  // first was stored: a unit written as a division.
  const fs::path none = write("none.md", "# T\n\nnur Text\n");
  const fs::path late = write(
      "late.md",
      "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| S1 | Dezernat V/ Jugendamt |\n\n## Handlungsfeld B\n"
      "| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| S2 | Jugendamt/ Kita-Fachberatung |\n");
  for (const fs::path& doc : {none, late}) {
    SCOPED_TRACE(doc.string());
    expect_same(doc, {.directory = &units_, .plan_name = "P"});
    auto storage = open_database(dir_ / "kept.db");
    storage->save_plan(read_plan_file(testing::example_path("bildungskonzept.md"),
                                      {.directory = &units_, .plan_name = "P"}));
    const auto before = storage->load_plan("P");
    const ImportResult result = storage->import_plan_file(doc, {.directory = &units_, .plan_name = "P"});
    EXPECT_FALSE(result.stored);
    EXPECT_TRUE(has_errors(result.findings));
    EXPECT_EQ(storage->load_plan("P"), before);
    EXPECT_EQ(storage->list_plans().size(), 1u);
  }
}

// `validate` reads as `import` does: for every document of the rules' test set (one or more per
// rule, rejected ones included), with and without the units directory, check_plan_file gives
// read_plan_file's findings.
TEST_F(ImportFile, CheckingFindsWhatReadingFinds) {
  std::vector<fs::path> docs{testing::example_path("bildungskonzept.md")};
  for (const auto& entry : fs::directory_iterator(testing::data_path("rules")))
    if (entry.is_regular_file()) docs.push_back(entry.path());
  ASSERT_GT(docs.size(), 40u);
  std::size_t rejected = 0;
  for (const fs::path& doc : docs) {
    SCOPED_TRACE(doc.string());
    for (const UnitsDirectory* directory : std::vector<const UnitsDirectory*>{&units_, nullptr}) {
      const Plan read = read_plan_file(doc, {.directory = directory});
      EXPECT_EQ(check_plan_file(doc, {.directory = directory}), read.findings);
      rejected += has_errors(read.findings);
    }
  }
  EXPECT_GT(rejected, 0u);  // the set holds rejected documents, too
}

TEST_F(ImportFile, ReplacesAPlanOfTheSameName) {
  auto storage = open_database(dir_ / "twice.db");
  const fs::path example = testing::example_path("bildungskonzept.md");
  EXPECT_TRUE(storage->import_plan_file(example, {.directory = &units_, .plan_name = "P"}).stored);
  EXPECT_TRUE(storage->import_plan_file(example, {.directory = &units_, .plan_name = "P"}).stored);
  ASSERT_EQ(storage->list_plans().size(), 1u);
  EXPECT_EQ(storage->load_plan("P"),
            read_plan_file(example, {.directory = &units_, .plan_name = "P"}));
}

}  // namespace
}  // namespace eduplan
