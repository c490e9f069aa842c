// Roll-ups of status reports: one pass over the plan's focus areas, each responsibility counted
// in its plan, field, division and unit.
#include <algorithm>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "eduplan/monitoring.h"
#include "eduplan/storage.h"

namespace eduplan {
namespace {

struct Tally {
  std::size_t responsibilities = 0, reported = 0, with_progress = 0;
  double progress_sum = 0;
  std::vector<std::size_t> counts;  // per status of the scale
  std::map<std::string, std::size_t> others;  // statuses no longer on the scale

  void add(const StatusReport* r, const std::vector<std::string>& scale) {
    ++responsibilities;
    if (!r) return;
    ++reported;
    const auto it = std::find(scale.begin(), scale.end(), r->status);
    if (it == scale.end())
      ++others[r->status];
    else
      ++counts[static_cast<std::size_t>(it - scale.begin())];
    if (r->progress) {
      ++with_progress;
      progress_sum += *r->progress;
    }
  }

  Rollup result(const char* scope, std::string name, const std::vector<std::string>& scale) const {
    Rollup out{scope, std::move(name), responsibilities, reported, {}, std::nullopt};
    for (std::size_t i = 0; i < scale.size(); ++i) out.counts[scale[i]] = counts[i];
    for (const auto& [status, n] : others) out.counts[status] = n;
    if (with_progress > 0) out.progress = progress_sum / static_cast<double>(with_progress);
    return out;
  }
};

// "2026-M9" < "2026-M10": runs of digits compared as numbers, the rest character by character.
bool natural_before(std::string_view a, std::string_view b) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      std::string_view x = a.substr(i, ei - i), y = b.substr(j, ej - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // the same numbers written differently ("01", "1"): any fixed order
}

// A period's year (its first run of exactly four digits; -1 if none) and the rest of it.
std::pair<int, std::string> year_and_rest(std::string_view period) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < period.size();) {
    if (!digit(period[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < period.size() && digit(period[end])) ++end;
    if (end - i == 4) {
      int year = 0;
      for (std::size_t k = i; k < end; ++k) year = year * 10 + (period[k] - '0');
      return {year, std::string(period.substr(0, i)) + std::string(period.substr(end))};
    }
    i = end;
  }
  return {-1, std::string(period)};
}

}  // namespace

bool period_before(std::string_view a, std::string_view b) {
  const auto [year_a, rest_a] = year_and_rest(a);
  const auto [year_b, rest_b] = year_and_rest(b);
  if (year_a != year_b) return year_a < year_b;
  if (rest_a != rest_b) return natural_before(rest_a, rest_b);
  return a < b;
}

std::map<std::string, StatusReport> latest_reports(const std::vector<StatusReport>& history) {
  std::map<std::string, StatusReport> latest;
  for (const auto& r : history) {
    auto [it, inserted] = latest.try_emplace(r.key, r);
    if (inserted) continue;
    const StatusReport& held = it->second;
    // A later period wins; within a period, the report stored last (a late correction of an
    // earlier period does not hide a newer period's report).
    const bool later = held.period == r.period ? r.sequence >= held.sequence
                                               : period_before(held.period, r.period);
    if (later) it->second = r;
  }
  return latest;
}

std::vector<Rollup> rollups(const Storage& storage, std::string_view plan,
                            std::optional<std::string_view> period) {
  const auto outline = storage.load_outline(plan);
  auto stream = storage.stream_focus_areas(plan);
  if (!outline || !stream)
    throw UsageError(tr({"kein Plan „{0}“ in der Datenbank", "no plan \"{0}\" in the database"},
                        std::string(plan)));
  const auto scale = storage.status_scale();
  const auto latest = latest_reports(storage.status_reports(plan, period));
  const auto& units = outline->plan.units;

  const Tally empty{0, 0, 0, 0, std::vector<std::size_t>(scale.size(), 0), {}};
  Tally whole = empty;
  std::vector<Tally> fields(outline->plan.fields.size(), empty);
  std::vector<Tally> by_unit(units.size(), empty);
  std::vector<std::size_t> division_order, unit_order;
  std::vector<bool> division_seen(units.size(), false), unit_seen(units.size(), false);
  std::vector<Tally> by_division(units.size(), empty);
  std::string key;
  stream->rewind();
  while (auto row = stream->next()) {
    for (const auto& r : row->area->responsibilities) {
      const OrgUnit& unit = units.at(r.unit);
      key = row->area->key;
      key += '/';
      key += unit.key;
      const auto found = latest.find(key);
      const StatusReport* report = found == latest.end() ? nullptr : &found->second;
      whole.add(report, scale);
      fields.at(row->field).add(report, scale);
      by_unit[r.unit].add(report, scale);
      if (!unit_seen[r.unit]) {
        unit_seen[r.unit] = true;
        unit_order.push_back(r.unit);
      }
      const std::optional<std::size_t> division =
          unit.is_division ? std::optional<std::size_t>(r.unit) : unit.parent;
      if (division) {
        by_division[*division].add(report, scale);
        if (!division_seen[*division]) {
          division_seen[*division] = true;
          division_order.push_back(*division);
        }
      }
    }
  }
  std::vector<Rollup> out;
  out.push_back(whole.result("plan", outline->plan.name, scale));
  for (std::size_t f = 0; f < fields.size(); ++f)
    out.push_back(fields[f].result("field", outline->plan.fields[f].title, scale));
  for (std::size_t d : division_order)
    out.push_back(by_division[d].result("division", units[d].name, scale));
  for (std::size_t u : unit_order) out.push_back(by_unit[u].result("unit", units[u].name, scale));
  return out;
}

std::vector<StatusReport> unmatched_reports(const Storage& storage, std::string_view plan) {
  const auto outline = storage.load_outline(plan);
  auto stream = storage.stream_focus_areas(plan);
  if (!outline || !stream) return {};
  std::unordered_set<std::string> keys;
  const auto& units = outline->plan.units;
  stream->rewind();
  while (auto row = stream->next()) {
    for (const auto& r : row->area->responsibilities) {
      if (r.unit < units.size()) keys.insert(row->area->key + "/" + units[r.unit].key);
    }
  }
  std::vector<StatusReport> out;
  std::unordered_set<std::string> seen;  // period and key
  auto history = storage.status_reports(plan);
  for (auto it = history.rbegin(); it != history.rend(); ++it) {  // the latest first
    if (keys.contains(it->key) || !seen.insert(it->period + '\n' + it->key).second) continue;
    out.push_back(std::move(*it));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace eduplan
