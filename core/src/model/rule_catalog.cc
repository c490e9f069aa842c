#include "model/rule_catalog.h"

#include "eduplan/validation.h"

namespace eduplan {

std::vector<RuleInfo> rule_catalog() {
  std::vector<RuleInfo> out;
  for (const rule::Rule* r : rule::kAll) out.push_back({r->id, r->severity, r->description.get()});
  return out;
}

}  // namespace eduplan
