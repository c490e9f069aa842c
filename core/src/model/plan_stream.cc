#include "eduplan/plan_stream.h"

#include <algorithm>

namespace eduplan {
namespace {

class MemoryStream final : public FocusAreaStream {
 public:
  explicit MemoryStream(const Plan& plan) : plan_(plan) {}
  void rewind() override { field_ = index_ = 0; }
  std::optional<Row> next() override {
    while (field_ < plan_.fields.size() && index_ >= plan_.fields[field_].focus_areas.size()) {
      ++field_;
      index_ = 0;
    }
    if (field_ >= plan_.fields.size()) return std::nullopt;
    Row row{field_, index_, &plan_.fields[field_].focus_areas[index_]};
    ++index_;
    return row;
  }

 private:
  const Plan& plan_;
  std::size_t field_ = 0, index_ = 0;
};

class MemoryFindings final : public FindingStream {
 public:
  explicit MemoryFindings(const Plan& plan) : plan_(plan) {}
  void rewind() override { at_ = 0; }
  const Finding* next() override {
    return at_ < plan_.findings.size() ? &plan_.findings[at_++] : nullptr;
  }

 private:
  const Plan& plan_;
  std::size_t at_ = 0;
};

}  // namespace

std::vector<std::string> attribute_names_of(const Plan& plan) {
  std::vector<std::string> names;
  for (const auto& field : plan.fields) {
    for (const auto& area : field.focus_areas) {
      for (const auto& a : area.attributes) {
        if (std::find(names.begin(), names.end(), a.name) == names.end()) names.push_back(a.name);
      }
    }
  }
  return names;
}

PlanOutline outline_of(const Plan& plan) {
  PlanOutline out;
  out.plan.name = plan.name;
  out.plan.title = plan.title;
  out.plan.source = plan.source;
  out.plan.units = plan.units;
  out.plan.objectives = plan.objectives;
  out.finding_count = plan.findings.size();
  for (const auto& field : plan.fields) {
    out.plan.fields.push_back({field.title, field.key, field.source_line, {}, field.objectives});
    out.focus_area_counts.push_back(field.focus_areas.size());
  }
  out.attribute_names = attribute_names_of(plan);
  return out;
}

std::unique_ptr<FocusAreaStream> stream_of(const Plan& plan) {
  return std::make_unique<MemoryStream>(plan);
}

}  // namespace eduplan

namespace eduplan {

std::unique_ptr<FindingStream> findings_of(const Plan& plan) {
  return std::make_unique<MemoryFindings>(plan);
}

}  // namespace eduplan
