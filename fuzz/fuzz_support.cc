#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_data.h"
#include "util/text.h"

namespace eduplan::fuzz {
namespace {

void check_text(std::string_view s, const char* what) {
  if (text::find_invalid_utf8(s)) {
    std::fprintf(stderr, "eduplan fuzz: invalid UTF-8 in %s: \"%.*s\"\n", what,
                 static_cast<int>(s.size()), s.data());
    std::abort();
  }
  require(s.find('\0') == std::string_view::npos, what);
}

void check_findings(const std::vector<Finding>& findings) {
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    require(!f.rule.empty(), "a finding without a rule id");
    require(!f.message.empty(), "a finding without a message");
    require(f.line >= 0, "a finding with a negative line");
    require(f.severity == Severity::error || f.severity == Severity::warning ||
                f.severity == Severity::info,
            "a finding with an unknown severity");
    require(i == 0 || findings[i - 1].line <= f.line, "findings not sorted by line");
    check_text(f.rule, "a finding's rule");
    check_text(f.message, "a finding's message");
    check_text(f.subject, "a finding's subject");
  }
}

void check_units(const Plan& plan) {
  for (std::size_t i = 0; i < plan.units.size(); ++i) {
    const OrgUnit& u = plan.units[i];
    check_text(u.name, "a unit's name");
    check_text(u.key, "a unit's key");
    if (!u.parent) continue;
    require(*u.parent < plan.units.size(), "a unit's parent out of range");
    require(*u.parent != i, "a unit is its own parent");
    require(plan.units[*u.parent].is_division, "a unit's parent is not a division");
  }
}

void check_fields(const Plan& plan) {
  for (const Field& field : plan.fields) {
    check_text(field.title, "a field's title");
    check_text(field.key, "a field's key");
    for (const FocusArea& area : field.focus_areas) {
      check_text(area.text, "a focus area's text");
      check_text(area.key, "a focus area's key");
      for (std::size_t i = 0; i < area.responsibilities.size(); ++i) {
        const Responsibility& r = area.responsibilities[i];
        require(r.unit < plan.units.size(), "a responsibility's unit out of range");
        for (std::size_t j = 0; j < i; ++j)
          require(area.responsibilities[j].unit != r.unit, "a unit twice in one focus area");
        check_text(r.written_name, "a responsibility's written name");
        check_text(r.stated_division, "a responsibility's stated division");
        check_text(r.split_from, "a responsibility's split_from");
      }
      for (const Attribute& a : area.attributes) {
        check_text(a.name, "an attribute's name");
        check_text(a.value, "an attribute's value");
      }
    }
    for (const ObjectiveRef& ref : field.objectives)
      require(ref.objective < plan.objectives.size(), "an objective reference out of range");
  }
  for (const Objective& o : plan.objectives) {
    check_text(o.text, "an objective's text");
    check_text(o.key, "an objective's key");
  }
}

// EDUPLAN_FUZZ_PRINT=1: what the reader made of an input, for replaying one by hand.
void print_plan(const Plan& plan) {
  static const bool enabled = std::getenv("EDUPLAN_FUZZ_PRINT") != nullptr;
  if (!enabled) return;
  std::fprintf(stderr, "plan \"%s\": %zu fields, %zu units, %zu objectives, %zu findings\n",
               plan.name.c_str(), plan.fields.size(), plan.units.size(), plan.objectives.size(),
               plan.findings.size());
  for (const Finding& f : plan.findings)
    std::fprintf(stderr, "  %d: %s: %s\n", f.line, f.rule.c_str(), f.message.c_str());
}

}  // namespace

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "eduplan fuzz: contract broken: %s\n", what);
  std::abort();
}

void check_plan(const Plan& plan) {
  print_plan(plan);
  check_findings(plan.findings);
  check_text(plan.name, "the plan's name");
  check_text(plan.title, "the plan's title");
  if (has_errors(plan.findings)) {
    require(plan.fields.empty() && plan.units.empty() && plan.objectives.empty(),
            "a rejected plan holds data");
    return;
  }
  check_units(plan);
  check_fields(plan);
}

const UnitsDirectory& example_directory() {
  static const UnitsDirectory directory = [] {
    std::vector<Finding> findings;
    UnitsDirectory d = UnitsDirectory::parse(data::kExampleDirectory, findings);
    require(!has_errors(findings), "the example units directory does not parse");
    return d;
  }();
  return directory;
}

std::string_view example_plan_start() {
  const std::string_view plan = data::kExamplePlan;
  std::size_t end = plan.find("\n## ");  // the first field heading's line break, then the third's
  for (int heading = 2; heading <= 3 && end != plan.npos; ++heading)
    end = plan.find("\n## ", end + 1);
  return plan.substr(0, end == plan.npos ? plan.size() : end + 1);
}

}  // namespace eduplan::fuzz
