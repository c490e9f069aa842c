// Checking user options against an exporter's declarations (internal).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/exporters.h"

namespace eduplan {

// True if `value` is a valid value of `option` (type, allowed values, range).
bool option_value_valid(const ExporterOption& option, std::string_view value);

// Every declared option with its value: the user's (checked) or the default.
// Throws UsageError naming the option and what is allowed.
std::vector<std::pair<std::string, std::string>> resolve_options(
    const ExporterInfo& exporter, const std::map<std::string, std::string>& given);

}  // namespace eduplan
