#include "eduplan/summary.h"

#include "eduplan/plan_stream.h"
#include "model/summary_builder.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace eduplan {

PlanSummary summarize(const Plan& plan) {
  return summarize(outline_of(plan), *stream_of(plan), *findings_of(plan));
}

void SummaryBuilder::area(std::size_t field, const FocusArea& area) {
  if (per_field_.size() <= field) per_field_.resize(field + 1);
  ++per_field_[field].focus_areas;
  ++focus_areas_;
  per_field_[field].responsibilities += area.responsibilities.size();
  responsibilities_ += area.responsibilities.size();
  for (const auto& r : area.responsibilities) {
    if (focus_count_.size() <= r.unit) {
      focus_count_.resize(r.unit + 1, 0);
      fields_of_.resize(r.unit + 1);
    }
    ++focus_count_[r.unit];
    fields_of_[r.unit].insert(field);
  }
}

PlanSummary SummaryBuilder::finish(const Plan& plan, FindingStream& findings) {
  if (focus_count_.size() > plan.units.size()) throw std::out_of_range("responsibility's unit");
  PlanSummary s;
  s.name = plan.name;
  s.source = plan.source;
  s.objectives = plan.objectives.size();
  s.focus_areas = focus_areas_;
  s.responsibilities = responsibilities_;
  per_field_.resize(plan.fields.size());
  for (std::size_t f = 0; f < plan.fields.size(); ++f) {
    const Field& field = plan.fields[f];
    s.fields.push_back({field.title, per_field_[f].focus_areas, per_field_[f].responsibilities,
                        field.objectives.size()});
    s.objective_links += field.objectives.size();
  }
  for (std::size_t u = 0; u < std::min(plan.units.size(), focus_count_.size()); ++u) {
    if (focus_count_[u] == 0) continue;
    const OrgUnit& unit = plan.units[u];
    s.units.push_back({unit.name, unit.parent ? plan.units[*unit.parent].name : "",
                       unit.is_division, focus_count_[u], fields_of_[u].size()});
  }
  std::stable_sort(s.units.begin(), s.units.end(), [](const UnitSummary& a, const UnitSummary& b) {
    return a.focus_areas != b.focus_areas ? a.focus_areas > b.focus_areas : a.name < b.name;
  });
  findings.rewind();
  while (const Finding* found = findings.next()) {
    switch (found->severity) {
      case Severity::error:
        ++s.errors;
        break;
      case Severity::warning:
        ++s.warnings;
        break;
      case Severity::info:
        ++s.infos;
        break;
    }
  }
  *this = SummaryBuilder{};
  return s;
}

PlanSummary summarize(const PlanOutline& outline, FocusAreaStream& focus_areas,
                      FindingStream& findings) {
  SummaryBuilder builder;
  focus_areas.rewind();
  while (auto row = focus_areas.next()) {
    if (row->field >= outline.plan.fields.size()) throw std::out_of_range("focus area's field");
    builder.area(row->field, *row->area);
  }
  return builder.finish(outline.plan, findings);
}

}  // namespace eduplan
