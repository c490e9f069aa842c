// The SQLite schema (internal): migrations and the row types of each table. The row
// types are described, so inserting and reading them is generic (sqlite_handle.h).
// Documented for other software in docs/schema.md; keep both in step.
#pragma once

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "eduplan/model.h"
#include "storage/sqlite_handle.h"

namespace eduplan::schema {

// Makes `db` ready for writing: creates eduplan's tables in an empty database, or brings an
// older one to kSchemaVersion, inside one write transaction (safe when several processes open
// a new file at once), and marks it with kApplicationId. Returns the schema version.
// Throws StorageError naming the file for a file that is not an eduplan database (another
// application's, or one whose tables lack eduplan's columns), a schema version that is
// negative or newer than this build, or a file that is not SQLite.
int prepare_for_writing(sqlite::Database& db);

// The same checks for reading, without writing anything: returns the schema version (1 up to
// kSchemaVersion; older versions are read as they are). An empty file is refused too.
int check_for_reading(sqlite::Database& db);

// Columns written by eduplan, in insert order; every table also has `id` where noted.
// Each row exists twice: with owning strings for reading, and as a *View over the Plan's
// strings for writing without copies.
template <class Text>
struct PlanRowT {  // table plan (id)
  Text name, title, source;
  BOOST_DESCRIBE_CLASS(PlanRowT, (), (name, title, source), (), ())
};
using PlanRow = PlanRowT<std::string>;
using PlanRowView = PlanRowT<std::string_view>;

template <class Text>
struct FieldRowT {  // table field (id)
  std::int64_t plan_id = 0, position = 0;
  Text title, key;
  std::int64_t source_line = 0;
  BOOST_DESCRIBE_CLASS(FieldRowT, (), (plan_id, position, title, key, source_line), (), ())
};
using FieldRow = FieldRowT<std::string>;
using FieldRowView = FieldRowT<std::string_view>;

template <class Text>
struct FocusAreaRowT {  // table focus_area (id)
  std::int64_t field_id = 0, position = 0;
  Text text, key;
  std::int64_t source_line = 0;
  BOOST_DESCRIBE_CLASS(FocusAreaRowT, (), (field_id, position, text, key, source_line), (), ())
};
using FocusAreaRow = FocusAreaRowT<std::string>;
using FocusAreaRowView = FocusAreaRowT<std::string_view>;

template <class Text>
struct OrgUnitRowT {  // table org_unit (id)
  std::int64_t plan_id = 0;
  Text name;
  std::optional<std::int64_t> parent_id;
  bool is_division = false;
  Text key;
  std::int64_t source_line = 0;
  BOOST_DESCRIBE_CLASS(OrgUnitRowT, (), (plan_id, name, parent_id, is_division, key, source_line),
                       (), ())
};
using OrgUnitRow = OrgUnitRowT<std::string>;
using OrgUnitRowView = OrgUnitRowT<std::string_view>;

template <class Text>
struct ResponsibilityRowT {  // table responsibility
  std::int64_t focus_area_id = 0, org_unit_id = 0, position = 0, source_line = 0;
  Text written_name, stated_division, split_from;
  BOOST_DESCRIBE_CLASS(ResponsibilityRowT, (),
                       (focus_area_id, org_unit_id, position, source_line, written_name,
                        stated_division, split_from),
                       (), ())
};
using ResponsibilityRow = ResponsibilityRowT<std::string>;
using ResponsibilityRowView = ResponsibilityRowT<std::string_view>;

template <class Text>
struct FocusAreaAttributeRowT {  // table focus_area_attribute (since schema 2)
  std::int64_t focus_area_id = 0, position = 0;
  Text name, value;
  BOOST_DESCRIBE_CLASS(FocusAreaAttributeRowT, (), (focus_area_id, position, name, value), (), ())
};
using FocusAreaAttributeRow = FocusAreaAttributeRowT<std::string>;
using FocusAreaAttributeRowView = FocusAreaAttributeRowT<std::string_view>;

template <class Text>
struct ObjectiveRowT {  // table objective (id)
  std::int64_t plan_id = 0;
  Text text, key;
  std::int64_t source_line = 0;
  BOOST_DESCRIBE_CLASS(ObjectiveRowT, (), (plan_id, text, key, source_line), (), ())
};
using ObjectiveRow = ObjectiveRowT<std::string>;
using ObjectiveRowView = ObjectiveRowT<std::string_view>;

template <class Text>
struct FieldObjectiveRowT {  // table field_objective
  std::int64_t field_id = 0, objective_id = 0, position = 0, source_line = 0;
  BOOST_DESCRIBE_CLASS(FieldObjectiveRowT, (), (field_id, objective_id, position, source_line), (),
                       ())
};
using FieldObjectiveRow = FieldObjectiveRowT<std::string>;
using FieldObjectiveRowView = FieldObjectiveRowT<std::string_view>;

template <class Text>
struct FindingRowT {  // table finding (id)
  std::int64_t plan_id = 0;
  Text rule;
  Severity severity = Severity::info;
  Text message;
  std::int64_t source_line = 0;
  Text subject;
  BOOST_DESCRIBE_CLASS(FindingRowT, (), (plan_id, rule, severity, message, source_line, subject),
                       (), ())
};
using FindingRow = FindingRowT<std::string>;
using FindingRowView = FindingRowT<std::string_view>;

}  // namespace eduplan::schema
