#include "eduplan/monitoring.h"

namespace eduplan {

const std::vector<std::string>& default_status_scale() {
  static const std::vector<std::string> scale = {"geplant", "begonnen", "umgesetzt", "verzögert",
                                                 "entfallen"};
  return scale;
}

std::string responsibility_key(const FocusArea& area, const OrgUnit& unit) {
  return area.key + "/" + unit.key;
}

}  // namespace eduplan
