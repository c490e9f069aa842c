// Rules about fields, focus areas and objectives: focus-no-unit, focus-duplicate,
// field-duplicate, field-empty, field-no-objective, objective-shared.
#include <unordered_map>

#include "eduplan/keys.h"
#include "rules/rules.h"

namespace eduplan {

void check_structure(const Plan& plan, std::vector<Finding>& out) {
  std::unordered_map<std::string, int> field_lines;
  std::vector<int> fields_of_objective(plan.objectives.size(), 0);
  for (const auto& field : plan.fields) {
    auto [first, inserted] = field_lines.emplace(normalize_for_key(field.title), field.source_line);
    if (!inserted) {
      out.push_back(make_finding(rule::kFieldDuplicate,
                                 tr({"Handlungsfeld „{0}“ gibt es schon (Zeile {1})",
                                     "field \"{0}\" exists already (line {1})"},
                                    field.title, first->second),
                                 field.source_line, field.title));
    }
    if (field.focus_areas.empty()) {
      out.push_back(make_finding(
          rule::kFieldEmpty,
          tr({"Handlungsfeld „{0}“ hat keine Schwerpunkte", "field \"{0}\" has no focus areas"},
             field.title),
          field.source_line, field.title));
    }
    if (field.objectives.empty()) {
      out.push_back(make_finding(
          rule::kFieldNoObjective,
          tr({"Handlungsfeld „{0}“ hat keine Ableitungen", "field \"{0}\" has no objectives"},
             field.title),
          field.source_line, field.title));
    }
    std::unordered_map<std::string, int> focus_lines;
    for (const auto& fa : field.focus_areas) {
      if (fa.responsibilities.empty()) {
        out.push_back(make_finding(rule::kFocusNoUnit,
                                   tr({"Schwerpunkt ohne befassten Verwaltungsbereich: „{0}“",
                                       "focus area without a responsible unit: \"{0}\""},
                                      fa.text),
                                   fa.source_line, fa.text));
      }
      auto [prev, fresh] = focus_lines.emplace(normalize_for_key(fa.text), fa.source_line);
      if (!fresh) {
        out.push_back(make_finding(
            rule::kFocusDuplicate,
            tr({"Schwerpunkt steht schon in Zeile {0} im selben Handlungsfeld; beide bleiben "
                "erhalten",
                "focus area stands already in line {0} of the same field; both are kept"},
               prev->second),
            fa.source_line, fa.text));
      }
    }
    for (const auto& ref : field.objectives) ++fields_of_objective[ref.objective];
  }
  for (std::size_t i = 0; i < plan.objectives.size(); ++i) {
    if (fields_of_objective[i] < 2) continue;
    out.push_back(make_finding(
        rule::kObjectiveShared,
        tr({"Ableitung gehört zu {0} Handlungsfeldern", "objective belongs to {0} fields"},
           fields_of_objective[i]),
        plan.objectives[i].source_line, plan.objectives[i].text));
  }
}

}  // namespace eduplan
