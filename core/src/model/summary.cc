#include "eduplan/summary.h"

#include <algorithm>
#include <set>

namespace eduplan {

PlanSummary summarize(const Plan& plan) {
  PlanSummary s;
  s.name = plan.name;
  s.source = plan.source;
  s.objectives = plan.objectives.size();
  std::vector<std::size_t> focus_count(plan.units.size(), 0);
  std::vector<std::set<std::size_t>> fields_of(plan.units.size());
  for (std::size_t f = 0; f < plan.fields.size(); ++f) {
    const Field& field = plan.fields[f];
    FieldSummary fs{field.title, field.focus_areas.size(), 0, field.objectives.size()};
    for (const auto& fa : field.focus_areas) {
      fs.responsibilities += fa.responsibilities.size();
      for (const auto& r : fa.responsibilities) {
        ++focus_count[r.unit];
        fields_of[r.unit].insert(f);
      }
    }
    s.focus_areas += fs.focus_areas;
    s.responsibilities += fs.responsibilities;
    s.objective_links += fs.objectives;
    s.fields.push_back(std::move(fs));
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
  for (const auto& f : plan.findings) {
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
