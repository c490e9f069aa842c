// Turns a RawDocument into a Plan (internal): splits unit lists, resolves spelling
// variants through the directory, splits "A und B" compounds, assigns divisions and
// stable keys. Records for every responsibility how it was written, so that the
// validation rules can report what was resolved.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "eduplan/model.h"
#include "eduplan/units_directory.h"
#include "parse/raw_document.h"

namespace eduplan {

// Called once each field is built, with the plan as far as it is: the new field is
// plan.fields.back(), its units and objectives are in plan.units and plan.objectives. It may
// drop the field's focus areas (once they are stored): later fields do not need them.
using FieldBuilt = std::function<void(Plan& plan)>;

// `directory` may be null. Adds findings only for what the rules cannot see later. Takes the
// document by value: unit entries are split where a line break was lost.
Plan resolve(RawDocument doc, const UnitsDirectory* directory, std::vector<Finding>& findings,
             const FieldBuilt& field_built = {});

}  // namespace eduplan
