// The storage contract, run against the SQLite database and the in-memory twin.
#include <eduplan/error.h>
#include <eduplan/reader.h>
#include <eduplan/monitoring.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "test_support.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

Plan seed(const std::string& name) {
  static std::vector<Finding> df;
  static UnitsDirectory dir =
      UnitsDirectory::load(testing::example_path("verwaltungsgliederung.csv"), df);
  return read_plan_file(testing::example_path("bildungskonzept.md"),
                        {.directory = &dir, .plan_name = name});
}

Plan small(const std::string& name) {
  return read_plan(
      "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| S | Dezernat V/ "
      "Jugendamt |\n",
      "small.md", {.plan_name = name});
}

fs::path temp_db(const std::string& tag) {
  fs::path p = fs::temp_directory_path() /
               ("eduplan_storage_" + tag + "_" + std::to_string(::getpid()) + ".db");
  fs::remove(p);
  return p;
}

struct Backend {
  const char* name;
  std::function<std::unique_ptr<Storage>()> open;
};

void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

class StorageContract : public ::testing::TestWithParam<Backend> {};

TEST_P(StorageContract, RoundTripKeepsEverything) {
  auto storage = GetParam().open();
  const Plan plan = seed("Konzept");
  storage->save_plan(plan);
  auto loaded = storage->load_plan("Konzept");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, plan);
  EXPECT_FALSE(storage->load_plan("fehlt"));
}

TEST_P(StorageContract, FurtherColumnsAreKeptAsAttributes) {
  auto storage = GetParam().open();
  const Plan plan = read_plan(
      "## Handlungsfeld A\n| Maßnahme | Zuständigkeit | Zeitraum | Status |\n|--|--|--|--|\n"
      "| S1 | Dezernat V/ Jugendamt | 2025–2027 | begonnen |\n| S2 | Dezernat V/ Jugendamt | | "
      "geplant |\n",
      "a.md", {.plan_name = "A"});
  ASSERT_EQ(plan.fields.at(0).focus_areas.at(0).attributes,
            (std::vector<Attribute>{{"Zeitraum", "2025–2027"}, {"Status", "begonnen"}}));
  ASSERT_EQ(plan.fields[0].focus_areas.at(1).attributes,
            (std::vector<Attribute>{{"Status", "geplant"}}));
  storage->save_plan(plan);
  EXPECT_EQ(*storage->load_plan("A"), plan);
}

TEST_P(StorageContract, SeveralPlansCoexistAndSameNameReplaces) {
  auto storage = GetParam().open();
  storage->save_plan(seed("A"));
  storage->save_plan(seed("B"));
  storage->save_plan(small("A"));
  auto plans = storage->list_plans();
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[0].name, "A");
  EXPECT_EQ(storage->plan_names(), (std::vector<std::string>{"A", "B"}));
  storage->save_plan(small("Ä"));
  storage->save_plan(small("a"));
  std::vector<std::string> listed;
  for (const auto& p : storage->list_plans()) listed.push_back(p.name);
  EXPECT_EQ(storage->plan_names(), listed);  // the same order as list_plans
  EXPECT_TRUE(storage->remove_plan("Ä"));
  EXPECT_TRUE(storage->remove_plan("a"));
  EXPECT_EQ(storage->load_plan("A")->fields.size(), 1u);
  EXPECT_EQ(storage->load_plan("B")->fields.size(), 6u);
  EXPECT_TRUE(storage->remove_plan("A"));
  EXPECT_FALSE(storage->remove_plan("A"));
  EXPECT_EQ(storage->list_plans().size(), 1u);
}

