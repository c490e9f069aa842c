// The figures of summarize(), gathered one focus area at a time (internal): for a stream read
// from a database, and for a plan stored while it is read, whose focus areas are gone by the end.
#pragma once

#include <cstddef>
#include <set>
#include <vector>

#include "eduplan/plan_stream.h"
#include "eduplan/summary.h"

namespace eduplan {

class SummaryBuilder {
 public:
  // One focus area of field `field`, in document order.
  void area(std::size_t field, const FocusArea& area);
  // With the plan's outline (fields, units, objectives; focus areas not needed) and findings.
  PlanSummary finish(const Plan& plan, FindingStream& findings);

 private:
  struct FieldCounts {
    std::size_t focus_areas = 0, responsibilities = 0;
  };
  std::vector<FieldCounts> per_field_;
  std::vector<std::size_t> focus_count_;          // per unit
  std::vector<std::set<std::size_t>> fields_of_;  // per unit
  std::size_t focus_areas_ = 0, responsibilities_ = 0;
};

}  // namespace eduplan
