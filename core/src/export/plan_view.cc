#include "export/plan_view.h"

#include <algorithm>
#include <exception>

#include "eduplan/enum_text.h"

namespace eduplan {
namespace {

eduplan_str str(const std::string& s) { return {s.data(), s.size()}; }

const StatusReport* find_report(const ExportReports* reports, const FocusArea& area,
                                const OrgUnit& unit, std::string& key) {
  if (!reports) return nullptr;
  key = area.key;
  key += '/';
  key += unit.key;
  const auto it = reports->latest.find(key);
  return it == reports->latest.end() ? nullptr : &it->second;
}

// Runs one call of a stream bridge for the module: an exception becomes the ABI's -1, its message
// kept for the host's error report.
template <class Fn>
int guarded(std::string& error, Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "?";
  }
  return -1;
}

}  // namespace

eduplan_report_view report_view(const StatusReport* r) {
  if (!r) return {{nullptr, 0}, -1, {nullptr, 0}, {nullptr, 0}};
  return {str(r->status), r->progress ? *r->progress : -1, str(r->note), str(r->period)};
}

void PlanView::add_common(const Plan& plan, const std::vector<std::string>& attribute_names,
                          const ExportReports* reports) {
  if (reports) {
    for (const auto& s : reports->scale) scale_views_.push_back(str(s));
    period_ = reports->period;
  }
  for (const auto& u : plan.units) {
    units_.push_back(
        {str(u.name), u.parent ? *u.parent : EDUPLAN_NO_INDEX, u.is_division ? 1 : 0, str(u.key)});
  }
  for (const auto& o : plan.objectives) objectives_.push_back({str(o.text), str(o.key)});
  severities_.reserve(plan.findings.size());
  for (const auto& f : plan.findings) {
    severities_.push_back(to_text(f.severity));
    findings_.push_back(
        {str(f.rule), str(severities_.back()), str(f.message), f.line, str(f.subject)});
  }
  attribute_names_ = attribute_names;
  for (const auto& n : attribute_names_) attribute_name_views_.push_back(str(n));
  objective_lists_.reserve(plan.fields.size());
  for (const auto& field : plan.fields) {
    auto& objectives = objective_lists_.emplace_back();
    for (const auto& ref : field.objectives) objectives.push_back(ref.objective);
  }
}

void PlanView::finish(const Plan& plan, const eduplan_attribute_list* const* attributes) {
  view_ = {sizeof(eduplan_plan_view),
           str(plan.name),
           str(plan.title),
           str(plan.source),
           fields_.data(),
           fields_.size(),
           units_.data(),
           units_.size(),
           objectives_.data(),
           objectives_.size(),
           findings_.data(),
           findings_.size(),
           attributes,
           attribute_name_views_.data(),
           attribute_name_views_.size(),
           scale_views_.data(),
           scale_views_.size(),
           reports_.empty() ? nullptr : reports_.data(),
           str(period_)};
}

PlanView::PlanView(const Plan& plan, const ExportReports* reports) {
  add_common(plan, attribute_names_of(plan), reports);
  std::size_t focus_total = 0;
  for (const auto& field : plan.fields) focus_total += field.focus_areas.size();
  unit_lists_.reserve(focus_total);  // no reallocation: focus views point into these vectors
  attribute_items_.reserve(focus_total);
  report_items_.reserve(focus_total);
  report_lists_.reserve(plan.fields.size());
  attribute_lists_.reserve(plan.fields.size());
  attributes_.reserve(plan.fields.size());
  focus_areas_.reserve(plan.fields.size());
  for (std::size_t f = 0; f < plan.fields.size(); ++f) {
    const Field& field = plan.fields[f];
    auto& areas = focus_areas_.emplace_back();
    for (const auto& fa : field.focus_areas) {
      auto& units = unit_lists_.emplace_back();
      for (const auto& r : fa.responsibilities) units.push_back(r.unit);
      areas.push_back({str(fa.text), str(fa.key), fa.source_line, units.data(), units.size()});
    }
    auto& lists = attribute_lists_.emplace_back();
    for (const auto& fa : field.focus_areas) {
      auto& items = attribute_items_.emplace_back();
      for (const auto& a : fa.attributes) items.push_back({str(a.name), str(a.value)});
      lists.push_back({items.data(), items.size()});
    }
    attributes_.push_back(lists.data());
    if (reports && !reports->latest.empty()) {
      auto& report_lists = report_lists_.emplace_back();
      std::string key;
      for (const auto& fa : field.focus_areas) {
        auto& items = report_items_.emplace_back();
        for (const auto& r : fa.responsibilities)
          items.push_back(report_view(find_report(reports, fa, plan.units[r.unit], key)));
        report_lists.push_back({items.data(), items.size()});
      }
      reports_.push_back(report_lists.data());
    }
    fields_.push_back({str(field.title), str(field.key), areas.data(), areas.size(),
                       objective_lists_[f].data(), objective_lists_[f].size()});
  }
  finish(plan, attributes_.data());
}

