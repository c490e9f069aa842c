// The validation rules, grouped by what they look at (internal). Each appends findings.
#pragma once

#include <vector>

#include "eduplan/model.h"
#include "eduplan/units_directory.h"
#include "model/rule_catalog.h"

namespace eduplan {

void check_units(const Plan& plan, const UnitsDirectory* directory, std::vector<Finding>& out);
void check_structure(const Plan& plan, std::vector<Finding>& out);

}  // namespace eduplan
