// Carrying status reports from one plan version to the next, along diff_plans' matching.
#include "eduplan/status_carry.h"

#include <map>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>

namespace eduplan {
namespace {

using Identity = std::tuple<std::string, std::string, std::string, std::optional<int>, std::string,
                            std::string>;

Identity identity(const StatusReport& r) {
  return {r.key, r.period, r.status, r.progress, r.note, r.source};
}

}  // namespace

namespace {

constexpr std::string_view kCarriedFrom = "übernommen aus ";

// A responsibility key as eduplan writes them: "<focus area key>/<unit key>", no spaces or
// parentheses.
bool is_key(std::string_view key) {
  return !key.empty() && key.find('/') != std::string_view::npos &&
         key.find_first_of(" ()") == std::string_view::npos;
}

}  // namespace

std::string carried_source_prefix(const std::string& plan) {
  return std::string(kCarriedFrom) + plan + " (";
}

std::string carried_source(const std::string& plan, const std::string& key) {
  return carried_source_prefix(plan) + key + ")";
}

std::optional<std::string> carried_key(std::string_view source, const std::string& plan) {
  const std::string prefix = carried_source_prefix(plan);
  if (!source.starts_with(prefix) || !source.ends_with(")")) return std::nullopt;
  const std::string_view key = source.substr(prefix.size(), source.size() - prefix.size() - 1);
  if (!is_key(key)) return std::nullopt;
  return std::string(key);
}

bool is_carried_source(std::string_view source) {
  // "übernommen aus <plan> (<key>)"; a form's source is "file:sheet!cell" or "file:line".
  if (!source.starts_with(kCarriedFrom) || !source.ends_with(")")) return false;
  const auto open = source.rfind(" (");
  return open != std::string_view::npos && open >= kCarriedFrom.size() &&
         is_key(source.substr(open + 2, source.size() - open - 3));
}

CarryResult plan_carry(const Plan& a, const Plan& b, const PlanDiff& diff,
                       const std::vector<StatusReport>& history_a,
                       const std::vector<StatusReport>& history_b) {
  CarryResult out;
  // The latest report of each responsibility in each period: key → period → report.
  std::map<std::string, std::map<std::string, StatusReport>> latest;
  for (const auto& r : history_a) {
    auto [it, inserted] = latest[r.key].try_emplace(r.period, r);
    if (!inserted && r.sequence >= it->second.sequence) it->second = r;
  }
  const auto key_in_b = focus_area_key_map(a, diff);
  std::unordered_set<std::string> reworded;
  for (const auto& r : diff.reworded) reworded.insert(r.from_key);
  std::unordered_set<std::string> responsible_in_b;
  for (const auto& field : b.fields)
    for (const auto& area : field.focus_areas)
      for (const auto& r : area.responsibilities)
        responsible_in_b.insert(responsibility_key(area, b.units[r.unit]));
  // What the new version has of each responsibility and period: its latest report, and whether
  // any of them is its own (read from a form, not carried over from a plan — `a` under any of
  // its names, or another version).
  struct InB {
    const StatusReport* latest = nullptr;
    bool own = false;
  };
  std::map<std::pair<std::string, std::string>, InB> in_b;
  for (const auto& r : history_b) {
    auto& slot = in_b[{r.key, r.period}];
    if (!slot.latest || r.sequence >= slot.latest->sequence) slot.latest = &r;
    if (!is_carried_source(r.source)) slot.own = true;
  }

  for (const auto& field : a.fields) {
    for (const auto& area : field.focus_areas) {
      for (const auto& resp : area.responsibilities) {
        const auto& unit = a.units[resp.unit];
        const auto it = latest.find(responsibility_key(area, unit));
        if (it == latest.end()) continue;
        const auto by_period = std::move(it->second);
        latest.erase(it);
        const auto target = key_in_b.find(area.key);
        const std::string key =
            target == key_in_b.end() ? std::string() : target->second + "/" + unit.key;
        for (const auto& [period, old] : by_period) {
          if (target == key_in_b.end()) {
            out.left_behind.push_back({old, CarryGap::focus_area_removed, field.title, area.text,
                                       unit.name});
            continue;
          }
          if (!responsible_in_b.count(key)) {
            out.left_behind.push_back({old, CarryGap::unit_not_responsible, field.title,
                                       area.text, unit.name});
            continue;
          }
          StatusReport carried{key, old.period, old.status, old.progress, old.note,
                               carried_source(a.name, old.key), {}, 0};
          if (const auto there = in_b.find({key, old.period}); there != in_b.end()) {
            if (there->second.own) {
              out.left_behind.push_back({old, CarryGap::reported_in_new_version, field.title,
                                         area.text, unit.name});
              continue;
            }
            if (identity(*there->second.latest) == identity(carried)) {
              ++out.already_carried;
              continue;
            }
          }
          if (reworded.count(area.key)) ++out.to_reworded;
          out.carried.push_back(std::move(carried));
        }
      }
    }
  }
  for (auto& [key, by_period] : latest)
    for (auto& [period, report] : by_period)
      out.left_behind.push_back({std::move(report), CarryGap::not_in_plan, {}, {}, {}});
  return out;
}

}  // namespace eduplan
