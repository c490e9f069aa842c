// Turns a RawDocument into a Plan (internal): splits unit lists, resolves spelling
// variants through the directory, splits "A und B" compounds, assigns divisions and
// stable keys. Records for every responsibility how it was written, so that the
// validation rules can report what was resolved.
#pragma once

#include "eduplan/model.h"
#include "eduplan/units_directory.h"
#include "parse/raw_document.h"

namespace eduplan {

// `directory` may be null. Adds findings only for what the rules cannot see later.
Plan resolve(const RawDocument& doc, const UnitsDirectory* directory,
             std::vector<Finding>& findings);

// True for "BOB" and "Dezernat <Roman numeral>" (any case).
bool looks_like_division(std::string_view name);

}  // namespace eduplan
