// The SQLite schema (internal): migrations and the row types of each table. The row
// types are described, so inserting and reading them is generic (sqlite_handle.h).
// Documented for other software in docs/schema.md; keep both in step.
#pragma once

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "eduplan/model.h"
#include "sqlite_handle.h"

namespace eduplan::schema {

// Brings the database to kSchemaVersion inside one transaction, or throws StorageError
// (also for a database newer than this build or a file that is not an eduplan database).
void migrate(sqlite::Database& db);

// Columns written by eduplan, in insert order; every table also has `id` where noted.
struct PlanRow {  // table plan (id)
  std::string name, title, source;
};
BOOST_DESCRIBE_STRUCT(PlanRow, (), (name, title, source))

struct FieldRow {  // table field (id)
  std::int64_t plan_id = 0, position = 0;
  std::string title, key;
  std::int64_t source_line = 0;
};
BOOST_DESCRIBE_STRUCT(FieldRow, (), (plan_id, position, title, key, source_line))

struct FocusAreaRow {  // table focus_area (id)
  std::int64_t field_id = 0, position = 0;
  std::string text, key;
  std::int64_t source_line = 0;
};
BOOST_DESCRIBE_STRUCT(FocusAreaRow, (), (field_id, position, text, key, source_line))

struct OrgUnitRow {  // table org_unit (id)
  std::int64_t plan_id = 0;
  std::string name;
  std::optional<std::int64_t> parent_id;
  bool is_division = false;
  std::string key;
  std::int64_t source_line = 0;
};
BOOST_DESCRIBE_STRUCT(OrgUnitRow, (), (plan_id, name, parent_id, is_division, key, source_line))

struct ResponsibilityRow {  // table responsibility
  std::int64_t focus_area_id = 0, org_unit_id = 0, position = 0, source_line = 0;
  std::string written_name, stated_division, split_from;
};
BOOST_DESCRIBE_STRUCT(ResponsibilityRow, (),
                      (focus_area_id, org_unit_id, position, source_line, written_name, stated_division,
                       split_from))

struct ObjectiveRow {  // table objective (id)
  std::int64_t plan_id = 0;
  std::string text, key;
  std::int64_t source_line = 0;
};
BOOST_DESCRIBE_STRUCT(ObjectiveRow, (), (plan_id, text, key, source_line))

struct FieldObjectiveRow {  // table field_objective
  std::int64_t field_id = 0, objective_id = 0, position = 0, source_line = 0;
};
BOOST_DESCRIBE_STRUCT(FieldObjectiveRow, (), (field_id, objective_id, position, source_line))

struct FindingRow {  // table finding (id)
  std::int64_t plan_id = 0;
  std::string rule;
  Severity severity = Severity::info;
  std::string message;
  std::int64_t source_line = 0;
  std::string subject;
};
BOOST_DESCRIBE_STRUCT(FindingRow, (), (plan_id, rule, severity, message, source_line, subject))

}  // namespace eduplan::schema
