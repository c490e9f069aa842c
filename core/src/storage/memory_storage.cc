#include <map>

#include "eduplan/storage.h"
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

  bool remove_plan(std::string_view name) override { return plans_.erase(std::string(name)) > 0; }

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
    return true;
  }

 private:
  struct Entry {
    Plan plan;
    std::string imported_at;
  };
  std::map<std::string, Entry> plans_;
};

}  // namespace

std::unique_ptr<Storage> make_memory_storage() { return std::make_unique<MemoryStorage>(); }

}  // namespace eduplan
