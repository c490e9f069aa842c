// Reading a document into a store while it is read (internal; Storage::import_plan_file): each
// field is checked as soon as it is built and handed to a sink, and its focus areas are dropped
// after, so that one field's focus areas — not the whole plan's — are in memory at a time.
#pragma once

#include <cstddef>
#include <filesystem>

#include "eduplan/model.h"
#include "eduplan/reader.h"

namespace eduplan {

class PlanSink {
 public:
  virtual ~PlanSink() = default;
  // Field `index` is complete (its units and objectives are in plan.units and plan.objectives)
  // and passed the integrity check. Called in document order; plan.name, title and source are
  // final from the first call on. Not called any more once the document has an error.
  virtual void field(const Plan& plan, std::size_t index) = 0;
};

// What read_plan_file returns — the same findings, the same plan — except that the fields'
// focus areas went to the sink and are gone. If has_errors(result.findings), the sink's work
// must be undone. Throws as read_plan_file.
Plan read_plan_file(const std::filesystem::path& path, const ReadOptions& options, PlanSink& sink);

}  // namespace eduplan
