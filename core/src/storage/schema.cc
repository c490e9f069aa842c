#include "storage/schema.h"

#include <sqlite3.h>

#include <array>

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
};

int user_version(sqlite::Database& db) {
  sqlite::Statement st(db, "PRAGMA user_version");
  st.step();
  std::int64_t v = 0;
  st.column(0, v);
  return static_cast<int>(v);
}

// True if the database has tables but none of eduplan's.
bool foreign_database(sqlite::Database& db) {
  sqlite::Statement st(
      db,
      "SELECT count(*), count(CASE WHEN name = 'plan' THEN 1 END) FROM sqlite_master "
      "WHERE type = 'table'");
  st.step();
  std::int64_t tables = 0, ours = 0;
  st.column(0, tables);
  st.column(1, ours);
  return tables > 0 && ours == 0;
}

}  // namespace

void migrate(sqlite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  int version = user_version(db);  // fails here for a file that is not SQLite
  if (version > kSchemaVersion) {
    throw StorageError(
        tr({"{0}: Datenbank hat Schema-Version {1}, dieses eduplan kennt nur bis {2} "
            "(neueres eduplan verwenden)",
            "{0}: the database has schema version {1}, this eduplan knows up to {2} "
            "(use a newer eduplan)"},
           db.path(), version, kSchemaVersion));
  }
  if (version == kSchemaVersion) return;
  if (version == 0 && foreign_database(db)) {
    throw StorageError(tr({"{0}: SQLite-Datenbank, aber keine eduplan-Datenbank",
                           "{0}: an SQLite database, but not an eduplan database"},
                          db.path()));
  }
  sqlite::Transaction tx(db);
  for (int v = version; v < kSchemaVersion; ++v) db.exec(kMigrations[static_cast<std::size_t>(v)]);
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  tx.commit();
}

}  // namespace eduplan::schema
