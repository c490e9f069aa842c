// Where exporter modules may come from, and whether a file is safe to load (internal).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "eduplan/exporters.h"

namespace eduplan {

struct SearchPath {
  std::vector<std::filesystem::path> directories;  // absolute, canonical, existing, in order
  bool disabled = false;
  std::vector<RejectedModule> problems;  // entries that were not searched, and why
};

// `extra` first, then EDUPLAN_PLUGIN_PATH, then the install directory next to the executable.
SearchPath plugin_search_path(const std::vector<std::filesystem::path>& extra);

// Why a module file must not be loaded (writable by group or others, or in such a
// directory without the sticky bit, not a regular file), or nothing if it is safe.
std::optional<std::string> unsafe_module_reason(const std::filesystem::path& file);

}  // namespace eduplan
