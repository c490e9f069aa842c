// The batch part of `eduplan export` (--per).
#pragma once

#include <eduplan/exporters.h>

#include <map>
#include <string>

#include "cli_support.h"

namespace eduplan::cli {

// The values of --output-dir ('-' and '' refused) and --jobs (1 to 1024), each on its own, so that
// the caller can name the line of a configuration file that gave it. Throw UsageError.
void check_output_dir_value(const po::variables_map& vm);
void check_jobs_value(const po::variables_map& vm);

// Exit code: 0 all written, 1 some failed (the others are written), 2 usage. Expects the values
// checked above.
int run_export_batch(const po::variables_map& vm, const ExporterRegistry& registry,
                     const ExporterInfo& exporter,
                     const std::map<std::string, std::string>& options);

}  // namespace eduplan::cli
