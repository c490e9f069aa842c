#include "dot_builder.h"

#include <algorithm>
#include <map>
#include <set>

namespace eduplan::dot_exporter {
namespace {

using sdk::Request;
using sdk::view;

std::string str(eduplan_str s) { return std::string(view(s)); }

// Names compared the way a user types them: ASCII and Latin-1 letters (Ä, Ö, Ü, É, …) in
// either case, surrounding spaces ignored.
std::string folded(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
      ++i;
    }
  }
  return out;
}

// "kein Handlungsfeld „Mint“ im Plan; es gibt: „MINT“, „Teilhabe“"
[[noreturn]] void not_found(bool field, const std::string& wanted,
                            const std::vector<std::string>& names) {
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + sdk::say("„{0}“", "\"{0}\"", n);
  if (list.empty()) list = sdk::say("keines", "none");
  throw sdk::Failure(field ? sdk::say("kein Handlungsfeld „{0}“ im Plan; es gibt: {1}",
                                      "no field \"{0}\" in the plan; there are: {1}", wanted, list)
                           : sdk::say("kein Dezernat „{0}“ im Plan; es gibt: {1}",
                                      "no division \"{0}\" in the plan; there are: {1}", wanted,
                                      list));
}

}  // namespace

// A cluster per key ("f3", "d7"), made on first use.
struct Clusters {
  Graph& g;
  std::map<std::string, int> index;
  int of(const std::string& key, const std::string& label, const std::string& fill = "") {
    auto [it, inserted] = index.emplace(key, static_cast<int>(g.clusters.size()));
    if (inserted) g.clusters.push_back({label, fill});
    return it->second;
  }
};

Builder::Builder(const Request& r)
    : r_(r), english_(r.option("lang") == "en"), scale_(r.status_scale()) {
  const std::string field(r.option("field")), division(r.option("division"));
  if (!field.empty()) {
    std::vector<std::string> names;
    for (const auto& f : r.fields()) {
      names.push_back(str(f.title));
      if (folded(view(f.title)) == folded(field)) field_title_ = str(f.title);
    }
    if (field_title_.empty()) not_found(true, field, names);
  }
  if (!division.empty()) {
    std::vector<std::string> names;
    for (const auto& u : r.units()) {
      if (!u.is_division) continue;
      names.push_back(str(u.name));
      if (folded(view(u.name)) == folded(division)) division_name_ = str(u.name);
    }
    if (division_name_.empty()) not_found(false, division, names);
  }
}

std::string Builder::selection() const {
  std::string out;
  if (!field_title_.empty())
    out += sdk::say(" im Handlungsfeld „{0}“", " in the field \"{0}\"", field_title_);
  if (!division_name_.empty())
    out += sdk::say(" für Dezernat „{0}“", " for the division \"{0}\"", division_name_);
  return out;
}

Graph Builder::build(std::string_view kind, bool collapse) const {
  Graph g;
  g.directed = kind != "cooperation";
  g.show_weights = kind != "responsibility";
  Clusters clusters{g, {}};
  const auto right = right_side();
  for (std::size_t f = 0; f < r_.fields().size(); ++f) {
    const auto& field = r_.fields()[f];
    if (!field_title_.empty() && view(field.title) != field_title_) continue;
    const auto areas = Request::focus_areas(field);
    for (std::size_t a = 0; a < areas.size(); ++a) {
      std::vector<std::string> units;
      for (std::size_t u : Request::units_of(areas[a])) {
        if (in_division(u)) units.push_back(unit_node(g, clusters, u, collapse));
      }
      if (units.empty()) continue;
      if (kind == "responsibility") {
        // Each field's focus areas in a cluster of their own, the field at its head.
        const int cluster = clusters.of("f" + std::to_string(f), str(field.title), "#F2F2F2");
        const std::string fid =
            g.node("f" + std::to_string(f + 1), wrap(str(field.title), 24), "box", cluster);
        const std::string aid = g.node("a" + std::to_string(f + 1) + "_" + std::to_string(a + 1),
                                       wrap(str(areas[a].text), 60), "note", cluster);
        // Fields on the right are laid out right to left: units in the middle column.
        g.edge(fid, aid, 1, right[f]);
        for (const auto& u : units) g.edge(aid, u, 1, right[f]);
        if (!scale_.empty()) colour_statuses(g, f, a, aid, right[f], collapse);
      } else if (kind == "fields") {
        const std::string fid =
            g.node("f" + std::to_string(f + 1), wrap(str(field.title), 24), "box");
        for (const auto& u : std::set<std::string>(units.begin(), units.end())) g.edge(fid, u);
      } else {
        std::set<std::string> distinct(units.begin(), units.end());
        for (auto i = distinct.begin(); i != distinct.end(); ++i) {
          for (auto j = std::next(i); j != distinct.end(); ++j) g.edge(*i, *j);
        }
      }
    }
  }
  if (kind == "responsibility" && !scale_.empty()) add_legend(g);
  return g;
}

