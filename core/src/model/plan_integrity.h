// What a plan must be before it may be stored (internal): every name that must be unique is
// unique, every index points to an element, every unit's division is a division, every text is
// UTF-8. The readers build plans that are; this check makes sure of it for every document,
// so that a contradiction is a finding with a line, never a database constraint that fails.
#pragma once

#include <vector>

#include "eduplan/model.h"

namespace eduplan {

// Appends an error (rule name-conflict, or encoding-invalid-utf8 for a text that is no UTF-8)
// for each problem; returns false if there was one.
bool check_plan_integrity(const Plan& plan, std::vector<Finding>& findings);

}  // namespace eduplan
