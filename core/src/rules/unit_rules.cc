// Rules about units and divisions: unit-multiple-divisions, unit-division-mismatch,
// unit-near-duplicate, unit-no-division, unit-division-inferred, unit-compound-split.
#include <map>
#include <set>
#include <unordered_map>

#include "eduplan/keys.h"
#include "resolve/directory_lookup.h"
#include "rules/near_duplicate.h"
#include "rules/rules.h"
#include "util/text.h"

namespace eduplan {
namespace {

struct StatedDivision {
  std::string division;
  int line;
};

class UnitChecker {
 public:
  UnitChecker(const Plan& plan, const UnitsDirectory* dir, std::vector<Finding>& out)
      : plan_(plan), dir_(dir), out_(out), stated_(plan.units.size()) {}

  void run() {
    for (const auto& field : plan_.fields) {
      for (const auto& fa : field.focus_areas) {
        for (const auto& r : fa.responsibilities) visit(r);
      }
    }
    report_multiple_divisions();
    report_no_division();
    report_near_duplicates();
  }

 private:
  const std::string& division_of(const OrgUnit& u) const { return plan_.units[*u.parent].name; }

  void visit(const Responsibility& r) {
    const OrgUnit& u = plan_.units[r.unit];
    if (u.is_division) return;
    note_spelling(r);
    if (!r.split_from.empty() && split_reported_.insert({r.source_line, r.split_from}).second) {
      out_.push_back({"unit-compound-split", Severity::info,
                      german_quoted(r.split_from) + " als zwei Einheiten gelesen", r.source_line,
                      r.split_from});
    }
    if (r.stated_division.empty()) {
      if (u.parent) {
        out_.push_back({"unit-division-inferred", Severity::info,
                        german_quoted(u.name) + " ohne Dezernat genannt; zugeordnet zu " +
                            german_quoted(division_of(u)),
                        r.source_line, u.name});
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
      out_.push_back({"unit-division-mismatch", Severity::warning,
                      german_quoted(u.name) + " steht unter " + german_quoted(r.stated_division) +
                          ", laut Verwaltungsverzeichnis unter " + german_quoted(division_of(u)),
                      r.source_line, u.name});
    }
  }

  void report_multiple_divisions() {
    for (std::size_t i = 0; i < stated_.size(); ++i) {
      const auto& stated = stated_[i];
      if (stated.size() < 2) continue;
      const OrgUnit& u = plan_.units[i];
      std::string list;
      for (const auto& s : stated) {
        if (!list.empty()) list += ", ";
        list += s.division + " (Zeile " + std::to_string(s.line) + ")";
      }
      std::string chosen = u.parent ? "; zugeordnet zu " + german_quoted(division_of(u)) : "";
      out_.push_back({"unit-multiple-divisions", Severity::warning,
                      german_quoted(u.name) + " steht unter mehreren Dezernaten: " + list + chosen,
                      stated[1].line, u.name});
    }
  }

  void report_no_division() {
    for (const auto& u : plan_.units) {
      if (u.is_division || u.parent) continue;
      out_.push_back({"unit-no-division", Severity::warning,
                      german_quoted(u.name) +
                          ": kein Dezernat bekannt (weder im Dokument noch im Verzeichnis)",
                      u.source_line, u.name});
    }
  }

  // Names as the rules should compare them: the directory's canonical name where the
  // directory resolved a spelling (the variant is then intended), else the spelling.
  void note_spelling(const Responsibility& r) {
    if (seen_.find(std::string_view(r.written_name)) != seen_.end()) return;
    seen_.emplace(r.written_name, true);
    std::string name = dir_.find(r.written_name) ? plan_.units[r.unit].name
                                                 : text::collapse_spaces(r.written_name);
    if (first_line_.emplace(name, r.source_line).second) spellings_.push_back(name);
  }

  void report_near_duplicates() {
    for (const auto& group : near_duplicate_groups(spellings_)) {
      std::string list;
      for (const auto& n : group) {
        if (!list.empty()) list += ", ";
        list += german_quoted(n) + " (Zeile " + std::to_string(first_line_.at(n)) + ")";
      }
      std::string subject;
      for (const auto& n : group) subject += (subject.empty() ? "" : " | ") + n;
      out_.push_back({"unit-near-duplicate", Severity::warning,
                      "vermutlich dieselbe Einheit: " + list +
                          "; vereinheitlichen oder im Verwaltungsverzeichnis als Alias eintragen",
                      first_line_.at(group[1]), subject});
    }
  }

  const Plan& plan_;
  DirectoryLookup dir_;
  std::vector<Finding>& out_;
  std::vector<std::vector<StatedDivision>> stated_;  // per unit index
  std::set<std::pair<int, std::string>> split_reported_;
  StringMap<bool> seen_;  // written spellings already noted
  std::vector<std::string> spellings_;
  std::unordered_map<std::string, int> first_line_;
};

}  // namespace

void check_units(const Plan& plan, const UnitsDirectory* directory, std::vector<Finding>& out) {
  UnitChecker(plan, directory, out).run();
}

}  // namespace eduplan
