// Figures about a plan: what `eduplan show` prints and an embedding program displays.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/plan_stream.h"

namespace eduplan {

struct FieldSummary {
  std::string title;
  std::size_t focus_areas = 0;
  std::size_t responsibilities = 0;
  std::size_t objectives = 0;

  friend bool operator==(const FieldSummary&, const FieldSummary&) = default;
};
BOOST_DESCRIBE_STRUCT(FieldSummary, (), (title, focus_areas, responsibilities, objectives))

// A responsible unit (or a division responsible as a whole).
struct UnitSummary {
  std::string name;
  std::string division;  // empty for a division, or if unknown
  bool is_division = false;
  std::size_t focus_areas = 0;
  std::size_t fields = 0;

  friend bool operator==(const UnitSummary&, const UnitSummary&) = default;
};
BOOST_DESCRIBE_STRUCT(UnitSummary, (), (name, division, is_division, focus_areas, fields))

struct PlanSummary {
  std::string name;
  std::string source;
  std::size_t focus_areas = 0;
  std::size_t responsibilities = 0;
  std::size_t objectives = 0;       // distinct objectives
  std::size_t objective_links = 0;  // field -> objective links
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::vector<FieldSummary> fields;  // document order
  std::vector<UnitSummary> units;    // responsible units, most focus areas first, then by name

  friend bool operator==(const PlanSummary&, const PlanSummary&) = default;
};
BOOST_DESCRIBE_STRUCT(PlanSummary, (),
                      (name, source, focus_areas, responsibilities, objectives, objective_links,
                       errors, warnings, infos, fields, units))

EDUPLAN_EXPORT PlanSummary summarize(const Plan& plan);
// The same from a plan read piece by piece: one pass over each stream.
EDUPLAN_EXPORT PlanSummary summarize(const PlanOutline& outline, FocusAreaStream& focus_areas,
                                     FindingStream& findings);

}  // namespace eduplan
