// What the SQLite storage refuses when it opens a file and when it reads a plan back: files that
// are not eduplan databases, schema versions it cannot use, and rows that break the schema's
// rules (written by other software through the public schema). Each ends in a StorageError
// naming the file, never in a crash.
#include <eduplan/error.h>
#include <eduplan/language.h>
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

class DatabaseChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    set_language(Language::en);
    path_ = fs::temp_directory_path() /
            ("eduplan_checks_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    fs::remove(path_);
  }
  void TearDown() override {
    fs::remove(path_);
    set_language(Language::de);
  }

  // A database holding the example plan as "Konzept" and a small plan "Klein".
  void store_plans() {
    std::vector<Finding> df;
    const auto dir = UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), df);
    auto db = open_database(path_);
    db->save_plan(read_plan_file(testing::example_path("bildungskonzept.md"),
                                 {.directory = &dir, .plan_name = "Konzept"}));
    db->save_plan(
        read_plan("## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
                  "| S | Dezernat V/ Jugendamt |\n\n| Ableitungen: | Z |\n",
                  "klein.md", {.plan_name = "Klein"}));
  }

  // Runs SQL through SQLite directly, as other software would (foreign keys off).
  void raw(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message << " in " << sql;
  }

  std::int64_t number(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    std::int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
  }

  // The message of the StorageError that loading "Konzept" throws (read-only and read-write).
  std::string load_error() {
    std::string message;
    for (auto open : {&open_database_read_only, &open_database}) {
      try {
        open(path_)->load_plan("Konzept");
        ADD_FAILURE() << "loaded without complaint";
      } catch (const StorageError& e) {
        message = e.what();
        EXPECT_NE(message.find(path_.string()), std::string::npos) << message;
      }
    }
    return message;
  }

  std::string open_error(decltype(&open_database) open) {
    try {
      open(path_);
    } catch (const StorageError& e) {
      EXPECT_NE(std::string(e.what()).find(path_.string()), std::string::npos) << e.what();
      return e.what();
    }
    ADD_FAILURE() << "opened without complaint";
    return {};
  }

  fs::path path_;
};

#define EXPECT_CONTAINS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

TEST_F(DatabaseChecks, NegativeAndNewerSchemaVersionsAreRefused) {
  store_plans();
  for (const char* version : {"-1", "-2147483648", "2147483647", "4"}) {
    raw(std::string("PRAGMA user_version = ") + version);
    for (auto open : {&open_database_read_only, &open_database}) {
      const std::string message = open_error(open);
      EXPECT_CONTAINS(message, version);
    }
  }
}

