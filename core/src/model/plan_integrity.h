// What a plan must be before it may be stored (internal): every name that must be unique is
// unique, every index points to an element, every unit's division is a division, every text is
// UTF-8. The readers build plans that are; this check makes sure of it for every document,
// so that a contradiction is a finding with a line, never a database constraint that fails.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "eduplan/model.h"

namespace eduplan {

// Appends an error (rule name-conflict, or encoding-invalid-utf8 for a text that is no UTF-8)
// for each problem; returns false if there was one.
bool check_plan_integrity(const Plan& plan, std::vector<Finding>& findings);

// The same check for a plan that is built and stored a field at a time: field(plan, f) once
// field f is complete (its units and objectives are in plan.units and plan.objectives; later
// fields need not exist yet, and f's focus areas may be dropped after the call) — it checks the
// field and the units and objectives added since the last call, and returns false if any of
// them has a problem, so that nothing of it is stored —, then finish(plan) once, with the
// findings in the order check_plan_integrity gives them.
class PlanIntegrity {
 public:
  bool field(const Plan& plan, std::size_t index);
  bool finish(const Plan& plan, std::vector<Finding>& findings);

 private:
  void new_units(const Plan& plan);
  void new_objectives(const Plan& plan);
  std::size_t problems() const;

  std::unordered_map<std::string, std::size_t> unit_by_key_;
  std::size_t units_checked_ = 0;
  std::unordered_map<std::string, int> objective_lines_;  // by objective key
  std::size_t objectives_checked_ = 0;
  std::unordered_map<std::string, int> field_lines_;  // by field key
  std::vector<Finding> unit_conflicts_, field_conflicts_, objective_conflicts_;
  std::vector<Finding> field_texts_, unit_texts_, objective_texts_;
};

}  // namespace eduplan
