// Shared by the fuzz targets (docs/fuzzing.md): the documented contracts of a read plan,
// checked after every input so that a broken promise is a crash libFuzzer reports, and the
// example files compiled into the targets, so that a target runs without the source tree.
#pragma once

#include <string_view>

#include "eduplan/model.h"
#include "eduplan/units_directory.h"

namespace eduplan::fuzz {

// Aborts with a message if `plan` breaks what eduplan/reader.h and eduplan/model.h promise:
// findings sorted by line, a rejected plan empty, indices in range, a unit's parent a
// division, no unit twice in one focus area, every text valid UTF-8 without NUL bytes (the
// database and the JSON output need that).
void check_plan(const Plan& plan);

// Aborts with `what` if `ok` is false.
void require(bool ok, const char* what);

// examples/verwaltungsgliederung.csv, parsed once.
const UnitsDirectory& example_directory();
// The start of examples/bildungskonzept.md (the plan the example directory belongs to): its
// title and first two fields, a third of the text with most of its forms of unit names.
std::string_view example_plan_start();

}  // namespace eduplan::fuzz
