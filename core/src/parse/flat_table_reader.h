// Reading the CSV exporter's flat plan table back into a Plan (internal), so that a plan
// exported, edited in Excel and imported again comes back identical.
//
// Columns: kind, field, no, focus_area, division, unit, objective (German or English
// header); ';' or ',' (from the header); optional UTF-8 BOM; one leading ' removed where
// the exporter neutralised a formula.
#pragma once

#include <string_view>

#include "eduplan/model.h"

namespace eduplan {

// True if `document` starts (after an optional BOM) with the flat table's header.
bool looks_like_flat_table(std::string_view document);

// Errors (wrong header, field count, unknown kind, missing texts) are findings with lines.
Plan read_flat_table(std::string_view document, std::vector<Finding>& findings);

}  // namespace eduplan
