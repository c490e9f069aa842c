// The JSON form of a plan comparison (`eduplan diff --format json`).
#include <boost/json.hpp>

#include "eduplan/plan_diff.h"

namespace eduplan {
namespace {

boost::json::array focus_areas(const std::vector<DiffFocusArea>& list) {
  boost::json::array out;
  for (const auto& f : list) out.push_back(boost::json::object{{"field", f.field}, {"text", f.text}});
  return out;
}

boost::json::array responsibilities(const std::vector<DiffResponsibility>& list) {
  boost::json::array out;
  for (const auto& r : list)
    out.push_back(
        boost::json::object{{"field", r.field}, {"focus_area", r.focus_area}, {"unit", r.unit}});
  return out;
}

boost::json::array objectives(const std::vector<DiffObjective>& list) {
  boost::json::array out;
  for (const auto& o : list) out.push_back(boost::json::object{{"field", o.field}, {"text", o.text}});
  return out;
}

}  // namespace

std::string to_json(const PlanDiff& diff) {
  boost::json::array reworded, moved;
  for (const auto& r : diff.reworded)
    reworded.push_back(boost::json::object{{"field", r.field}, {"from", r.from}, {"to", r.to}});
  for (const auto& m : diff.moved)
    moved.push_back(boost::json::object{{"unit", m.unit}, {"from", m.from}, {"to", m.to}});
  boost::json::object out;
  out["added"] = focus_areas(diff.added);
  out["removed"] = focus_areas(diff.removed);
  out["reworded"] = std::move(reworded);
  out["responsibilities"] =
      boost::json::object{{"added", responsibilities(diff.responsibilities_added)},
                          {"removed", responsibilities(diff.responsibilities_removed)}};
  out["objectives"] = boost::json::object{{"added", objectives(diff.objectives_added)},
                                          {"removed", objectives(diff.objectives_removed)}};
  out["moved"] = std::move(moved);
  return boost::json::serialize(out);
}

}  // namespace eduplan
