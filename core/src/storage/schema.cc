#include "storage/schema.h"

#include <sqlite3.h>

#include <array>
#include <boost/mp11/algorithm.hpp>
#include <climits>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "eduplan/storage.h"

namespace eduplan::schema {
namespace {

// kMigrations[i] brings a database from version i to i + 1. Append only.
constexpr std::array<std::string_view, kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE plan (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE field (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  key         TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  UNIQUE (plan_id, position),
  UNIQUE (plan_id, key)
);
CREATE TABLE focus_area (
  id          INTEGER PRIMARY KEY,
  field_id    INTEGER NOT NULL REFERENCES field(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  key         TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  UNIQUE (field_id, position)
);
CREATE INDEX focus_area_key ON focus_area(key);
CREATE TABLE org_unit (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  parent_id   INTEGER REFERENCES org_unit(id) ON DELETE CASCADE,
  is_division INTEGER NOT NULL CHECK (is_division IN (0, 1)),
  key         TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  UNIQUE (plan_id, key)
);
CREATE INDEX org_unit_parent ON org_unit(parent_id);
CREATE TABLE responsibility (
  focus_area_id   INTEGER NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE,
  org_unit_id     INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  source_line     INTEGER NOT NULL,
  written_name    TEXT NOT NULL,
  stated_division TEXT NOT NULL,
  split_from      TEXT NOT NULL,
  PRIMARY KEY (focus_area_id, org_unit_id)
) WITHOUT ROWID;
CREATE INDEX responsibility_unit ON responsibility(org_unit_id);
CREATE TABLE objective (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  key         TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  UNIQUE (plan_id, key)
);
CREATE TABLE field_objective (
  field_id     INTEGER NOT NULL REFERENCES field(id) ON DELETE CASCADE,
  objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  source_line  INTEGER NOT NULL,
  PRIMARY KEY (field_id, objective_id)
) WITHOUT ROWID;
CREATE INDEX field_objective_objective ON field_objective(objective_id);
CREATE TABLE finding (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message     TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  subject     TEXT NOT NULL
);
CREATE INDEX finding_plan ON finding(plan_id);
)sql",
    // 2: further columns of focus-area tables (Zeitraum, Status, …).
    R"sql(
CREATE TABLE focus_area_attribute (
  focus_area_id INTEGER NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  value         TEXT NOT NULL,
  PRIMARY KEY (focus_area_id, position)
) WITHOUT ROWID;
)sql",
    // 3: monitoring — the status scale and the status reports (tied to plans by name and to
    // responsibilities by key, so that re-imported plan versions keep them).
    R"sql(
CREATE TABLE status_scale (
  position INTEGER PRIMARY KEY,
  status   TEXT NOT NULL UNIQUE
);
CREATE TABLE status_report (
  sequence    INTEGER PRIMARY KEY,
  plan        TEXT NOT NULL,
  key         TEXT NOT NULL,
  period      TEXT NOT NULL,
  status      TEXT NOT NULL,
  progress    INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),
  note        TEXT NOT NULL,
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX status_report_plan ON status_report(plan, period, key);
)sql",
};

// The tables and columns eduplan reads, with the schema version that added them.
struct TableSpec {
  std::string_view name;
  int since;
  std::vector<std::string> columns;
};

template <class Row>
std::vector<std::string> columns_of(std::initializer_list<const char*> extra) {
  std::vector<std::string> out(extra.begin(), extra.end());
  boost::mp11::mp_for_each<sqlite::RowMembers<Row>>([&](auto d) { out.emplace_back(d.name); });
  return out;
}

const std::vector<TableSpec>& table_specs() {
  static const std::vector<TableSpec> specs = {
      {"plan", 1, columns_of<PlanRow>({"id", "imported_at"})},
      {"field", 1, columns_of<FieldRow>({"id"})},
      {"focus_area", 1, columns_of<FocusAreaRow>({"id"})},
      {"org_unit", 1, columns_of<OrgUnitRow>({"id"})},
      {"responsibility", 1, columns_of<ResponsibilityRow>({})},
      {"objective", 1, columns_of<ObjectiveRow>({"id"})},
      {"field_objective", 1, columns_of<FieldObjectiveRow>({})},
      {"finding", 1, columns_of<FindingRow>({"id"})},
      {"focus_area_attribute", 2, columns_of<FocusAreaAttributeRow>({})},
      {"status_scale", 3, {"position", "status"}},
      {"status_report", 3,
       {"sequence", "plan", "key", "period", "status", "progress", "note", "source",
        "imported_at"}},
  };
  return specs;
}