// Outline plus stream give back exactly the stored plan: the focus areas (units and further
// columns) in document order, in every pass, fields without focus areas included.
TEST_P(StorageContract, OutlineAndStreamRebuildThePlan) {
  auto storage = GetParam().open();
  Plan plan = seed("Konzept");
  plan.fields.insert(plan.fields.begin() + 2, Field{"Leer", "leer", 7, {}, {}});
  plan.fields[0].focus_areas[1].attributes = {{"Zeitraum", "2026"}, {"Status", "offen"}};
  plan.fields[3].focus_areas[0].attributes = {{"Status", "geplant"}};
  storage->save_plan(plan);
  const auto outline = storage->load_outline("Konzept");
  ASSERT_TRUE(outline);
  EXPECT_EQ(outline->attribute_names, (std::vector<std::string>{"Zeitraum", "Status"}));
  ASSERT_EQ(outline->focus_area_counts.size(), plan.fields.size());
  auto stream = storage->stream_focus_areas("Konzept");
  ASSERT_TRUE(stream);
  for (int pass = 0; pass < 2; ++pass) {
    Plan rebuilt = outline->plan;
    stream->rewind();
    while (auto row = stream->next()) {
      ASSERT_LT(row->field, rebuilt.fields.size());
      EXPECT_EQ(row->index, rebuilt.fields[row->field].focus_areas.size());
      rebuilt.fields[row->field].focus_areas.push_back(*row->area);
    }
    ASSERT_EQ(rebuilt.fields.size(), plan.fields.size());
    for (std::size_t f = 0; f < plan.fields.size(); ++f) {
      EXPECT_EQ(outline->focus_area_counts[f], plan.fields[f].focus_areas.size());
      ASSERT_EQ(rebuilt.fields[f].focus_areas.size(), plan.fields[f].focus_areas.size());
      for (std::size_t a = 0; a < plan.fields[f].focus_areas.size(); ++a) {
        const FocusArea& got = rebuilt.fields[f].focus_areas[a];
        const FocusArea& want = plan.fields[f].focus_areas[a];
        EXPECT_EQ(got.text, want.text);
        EXPECT_EQ(got.key, want.key);
        EXPECT_EQ(got.source_line, want.source_line);
        EXPECT_EQ(got.attributes, want.attributes);
        ASSERT_EQ(got.responsibilities.size(), want.responsibilities.size());
        for (std::size_t r = 0; r < want.responsibilities.size(); ++r)
          EXPECT_EQ(got.responsibilities[r].unit, want.responsibilities[r].unit);
      }
    }
    EXPECT_EQ(rebuilt.units, plan.units);
    EXPECT_EQ(rebuilt.objectives, plan.objectives);
  }
  EXPECT_EQ(outline->finding_count, plan.findings.size());
  EXPECT_TRUE(outline->plan.findings.empty());
  auto findings = storage->stream_findings("Konzept");
  ASSERT_TRUE(findings);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<Finding> got;
    findings->rewind();
    while (const Finding* f = findings->next()) got.push_back(*f);
    EXPECT_EQ(got, plan.findings);
  }
  EXPECT_FALSE(storage->load_outline("fehlt"));
  EXPECT_FALSE(storage->stream_focus_areas("fehlt"));
  EXPECT_FALSE(storage->stream_findings("fehlt"));
}

TEST_P(StorageContract, SummaryFromTheStoreEqualsTheSummaryOfThePlan) {
  auto storage = GetParam().open();
  storage->save_plan(seed("Konzept"));
  storage->save_plan(small("Klein"));
  for (const char* name : {"Konzept", "Klein"}) {
    const auto summary = storage->summarize_plan(name);
    ASSERT_TRUE(summary);
    const PlanSummary expected = summarize(*storage->load_plan(name));
    EXPECT_EQ(boost::json::serialize(boost::json::value_from(*summary)),
              boost::json::serialize(boost::json::value_from(expected)));
  }
  EXPECT_FALSE(storage->summarize_plan("fehlt"));
}

