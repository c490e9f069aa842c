#include "model/plan_integrity.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "model/rule_catalog.h"
#include "util/text.h"

namespace eduplan {
namespace {

void conflict(std::vector<Finding>& out, std::string message, int line,
              const std::string& subject) {
  out.push_back(make_finding(rule::kNameConflict, std::move(message), line, subject));
}

void check_text(std::vector<Finding>& out, const std::string& s, int line) {
  if (!text::find_invalid_utf8(s)) return;
  out.push_back(make_finding(rule::kEncodingInvalidUtf8,
                             tr({"Text ist kein gültiges UTF-8", "text is not valid UTF-8"}), line));
}

}  // namespace

void PlanIntegrity::new_units(const Plan& plan) {
  std::vector<Finding>& out = unit_conflicts_;
  auto& by_key = unit_by_key_;
  for (std::size_t i = units_checked_; i < plan.units.size(); ++i) {
    check_text(unit_texts_, plan.units[i].name, plan.units[i].source_line);
    const OrgUnit& u = plan.units[i];
    auto [it, fresh] = by_key.emplace(u.key, i);
    if (!fresh) {
      const OrgUnit& first = plan.units[it->second];
      if (first.is_division != u.is_division) {
        const OrgUnit& division = first.is_division ? first : u;
        const OrgUnit& unit = first.is_division ? u : first;
        conflict(out,
                 tr({"„{0}“ steht in Zeile {1} als Dezernat und in Zeile {2} als Einheit; ein "
                     "Name kann nicht beides sein (Dokument oder Verwaltungsverzeichnis prüfen)",
                     "\"{0}\" stands as a division in line {1} and as a unit in line {2}; a "
                     "name cannot be both (check the document or the units directory)"},
                    unit.name, division.source_line, unit.source_line),
                 u.source_line, u.name);
      } else {
        conflict(out,
                 tr({"„{0}“ und „{1}“ (Zeile {2}) sind derselbe Name",
                     "\"{0}\" and \"{1}\" (line {2}) are the same name"},
                    u.name, first.name, first.source_line),
                 u.source_line, u.name);
      }
    }
    if (!u.parent) continue;
    if (u.is_division || *u.parent >= plan.units.size() || !plan.units[*u.parent].is_division) {
      const std::string parent = *u.parent < plan.units.size() ? plan.units[*u.parent].name : "?";
      conflict(out,
               tr({"„{0}“ gehört zu „{1}“, aber nur eine Einheit kann zu einem Dezernat gehören",
                   "\"{0}\" belongs to \"{1}\", but only a unit can belong to a division"},
                  u.name, parent),
               u.source_line, u.name);
    }
  }
  units_checked_ = plan.units.size();
}

void PlanIntegrity::new_objectives(const Plan& plan) {
  std::vector<Finding>& out = objective_conflicts_;
  for (std::size_t i = objectives_checked_; i < plan.objectives.size(); ++i) {
    const Objective& o = plan.objectives[i];
    check_text(objective_texts_, o.text, o.source_line);
    if (auto [it, fresh] = objective_lines_.emplace(o.key, o.source_line); !fresh) {
      conflict(out,
               tr({"Ableitung ist nicht von der in Zeile {0} zu unterscheiden",
                   "objective cannot be told apart from the one in line {0}"},
                  it->second),
               o.source_line, o.text);
    }
  }
  objectives_checked_ = plan.objectives.size();
}

std::size_t PlanIntegrity::problems() const {
  return unit_conflicts_.size() + field_conflicts_.size() + objective_conflicts_.size() +
         field_texts_.size() + unit_texts_.size() + objective_texts_.size();
}

bool PlanIntegrity::field(const Plan& plan, std::size_t index) {
  const std::size_t before = problems();
  new_units(plan);
  new_objectives(plan);
  const Field& f = plan.fields[index];
  if (auto [it, fresh] = field_lines_.emplace(f.key, f.source_line); !fresh) {
    conflict(field_conflicts_,
             tr({"Handlungsfeld „{0}“ ist nicht von dem in Zeile {1} zu unterscheiden",
                 "field \"{0}\" cannot be told apart from the one in line {1}"},
                f.title, it->second),
             f.source_line, f.title);
  }
  for (const FocusArea& fa : f.focus_areas) {
    std::unordered_set<std::size_t> units;
    for (const Responsibility& r : fa.responsibilities) {
      if (r.unit >= plan.units.size()) {
        conflict(field_conflicts_, tr({"Zuständigkeit ohne Einheit", "responsibility without a unit"}),
                 r.source_line, fa.text);
      } else if (!units.insert(r.unit).second) {
        conflict(field_conflicts_,
                 tr({"„{0}“ ist dem Schwerpunkt zweimal zugeordnet",
                     "\"{0}\" is assigned to the focus area twice"},
                    plan.units[r.unit].name),
                 r.source_line, plan.units[r.unit].name);
      }
    }
  }
  std::unordered_set<std::size_t> objectives;
  for (const ObjectiveRef& ref : f.objectives) {
    if (ref.objective >= plan.objectives.size() || !objectives.insert(ref.objective).second) {
      conflict(field_conflicts_,
               tr({"Ableitung im Handlungsfeld „{0}“ fehlt oder steht zweimal",
                   "an objective of the field \"{0}\" is missing or stands twice"},
                  f.title),
               ref.source_line, f.title);
    }
  }
  check_text(field_texts_, f.title, f.source_line);
  for (const FocusArea& fa : f.focus_areas) {
    check_text(field_texts_, fa.text, fa.source_line);
    for (const Attribute& a : fa.attributes) {
      check_text(field_texts_, a.name, fa.source_line);
      check_text(field_texts_, a.value, fa.source_line);
    }
    for (const Responsibility& r : fa.responsibilities) {
      check_text(field_texts_, r.written_name, r.source_line);
      check_text(field_texts_, r.stated_division, r.source_line);
      check_text(field_texts_, r.split_from, r.source_line);
    }
  }
  return problems() == before;
}

bool PlanIntegrity::finish(const Plan& plan, std::vector<Finding>& findings) {
  new_units(plan);
  new_objectives(plan);
  const std::size_t before = findings.size();
  // The order of a check of the whole plan: units, fields, objectives, then every text.
  for (auto* part : {&unit_conflicts_, &field_conflicts_, &objective_conflicts_}) {
    findings.insert(findings.end(), part->begin(), part->end());
  }
  check_text(findings, plan.title, 0);
  for (auto* part : {&field_texts_, &unit_texts_, &objective_texts_}) {
    findings.insert(findings.end(), part->begin(), part->end());
  }
  *this = PlanIntegrity{};
  return findings.size() == before;
}

bool check_plan_integrity(const Plan& plan, std::vector<Finding>& findings) {
  PlanIntegrity checks;
  for (std::size_t f = 0; f < plan.fields.size(); ++f) checks.field(plan, f);
  return checks.finish(plan, findings);
}

}  // namespace eduplan
