// The batch part of `eduplan export` (--per).
#pragma once

#include <eduplan/exporters.h>

#include <map>
#include <string>

#include "cli_support.h"

namespace eduplan::cli {

// Exit code: 0 all written, 1 some failed (the others are written), 2 usage.
int run_export_batch(const po::variables_map& vm, const ExporterRegistry& registry,
                     const ExporterInfo& exporter,
                     const std::map<std::string, std::string>& options);

}  // namespace eduplan::cli