TEST_P(StorageContract, RefusesPlansItCouldNotGiveBack) {
  auto storage = GetParam().open();
  const Plan good = seed("Konzept");
  storage->save_plan(good);
  std::vector<std::function<void(Plan&)>> breakages = {
      [](Plan& p) { p.name = "Konzept \xff"; },
      [](Plan& p) { p.name = std::string("Kon\0zept", 8); },
      [](Plan& p) { p.title = "\xc3\x28"; },
      [](Plan& p) { p.units[0].name = "\xed\xa0\x80"; },  // a surrogate
      [](Plan& p) {
        p.fields[1].focus_areas[2].attributes.push_back({"Status", "\xf8"});
      },
      [](Plan& p) { p.findings[0].message = std::string("a\0b", 3); },
      [](Plan& p) { p.units[1].parent = 1; },
      [](Plan& p) { p.units[1].parent = p.units.size(); },
      [](Plan& p) {
        for (auto& u : p.units) {
          if (!u.is_division) u.parent.reset();
        }
        p.units[0].parent = 1;  // a division under a unit
      },
      [](Plan& p) {  // a unit under a unit
        std::vector<std::size_t> units;
        for (std::size_t i = 0; i < p.units.size(); ++i) {
          if (!p.units[i].is_division) units.push_back(i);
        }
        p.units[units.at(1)].parent = units.at(0);
      },
      [](Plan& p) { p.fields[0].focus_areas[0].responsibilities[0].unit = 9999; },
      [](Plan& p) {
        p.fields[0].objectives.push_back({9999, 1});
      },
      [](Plan& p) { p.fields[0].source_line = -1; },
  };
  for (std::size_t i = 0; i < breakages.size(); ++i) {
    SCOPED_TRACE(i);
    Plan bad = seed("Konzept");
    breakages[i](bad);
    ASSERT_NE(bad, good);
    EXPECT_THROW(storage->save_plan(bad), UsageError);
  }
  EXPECT_EQ(*storage->load_plan("Konzept"), good);
  EXPECT_THROW(storage->rename_plan("Konzept", "K\xc0\xafnzept"), UsageError);  // overlong '/'
  EXPECT_EQ(storage->list_plans().size(), 1u);
}

TEST_P(StorageContract, StatusReportsAreKeptInOrderAndFollowTheirPlan) {
  auto storage = GetParam().open();
  const Plan plan = seed("Konzept");
  storage->save_plan(plan);
  const auto& area = plan.fields[0].focus_areas[0];
  const std::string key = responsibility_key(area, plan.units[area.responsibilities[0].unit]);
  storage->add_status_reports("Konzept", {{key, "2026-H1", "begonnen", 20, "", "a.xlsx:R!D2"},
                                          {key, "2026-H2", "umgesetzt", 100, "fertig", "b.csv:2"}});
  storage->add_status_reports("Konzept", {{key, "2026-H1", "verzögert", std::nullopt, "", "c.csv:2"}});
  auto all = storage->status_reports("Konzept");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_LT(all[0].sequence, all[1].sequence);
  EXPECT_LT(all[1].sequence, all[2].sequence);
  EXPECT_EQ(all[2].status, "verzögert");
  EXPECT_FALSE(all[2].progress);
  EXPECT_FALSE(all[0].imported_at.empty());
  auto h1 = storage->status_reports("Konzept", "2026-H1");
  ASSERT_EQ(h1.size(), 2u);
  EXPECT_EQ(h1[0].status, "begonnen");

  storage->save_plan(plan);  // a new version under the same name keeps them
  EXPECT_EQ(storage->status_reports("Konzept").size(), 3u);
  ASSERT_TRUE(storage->rename_plan("Konzept", "Konzept 2026"));
  EXPECT_TRUE(storage->status_reports("Konzept").empty());
  EXPECT_EQ(storage->status_reports("Konzept 2026"), all);
  ASSERT_TRUE(storage->remove_plan("Konzept 2026"));
  storage->save_plan(plan);
  EXPECT_TRUE(storage->status_reports("Konzept").empty());  // removed with their plan
}

