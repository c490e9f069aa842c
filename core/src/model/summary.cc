#include "eduplan/summary.h"

#include "eduplan/plan_stream.h"

#include <algorithm>
#include <set>

namespace eduplan {

PlanSummary summarize(const Plan& plan) {
  return summarize(outline_of(plan), *stream_of(plan), *findings_of(plan));
}

PlanSummary summarize(const PlanOutline& outline, FocusAreaStream& focus_areas,
                      FindingStream& findings) {
  const Plan& plan = outline.plan;
  PlanSummary s;
  s.name = plan.name;
  s.source = plan.source;
  s.objectives = plan.objectives.size();
  std::vector<std::size_t> focus_count(plan.units.size(), 0);
  std::vector<std::set<std::size_t>> fields_of(plan.units.size());
  for (std::size_t f = 0; f < plan.fields.size(); ++f) {
    const Field& field = plan.fields[f];
    s.fields.push_back({field.title, 0, 0, field.objectives.size()});
    s.objective_links += field.objectives.size();
  }
  focus_areas.rewind();
  while (auto row = focus_areas.next()) {
    FieldSummary& fs = s.fields.at(row->field);
    ++fs.focus_areas;
    ++s.focus_areas;
    fs.responsibilities += row->area->responsibilities.size();
    s.responsibilities += row->area->responsibilities.size();
    for (const auto& r : row->area->responsibilities) {
      ++focus_count.at(r.unit);
      fields_of[r.unit].insert(row->field);
    }
  }
  for (std::size_t u = 0; u < plan.units.size(); ++u) {
    if (focus_count[u] == 0) continue;
    const OrgUnit& unit = plan.units[u];
    s.units.push_back({unit.name, unit.parent ? plan.units[*unit.parent].name : "",
                       unit.is_division, focus_count[u], fields_of[u].size()});
  }
  std::stable_sort(s.units.begin(), s.units.end(), [](const UnitSummary& a, const UnitSummary& b) {
    return a.focus_areas != b.focus_areas ? a.focus_areas > b.focus_areas : a.name < b.name;
  });
  findings.rewind();
  while (const Finding* found = findings.next()) {
    const Finding& f = *found;
    switch (f.severity) {
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
  return s;
}

}  // namespace eduplan
