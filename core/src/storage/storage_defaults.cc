// What every Storage can do through load_plan: the outline and the stream of a whole plan.
#include "eduplan/storage.h"
#include "eduplan/validation.h"

namespace eduplan {
namespace {

// A stream over a plan it holds.
class HoldingStream final : public FocusAreaStream {
 public:
  explicit HoldingStream(Plan plan) : plan_(std::move(plan)), inner_(stream_of(plan_)) {}
  void rewind() override { inner_->rewind(); }
  std::optional<Row> next() override { return inner_->next(); }

 private:
  Plan plan_;
  std::unique_ptr<FocusAreaStream> inner_;
};

class HoldingFindings final : public FindingStream {
 public:
  explicit HoldingFindings(Plan plan) : plan_(std::move(plan)), inner_(findings_of(plan_)) {}
  void rewind() override { inner_->rewind(); }
  const Finding* next() override { return inner_->next(); }

 private:
  Plan plan_;
  std::unique_ptr<FindingStream> inner_;
};

}  // namespace

std::vector<std::string> Storage::plan_names() const {
  std::vector<std::string> names;
  for (auto& info : list_plans()) names.push_back(std::move(info.name));
  return names;
}

std::optional<PlanOutline> Storage::load_outline(std::string_view name) const {
  auto plan = load_plan(name);
  if (!plan) return std::nullopt;
  return outline_of(*plan);
}

std::unique_ptr<FocusAreaStream> Storage::stream_focus_areas(std::string_view name) const {
  auto plan = load_plan(name);
  if (!plan) return nullptr;
  return std::make_unique<HoldingStream>(std::move(*plan));
}

}  // namespace eduplan

namespace eduplan {

std::unique_ptr<FindingStream> Storage::stream_findings(std::string_view name) const {
  auto plan = load_plan(name);
  if (!plan) return nullptr;
  return std::make_unique<HoldingFindings>(std::move(*plan));
}

}  // namespace eduplan

namespace eduplan {

std::optional<PlanSummary> Storage::summarize_plan(std::string_view name) const {
  // Outline and streams: a database checks every row it reads, and memory stays small.
  auto outline = load_outline(name);
  auto focus_areas = stream_focus_areas(name);
  auto findings = stream_findings(name);
  if (!outline || !focus_areas || !findings) return std::nullopt;
  return summarize(*outline, *focus_areas, *findings);
}

}  // namespace eduplan

namespace eduplan {

ImportResult Storage::import_plan_file(const std::filesystem::path& path,
                                       const ReadOptions& options) {
  Plan plan = read_plan_file(path, options);
  ImportResult result{plan.name, plan.findings, false};
  if (has_errors(plan.findings)) return result;
  save_plan(plan);
  result.stored = true;
  result.summary = summarize(plan);
  return result;
}

void Storage::choose_and_add_status_reports(
    std::string_view plan,
    const std::function<std::vector<StatusReport>(const std::vector<StatusReport>&)>& choose) {
  auto chosen = choose(status_reports(plan));
  if (!chosen.empty()) add_status_reports(plan, std::move(chosen));
}

}  // namespace eduplan
