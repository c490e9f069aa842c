// The C view of a Plan handed to exporter modules (internal). Owns the arrays; the
// strings point into the Plan, which must outlive the view.
#pragma once

#include <string>
#include <vector>

#include "eduplan/exporter_abi.h"
#include "eduplan/model.h"

namespace eduplan {

class PlanView {
 public:
  explicit PlanView(const Plan& plan);
  PlanView(const PlanView&) = delete;
  PlanView& operator=(const PlanView&) = delete;
  const eduplan_plan_view* get() const { return &view_; }

 private:
  std::vector<eduplan_unit_view> units_;
  std::vector<eduplan_objective_view> objectives_;
  std::vector<eduplan_finding_view> findings_;
  std::vector<eduplan_field_view> fields_;
  std::vector<std::vector<eduplan_focus_area_view>> focus_areas_;  // per field
  std::vector<std::vector<size_t>> unit_lists_;                    // per focus area
  std::vector<std::vector<size_t>> objective_lists_;               // per field
  std::vector<std::string> severities_;
  std::vector<std::vector<eduplan_attribute>> attribute_items_;       // per focus area
  std::vector<std::vector<eduplan_attribute_list>> attribute_lists_;  // per field
  std::vector<const eduplan_attribute_list*> attributes_;             // per field
  eduplan_plan_view view_{};
};

}  // namespace eduplan
