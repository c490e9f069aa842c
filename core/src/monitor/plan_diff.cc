// Two plan versions compared: fields by key, focus areas by key and then by word similarity,
// responsibilities and objectives by key, units' divisions by key (see plan_diff.h).
#include "eduplan/plan_diff.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "eduplan/keys.h"

namespace eduplan {
namespace {

bool word_char(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The distinct words of a text, as ids (sorted), so that comparing two texts is one merge.
using WordIds = std::vector<std::uint32_t>;

class Words {
 public:
  WordIds of(std::string_view text) {
    const std::string n = normalize_for_key(text);
    WordIds out;
    std::size_t i = 0;
    while (i < n.size()) {
      while (i < n.size() && !word_char(static_cast<unsigned char>(n[i]))) ++i;
      const std::size_t start = i;
      while (i < n.size() && word_char(static_cast<unsigned char>(n[i]))) ++i;
      if (i > start)
        out.push_back(
            ids_.try_emplace(n.substr(start, i - start), static_cast<std::uint32_t>(ids_.size()))
                .first->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

double jaccard(const WordIds& x, const WordIds& y) {
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  const std::size_t all = x.size() + y.size() - common;
  return all == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(all);
}

// The name of a unit's division, or "" for a division or a unit without one.
std::string division_name(const Plan& plan, const OrgUnit& unit) {
  return unit.parent ? plan.units[*unit.parent].name : std::string();
}
std::string division_key(const Plan& plan, const OrgUnit& unit) {
  return unit.parent ? plan.units[*unit.parent].key : std::string();
}

struct Pairing {
  std::vector<std::ptrdiff_t> b_of_a;  // index in B's field, or -1
  std::vector<std::ptrdiff_t> a_of_b;
  std::vector<double> similarity_of_b;  // for pairs by similarity; 1 for pairs by key
  std::vector<bool> by_key_of_b;
};

// Pairs the focus areas of two versions of one field: by key, then greedily by similarity.
Pairing pair_focus_areas(const Field& fa, const Field& fb) {
  Pairing p{std::vector<std::ptrdiff_t>(fa.focus_areas.size(), -1),
            std::vector<std::ptrdiff_t>(fb.focus_areas.size(), -1),
            std::vector<double>(fb.focus_areas.size(), 1.0),
            std::vector<bool>(fb.focus_areas.size(), false)};
  std::unordered_map<std::string, std::size_t> a_by_key;
  for (std::size_t i = 0; i < fa.focus_areas.size(); ++i) a_by_key.emplace(fa.focus_areas[i].key, i);
  for (std::size_t j = 0; j < fb.focus_areas.size(); ++j) {
    const auto it = a_by_key.find(fb.focus_areas[j].key);
    if (it == a_by_key.end() || p.b_of_a[it->second] >= 0) continue;
    p.b_of_a[it->second] = static_cast<std::ptrdiff_t>(j);
    p.a_of_b[j] = static_cast<std::ptrdiff_t>(it->second);
    p.by_key_of_b[j] = true;
  }
  // Greedy best first over all pairs of leftovers with a similarity of at least the threshold:
  // highest similarity first, ties to the earlier focus area of A, then of B. Exactly that order,
  // in memory linear in the field's size: each leftover of A keeps its best few free partners
  // (recomputed over the free ones when they are all taken), and a queue holds each one's best.
  Words words;
  std::vector<WordIds> a_words(fa.focus_areas.size()), b_words(fb.focus_areas.size());
  for (std::size_t j = 0; j < fb.focus_areas.size(); ++j)
    if (p.a_of_b[j] < 0) b_words[j] = words.of(fb.focus_areas[j].text);
  struct Option {
    double similarity;
    std::size_t b;
  };
  struct Options {
    std::vector<Option> best;  // best first
    std::size_t next = 0;
    bool complete = true;  // no qualifying free partner was left out
  };
  constexpr std::size_t kKept = 16;
  std::vector<Options> options(fa.focus_areas.size());
  const auto refill = [&](std::size_t i) {
    auto& o = options[i];
    o.best.clear();
    o.next = 0;
    for (std::size_t j = 0; j < fb.focus_areas.size(); ++j) {
      if (p.a_of_b[j] >= 0) continue;
      const double s = jaccard(a_words[i], b_words[j]);
      if (s >= kRewordThreshold) o.best.push_back({s, j});
    }
    const auto better = [](const Option& x, const Option& y) {
      return x.similarity > y.similarity || (x.similarity == y.similarity && x.b < y.b);
    };
    o.complete = o.best.size() <= kKept;
    if (!o.complete) {
      std::partial_sort(o.best.begin(), o.best.begin() + kKept, o.best.end(), better);
      o.best.resize(kKept);
    } else {
      std::sort(o.best.begin(), o.best.end(), better);
    }
  };
  struct Candidate {
    double similarity;
    std::size_t a, b;
    bool operator<(const Candidate& y) const {  // "less good", for the max-heap
      if (similarity != y.similarity) return similarity < y.similarity;
      return a != y.a ? a > y.a : b > y.b;
    }
  };
  std::priority_queue<Candidate> queue;
  const auto push_next = [&](std::size_t i) {
    for (;;) {
      auto& o = options[i];
      while (o.next < o.best.size() && p.a_of_b[o.best[o.next].b] >= 0) ++o.next;
      if (o.next < o.best.size()) {
        queue.push({o.best[o.next].similarity, i, o.best[o.next].b});
        return;
      }
      if (o.complete) return;
      refill(i);
    }
  };
  for (std::size_t i = 0; i < fa.focus_areas.size(); ++i) {
    if (p.b_of_a[i] >= 0) continue;
    a_words[i] = words.of(fa.focus_areas[i].text);
    refill(i);
    push_next(i);
  }
  while (!queue.empty()) {
    const Candidate c = queue.top();
    queue.pop();
    if (p.a_of_b[c.b] >= 0) {  // taken meanwhile: this focus area's next best
      push_next(c.a);
      continue;
    }
    p.b_of_a[c.a] = static_cast<std::ptrdiff_t>(c.b);
    p.a_of_b[c.b] = static_cast<std::ptrdiff_t>(c.a);
    p.similarity_of_b[c.b] = c.similarity;
  }
  return p;
}

void all_responsibilities(const Plan& plan, const Field& field, const FocusArea& area,
                          std::vector<DiffResponsibility>& out) {
  for (const auto& r : area.responsibilities) {
    const auto& unit = plan.units[r.unit];
    out.push_back({field.title, area.text, unit.name, area.key, unit.key});
  }
}

// The responsibilities of `from` whose unit `other` lacks.
void missing_responsibilities(const Plan& plan, const Field& field, const FocusArea& from,
                              const Plan& other_plan, const FocusArea& other,
                              std::vector<DiffResponsibility>& out) {
  std::unordered_set<std::string> keys;
  for (const auto& r : other.responsibilities) keys.insert(other_plan.units[r.unit].key);
  for (const auto& r : from.responsibilities) {
    const auto& unit = plan.units[r.unit];
    if (!keys.count(unit.key)) out.push_back({field.title, from.text, unit.name, from.key, unit.key});
  }
}

// The objectives of `from` (a field of `plan`) that `other` (may be null) does not list.
void missing_objectives(const Plan& plan, const Field& from, const Plan* other_plan,
                        const Field* other, std::vector<DiffObjective>& out) {
  std::unordered_set<std::string> keys;
  if (other)
    for (const auto& ref : other->objectives) keys.insert(other_plan->objectives[ref.objective].key);
  for (const auto& ref : from.objectives) {
    const auto& o = plan.objectives[ref.objective];
    if (!keys.count(o.key)) out.push_back({from.title, o.text, o.key});
  }
}

}  // namespace

double text_similarity(std::string_view a, std::string_view b) {
  Words words;
  return jaccard(words.of(a), words.of(b));
}

PlanDiff diff_plans(const Plan& a, const Plan& b) {
  PlanDiff d;
  std::unordered_map<std::string, std::size_t> a_field_by_key, b_field_by_key;
  for (std::size_t i = 0; i < a.fields.size(); ++i) a_field_by_key.emplace(a.fields[i].key, i);
  for (std::size_t j = 0; j < b.fields.size(); ++j) b_field_by_key.emplace(b.fields[j].key, j);

  // The focus areas of each field of A that B has too, paired once.
  std::vector<Pairing> pairings(a.fields.size());
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const auto it = b_field_by_key.find(a.fields[i].key);
    if (it != b_field_by_key.end()) pairings[i] = pair_focus_areas(a.fields[i], b.fields[it->second]);
  }

  // A's side first (document order of A): removed focus areas, responsibilities, objectives.
  for (std::size_t f = 0; f < a.fields.size(); ++f) {
    const auto& fa = a.fields[f];
    const auto it = b_field_by_key.find(fa.key);
    if (it == b_field_by_key.end()) {
      for (const auto& area : fa.focus_areas) {
        d.removed.push_back({fa.title, area.text, area.key});
        all_responsibilities(a, fa, area, d.responsibilities_removed);
      }
      missing_objectives(a, fa, nullptr, nullptr, d.objectives_removed);
      continue;
    }
    const auto& fb = b.fields[it->second];
    const auto& p = pairings[f];
    for (std::size_t i = 0; i < fa.focus_areas.size(); ++i) {
      const auto& area = fa.focus_areas[i];
      if (p.b_of_a[i] < 0) {
        d.removed.push_back({fa.title, area.text, area.key});
        all_responsibilities(a, fa, area, d.responsibilities_removed);
      } else {
        missing_responsibilities(a, fa, area, b,
                                 fb.focus_areas[static_cast<std::size_t>(p.b_of_a[i])],
                                 d.responsibilities_removed);
      }
    }
    missing_objectives(a, fa, &b, &fb, d.objectives_removed);
  }

  // B's side (document order of B): added, reworded, responsibilities, objectives.
  for (const auto& fb : b.fields) {
    const auto it = a_field_by_key.find(fb.key);
    if (it == a_field_by_key.end()) {
      for (const auto& area : fb.focus_areas) {
        d.added.push_back({fb.title, area.text, area.key});
        all_responsibilities(b, fb, area, d.responsibilities_added);
      }
      missing_objectives(b, fb, nullptr, nullptr, d.objectives_added);
      continue;
    }
    const auto& fa = a.fields[it->second];
    const auto& p = pairings[it->second];
    for (std::size_t j = 0; j < fb.focus_areas.size(); ++j) {
      const auto& area = fb.focus_areas[j];
      if (p.a_of_b[j] < 0) {
        d.added.push_back({fb.title, area.text, area.key});
        all_responsibilities(b, fb, area, d.responsibilities_added);
        continue;
      }
      const auto& old = fa.focus_areas[static_cast<std::size_t>(p.a_of_b[j])];
      if (!p.by_key_of_b[j] || old.text != area.text)
        d.reworded.push_back({fb.title, old.text, area.text, old.key, area.key,
                              p.by_key_of_b[j] ? text_similarity(old.text, area.text)
                                               : p.similarity_of_b[j]});
      missing_responsibilities(b, fb, area, a, old, d.responsibilities_added);
    }
    missing_objectives(b, fb, &a, &fa, d.objectives_added);
  }

  // Units in both versions whose division differs, in B's order.
  std::unordered_map<std::string, std::size_t> a_unit_by_key;
  for (std::size_t i = 0; i < a.units.size(); ++i) a_unit_by_key.emplace(a.units[i].key, i);
  for (const auto& ub : b.units) {
    if (ub.is_division) continue;
    const auto it = a_unit_by_key.find(ub.key);
    if (it == a_unit_by_key.end()) continue;
    const auto& ua = a.units[it->second];
    if (ua.is_division || division_key(a, ua) == division_key(b, ub)) continue;
    d.moved.push_back({ub.name, division_name(a, ua), division_name(b, ub), ub.key});
  }
  return d;
}

std::map<std::string, std::string> focus_area_key_map(const Plan& a, const PlanDiff& diff) {
  std::unordered_set<std::string> removed;
  for (const auto& r : diff.removed) removed.insert(r.key);
  std::map<std::string, std::string> out;
  for (const auto& r : diff.reworded) out.emplace(r.from_key, r.to_key);
  for (const auto& field : a.fields)
    for (const auto& area : field.focus_areas)
      if (!removed.count(area.key)) out.emplace(area.key, area.key);  // reworded ones stay
  return out;
}

}  // namespace eduplan