namespace {

// Fill colours of focus areas (light) and edge colours (strong) by position in the scale; the
// default scale: geplant, begonnen, umgesetzt, verzögert, entfallen.
constexpr const char* kFills[] = {"#C9DAF8", "#FFE599", "#B6D7A8", "#EA9999", "#D9D9D9"};
constexpr const char* kStrokes[] = {"#3C78D8", "#BF9000", "#38761D", "#CC0000", "#999999"};
constexpr const char* kOtherFill = "#EEEEEE";
constexpr const char* kOtherStroke = "#666666";

}  // namespace

// The focus area's status is the one most of its reported responsibilities (in the selection)
// have; a tie goes to the status earlier in the scale. Without any report it stays unfilled.
void Builder::colour_statuses(Graph& g, std::size_t f, std::size_t a, const std::string& area_id,
                              bool back, bool collapse) const {
  const auto reports = r_.reports(f, a);
  const auto units = Request::units_of(Request::focus_areas(r_.fields()[f])[a]);
  std::vector<std::size_t> counts(scale_.size(), 0);
  for (std::size_t i = 0; i < units.size() && i < reports.size(); ++i) {
    if (!in_division(units[i]) || reports[i].status.size == 0) continue;
    const auto status = view(reports[i].status);
    const auto it = std::find(scale_.begin(), scale_.end(), status);
    if (it == scale_.end()) continue;
    const auto s = static_cast<std::size_t>(it - scale_.begin());
    ++counts[s];
    if (!collapse) {
      const std::string unit_id = "u" + std::to_string(units[i] + 1);
      const std::string division_id = "d" + std::to_string(units[i] + 1);
      const char* stroke = s < std::size(kStrokes) ? kStrokes[s] : kOtherStroke;
      g.colour_edge(area_id, r_.units()[units[i]].is_division ? division_id : unit_id, back,
                    stroke);
    }
  }
  const auto best = std::max_element(counts.begin(), counts.end());
  if (best == counts.end() || *best == 0) return;
  const auto s = static_cast<std::size_t>(best - counts.begin());
  g.fill(area_id, s < std::size(kFills) ? kFills[s] : kOtherFill);
}

void Builder::add_legend(Graph& g) const {
  g.legend_title = english_ ? "Status" : "Stand";
  const auto period = r_.report_period();
  if (!period.empty()) g.legend_title += " " + std::string(period);
  for (std::size_t s = 0; s < scale_.size(); ++s)
    g.legend.emplace_back(std::string(scale_[s]), s < std::size(kFills) ? kFills[s] : kOtherFill);
  g.legend.emplace_back(english_ ? "not reported" : "nicht gemeldet", "#FFFFFF");
}

// The responsibility view draws fields, focus areas, units, focus areas, fields from left to
// right: half the focus areas on each side of the units halves the drawing's height. A field
// goes to the side with fewer focus areas so far.
std::vector<bool> Builder::right_side() const {
  std::vector<bool> right(r_.fields().size(), false);
  std::size_t left_count = 0, right_count = 0;
  for (std::size_t f = 0; f < r_.fields().size(); ++f) {
    if (!field_title_.empty()) break;  // one field: one side
    const std::size_t n = r_.fields()[f].focus_area_count;
    right[f] = right_count < left_count;
    (right[f] ? right_count : left_count) += n;
  }
  return right;
}

std::size_t Builder::division_of(std::size_t u) const {
  const auto& unit = r_.units()[u];
  return unit.is_division ? u : unit.division;
}

bool Builder::in_division(std::size_t u) const {
  if (division_name_.empty()) return true;
  std::size_t d = division_of(u);
  return d != EDUPLAN_NO_INDEX && view(r_.units()[d].name) == division_name_;
}

std::string Builder::unit_node(Graph& g, Clusters& clusters, std::size_t u, bool collapse) const {
  const std::size_t d = division_of(u);
  if (collapse && d != EDUPLAN_NO_INDEX)
    return g.node("d" + std::to_string(d + 1), wrap(str(r_.units()[d].name), 28), "folder");
  const auto& unit = r_.units()[u];
  if (unit.is_division)
    return g.node("d" + std::to_string(u + 1), wrap(str(unit.name), 28), "folder");
  const int cluster =
      d == EDUPLAN_NO_INDEX ? -1 : clusters.of("d" + std::to_string(d), str(r_.units()[d].name));
  return g.node("u" + std::to_string(u + 1), wrap(str(unit.name), 28), "ellipse", cluster);
}

}  // namespace eduplan::dot_exporter
