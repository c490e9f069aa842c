#include <algorithm>
#include <map>

#include "eduplan/storage.h"
#include "eduplan/error.h"
#include "eduplan/language.h"
#include "eduplan/status_carry.h"
#include "storage/status_store.h"
#include "storage/storage_checks.h"

namespace eduplan {
namespace {

class MemoryStorage final : public Storage {
 public:
  void save_plan(const Plan& plan) override {
    check_plan(plan);
    plans_[plan.name] = {plan, "1970-01-01T00:00:00Z"};
  }

  std::vector<PlanInfo> list_plans() const override {
    std::vector<PlanInfo> out;
    for (const auto& [name, entry] : plans_) {
      PlanInfo info{name, entry.plan.title, entry.plan.source, entry.imported_at};
      info.fields = entry.plan.fields.size();
      info.objectives = entry.plan.objectives.size();
      for (const auto& f : entry.plan.fields) {
        info.focus_areas += f.focus_areas.size();
        for (const auto& fa : f.focus_areas) info.responsibilities += fa.responsibilities.size();
      }
      out.push_back(std::move(info));
    }
    return out;
  }

  std::optional<Plan> load_plan(std::string_view name) const override {
    auto it = plans_.find(std::string(name));
    if (it == plans_.end()) return std::nullopt;
    return it->second.plan;
  }

  bool remove_plan(std::string_view name) override {
    reports_.erase(std::string(name));
    return plans_.erase(std::string(name)) > 0;
  }

  std::vector<std::string> status_scale() const override {
    return scale_.empty() ? default_status_scale() : scale_;
  }

  void set_status_scale(const std::vector<std::string>& scale) override {
    status_store::check_scale(scale);
    for (const auto& [plan, reports] : reports_) {
      for (const auto& r : reports) {
        if (std::find(scale.begin(), scale.end(), r.status) == scale.end())
          throw UsageError(tr({"Status „{0}“ wird in Rückmeldungen verwendet und muss in der Skala bleiben",
                               "status \"{0}\" is used by reports and must stay in the scale"},
                              r.status));
      }
    }
    scale_ = scale;
  }

  void add_status_reports(std::string_view plan, std::vector<StatusReport> reports) override {
    if (!plans_.count(std::string(plan)))
      throw UsageError(tr({"kein Plan „{0}“ in der Datenbank", "no plan \"{0}\" in the database"},
                          std::string(plan)));
    for (auto& r : reports) {
      check_status_report(r);
    }
    auto& stored = reports_[std::string(plan)];
    for (auto& r : reports) {
      r.imported_at = "1970-01-01T00:00:00Z";
      r.sequence = ++sequence_;
      stored.push_back(std::move(r));
    }
  }

  std::vector<StatusReport> status_reports(
      std::string_view plan, std::optional<std::string_view> period) const override {
    std::vector<StatusReport> out;
    auto it = reports_.find(std::string(plan));
    if (it == reports_.end()) return out;
    for (const auto& r : it->second) {
      if (!period || r.period == *period) out.push_back(r);
    }
    return out;
  }

  bool rename_plan(std::string_view from, std::string_view to) override {
    check_rename(from, to);
    auto it = plans_.find(std::string(from));
    if (it == plans_.end()) return false;
    if (from == to) return true;
    if (plans_.count(std::string(to))) throw_name_taken(to);
    Entry entry = std::move(it->second);
    entry.plan.name = std::string(to);
    plans_.erase(it);
    plans_.emplace(std::string(to), std::move(entry));
    if (auto r = reports_.find(std::string(from)); r != reports_.end()) {
      auto moved = std::move(r->second);
      reports_.erase(r);
      reports_[std::string(to)] = std::move(moved);
    }
    for (auto& [plan, reports] : reports_) {
      for (auto& report : reports) {
        if (const auto key = carried_key(report.source, std::string(from)))
          report.source = carried_source(std::string(to), *key);
      }
    }
    return true;
  }

 private:
  struct Entry {
    Plan plan;
    std::string imported_at;
  };
  std::map<std::string, Entry> plans_;
  std::map<std::string, std::vector<StatusReport>> reports_;  // per plan, in order of storing
  std::vector<std::string> scale_;                           // empty: the default
  std::int64_t sequence_ = 0;
};

}  // namespace

std::unique_ptr<Storage> make_memory_storage() { return std::make_unique<MemoryStorage>(); }

}  // namespace eduplan
