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
      out.push_back({"field-duplicate", Severity::warning,
                     "Handlungsfeld " + german_quoted(field.title) + " gibt es schon (Zeile " +
                         std::to_string(first->second) + ")",
                     field.source_line, field.title});
    }
    if (field.focus_areas.empty()) {
      out.push_back({"field-empty", Severity::warning,
                     "Handlungsfeld " + german_quoted(field.title) + " hat keine Schwerpunkte",
                     field.source_line, field.title});
    }
    if (field.objectives.empty()) {
      out.push_back({"field-no-objective", Severity::warning,
                     "Handlungsfeld " + german_quoted(field.title) + " hat keine Ableitungen",
                     field.source_line, field.title});
    }
    std::unordered_map<std::string, int> focus_lines;
    for (const auto& fa : field.focus_areas) {
      if (fa.responsibilities.empty()) {
        out.push_back({"focus-no-unit", Severity::warning,
                       "Schwerpunkt ohne befassten Verwaltungsbereich: " + german_quoted(fa.text),
                       fa.source_line, fa.text});
      }
      auto [prev, fresh] = focus_lines.emplace(normalize_for_key(fa.text), fa.source_line);
      if (!fresh) {
        out.push_back({"focus-duplicate", Severity::warning,
                       "Schwerpunkt steht schon in Zeile " + std::to_string(prev->second) +
                           " im selben Handlungsfeld; beide bleiben erhalten",
                       fa.source_line, fa.text});
      }
    }
    for (const auto& ref : field.objectives) ++fields_of_objective[ref.objective];
  }
  for (std::size_t i = 0; i < plan.objectives.size(); ++i) {
    if (fields_of_objective[i] < 2) continue;
    out.push_back(
        {"objective-shared", Severity::info,
         "Ableitung gehört zu " + std::to_string(fields_of_objective[i]) + " Handlungsfeldern",
         plan.objectives[i].source_line, plan.objectives[i].text});
  }
}

}  // namespace eduplan
