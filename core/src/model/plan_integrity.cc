#include "model/plan_integrity.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "model/rule_catalog.h"
#include "util/text.h"

namespace eduplan {
namespace {

class Checker {
 public:
  Checker(const Plan& plan, std::vector<Finding>& findings)
      : plan_(plan), findings_(findings), before_(findings.size()) {}

  bool run() {
    units();
    fields();
    objectives();
    texts();
    return findings_.size() == before_;
  }

 private:
  void conflict(std::string message, int line, const std::string& subject) {
    findings_.push_back(make_finding(rule::kNameConflict, std::move(message), line, subject));
  }

  // Units and divisions share one name space: a name is a division or a unit, never both.
  void units() {
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < plan_.units.size(); ++i) {
      const OrgUnit& u = plan_.units[i];
      auto [it, fresh] = by_key.emplace(u.key, i);
      if (!fresh) {
        const OrgUnit& first = plan_.units[it->second];
        if (first.is_division != u.is_division) {
          const OrgUnit& division = first.is_division ? first : u;
          const OrgUnit& unit = first.is_division ? u : first;
          conflict(tr({"„{0}“ steht in Zeile {1} als Dezernat und in Zeile {2} als Einheit; ein "
                       "Name kann nicht beides sein (Dokument oder Verwaltungsverzeichnis prüfen)",
                       "\"{0}\" stands as a division in line {1} and as a unit in line {2}; a "
                       "name cannot be both (check the document or the units directory)"},
                      unit.name, division.source_line, unit.source_line),
                   u.source_line, u.name);
        } else {
          conflict(tr({"„{0}“ und „{1}“ (Zeile {2}) sind derselbe Name",
                       "\"{0}\" and \"{1}\" (line {2}) are the same name"},
                      u.name, first.name, first.source_line),
                   u.source_line, u.name);
        }
      }
      if (!u.parent) continue;
      if (u.is_division || *u.parent >= plan_.units.size() || !plan_.units[*u.parent].is_division) {
        const std::string parent =
            *u.parent < plan_.units.size() ? plan_.units[*u.parent].name : "?";
        conflict(tr({"„{0}“ gehört zu „{1}“, aber nur eine Einheit kann zu einem Dezernat gehören",
                     "\"{0}\" belongs to \"{1}\", but only a unit can belong to a division"},
                    u.name, parent),
                 u.source_line, u.name);
      }
    }
  }

  void fields() {
    std::unordered_map<std::string, int> lines;
    for (const Field& f : plan_.fields) {
      if (auto [it, fresh] = lines.emplace(f.key, f.source_line); !fresh) {
        conflict(tr({"Handlungsfeld „{0}“ ist nicht von dem in Zeile {1} zu unterscheiden",
                     "field \"{0}\" cannot be told apart from the one in line {1}"},
                    f.title, it->second),
                 f.source_line, f.title);
      }
      for (const FocusArea& fa : f.focus_areas) {
        std::unordered_set<std::size_t> units;
        for (const Responsibility& r : fa.responsibilities) {
          if (r.unit >= plan_.units.size()) {
            conflict(tr({"Zuständigkeit ohne Einheit", "responsibility without a unit"}),
                     r.source_line, fa.text);
          } else if (!units.insert(r.unit).second) {
            conflict(tr({"„{0}“ ist dem Schwerpunkt zweimal zugeordnet",
                         "\"{0}\" is assigned to the focus area twice"},
                        plan_.units[r.unit].name),
                     r.source_line, plan_.units[r.unit].name);
          }
        }
      }
      std::unordered_set<std::size_t> objectives;
      for (const ObjectiveRef& ref : f.objectives) {
        if (ref.objective >= plan_.objectives.size() || !objectives.insert(ref.objective).second) {
          conflict(tr({"Ableitung im Handlungsfeld „{0}“ fehlt oder steht zweimal",
                       "an objective of the field \"{0}\" is missing or stands twice"},
                      f.title),
                   ref.source_line, f.title);
        }
      }
    }
  }

  void objectives() {
    std::unordered_map<std::string, int> lines;
    for (const Objective& o : plan_.objectives) {
      if (auto [it, fresh] = lines.emplace(o.key, o.source_line); !fresh) {
        conflict(tr({"Ableitung ist nicht von der in Zeile {0} zu unterscheiden",
                     "objective cannot be told apart from the one in line {0}"},
                    it->second),
                 o.source_line, o.text);
      }
    }
  }

  void text(const std::string& s, int line) {
    if (!text::find_invalid_utf8(s)) return;
    findings_.push_back(
        make_finding(rule::kEncodingInvalidUtf8,
                     tr({"Text ist kein gültiges UTF-8", "text is not valid UTF-8"}), line));
  }

  // Every text that is stored, exported or printed.
  void texts() {
    text(plan_.title, 0);
    for (const Field& f : plan_.fields) {
      text(f.title, f.source_line);
      for (const FocusArea& fa : f.focus_areas) {
        text(fa.text, fa.source_line);
        for (const Attribute& a : fa.attributes) {
          text(a.name, fa.source_line);
          text(a.value, fa.source_line);
        }
        for (const Responsibility& r : fa.responsibilities) {
          text(r.written_name, r.source_line);
          text(r.stated_division, r.source_line);
          text(r.split_from, r.source_line);
        }
      }
    }
    for (const OrgUnit& u : plan_.units) text(u.name, u.source_line);
    for (const Objective& o : plan_.objectives) text(o.text, o.source_line);
  }

  const Plan& plan_;
  std::vector<Finding>& findings_;
  const std::size_t before_;
};

}  // namespace

bool check_plan_integrity(const Plan& plan, std::vector<Finding>& findings) {
  return Checker(plan, findings).run();
}

}  // namespace eduplan
