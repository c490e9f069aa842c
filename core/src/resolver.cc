#include "resolver.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "eduplan/keys.h"
#include "text.h"

namespace eduplan {

bool looks_like_division(std::string_view name) {
  name = text::trim(name);
  if (text::iequals(name, "BOB")) return true;
  for (std::string_view prefix : {"Dezernat ", "Dez. "}) {
    if (text::starts_with_icase(name, prefix)) {
      std::string_view numeral = text::trim(name.substr(prefix.size()));
      return !numeral.empty() && numeral.find_first_not_of("IVXLCivxlc") == std::string_view::npos;
    }
  }
  return false;
}

namespace {

// One name in a unit column, as written, with the division written in front of it.
struct Mention {
  std::string written;
  std::string stated_division;  // canonical division name; empty if none was written
  bool is_division = false;
  std::string split_from;
  int line = 0;
};

class Resolver {
 public:
  Resolver(const UnitsDirectory* dir, std::vector<Finding>& findings) : dir_(dir), findings_(findings) {}

  Plan run(const RawDocument& doc) {
    collect_divisions(doc);
    // Mentions per focus area, in document order.
    std::vector<std::vector<std::vector<Mention>>> mentions(doc.fields.size());
    for (std::size_t f = 0; f < doc.fields.size(); ++f) {
      for (const auto& fa : doc.fields[f].focus_areas) mentions[f].push_back(mentions_of(fa));
    }
    for (auto& field : mentions) {
      for (auto& fa : field) split_compounds(fa);
    }
    for (const auto& field : mentions) {
      for (const auto& fa : field) {
        for (const auto& m : fa) note_division(m);
      }
    }
    Plan plan;
    plan.title = doc.title;
    for (std::size_t f = 0; f < doc.fields.size(); ++f) build_field(plan, doc.fields[f], mentions[f]);
    return plan;
  }

 private:
  std::string canonical_division(std::string_view name) const {
    if (dir_) {
      if (const auto* e = dir_->find(name); e && e->division.empty()) return e->name;
    }
    return text::collapse_spaces(name);
  }

  bool is_division_name(std::string_view name) const {
    if (dir_) {
      if (const auto* e = dir_->find(name)) return e->division.empty();
    }
    return looks_like_division(name) || divisions_.count(normalize_for_key(name)) > 0;
  }

  void collect_divisions(const RawDocument& doc) {
    for (const auto& field : doc.fields) {
      for (const auto& fa : field.focus_areas) {
        for (const auto& e : fa.entries) {
          if (e.has_slash) divisions_.insert(normalize_for_key(canonical_division(e.prefix)));
        }
      }
    }
  }

  // Splits a comma-separated list; runs of parts that together form a directory name
  // ("Amt für Statistik, Wahlen, Digitalisierung") stay one name.
  std::vector<std::string> split_list(std::string_view list) const {
    std::vector<std::string> parts;
    for (auto p : text::split(list, ',')) parts.push_back(text::collapse_spaces(p));
    std::vector<std::string> names;
    for (std::size_t i = 0; i < parts.size();) {
      std::size_t take = 1;
      if (dir_ && !dir_->names_with_commas().empty()) {
        for (std::size_t k = std::min<std::size_t>(parts.size() - i, 8); k >= 2; --k) {
          std::string joined = parts[i];
          for (std::size_t j = 1; j < k; ++j) joined += ", " + parts[i + j];
          if (dir_->find(joined)) {
            take = k;
            break;
          }
        }
      }
      std::string name = parts[i];
      for (std::size_t j = 1; j < take; ++j) name += ", " + parts[i + j];
      if (!name.empty()) names.push_back(std::move(name));
      i += take;
    }
    return names;
  }

  std::vector<Mention> mentions_of(const RawFocusArea& fa) {
    std::vector<Mention> out;
    std::string division;  // division of the previous entry
    bool continues = false;
    for (const auto& e : fa.entries) {
      const std::string& whole = e.text;
      std::string list = e.list;
      if (e.has_slash && !(dir_ && dir_->find(whole))) {
        division = canonical_division(e.prefix);
      } else {
        list = whole;
        if (is_division_name(whole)) {
          division = canonical_division(whole);
          out.push_back({division, division, true, "", e.line});
          continues = e.trailing_comma;
          continue;
        }
        if (!continues) division.clear();
      }
      for (auto& name : split_list(list)) {
        bool is_div = is_division_name(name);
        if (is_div) name = canonical_division(name);
        else standalone_.insert(normalize_for_key(name));
        out.push_back({std::move(name), is_div ? "" : division, is_div, "", e.line});
      }
      continues = e.trailing_comma;
    }
    return out;
  }

  bool known_unit(std::string_view name) const {
    return (dir_ && dir_->find(name)) || standalone_.count(normalize_for_key(name)) > 0;
  }

  // "A und B" becomes A and B when both are known units, and only then.
  void split_compounds(std::vector<Mention>& ms) const {
    std::vector<Mention> out;
    for (auto& m : ms) {
      std::size_t at = std::string::npos;
      if (!m.is_division && !(dir_ && dir_->find(m.written))) {
        for (std::size_t pos = m.written.find(" und "); pos != std::string::npos;
             pos = m.written.find(" und ", pos + 1)) {
          std::string_view w = m.written;
          if (known_unit(text::trim(w.substr(0, pos))) && known_unit(text::trim(w.substr(pos + 5)))) {
            at = pos;
            break;
          }
        }
      }
      if (at == std::string::npos) {
        out.push_back(std::move(m));
        continue;
      }
      std::string_view w = m.written;
      Mention left = m, right = m;
      left.written = std::string(text::trim(w.substr(0, at)));
      right.written = std::string(text::trim(w.substr(at + 5)));
      left.split_from = right.split_from = m.written;
      out.push_back(std::move(left));
      out.push_back(std::move(right));
    }
    ms = std::move(out);
  }

