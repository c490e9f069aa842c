// Reads one stored plan back into the model (internal), checking what it reads as the reader
// checks a document: the schema is public and other software writes to it, so nothing in a row
// is trusted (docs/schema.md, "What eduplan checks when it reads").
#pragma once

#include <optional>
#include <string_view>

#include "eduplan/model.h"
#include "eduplan/plan_stream.h"
#include "storage/sqlite_handle.h"

namespace eduplan {

// The plan stored under `name`, or nothing. `version` is the database's schema version (1 has
// no focus_area_attribute). Call it inside a read transaction, so that the rows come from one
// state of the database. Throws StorageError naming the file, table, row and column of the first
// value that breaks the schema's rules: a reference to a row that is missing or belongs to
// another plan, a unit's parent that is itself or not a division, a division with a parent, a
// negative position or line, a value of the wrong type, text that is not UTF-8.
std::optional<Plan> load_stored_plan(sqlite::Database& db, int version, std::string_view name);

// The outline of the plan (no focus areas, no findings; their counts and the further columns'
// names), with the same checks.
std::optional<PlanOutline> load_stored_outline(sqlite::Database& db, int version,
                                               std::string_view name);

}  // namespace eduplan
