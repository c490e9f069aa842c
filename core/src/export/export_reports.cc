// The status reports that go along with an export of a stored plan.
#include "eduplan/exporters.h"
#include "eduplan/monitoring.h"
#include "eduplan/storage.h"

namespace eduplan {

std::optional<ExportReports> load_export_reports(const Storage& storage, const std::string& plan,
                                                 const std::optional<std::string>& period) {
  auto history = storage.status_reports(plan, period);
  if (history.empty() && !period) return std::nullopt;
  return ExportReports{latest_reports(history), storage.status_scale(), period.value_or("")};
}

}  // namespace eduplan