// What a file holds, read in one transaction.
struct State {
  std::int64_t version = 0;
  std::int64_t application_id = 0;
  std::int64_t objects = 0;                             // tables, indexes, views, triggers
  std::map<std::string, std::set<std::string>> tables;  // table -> its columns
};

std::int64_t pragma(sqlite::Database& db, const char* name) {
  sqlite::Statement st(db, std::string("PRAGMA ") + name);
  st.step();
  return st.integer(0, INT64_MIN, INT64_MAX);
}

State inspect(sqlite::Database& db) {
  State s;
  s.version = pragma(db, "user_version");  // fails here for a file that is not SQLite
  s.application_id = pragma(db, "application_id");
  sqlite::Statement count(db, "SELECT count(*) FROM sqlite_master");
  count.step();
  count.column(0, s.objects);
  // Only eduplan's tables: other software may add its own, also virtual ones whose module
  // this process does not have (pragma_table_info would fail on them).
  std::string names;
  for (const auto& spec : table_specs())
    names += (names.empty() ? "'" : ", '") + std::string(spec.name) + "'";
  sqlite::Statement columns(
      db,
      "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c "
      "WHERE m.type = 'table' AND m.name IN (" +
          names + ")");
  while (columns.step()) {
    std::string table, column;
    columns.column(0, table);
    columns.column(1, column);
    s.tables[table].insert(column);
  }
  return s;
}

[[noreturn]] void not_ours(sqlite::Database& db, const std::string& why) {
  throw StorageError(tr({"{0}: keine eduplan-Datenbank: {1}", "{0}: not an eduplan database: {1}"},
                        db.path(), why));
}

// Throws unless `s` is an eduplan database this build can use (or an empty file, when
// `may_create`).
void verify(sqlite::Database& db, const State& s, bool may_create) {
  if (s.application_id != 0 && s.application_id != kApplicationId) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08llx",
                  static_cast<unsigned long long>(s.application_id) & 0xffffffffULL);
    not_ours(db, tr({"SQLite-Datei einer anderen Anwendung, application_id {0}",
                     "an SQLite file of another application, application_id {0}"},
                    hex));
  }
  if (s.version < 0) {
    not_ours(db, tr({"ungültige Schema-Version {0} (PRAGMA user_version)",
                     "invalid schema version {0} (PRAGMA user_version)"},
                    static_cast<long long>(s.version)));
  }
  if (s.version > kSchemaVersion) {
    throw StorageError(
        tr({"{0}: Datenbank hat Schema-Version {1}, dieses eduplan kennt nur bis {2} "
            "(neueres eduplan verwenden)",
            "{0}: the database has schema version {1}, this eduplan knows up to {2} "
            "(use a newer eduplan)"},
           db.path(), static_cast<long long>(s.version), kSchemaVersion));
  }
  if (s.version == 0) {
    if (s.objects > 0) {
      not_ours(db, tr({"eine SQLite-Datenbank mit Tabellen, aber ohne eduplan-Schema-Version",
                       "an SQLite database with tables, but without an eduplan schema version"}));
    }
    if (!may_create) {
      not_ours(
          db, tr({"leer; „eduplan import“ legt eine an", "empty; \"eduplan import\" creates one"}));
    }
    return;
  }
  for (const auto& spec : table_specs()) {
    if (spec.since > s.version) continue;
    const auto table = s.tables.find(std::string(spec.name));
    if (table == s.tables.end())
      not_ours(db, tr({"Tabelle {0} fehlt", "table {0} is missing"}, spec.name));
    for (const auto& column : spec.columns) {
      if (!table->second.count(column)) {
        not_ours(db, tr({"Spalte {0}.{1} fehlt", "column {0}.{1} is missing"}, spec.name, column));
      }
    }
  }
}

State inspect_consistently(sqlite::Database& db) {
  sqlite::Transaction read(db, sqlite::Transaction::read);
  State s = inspect(db);
  read.commit();
  return s;
}

}  // namespace

int prepare_for_writing(sqlite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");  // per connection; a no-op inside a transaction
  State s = inspect_consistently(db);
  verify(db, s, true);
  if (s.version == kSchemaVersion && s.application_id == kApplicationId) return kSchemaVersion;
  // Another process may be creating or migrating the same file right now: decide again under
  // the write lock, which it holds until its work is committed.
  sqlite::Transaction tx(db);
  s = inspect(db);
  verify(db, s, true);
  for (auto v = s.version; v < kSchemaVersion; ++v)
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  tx.commit();
  return kSchemaVersion;
}

int check_for_reading(sqlite::Database& db) {
  db.exec("PRAGMA query_only = ON");
  const State s = inspect_consistently(db);
  verify(db, s, false);
  return static_cast<int>(s.version);
}

}  // namespace eduplan::schema
