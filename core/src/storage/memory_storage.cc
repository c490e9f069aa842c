#include <map>

#include "eduplan/storage.h"

namespace eduplan {
namespace {

class MemoryStorage final : public Storage {
 public:
  void save_plan(const Plan& plan) override { plans_[plan.name] = {plan, "1970-01-01T00:00:00Z"}; }

  std::vector<PlanInfo> list_plans() const override {
    std::vector<PlanInfo> out;
    for (const auto& [name, entry] : plans_) {
      out.push_back({name, entry.plan.title, entry.plan.source, entry.imported_at});
    }
    return out;
  }

  std::optional<Plan> load_plan(std::string_view name) const override {
    auto it = plans_.find(std::string(name));
    if (it == plans_.end()) return std::nullopt;
    return it->second.plan;
  }

  bool remove_plan(std::string_view name) override { return plans_.erase(std::string(name)) > 0; }

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
