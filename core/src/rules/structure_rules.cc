// Rules about fields, focus areas and objectives: focus-no-unit, focus-duplicate,
// field-duplicate, field-empty, field-no-objective, objective-shared, text-words-joined.
#include <unordered_map>

#include "eduplan/keys.h"
#include "rules/rules.h"

namespace eduplan {

namespace {

// Words glued together where a converter dropped a line break: a lower-case letter followed by
// a capital inside one word ("beiKonzeptentwicklungen"). The Binnen-I ("BürgerInnen") is a
// spelling, not a glue.
std::vector<std::string> joined_words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ' ') continue;
    const std::string_view word = text.substr(start, i - start);
    for (std::size_t k = 1; k < word.size(); ++k) {
      const char prev = word[k - 1], c = word[k];
      const bool lower_before = (prev >= 'a' && prev <= 'z') || prev == '\xA4' || prev == '\xB6' ||
                                prev == '\xBC' || prev == '\x9F';  // a z, and ä ö ü ß (UTF-8 tails)
      if (lower_before && c >= 'A' && c <= 'Z' && !word.substr(k).starts_with("Innen") &&
          !word.substr(k).starts_with("In")) {
        out.emplace_back(word);
        break;
      }
    }
    start = i + 1;
  }
  return out;
}

void check_joined(const std::string& text, int line, std::vector<Finding>& out) {
  const auto words = joined_words(text);
  if (words.empty()) return;
  std::string list;
  for (const auto& w : words) list += (list.empty() ? "" : ", ") + eduplan::quoted(w);
  out.push_back(make_finding(rule::kTextWordsJoined,
                             tr({"Wörter ohne Leerzeichen: {0} (ein verlorener Zeilenumbruch?)",
                                 "words without a space: {0} (a lost line break?)"},
                                list),
                             line, text));
}

}  // namespace

class StructureRules {
 public:
  explicit StructureRules(std::vector<Finding>& out) : out_(out) {}

  void field(const Plan& plan, const Field& field) {
    auto [first, inserted] = field_lines_.emplace(normalize_for_key(field.title), field.source_line);
    if (!inserted) {
      out_.push_back(make_finding(rule::kFieldDuplicate,
                                  tr({"Handlungsfeld „{0}“ gibt es schon (Zeile {1})",
                                      "field \"{0}\" exists already (line {1})"},
                                     field.title, first->second),
                                  field.source_line, field.title));
    }
    if (field.focus_areas.empty()) {
      out_.push_back(make_finding(
          rule::kFieldEmpty,
          tr({"Handlungsfeld „{0}“ hat keine Schwerpunkte", "field \"{0}\" has no focus areas"},
             field.title),
          field.source_line, field.title));
    }
    if (field.objectives.empty()) {
      out_.push_back(make_finding(
          rule::kFieldNoObjective,
          tr({"Handlungsfeld „{0}“ hat keine Ableitungen", "field \"{0}\" has no objectives"},
             field.title),
          field.source_line, field.title));
    }
    check_joined(field.title, field.source_line, out_);
    std::unordered_map<std::string, int> focus_lines;
    for (const auto& fa : field.focus_areas) {
      check_joined(fa.text, fa.source_line, out_);
      if (fa.responsibilities.empty()) {
        out_.push_back(make_finding(rule::kFocusNoUnit,
                                    tr({"Schwerpunkt ohne befassten Verwaltungsbereich: „{0}“",
                                        "focus area without a responsible unit: \"{0}\""},
                                       fa.text),
                                    fa.source_line, fa.text));
      }
      auto [prev, fresh] = focus_lines.emplace(normalize_for_key(fa.text), fa.source_line);
      if (!fresh) {
        out_.push_back(make_finding(
            rule::kFocusDuplicate,
            tr({"Schwerpunkt steht schon in Zeile {0} im selben Handlungsfeld; beide bleiben "
                "erhalten",
                "focus area stands already in line {0} of the same field; both are kept"},
               prev->second),
            fa.source_line, fa.text));
      }
    }
    if (fields_of_objective_.size() < plan.objectives.size())
      fields_of_objective_.resize(plan.objectives.size(), 0);
    for (const auto& ref : field.objectives) ++fields_of_objective_[ref.objective];
  }

  void finish(const Plan& plan) {
    fields_of_objective_.resize(plan.objectives.size(), 0);
    for (const auto& o : plan.objectives) check_joined(o.text, o.source_line, out_);
    for (std::size_t i = 0; i < plan.objectives.size(); ++i) {
      if (fields_of_objective_[i] < 2) continue;
      out_.push_back(make_finding(
          rule::kObjectiveShared,
          tr({"Ableitung gehört zu {0} Handlungsfeldern", "objective belongs to {0} fields"},
             fields_of_objective_[i]),
          plan.objectives[i].source_line, plan.objectives[i].text));
    }
  }

 private:
  std::vector<Finding>& out_;
  std::unordered_map<std::string, int> field_lines_;
  std::vector<int> fields_of_objective_;
};

RulesPtr<StructureRules> structure_rules(std::vector<Finding>& out) {
  return RulesPtr<StructureRules>(new StructureRules(out));
}
void check_field(StructureRules& rules, const Plan& plan, const Field& field) {
  rules.field(plan, field);
}
void finish(StructureRules& rules, const Plan& plan) { rules.finish(plan); }
void RulesDelete::operator()(StructureRules* rules) const { delete rules; }

}  // namespace eduplan
