// What the reader accepts, the database stores: documents, flat tables and units directories
// made at random from names that are easy to confuse (divisions and units of the same name,
// division spellings, slashes, "und", case) are read; every plan without errors is saved to a
// real SQLite database, where a failed constraint would throw. `validate` and `import` read
// the same way, so they cannot disagree about such a document.
#include <eduplan/error.h>
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "test_support.h"

namespace eduplan {
namespace {

class Storable : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        std::filesystem::temp_directory_path() /
        ("eduplan-storable-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".db");
    std::filesystem::remove(path_);
    storage_ = open_database(path_);
  }
  void TearDown() override {
    storage_.reset();
    std::filesystem::remove(path_);
  }

  std::string pick(const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random_)];
  }
  bool coin() { return random_() % 2 == 0; }

  // Reads `document`; stores the plan if it has no errors. Counts what happened.
  void read_and_store(const std::string& document, const std::string& source,
                      const UnitsDirectory* directory) {
    const Plan plan = read_plan(document, source, {.directory = directory, .plan_name = "p"});
    if (has_errors(plan.findings)) {
      ++rejected_;
      return;
    }
    try {
      storage_->save_plan(plan);
    } catch (const Error& e) {
      ADD_FAILURE() << e.what() << "\n--- document:\n" << document;
      return;
    }
    const auto back = storage_->load_plan("p");
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->units.size(), plan.units.size());
    ++stored_;
  }

  const std::vector<std::string> names_ = {
      "Dezernat IV",     "Dez. IV",   "dezernat 4",          "Dezernat I", "BOB",
      "Jugendamt",       "jugendamt", "Sozialamt",           "Amt A",      "Amt B",
      "Amt A und Amt B", "Kita",      "Jugendamt Sozialamt", "Amt/ B"};
  std::mt19937 random_{4711};
  std::filesystem::path path_;
  std::unique_ptr<Storage> storage_;
  int stored_ = 0, rejected_ = 0;
};

TEST_F(Storable, MarkdownDocumentsWithAndWithoutDirectory) {
  for (int round = 0; round < 120; ++round) {
    // A directory of distinct names: units under divisions, some of which are named like units.
    std::vector<std::string> units = {"Jugendamt", "Sozialamt", "Amt A", "Amt B", "Kita", "Amt/ B"};
    std::shuffle(units.begin(), units.end(), random_);
    const std::vector<std::string> divisions = {"", "Dezernat IV", "BOB", "Amt B", "Jugendamt"};
    std::string directory_csv = "unit,division,aliases\n";
    for (int i = 0; i < 4; ++i) {
      directory_csv += "\"" + units[i] + "\"," + pick(divisions) + "," +
                       (coin() ? "" : "Alias " + std::to_string(i)) + "\n";
    }
    std::vector<Finding> directory_findings;
    const UnitsDirectory directory = UnitsDirectory::parse(directory_csv, directory_findings);
    const bool directory_usable = !has_errors(directory_findings);
    std::string doc = "# Plan\n\n## Handlungsfeld " + pick(names_) +
                      "\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n";
    for (int row = 0; row < 4; ++row) {
      std::string cell;
      for (int entry = 0; entry < 2; ++entry) {
        if (entry > 0) cell += "<br>";
        if (coin()) cell += pick(names_) + "/ ";
        cell += pick(names_);
        if (coin()) cell += ", " + pick(names_);
      }
      doc += "| S" + std::to_string(row % 3) + " | " + cell + " |\n";
    }
    read_and_store(doc, "t.md", nullptr);
    if (directory_usable) read_and_store(doc, "t.md", &directory);
  }
  EXPECT_GT(stored_, 100);
  EXPECT_GT(rejected_, 10);  // the name conflicts are found, not stored
}

TEST_F(Storable, FlatTables) {
  const std::vector<std::string> kinds = {"Zuständigkeit", "Zuständigkeit", "Zuständigkeit",
                                          "Schwerpunkt",   "Ableitung",     "Handlungsfeld"};
  for (int round = 0; round < 150; ++round) {
    // Mostly consistent rows; now and then a unit under another division, a division written
    // as a unit, a unit named like its division, a title or text that contradicts its number.
    const bool careless = random_() % 3 == 0;
    auto maybe = [&](const std::string& usual, const std::vector<std::string>& other) {
      return careless && random_() % 4 == 0 ? pick(other) : usual;
    };
    std::string csv = "art;feldnr;handlungsfeld;nr;schwerpunkt;dezernat;einheit;ableitung\n";
    for (int row = 0; row < 6; ++row) {
      const std::string kind = pick(kinds);
      const std::string field_no = std::to_string(1 + random_() % 2);
      const std::string field = maybe(field_no == "1" ? "F" : "f", {"F", "f", "G"});
      const std::string nr = std::to_string(1 + random_() % 2);
      const std::string text = maybe(nr == "1" ? "S" : "s", {"S", "s", "T"});
      if (kind == "Zuständigkeit") {
        const std::string unit = pick({"Jugendamt", "Sozialamt", "Kita", ""});
        const std::string division =
            unit.empty() ? pick({"Dezernat IV", "BOB"}) : (unit == "Kita" ? "" : "Dezernat V");
        csv += kind + ";" + field_no + ";" + field + ";" + nr + ";" + text + ";" +
               maybe(division, {"Dezernat V", "Dezernat IV", "Jugendamt", ""}) + ";" +
               maybe(unit, {"Dezernat V", "Dezernat IV", "Jugendamt", "jugendamt"}) + ";\n";
      } else if (kind == "Schwerpunkt") {
        csv += kind + ";" + field_no + ";" + field + ";" + nr + ";" + text + ";;;\n";
      } else if (kind == "Ableitung") {
        csv += kind + ";" + field_no + ";" + field + ";;;;;" + pick({"Ziel", "ziel", "Z"}) + "\n";
      } else {
        csv += kind + ";" + field_no + ";" + field + ";;;;;\n";
      }
    }
    read_and_store(csv, "t.csv", nullptr);
  }
  EXPECT_GT(stored_, 50);
  EXPECT_GT(rejected_, 20);
}

}  // namespace
}  // namespace eduplan