TEST_P(StorageContract, StatusReportsAreAllOrNothing) {
  auto storage = GetParam().open();
  storage->save_plan(seed("Konzept"));
  EXPECT_THROW(storage->add_status_reports("fehlt", {{"k", "P", "geplant"}}), UsageError);
  EXPECT_THROW(storage->add_status_reports(
                   "Konzept", {{"k", "P", "geplant", 50}, {"k2", "P", "geplant", 101}}),
               UsageError);
  EXPECT_THROW(storage->add_status_reports("Konzept", {{"k", "P", "geplant\xff"}}), UsageError);
  EXPECT_TRUE(storage->status_reports("Konzept").empty());
}

TEST_P(StorageContract, TheStatusScaleIsTheDatabasesOwn) {
  auto storage = GetParam().open();
  EXPECT_EQ(storage->status_scale(), default_status_scale());
  storage->set_status_scale({"offen", "läuft", "erledigt"});
  EXPECT_EQ(storage->status_scale(), (std::vector<std::string>{"offen", "läuft", "erledigt"}));
  EXPECT_THROW(storage->set_status_scale({}), UsageError);
  EXPECT_THROW(storage->set_status_scale({"a", "a"}), UsageError);
  EXPECT_THROW(storage->set_status_scale({"a", " "}), UsageError);
  storage->save_plan(small("Klein"));
  storage->add_status_reports("Klein", {{"k", "P", "läuft"}});
  EXPECT_THROW(storage->set_status_scale({"offen", "erledigt"}), UsageError);  // "läuft" is used
  storage->set_status_scale({"läuft", "erledigt", "neu"});
  EXPECT_EQ(storage->status_scale().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StorageContract,
    ::testing::Values(Backend{"sqlite", [] { return open_database(temp_db("contract")); }},
                      Backend{"memory", [] { return make_memory_storage(); }}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SqliteStorage, FailedSaveLeavesTheOldPlanIntact) {
  const fs::path path = temp_db("atomic");
  auto storage = open_database(path);
  storage->save_plan(seed("Konzept"));
  Plan broken = seed("Konzept");
  broken.fields[5].key = broken.fields[0].key;  // UNIQUE fails late, after many rows
  EXPECT_THROW(storage->save_plan(broken), StorageError);
  auto loaded = storage->load_plan("Konzept");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, seed("Konzept"));
}

TEST(SqliteStorage, PersistsAcrossOpensWithForeignKeysOn) {
  const fs::path path = temp_db("persist");
  open_database(path)->save_plan(seed("Konzept"));
  auto storage = open_database(path);
  ASSERT_EQ(storage->list_plans().size(), 1u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

void write_raw(const fs::path& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(SqliteStorage, MigratesAVersion1Database) {
  const fs::path path = temp_db("v1");
  const Plan plan = seed("Konzept");
  open_database(path)->save_plan(plan);
  // What an eduplan of schema 1 left behind: no attribute table, user_version 1.
  write_raw(path,
            "DROP TABLE focus_area_attribute; DROP TABLE status_report; DROP TABLE status_scale; "
            "PRAGMA user_version = 1");
  auto storage = open_database(path);
  EXPECT_EQ(*storage->load_plan("Konzept"), plan);
  EXPECT_EQ(storage->status_scale(), default_status_scale());  // schema 3 added on the way
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(SqliteStorage, RefusesNewerSchemaForeignDatabasesAndNonDatabases) {
  const fs::path newer = temp_db("newer");
  write_raw(newer, "PRAGMA user_version = 99");
  EXPECT_THROW(open_database(newer), StorageError);
  const fs::path foreign = temp_db("foreign");
  write_raw(foreign, "CREATE TABLE kunden(id)");
  EXPECT_THROW(open_database(foreign), StorageError);
  const fs::path text = temp_db("text");
  {
    std::ofstream(text)
        << "no database, just a text file with enough bytes to look like a header......";
  }
  try {
    open_database(text);
    FAIL() << "expected StorageError";
  } catch (const StorageError& e) {
    EXPECT_NE(std::string(e.what()).find(text.string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace eduplan
