// Plain-text output of findings and summaries for the terminal (German).
#pragma once

#include <eduplan/model.h>
#include <eduplan/summary.h>

#include <ostream>
#include <string_view>
#include <vector>

namespace eduplan::cli {

// One line per finding: "FILE:LINE: Warnung: message [rule]".
void print_findings(std::ostream& out, std::string_view file, const std::vector<Finding>& findings);

// Counts per field, responsible units by number of focus areas, findings by severity.
void print_summary(std::ostream& out, const PlanSummary& summary);

}  // namespace eduplan::cli
