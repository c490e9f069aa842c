// A plan read piece by piece, for exports that must not hold a large plan in memory: its outline
// (everything but the focus areas) and a stream of its focus areas in document order.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"

namespace eduplan {

struct PlanOutline {
  Plan plan;  // fields with their titles and objectives but no focus areas, no findings
  std::vector<std::size_t> focus_area_counts;  // per field
  std::vector<std::string> attribute_names;    // of the further columns, in order of appearance
  std::size_t finding_count = 0;
};

// The focus areas of one plan in document order. Not thread-safe.
class EDUPLAN_EXPORT FocusAreaStream {
 public:
  struct Row {
    std::size_t field;  // index into the plan's fields
    std::size_t index;  // position in the field, from 0
    const FocusArea* area;  // valid until the next call of next() or rewind()
  };
  virtual ~FocusAreaStream() = default;
  // Starts a pass from the first focus area; a stream may be read any number of times.
  virtual void rewind() = 0;
  // The next focus area of the pass, or nothing at its end. Throws StorageError.
  virtual std::optional<Row> next() = 0;
};

// The names of the further columns of a plan's focus areas, in order of appearance.
EDUPLAN_EXPORT std::vector<std::string> attribute_names_of(const Plan& plan);
// The findings of one plan in their order. Not thread-safe.
class EDUPLAN_EXPORT FindingStream {
 public:
  virtual ~FindingStream() = default;
  virtual void rewind() = 0;
  // The next finding, valid until the next call, or null at the end. Throws StorageError.
  virtual const Finding* next() = 0;
};

// The outline of a plan in memory.
EDUPLAN_EXPORT PlanOutline outline_of(const Plan& plan);
// A stream over a plan in memory, which must outlive it.
EDUPLAN_EXPORT std::unique_ptr<FocusAreaStream> stream_of(const Plan& plan);
EDUPLAN_EXPORT std::unique_ptr<FindingStream> findings_of(const Plan& plan);

}  // namespace eduplan
