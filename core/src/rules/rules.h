// The validation rules, grouped by what they look at (internal). Each appends findings.
#pragma once

#include <memory>
#include <vector>

#include "eduplan/model.h"
#include "eduplan/units_directory.h"
#include "model/rule_catalog.h"

namespace eduplan {

// Each group of rules is run field by field, so that a plan can be checked while it is built
// and stored (see PlanRules): check_field() once a field is complete — its units and objectives
// are in the plan, later fields need not exist yet — and finish() once at the end. Findings go
// to the vector given when the group was made.
class UnitRules;       // unit_rules.cc
class StructureRules;  // structure_rules.cc
struct RulesDelete {
  void operator()(UnitRules* rules) const;
  void operator()(StructureRules* rules) const;
};
template <class Rules>
using RulesPtr = std::unique_ptr<Rules, RulesDelete>;

RulesPtr<UnitRules> unit_rules(const UnitsDirectory* directory, std::vector<Finding>& out);
void check_field(UnitRules& rules, const Plan& plan, const Field& field);
void finish(UnitRules& rules, const Plan& plan);

RulesPtr<StructureRules> structure_rules(std::vector<Finding>& out);
void check_field(StructureRules& rules, const Plan& plan, const Field& field);
void finish(StructureRules& rules, const Plan& plan);

// All rules, field by field: what validate() does for a whole plan.
class PlanRules {
 public:
  explicit PlanRules(const UnitsDirectory* directory);
  PlanRules(const PlanRules&) = delete;
  PlanRules& operator=(const PlanRules&) = delete;

  void field(const Plan& plan, std::size_t index);
  std::vector<Finding> finish(const Plan& plan);  // sorted, as validate() returns them

 private:
  std::vector<Finding> unit_findings_, structure_findings_;
  RulesPtr<UnitRules> units_;
  RulesPtr<StructureRules> structure_;
};

}  // namespace eduplan
