#include "eduplan/monitoring.h"

namespace eduplan {

const std::vector<std::string>& default_status_scale() {
  static const std::vector<std::string> scale = {"geplant", "begonnen", "umgesetzt", "verzögert",
                                                 "entfallen"};
  return scale;
}

bool is_valid_period(std::string_view period) {
  if (period.empty() || period.size() > 32) return false;
  for (char c : period) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string responsibility_key(const FocusArea& area, const OrgUnit& unit) {
  return area.key + "/" + unit.key;
}

}  // namespace eduplan
