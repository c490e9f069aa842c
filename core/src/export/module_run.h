// One export as the child process runs it: load the module, hand it the plan, report (internal).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eduplan/exporters.h"
#include "eduplan/model.h"

namespace eduplan {

// Where the plan comes from: a plan in memory, or a plan stored in a database, which the child
// process opens itself (read as a stream by exporters that can, else loaded whole).
struct PlanSource {
  const Plan* plan = nullptr;
  std::filesystem::path database;
  std::string name;
  const ExportReports* reports = nullptr;  // with a plan in memory
  std::optional<std::string> period;       // with a stored plan: which reports go along
};

struct ModuleRun {
  const ExporterInfo& exporter;
  PlanSource source;
  const std::vector<BatchEntry>* batch;  // an index of these reports instead of the plan
  const std::vector<std::pair<std::string, std::string>>& options;  // checked, with defaults
  std::filesystem::path temp;                                       // where the module writes
};

// Runs the export in the calling (child) process. Returns "" on success; throws an exception
// whose message says why it failed (the module's own message where it gave one).
std::string run_module(const ModuleRun& job);

}  // namespace eduplan
