#include "eduplan/json.h"

#include <boost/json.hpp>

namespace eduplan {

std::string to_json(const std::vector<Finding>& findings) {
  return boost::json::serialize(boost::json::value_from(findings));
}

std::string to_json(const PlanSummary& summary, const std::vector<Finding>& findings) {
  boost::json::value v = boost::json::value_from(summary);
  v.as_object()["findings"] = boost::json::value_from(findings);
  return boost::json::serialize(v);
}

}  // namespace eduplan