PlanView::PlanView(const PlanOutline& outline, const ExportReports* reports) {
  add_common(outline.plan, outline.attribute_names, reports);
  for (std::size_t f = 0; f < outline.plan.fields.size(); ++f) {
    const Field& field = outline.plan.fields[f];
    fields_.push_back({str(field.title), str(field.key), nullptr,
                       f < outline.focus_area_counts.size() ? outline.focus_area_counts[f] : 0,
                       objective_lists_[f].data(), objective_lists_[f].size()});
  }
  finish(outline.plan, nullptr);
  view_.findings = nullptr;  // they come as a stream
  view_.finding_count = outline.finding_count;
}

FindingBridge::FindingBridge(FindingStream& stream) : stream_(stream) {
  abi_ = {sizeof(eduplan_finding_stream), this, &FindingBridge::rewind, &FindingBridge::next};
}

int FindingBridge::rewind(void* self) {
  auto* b = static_cast<FindingBridge*>(self);
  return guarded(b->error_, [&] {
    b->stream_.rewind();
    return 0;
  });
}

int FindingBridge::next(void* self, eduplan_finding_view* row) {
  auto* b = static_cast<FindingBridge*>(self);
  return guarded(b->error_, [&] {
    const Finding* f = b->stream_.next();
    if (!f) return 0;
    b->severity_ = to_text(f->severity);
    *row = {str(f->rule), str(b->severity_), str(f->message), f->line, str(f->subject)};
    return 1;
  });
}

StreamBridge::StreamBridge(FocusAreaStream& stream, const Plan& plan, const ExportReports* reports)
    : stream_(stream), plan_(plan), reports_(reports && !reports->latest.empty() ? reports : nullptr) {
  abi_ = {sizeof(eduplan_focus_area_stream), this, &StreamBridge::rewind, &StreamBridge::next};
}

int StreamBridge::rewind(void* self) {
  auto* b = static_cast<StreamBridge*>(self);
  return guarded(b->error_, [&] {
    b->stream_.rewind();
    return 0;
  });
}

int StreamBridge::next(void* self, eduplan_focus_area_row* row) {
  auto* b = static_cast<StreamBridge*>(self);
  return guarded(b->error_, [&] {
    const auto got = b->stream_.next();
    if (!got) return 0;
    const FocusArea& fa = *got->area;
    b->units_.clear();
    for (const auto& r : fa.responsibilities) b->units_.push_back(r.unit);
    b->attributes_.clear();
    for (const auto& a : fa.attributes) b->attributes_.push_back({str(a.name), str(a.value)});
    b->report_views_.clear();
    if (b->reports_) {
      for (const auto& r : fa.responsibilities)
        b->report_views_.push_back(
            report_view(find_report(b->reports_, fa, b->plan_.units.at(r.unit), b->key_)));
    }
    *row = {got->field,
            got->index,
            {str(fa.text), str(fa.key), fa.source_line, b->units_.data(), b->units_.size()},
            {b->attributes_.data(), b->attributes_.size()},
            {b->report_views_.data(), b->report_views_.size()}};
    return 1;
  });
}

}  // namespace eduplan
