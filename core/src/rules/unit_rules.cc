// Rules about units and divisions: unit-multiple-divisions, unit-division-mismatch,
// unit-near-duplicate, unit-no-division, unit-division-inferred, unit-compound-split,
// unit-not-in-directory.
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "eduplan/keys.h"
#include "resolve/directory_lookup.h"
#include "rules/near_duplicate.h"
#include "rules/rules.h"
#include "util/similar_names.h"
#include "util/text.h"

namespace eduplan {
namespace {

struct StatedDivision {
  std::string division;
  int line;
};

}  // namespace

class UnitRules {
 public:
  UnitRules(const UnitsDirectory* dir, std::vector<Finding>& out)
      : directory_(dir), dir_(dir), out_(out) {}

  void field(const Plan& plan, const Field& field) {
    plan_ = &plan;
    if (stated_.size() < plan.units.size()) {
      stated_.resize(plan.units.size());
      used_.resize(plan.units.size(), false);
    }
    for (const auto& fa : field.focus_areas) {
      for (const auto& r : fa.responsibilities) {
        used_[r.unit] = true;
        visit(r);
      }
    }
  }

  void finish(const Plan& plan) {
    plan_ = &plan;
    used_.resize(plan.units.size(), false);
    report_multiple_divisions();
    report_no_division();
    report_near_duplicates();
    if (directory_) report_not_in_directory();
  }

 private:
  const std::string& division_of(const OrgUnit& u) const { return plan_->units[*u.parent].name; }

  void visit(const Responsibility& r) {
    const OrgUnit& u = plan_->units[r.unit];
    if (u.is_division) return;
    note_spelling(r);
    if (!r.split_from.empty() && split_reported_.insert({r.source_line, r.split_from}).second) {
      out_.push_back(make_finding(
          rule::kUnitCompoundSplit,
          tr({"„{0}“ als zwei Einheiten gelesen", "\"{0}\" read as two units"}, r.split_from),
          r.source_line, r.split_from));
    }
    if (r.stated_division.empty()) {
      if (u.parent) {
        out_.push_back(make_finding(rule::kUnitDivisionInferred,
                                    tr({"„{0}“ ohne Dezernat genannt; zugeordnet zu „{1}“",
                                        "\"{0}\" named without division; assigned to \"{1}\""},
                                       u.name, division_of(u)),
                                    r.source_line, u.name));
      }
      return;
    }
    auto& stated = stated_[r.unit];
    bool known = false;
    const std::string& stated_key = dir_.key_of(r.stated_division);
    for (const auto& s : stated) known = known || dir_.key_of(s.division) == stated_key;
    if (!known) stated.push_back({r.stated_division, r.source_line});
    if (u.parent && dir_.find(u.name) &&
        dir_.key_of(division_of(u)) != dir_.key_of(r.stated_division)) {
      out_.push_back(
          make_finding(rule::kUnitDivisionMismatch,
                       tr({"„{0}“ steht unter „{1}“, laut Verwaltungsverzeichnis unter „{2}“",
                           "\"{0}\" stands under \"{1}\", in the units directory under \"{2}\""},
                          u.name, r.stated_division, division_of(u)),
                       r.source_line, u.name));
    }
  }

  void report_multiple_divisions() {
    for (std::size_t i = 0; i < stated_.size(); ++i) {
      const auto& stated = stated_[i];
      if (stated.size() < 2) continue;
      const OrgUnit& u = plan_->units[i];
      std::string list;
      for (const auto& s : stated) {
        if (!list.empty()) list += ", ";
        list += tr({"{0} (Zeile {1})", "{0} (line {1})"}, s.division, s.line);
      }
      std::string chosen =
          u.parent ? tr({"; zugeordnet zu „{0}“", "; assigned to \"{0}\""}, division_of(u)) : "";
      out_.push_back(make_finding(rule::kUnitMultipleDivisions,
                                  tr({"„{0}“ steht unter mehreren Dezernaten: {1}{2}",
                                      "\"{0}\" stands under several divisions: {1}{2}"},
                                     u.name, list, chosen),
                                  stated[1].line, u.name));
    }
  }

  void report_no_division() {
    for (const auto& u : plan_->units) {
      if (u.is_division || u.parent) continue;
      out_.push_back(make_finding(
          rule::kUnitNoDivision,
          tr({"„{0}“: kein Dezernat bekannt (weder im Dokument noch im Verzeichnis)",
              "\"{0}\": no division known (neither in the document nor in the directory)"},
             u.name),
          u.source_line, u.name));
    }
  }

  // Names as the rules should compare them: the directory's canonical name where the
  // directory resolved a spelling (the variant is then intended), else the spelling.
  void note_spelling(const Responsibility& r) {
    if (seen_.find(std::string_view(r.written_name)) != seen_.end()) return;
    seen_.emplace(r.written_name, true);
    std::string name = dir_.find(r.written_name) ? plan_->units[r.unit].name
                                                 : text::collapse_spaces(r.written_name);
    if (first_line_.emplace(name, r.source_line).second) spellings_.push_back(name);
  }