TEST_F(DatabaseChecks, NewDatabasesCarryTheApplicationId) {
  store_plans();
  EXPECT_EQ(number("PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(number("PRAGMA user_version"), kSchemaVersion);
}

TEST_F(DatabaseChecks, OtherApplicationsFilesAreNamedAsSuch) {
  raw("PRAGMA application_id = 1234; CREATE TABLE x(a)");
  EXPECT_CONTAINS(open_error(&open_database), "application_id 0x000004d2");
  fs::remove(path_);
  // Its own "plan" table and user_version 1, as another program might have.
  raw("CREATE TABLE plan(id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 1");
  for (auto open : {&open_database_read_only, &open_database}) {
    EXPECT_CONTAINS(open_error(open), "not an eduplan database");
  }
  fs::remove(path_);
  raw("CREATE TABLE kunden(id)");
  EXPECT_CONTAINS(open_error(&open_database), "not an eduplan database");
  EXPECT_EQ(number("SELECT count(*) FROM sqlite_master"), 1);  // nothing added
}

TEST_F(DatabaseChecks, ReadOnlyNeverCreatesOrWrites) {
  EXPECT_THROW(open_database_read_only(path_), StorageError);
  EXPECT_FALSE(fs::exists(path_));
  { std::ofstream empty(path_); }
  EXPECT_CONTAINS(open_error(&open_database_read_only), "empty");
  EXPECT_EQ(fs::file_size(path_), 0u);
  fs::remove(path_);
  store_plans();
  const auto before = fs::last_write_time(path_);
  auto db = open_database_read_only(path_);
  EXPECT_EQ(db->list_plans().size(), 2u);
  EXPECT_THROW(db->save_plan(*db->load_plan("Klein")), UsageError);
  EXPECT_THROW(db->remove_plan("Klein"), UsageError);
  EXPECT_THROW(db->rename_plan("Klein", "K"), UsageError);
  EXPECT_EQ(fs::last_write_time(path_), before);
  EXPECT_EQ(number("SELECT count(*) FROM plan"), 2);
}

TEST_F(DatabaseChecks, ReadOnlyReadsAVersion1DatabaseWithoutMigrating) {
  store_plans();
  raw("DROP TABLE focus_area_attribute; DROP TABLE status_report; DROP TABLE status_scale; "
      "PRAGMA user_version = 1; PRAGMA application_id = 0");
  auto plan = open_database_read_only(path_)->load_plan("Konzept");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->fields.size(), 6u);
  EXPECT_EQ(number("PRAGMA user_version"), 1);
  EXPECT_EQ(number("SELECT count(*) FROM sqlite_master WHERE name = 'focus_area_attribute'"), 0);
  open_database(path_);  // a writing open migrates and marks it
  EXPECT_EQ(number("PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(number("PRAGMA application_id"), kApplicationId);
}

TEST_F(DatabaseChecks, TablesViewsAndTriggersOfOtherSoftwareAreFine) {
  store_plans();
  raw("CREATE TABLE kommentar(focus_area_id INTEGER REFERENCES focus_area(id), text TEXT);"
      "CREATE VIEW einheiten AS SELECT name FROM org_unit;"
      "CREATE TRIGGER merken AFTER INSERT ON plan BEGIN "
      "INSERT INTO kommentar VALUES (NULL, 'x'); END;"
      "CREATE VIRTUAL TABLE suche USING fts5(text);"
      "ALTER TABLE plan ADD COLUMN bemerkung TEXT");
  auto db = open_database(path_);
  EXPECT_EQ(db->load_plan("Konzept")->fields.size(), 6u);
  db->save_plan(*db->load_plan("Klein"));
  EXPECT_EQ(open_database_read_only(path_)->list_plans().size(), 2u);
}

TEST_F(DatabaseChecks, AMissingTableOrColumnIsNamed) {
  store_plans();
  raw("DROP TABLE field_objective");
  EXPECT_CONTAINS(open_error(&open_database_read_only), "field_objective");
  fs::remove(path_);
  store_plans();
  raw("ALTER TABLE org_unit DROP COLUMN source_line");
  EXPECT_CONTAINS(open_error(&open_database), "org_unit.source_line");
}

TEST_F(DatabaseChecks, UnitParentCyclesAndSelfParentsAreRefused) {
  store_plans();
  raw("UPDATE org_unit SET parent_id = id WHERE name = 'Stadtarchiv'");
  EXPECT_CONTAINS(load_error(), "is the unit itself");
  raw("UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE name = 'Dezernat IV')"
      " WHERE name = 'Stadtarchiv';"
      "UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE name = 'Stadtarchiv')"
      " WHERE name = 'Dezernat IV'");
  EXPECT_CONTAINS(load_error(), "a division (is_division = 1) with parent_id");
  raw("UPDATE org_unit SET is_division = 0 WHERE name = 'Dezernat IV'");
  EXPECT_CONTAINS(load_error(), "is not a division");
}

TEST_F(DatabaseChecks, ADeepChainOfUnitsIsRefusedQuickly) {
  store_plans();
  // 200,000 units, each the parent of the next: what other software could write.
  raw("PRAGMA foreign_keys = OFF;"
      "INSERT INTO org_unit(id, plan_id, name, parent_id, is_division, key, source_line) "
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
      "SELECT 1000000 + i, (SELECT id FROM plan WHERE name = 'Konzept'), 'U' || i, "
      "CASE WHEN i > 1 THEN 1000000 + i - 1 END, 0, 'ou-' || i, 0 FROM n");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_CONTAINS(load_error(), "is not a division");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST_F(DatabaseChecks, DanglingReferencesAndRowsOfOtherPlansAreRefused) {
  store_plans();
  raw("UPDATE org_unit SET parent_id = 999999 WHERE name = 'Stadtarchiv'");
  EXPECT_CONTAINS(load_error(), "parent_id = 999999: no row of org_unit in this plan");
  raw("UPDATE org_unit SET parent_id = (SELECT u.id FROM org_unit u JOIN plan p ON p.id = "
      "u.plan_id WHERE p.name = 'Klein' AND u.is_division = 1) WHERE name = 'Stadtarchiv'");
  EXPECT_CONTAINS(load_error(), "no row of org_unit in this plan");
  fs::remove(path_);
  store_plans();
  raw("UPDATE responsibility SET org_unit_id = (SELECT u.id FROM org_unit u JOIN plan p ON "
      "p.id = u.plan_id WHERE p.name = 'Klein' AND u.name = 'Jugendamt') WHERE "
      "(focus_area_id, org_unit_id) = (SELECT r.focus_area_id, r.org_unit_id FROM responsibility "
      "r JOIN org_unit u ON u.id = r.org_unit_id WHERE u.name = 'Stadtarchiv' LIMIT 1)");
  EXPECT_CONTAINS(load_error(), "table responsibility");
  fs::remove(path_);
  store_plans();
  raw("UPDATE field_objective SET objective_id = 424242 WHERE (field_id, objective_id) = "
      "(SELECT field_id, objective_id FROM field_objective LIMIT 1)");
  EXPECT_CONTAINS(load_error(), "objective_id = 424242");
}

TEST_F(DatabaseChecks, ValuesOfTheWrongTypeOrRangeAreRefused) {
  const std::pair<const char*, const char*> cases[] = {
      {"UPDATE field SET source_line = 'zwölf' WHERE position = 1", "integer expected, found text"},
      {"UPDATE field SET source_line = 3000000000 WHERE position = 1", "3000000000"},
      {"UPDATE focus_area SET position = -5 WHERE id = (SELECT min(id) FROM focus_area)", "-5"},
      {"UPDATE org_unit SET is_division = 2 WHERE name = 'Stadtarchiv'", "is_division"},
      {"UPDATE finding SET severity = 'fatal' WHERE id = (SELECT min(id) FROM finding)", "fatal"},
      {"UPDATE field SET title = X'4d494e54' WHERE position = 2", "text expected, found blob"},
      {"UPDATE org_unit SET name = CAST(X'5374616474ff' AS TEXT) WHERE name = 'Stadtarchiv'",
       "not valid UTF-8 (byte 6)"},
      {"UPDATE objective SET text = CAST(X'410042' AS TEXT) WHERE id = (SELECT min(id) FROM "
       "objective)",
       "a NUL character in the text (byte 2)"},  // bytes are counted from 1
  };
  for (const auto& [sql, expected] : cases) {
    SCOPED_TRACE(sql);
    fs::remove(path_);
    store_plans();
    raw("PRAGMA ignore_check_constraints = ON; " + std::string(sql));
    EXPECT_CONTAINS(load_error(), expected);
  }
}

TEST_F(DatabaseChecks, InvalidTextInAPlanNameFailsTheListingClearly) {
  store_plans();
  raw("UPDATE plan SET title = CAST(X'c328' AS TEXT) WHERE name = 'Klein'");
  try {
    open_database_read_only(path_)->list_plans();
    FAIL() << "listed";
  } catch (const StorageError& e) {
    EXPECT_CONTAINS(std::string(e.what()), "not valid UTF-8");
  }
}

TEST_F(DatabaseChecks, GapsInPositionsAreReadInOrder) {
  store_plans();
  auto before = open_database(path_)->load_plan("Konzept");
  // Another program deletes a focus area and an attribute-free responsibility: gaps remain.
  raw("PRAGMA foreign_keys = ON; DELETE FROM focus_area WHERE field_id = (SELECT id FROM field "
      "WHERE position = 0 AND plan_id = (SELECT id FROM plan WHERE name = 'Konzept')) AND "
      "position = 1; UPDATE field SET position = position * 10");
  auto after = open_database_read_only(path_)->load_plan("Konzept");
  ASSERT_TRUE(after);
  before->fields[0].focus_areas.erase(before->fields[0].focus_areas.begin() + 1);
  EXPECT_EQ(*after, *before);
}

}  // namespace
}  // namespace eduplan
