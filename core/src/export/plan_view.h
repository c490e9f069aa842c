// The C view of a plan handed to exporter modules (internal). Owns the arrays; the strings point
// into the Plan (or PlanOutline), which must outlive the view.
#pragma once

#include <string>
#include <vector>

#include "eduplan/exporter_abi.h"
#include "eduplan/exporters.h"
#include "eduplan/model.h"
#include "eduplan/plan_stream.h"

namespace eduplan {

class PlanView {
 public:
  // Everything, focus areas included, with their reports if given.
  explicit PlanView(const Plan& plan, const ExportReports* reports = nullptr);
  // The outline of a streamed plan: fields with their focus-area counts, no focus areas.
  explicit PlanView(const PlanOutline& outline, const ExportReports* reports = nullptr);
  PlanView(const PlanView&) = delete;
  PlanView& operator=(const PlanView&) = delete;
  const eduplan_plan_view* get() const { return &view_; }

 private:
  void add_common(const Plan& plan, const std::vector<std::string>& attribute_names,
                  const ExportReports* reports);
  void finish(const Plan& plan, const eduplan_attribute_list* const* attributes);

  std::vector<eduplan_unit_view> units_;
  std::vector<eduplan_objective_view> objectives_;
  std::vector<eduplan_finding_view> findings_;
  std::vector<eduplan_field_view> fields_;
  std::vector<std::vector<eduplan_focus_area_view>> focus_areas_;  // per field
  std::vector<std::vector<size_t>> unit_lists_;                    // per focus area
  std::vector<std::vector<size_t>> objective_lists_;               // per field
  std::vector<std::string> severities_;
  std::vector<std::vector<eduplan_attribute>> attribute_items_;       // per focus area
  std::vector<std::vector<eduplan_attribute_list>> attribute_lists_;  // per field
  std::vector<const eduplan_attribute_list*> attributes_;             // per field
  std::vector<std::string> attribute_names_;
  std::vector<eduplan_str> attribute_name_views_;
  std::vector<eduplan_str> scale_views_;
  std::string period_;
  std::vector<std::vector<eduplan_report_view>> report_items_;       // per focus area
  std::vector<std::vector<eduplan_report_list>> report_lists_;       // per field
  std::vector<const eduplan_report_list*> reports_;                   // per field
  eduplan_plan_view view_{};
};

// A FindingStream as the ABI's eduplan_finding_stream, failures kept like StreamBridge's.
class FindingBridge {
 public:
  explicit FindingBridge(FindingStream& stream);
  FindingBridge(const FindingBridge&) = delete;
  FindingBridge& operator=(const FindingBridge&) = delete;
  const eduplan_finding_stream* get() const { return &abi_; }
  const std::string& error() const { return error_; }

 private:
  static int rewind(void* self);
  static int next(void* self, eduplan_finding_view* row);
  FindingStream& stream_;
  eduplan_finding_stream abi_{};
  std::string severity_, error_;
};

// The view of one report (status empty when there is none), pointing into `report`.
eduplan_report_view report_view(const StatusReport* report);

// A FocusAreaStream as the ABI's eduplan_focus_area_stream, each row with its reports (looked up
// by responsibility key among `reports` with the units of `plan`). Exceptions stay on the host's
// side: a failure returns -1 and keeps its message for error().
class StreamBridge {
 public:
  StreamBridge(FocusAreaStream& stream, const Plan& plan, const ExportReports* reports);
  StreamBridge(const StreamBridge&) = delete;
  StreamBridge& operator=(const StreamBridge&) = delete;
  const eduplan_focus_area_stream* get() const { return &abi_; }
  const std::string& error() const { return error_; }

 private:
  static int rewind(void* self);
  static int next(void* self, eduplan_focus_area_row* row);
  FocusAreaStream& stream_;
  const Plan& plan_;
  const ExportReports* reports_;
  eduplan_focus_area_stream abi_{};
  std::vector<size_t> units_;
  std::vector<eduplan_attribute> attributes_;
  std::vector<eduplan_report_view> report_views_;
  std::string key_, error_;
};

}  // namespace eduplan
