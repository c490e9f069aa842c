// Batch reports: one report per division, per unit or per plan ("Steckbrief"), written in
// parallel; one failing report does not stop the others.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/exporters.h"
#include "eduplan/model.h"
#include "eduplan/storage.h"

namespace eduplan {

enum class BatchScope { division, unit, plan };
BOOST_DESCRIBE_ENUM(BatchScope, division, unit, plan)

// The part of `plan` that the units selected by `keep` are responsible for: only their
// responsibilities, only focus areas that keep one, only fields that keep a focus area
// (with all their objectives); units renumbered; findings about a kept unit. Keys, texts
// and lines are unchanged.
EDUPLAN_EXPORT Plan slice_plan(const Plan& plan, const std::function<bool(std::size_t unit)>& keep);

struct BatchJob {
  std::string label;           // "Dezernat IV", "Stadtarchiv", a plan's name
  std::string file;            // safe, unique file name in the output directory
  std::function<Plan()> make;  // builds the plan to export; may be called from any thread
  // Options for this job (e.g. subtitle), passed only to exporters that declare them and
  // only where the caller did not set them.
  std::map<std::string, std::string> options;
};

// One job per division or unit that is responsible for something, in order of first
// appearance. The jobs refer to `plan`, which must outlive them.
EDUPLAN_EXPORT std::vector<BatchJob> batch_jobs(const Plan& plan, BatchScope scope,
                                                std::string_view extension);
// One job per plan in `storage`; loading is serialised, so `storage` is used safely.
EDUPLAN_EXPORT std::vector<BatchJob> plan_jobs(Storage& storage, std::string_view extension);

struct BatchProgress {
  std::size_t done = 0, failed = 0, total = 0;
  const BatchJob* job = nullptr;  // the job just finished
  std::string error;              // its error, empty if it succeeded
  double seconds = 0;             // since the start
};

// Runs the jobs on `threads` threads (0: all cores). `progress` is called after each job,
// never concurrently. Returns one entry per job, in job order, for the index. `reports`, if
// given, go along with every job (the status reports of the plan the jobs come from).
EDUPLAN_EXPORT std::vector<BatchEntry> run_batch(
    const ExporterRegistry& registry, std::string_view exporter, const std::vector<BatchJob>& jobs,
    const std::map<std::string, std::string>& options, const std::filesystem::path& directory,
    unsigned threads, const std::function<void(const BatchProgress&)>& progress,
    const ExportReports* reports = nullptr);

}  // namespace eduplan
