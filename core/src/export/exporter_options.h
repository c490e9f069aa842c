// Checking user options against an exporter's declarations (internal).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eduplan/exporters.h"

namespace eduplan {

// Every declared option with its value: the user's (checked) or the default.
// Throws UsageError naming the option and what is allowed.
std::vector<std::pair<std::string, std::string>> resolve_options(
    const ExporterInfo& exporter, const std::map<std::string, std::string>& given);

}  // namespace eduplan