  // The canonical name of a mentioned unit, and its division in the directory (if listed).
  std::pair<std::string, std::string> canonical_unit(const Mention& m) const {
    if (m.is_division) return {m.written, ""};
    if (dir_) {
      if (const auto* e = dir_->find(m.written)) return {e->name, canonical_division(e->division)};
    }
    return {m.written, ""};
  }

  void note_division(const Mention& m) {
    if (m.is_division) return;
    auto [name, dir_division] = canonical_unit(m);
    auto& votes = division_votes_[normalize_for_key(name)];
    if (!dir_division.empty()) votes.directory = dir_division;
    if (m.stated_division.empty()) return;
    auto [it, inserted] = votes.count.emplace(m.stated_division, 0);
    if (inserted) votes.order.push_back(m.stated_division);
    ++it->second;
  }

  // The directory's division; else the division the document states most often (first on a tie).
  std::string chosen_division(const std::string& unit_key) const {
    auto it = division_votes_.find(unit_key);
    if (it == division_votes_.end()) return "";
    const auto& v = it->second;
    if (!v.directory.empty()) return v.directory;
    std::string best;
    int best_count = 0;
    for (const auto& d : v.order) {
      if (v.count.at(d) > best_count) {
        best = d;
        best_count = v.count.at(d);
      }
    }
    return best;
  }

  std::size_t unit_index(Plan& plan, const std::string& name, bool is_division, int line) {
    std::string key = make_key("ou", name);
    if (auto it = unit_by_key_.find(key); it != unit_by_key_.end()) return it->second;
    std::optional<std::size_t> parent;
    if (!is_division) {
      std::string division = chosen_division(normalize_for_key(name));
      if (!division.empty()) parent = unit_index(plan, division, true, line);
    }
    plan.units.push_back({name, parent, is_division, key, line});
    unit_by_key_.emplace(std::move(key), plan.units.size() - 1);
    return plan.units.size() - 1;
  }

  void build_field(Plan& plan, const RawField& raw, const std::vector<std::vector<Mention>>& mentions) {
    Field field{raw.title, make_key("fld", raw.title), raw.line, {}, {}};
    for (std::size_t n = 2; field_keys_.count(field.key); ++n) {
      field.key = make_key("fld", raw.title + " #" + std::to_string(n));
    }
    field_keys_.insert(field.key);
    std::unordered_map<std::string, int> seen_text;
    for (std::size_t i = 0; i < raw.focus_areas.size(); ++i) {
      const auto& rfa = raw.focus_areas[i];
      int n = ++seen_text[normalize_for_key(rfa.text)];
      FocusArea fa{rfa.text, make_key("fa", field.key, n == 1 ? rfa.text : rfa.text + " #" + std::to_string(n)),
                   rfa.line, {}};
      std::unordered_set<std::size_t> units;
      for (const auto& m : mentions[i]) {
        auto [name, dir_division] = canonical_unit(m);
        std::size_t u = unit_index(plan, name, m.is_division, m.line);
        if (!units.insert(u).second) {
          findings_.push_back({"unit-repeated", Severity::info,
                               "„" + m.written + "“ steht mehrfach in derselben Zeile; einmal gezählt",
                               m.line, plan.units[u].name});
          continue;
        }
        fa.responsibilities.push_back({u, m.line, m.written, m.stated_division, m.split_from});
      }
      field.focus_areas.push_back(std::move(fa));
    }
    std::unordered_set<std::size_t> linked;
    for (const auto& ro : raw.objectives) {
      std::string key = make_key("obj", ro.text);
      auto [it, inserted] = objective_by_key_.emplace(key, plan.objectives.size());
      if (inserted) plan.objectives.push_back({ro.text, key, ro.line});
      if (linked.insert(it->second).second) {
        field.objectives.push_back({it->second, ro.line});
      } else {
        findings_.push_back({"objective-duplicate", Severity::warning,
                             "Ableitung steht zweimal im Handlungsfeld „" + field.title + "“; einmal gezählt",
                             ro.line, ro.text});
      }
    }
    plan.fields.push_back(std::move(field));
  }

  struct Votes {
    std::string directory;
    std::map<std::string, int> count;
    std::vector<std::string> order;
  };

  const UnitsDirectory* dir_;
  std::vector<Finding>& findings_;
  std::unordered_set<std::string> divisions_;   // normalised division names stated in the document
  std::unordered_set<std::string> standalone_;  // normalised names listed on their own
  std::unordered_map<std::string, Votes> division_votes_;
  std::unordered_map<std::string, std::size_t> unit_by_key_;
  std::unordered_map<std::string, std::size_t> objective_by_key_;
  std::unordered_set<std::string> field_keys_;
};

}  // namespace

Plan resolve(const RawDocument& doc, const UnitsDirectory* directory, std::vector<Finding>& findings) {
  return Resolver(directory, findings).run(doc);
}

}  // namespace eduplan