  void report_near_duplicates() {
    std::set<std::string> grouped;  // spellings already reported in a group
    for (const auto& group : near_duplicate_groups(spellings_)) {
      grouped.insert(group.begin(), group.end());
      std::string list;
      for (const auto& n : group) {
        if (!list.empty()) list += ", ";
        list += tr({"„{0}“ (Zeile {1})", "\"{0}\" (line {1})"}, n, first_line_.at(n));
      }
      std::string subject;
      for (const auto& n : group) subject += (subject.empty() ? "" : " | ") + n;
      out_.push_back(make_finding(
          rule::kUnitNearDuplicate,
          tr({"vermutlich dieselbe Einheit: {0}; vereinheitlichen oder im Verwaltungsverzeichnis "
              "als Alias eintragen",
              "probably the same unit: {0}; write it one way or add an alias to the units "
              "directory"},
             list),
          first_line_.at(group[1]), subject));
    }
    // One typed letter too many, too few, wrong or swapped: "Volkshochshule".
    for (const auto& [a, b] : one_edit_pairs(spellings_)) {
      const std::string& x = spellings_[a];
      const std::string& y = spellings_[b];
      if (grouped.count(x) && grouped.count(y)) continue;
      const int line_x = first_line_.at(x), line_y = first_line_.at(y);
      out_.push_back(make_finding(
          rule::kUnitNearDuplicate,
          tr({"vermutlich dieselbe Einheit, ein Buchstabe Unterschied (Tippfehler?): „{0}“ (Zeile "
              "{1}), „{2}“ (Zeile {3})",
              "probably the same unit, one letter apart (a typo?): \"{0}\" (line {1}), \"{2}\" "
              "(line {3})"},
             x, line_x, y, line_y),
          std::max(line_x, line_y), x + " | " + y));
    }
  }

  // Closed world: with a directory, every unit of the plan should be in it.
  void report_not_in_directory() {
    std::optional<SimilarNames> index;
    std::vector<std::string> candidates;  // names and aliases, by index id
    std::vector<std::string> canonical;
    for (std::size_t i = 0; i < plan_->units.size(); ++i) {
      const OrgUnit& u = plan_->units[i];
      if (!used_[i] || dir_.find(u.name)) continue;
      if (!index) {
        index.emplace(2);
        for (const auto& e : directory_->entries()) {
          auto add = [&](const std::string& n) {
            index->add(n, candidates.size());
            candidates.push_back(n);
            canonical.push_back(e.name);
          };
          add(e.name);
          for (const auto& a : e.aliases) add(a);
        }
      }
      const auto suggest = [&](std::string_view name, std::size_t limit) {
        std::string out;
        for (const auto& [id, distance] : index->find(name, limit)) {
          std::string s = eduplan::quoted(candidates[id]);
          if (canonical[id] != candidates[id]) s += " (= " + eduplan::quoted(canonical[id]) + ")";
          out += (out.empty() ? "" : tr({" oder ", " or "})) + s;
        }
        return out;
      };
      std::string suggestions = suggest(u.name, 3);
      // "Kulturhistorisches Muesum und Museum für Naturkunde": a compound is split only where
      // both parts are known, so a typo in one keeps it whole; suggested part by part.
      for (std::size_t at = u.name.find(" und "); suggestions.empty() && at != std::string::npos;
           at = u.name.find(" und ", at + 1)) {
        const auto part = [&](std::string_view p) {
          if (const auto* e = dir_.find(p)) return eduplan::quoted(e->name);
          return suggest(p, 1);
        };
        const std::string left = part(std::string_view(u.name).substr(0, at));
        const std::string right = part(std::string_view(u.name).substr(at + 5));
        if (!left.empty() && !right.empty()) suggestions = left + tr({" und ", " and "}) + right;
      }
      out_.push_back(make_finding(
          rule::kUnitNotInDirectory,
          suggestions.empty()
              ? tr({"„{0}“ steht nicht im Verwaltungsverzeichnis (kein ähnlicher Name)",
                    "\"{0}\" is not in the units directory (no similar name)"},
                   u.name)
              : tr({"„{0}“ steht nicht im Verwaltungsverzeichnis; meinten Sie {1}?",
                    "\"{0}\" is not in the units directory; did you mean {1}?"},
                   u.name, suggestions),
          u.source_line, u.name));
    }
  }

  const Plan* plan_ = nullptr;  // the plan as far as it is built
  const UnitsDirectory* directory_;
  DirectoryLookup dir_;
  std::vector<Finding>& out_;
  std::vector<std::vector<StatedDivision>> stated_;  // per unit index
  std::vector<bool> used_;                           // per unit index: has a responsibility
  std::set<std::pair<int, std::string>> split_reported_;
  StringMap<bool> seen_;  // written spellings already noted
  std::vector<std::string> spellings_;
  std::unordered_map<std::string, int> first_line_;
};

RulesPtr<UnitRules> unit_rules(const UnitsDirectory* directory, std::vector<Finding>& out) {
  return RulesPtr<UnitRules>(new UnitRules(directory, out));
}
void check_field(UnitRules& rules, const Plan& plan, const Field& field) { rules.field(plan, field); }
void finish(UnitRules& rules, const Plan& plan) { rules.finish(plan); }
void RulesDelete::operator()(UnitRules* rules) const { delete rules; }

}  // namespace eduplan
