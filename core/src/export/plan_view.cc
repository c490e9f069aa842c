#include "export/plan_view.h"

#include "eduplan/enum_text.h"

namespace eduplan {
namespace {

eduplan_str str(const std::string& s) { return {s.data(), s.size()}; }

}  // namespace

PlanView::PlanView(const Plan& plan) {
  for (const auto& u : plan.units) {
    units_.push_back(
        {str(u.name), u.parent ? *u.parent : EDUPLAN_NO_INDEX, u.is_division ? 1 : 0, str(u.key)});
  }
  for (const auto& o : plan.objectives) objectives_.push_back({str(o.text), str(o.key)});
  severities_.reserve(plan.findings.size());
  for (const auto& f : plan.findings) {
    severities_.push_back(to_text(f.severity));
    findings_.push_back(
        {str(f.rule), str(severities_.back()), str(f.message), f.line, str(f.subject)});
  }
  std::size_t focus_total = 0;
  for (const auto& field : plan.fields) focus_total += field.focus_areas.size();
  unit_lists_.reserve(focus_total);  // no reallocation: focus views point into these vectors
  attribute_items_.reserve(focus_total);
  attribute_lists_.reserve(plan.fields.size());
  attributes_.reserve(plan.fields.size());
  focus_areas_.reserve(plan.fields.size());
  objective_lists_.reserve(plan.fields.size());
  for (const auto& field : plan.fields) {
    auto& areas = focus_areas_.emplace_back();
    for (const auto& fa : field.focus_areas) {
      auto& units = unit_lists_.emplace_back();
      for (const auto& r : fa.responsibilities) units.push_back(r.unit);
      areas.push_back({str(fa.text), str(fa.key), fa.source_line, units.data(), units.size()});
    }
    auto& lists = attribute_lists_.emplace_back();
    for (const auto& fa : field.focus_areas) {
      auto& items = attribute_items_.emplace_back();
      for (const auto& a : fa.attributes) items.push_back({str(a.name), str(a.value)});
      lists.push_back({items.data(), items.size()});
    }
    attributes_.push_back(lists.data());
    auto& objectives = objective_lists_.emplace_back();
    for (const auto& ref : field.objectives) objectives.push_back(ref.objective);
    fields_.push_back({str(field.title), str(field.key), areas.data(), areas.size(),
                       objectives.data(), objectives.size()});
  }
  view_ = {sizeof(eduplan_plan_view),
           str(plan.name),
           str(plan.title),
           str(plan.source),
           fields_.data(),
           fields_.size(),
           units_.data(),
           units_.size(),
           objectives_.data(),
           objectives_.size(),
           findings_.data(),
           findings_.size(),
           attributes_.data()};
}

}  // namespace eduplan
